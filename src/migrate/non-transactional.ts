/**
 * Statements PostgreSQL refuses inside a transaction block. Prisma (≤ 7.3, and this action) sends a whole
 * migration.sql as one simple query, i.e. one implicit transaction, so such a statement only works when it is
 * the file's only statement; mixed with others the migration fails with 25001 after its row is written.
 * Found on the real parser's AST, never by matching text.
 */
import { shortenSql } from '../util/format.js'
import { loadParser, parseScript, type ParsedStatement } from '../sql/parse.js'

export interface NonTransactionalStatement {
  line: number
  /** The statement, shortened for reports. */
  statement: string
  /** Why it cannot run in a transaction block. */
  reason: string
}

type AstNode = Record<string, unknown>

function defNames(list: unknown): string[] {
  if (!Array.isArray(list)) return []
  return list.map((item) =>
    ((item as { DefElem?: { defname?: string } }).DefElem?.defname ?? '').toLowerCase()
  )
}

function defValue(list: unknown, name: string): string | undefined {
  if (!Array.isArray(list)) return undefined
  for (const item of list) {
    const def = (
      item as {
        DefElem?: { defname?: string; arg?: { String?: { sval?: string }; Boolean?: { boolval?: boolean } } }
      }
    ).DefElem
    if (def?.defname?.toLowerCase() !== name) continue
    if (def.arg?.Boolean) return def.arg.Boolean.boolval ? 'true' : 'false'
    return def.arg?.String?.sval?.toLowerCase() ?? 'true'
  }
  return undefined
}

const FALSE_VALUES = new Set(['false', 'off', '0', 'no'])

/** The reason `node` cannot run in a transaction block, or undefined. */
export function nonTransactionalReason(
  kind: string,
  node: AstNode,
  serverVersionNum = 0
): string | undefined {
  const body = (node[kind] ?? {}) as AstNode
  switch (kind) {
    case 'IndexStmt':
      return body.concurrent ? 'CREATE INDEX CONCURRENTLY' : undefined
    case 'DropStmt':
      return body.concurrent ? 'DROP INDEX CONCURRENTLY' : undefined
    case 'ReindexStmt':
      return defNames(body.params).includes('concurrently') ? 'REINDEX CONCURRENTLY' : undefined
    case 'VacuumStmt':
      // ANALYZE shares the node but may run in a transaction.
      return body.is_vacuumcmd ? 'VACUUM' : undefined
    case 'AlterSystemStmt':
      return 'ALTER SYSTEM'
    case 'CreatedbStmt':
      return 'CREATE DATABASE'
    case 'DropdbStmt':
      return 'DROP DATABASE'
    case 'CreateTableSpaceStmt':
      return 'CREATE TABLESPACE'
    case 'DropTableSpaceStmt':
      return 'DROP TABLESPACE'
    case 'AlterDatabaseStmt':
      return defNames(body.options).includes('tablespace') ? 'ALTER DATABASE ... SET TABLESPACE' : undefined
    case 'CreateSubscriptionStmt': {
      const createSlot = defValue(body.options, 'create_slot')
      return createSlot !== undefined && FALSE_VALUES.has(createSlot)
        ? undefined
        : 'CREATE SUBSCRIPTION (creates a replication slot)'
    }
    case 'ClusterStmt':
      return body.relation ? undefined : 'CLUSTER without a table'
    case 'DiscardStmt':
      return body.target === 'DISCARD_ALL' ? 'DISCARD ALL' : undefined
    case 'AlterEnumStmt':
      // ADD VALUE is allowed in a transaction since PostgreSQL 12.
      return !body.oldVal && serverVersionNum > 0 && serverVersionNum < 120000
        ? 'ALTER TYPE ... ADD VALUE (before PostgreSQL 12)'
        : undefined
    case 'AlterTableStmt': {
      const cmds = Array.isArray(body.cmds) ? (body.cmds as AstNode[]) : []
      const detachConcurrently = cmds.some((cmd) => {
        const c = (cmd.AlterTableCmd ?? {}) as {
          subtype?: string
          def?: { PartitionCmd?: { concurrent?: boolean } }
        }
        return c.subtype === 'AT_DetachPartition' && c.def?.PartitionCmd?.concurrent === true
      })
      return detachConcurrently ? 'DETACH PARTITION CONCURRENTLY' : undefined
    }
    default:
      return undefined
  }
}

/** Statements of a parsed file that would make it fail; empty when the file has only one statement. */
export function nonTransactionalStatements(
  statements: ParsedStatement[],
  serverVersionNum = 0
): NonTransactionalStatement[] {
  if (statements.length < 2) return []
  const found: NonTransactionalStatement[] = []
  for (const statement of statements) {
    const reason = nonTransactionalReason(
      statement.kind,
      statement.node as unknown as AstNode,
      serverVersionNum
    )
    if (reason) found.push({ line: statement.startLine, statement: shortenSql(statement.text), reason })
  }
  return found
}

// Every statement above needs one of these words. Files without any are skipped unparsed: parsing costs about
// half a millisecond per file, which adds up over a long history. The decision itself is always the AST's.
const CANDIDATE_WORDS = /\b(concurrently|vacuum|system|database|tablespace|subscription|cluster|discard)\b/i
const OLD_SERVER_WORDS = /\bvalue\b/i

/** Parses `script` and reports its offending statements; a file that does not parse is left to the server. */
export async function findNonTransactional(
  script: string,
  serverVersionNum = 0
): Promise<NonTransactionalStatement[]> {
  const oldServer = serverVersionNum > 0 && serverVersionNum < 120000
  if (!CANDIDATE_WORDS.test(script) && !(oldServer && OLD_SERVER_WORDS.test(script))) return []
  await loadParser()
  const parsed = parseScript(script)
  return parsed.error ? [] : nonTransactionalStatements(parsed.statements, serverVersionNum)
}

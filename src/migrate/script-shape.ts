/**
 * What a failed migration.sql can have left behind when it ran as ONE simple query (Prisma ≤ 7.3, and this
 * action's default): PostgreSQL runs a multi-statement query as one implicit transaction, unless the text has its
 * own transaction control (a COMMIT before the end commits what came before it), and a lone statement that cannot
 * run in a transaction (CREATE INDEX CONCURRENTLY...) runs on its own. Decided on the real parser's AST.
 */
import { shortenSql } from '../util/format.js'
import { quoteIdent } from '../db/connect.js'
import { loadParser, parseScript, type ParsedStatement } from '../sql/parse.js'
import { nonTransactionalReason } from './non-transactional.js'

/** A statement of a migration file, as the summary shows it. */
export interface StatementRef {
  /** 1-based line where it starts. */
  line: number
  text: string
}

/**
 * Which statements of a failed migration are committed: a list (possibly empty), `'none'`, or `'unknown'` when
 * that cannot be established. The statement-by-statement mode (Prisma ≥ 7.4) reports its own progress here.
 */
export type CommittedStatements = StatementRef[] | 'none' | 'unknown'

type AstNode = Record<string, unknown>

const ENDS_TRANSACTION = new Set([
  'TRANS_STMT_COMMIT',
  'TRANS_STMT_ROLLBACK',
  'TRANS_STMT_PREPARE',
  'TRANS_STMT_COMMIT_PREPARED',
  'TRANS_STMT_ROLLBACK_PREPARED'
])

function transactionKind(statement: ParsedStatement): string | undefined {
  if (statement.kind !== 'TransactionStmt') return undefined
  return ((statement.node as unknown as AstNode).TransactionStmt as { kind?: string }).kind
}

/** A statement on one line, at most 160 characters: how summaries and reports show it. */
export function statementRef(statement: ParsedStatement): StatementRef {
  return { line: statement.startLine, text: shortenSql(statement.text) }
}

/** A relation an index statement works on, for the INVALID-index check after a failure. */
export interface IndexTarget {
  /** `"schema"."name"` or `"name"` (resolved with the session's search_path, as the statement was). */
  relation: string
  /** The relation is an index (REINDEX INDEX), not a table. */
  relationIsIndex: boolean
  /** The index a CREATE INDEX CONCURRENTLY names; undefined: any invalid index on the table. */
  indexName?: string
  line: number
  statement: string
}

export interface ScriptShape {
  statementCount: number
  /**
   * A failure commits nothing: one implicit transaction (a COMMIT, if any, only as the last statement), or a single
   * statement that is neither a DO block nor a CALL (which may COMMIT inside when run on their own). Only then
   * is a migration cancelled at lock_timeout retried.
   */
  atomic: boolean
  /** Why the file is not atomic (or could not be analysed). */
  reason?: string
  /** The file is one statement that PostgreSQL refuses in a transaction block (CREATE INDEX CONCURRENTLY...). */
  nonTransactional?: string
  indexTargets: IndexTarget[]
  statements: ParsedStatement[]
}

function relationName(rel: { schemaname?: string; relname?: string } | undefined): string | undefined {
  if (!rel?.relname) return undefined
  return rel.schemaname ? `${quoteIdent(rel.schemaname)}.${quoteIdent(rel.relname)}` : quoteIdent(rel.relname)
}

function indexTarget(statement: ParsedStatement): IndexTarget | undefined {
  const node = statement.node as unknown as AstNode
  if (statement.kind === 'IndexStmt') {
    const body = node.IndexStmt as {
      concurrent?: boolean
      idxname?: string
      relation?: { schemaname?: string; relname?: string }
    }
    const relation = relationName(body.relation)
    if (!body.concurrent || !relation) return undefined
    return {
      relation,
      relationIsIndex: false,
      indexName: body.idxname,
      line: statement.startLine,
      statement: shortenSql(statement.text)
    }
  }
  if (statement.kind === 'ReindexStmt') {
    const body = node.ReindexStmt as {
      kind?: string
      relation?: { schemaname?: string; relname?: string }
      params?: { DefElem?: { defname?: string } }[]
    }
    const concurrent = (body.params ?? []).some((p) => p.DefElem?.defname?.toLowerCase() === 'concurrently')
    const relation = relationName(body.relation)
    if (!concurrent || !relation) return undefined
    return {
      relation,
      relationIsIndex: body.kind === 'REINDEX_OBJECT_INDEX',
      line: statement.startLine,
      statement: shortenSql(statement.text)
    }
  }
  return undefined
}

/** Parses `script` (cached per run) and says what a failure of it can have committed. */
export async function scriptShape(script: string, serverVersionNum = 0): Promise<ScriptShape> {
  await loadParser()
  const parsed = parseScript(script)
  if (parsed.error) {
    return {
      statementCount: 0,
      atomic: false,
      reason: `the file does not parse (${parsed.error.message}, line ${parsed.error.line})`,
      indexTargets: [],
      statements: []
    }
  }
  const statements = parsed.statements
  const indexTargets = statements.map(indexTarget).filter((t): t is IndexTarget => t !== undefined)
  const shape: ScriptShape = { statementCount: statements.length, atomic: true, indexTargets, statements }
  if (statements.length === 1) {
    const only = statements[0]
    const reason = nonTransactionalReason(only.kind, only.node as unknown as AstNode, serverVersionNum)
    if (reason) {
      shape.nonTransactional = reason
      shape.atomic = false
      shape.reason = `its only statement, \`${reason}\`, runs outside a transaction and can leave work behind when it fails`
    } else if (only.kind === 'DoStmt' || only.kind === 'CallStmt') {
      shape.atomic = false
      shape.reason = `its only statement is a ${only.kind === 'DoStmt' ? 'DO block' : 'CALL'}, which may COMMIT inside`
    }
    return shape
  }
  const early = statements.slice(0, -1).find((s) => ENDS_TRANSACTION.has(transactionKind(s) ?? ''))
  if (early) {
    shape.atomic = false
    shape.reason = `line ${early.startLine} ends a transaction (\`${shortenSql(early.text)}\`), so the statements before it commit on their own`
  }
  return shape
}

/** The statement containing a 1-based character `position` of the script (what PostgreSQL reports). */
function statementAtPosition(
  script: string,
  statements: ParsedStatement[],
  position: string | undefined
): number | undefined {
  const offset = Number(position)
  if (!Number.isInteger(offset) || offset < 1) return undefined
  const byte = Buffer.byteLength(script.slice(0, offset - 1), 'utf8')
  let found: number | undefined
  for (let i = 0; i < statements.length; i++) if (statements[i].byteStart <= byte) found = i
  return found
}

/**
 * Which statements a failure of the whole file left committed. Atomic files and single statements: none. With
 * COMMITs inside, and PostgreSQL naming the failing statement (an error `position`): everything up to the last
 * COMMIT before it, when every transaction end before it is a COMMIT. Otherwise unknown.
 */
export function committedAfterFailure(
  shape: ScriptShape,
  script: string,
  error: { position?: string }
): CommittedStatements {
  if (shape.atomic) return 'none'
  if (shape.statementCount === 1) return shape.nonTransactional ? 'none' : 'unknown'
  if (shape.statements.length === 0) return 'unknown'
  const failing = statementAtPosition(script, shape.statements, error.position)
  if (failing === undefined) return 'unknown'
  let lastCommit = -1
  for (let i = 0; i < failing; i++) {
    const kind = transactionKind(shape.statements[i])
    if (kind === undefined || !ENDS_TRANSACTION.has(kind)) continue
    if (kind !== 'TRANS_STMT_COMMIT') return 'unknown'
    lastCommit = i
  }
  if (lastCommit < 0) return 'none'
  return shape.statements
    .slice(0, lastCommit + 1)
    .filter((s) => s.kind !== 'TransactionStmt')
    .map(statementRef)
}

/**
 * How a migration.sql is sent to PostgreSQL, per Prisma version (prisma-migrate-compat.md §5.1):
 *
 * - `whole-file` (Prisma ≤ 7.3, and 7.4+ when its SQL parser cannot split the file): the file is one simple-protocol
 *   query, which PostgreSQL runs as one implicit transaction. A failure rolls back the whole file.
 * - `per-statement` (Prisma ≥ 7.4, prisma-engines#5767): the file is split into statements and each one is sent as
 *   its own simple query, so each commits on its own. `CREATE INDEX CONCURRENTLY` works among other statements, and
 *   a failure leaves the statements before it committed.
 *
 * Prisma splits with the Rust `sqlparser` crate (0.61 in Prisma 7.4) and falls back to `whole-file` when that parser
 * rejects the file (e.g. `DROP INDEX CONCURRENTLY`, prisma-engines#5847). We cannot run sqlparser here, so the split
 * is made with PostgreSQL's own parser (libpg-query) and the fallback is predicted from the statement families
 * sqlparser 0.61 has no grammar for (`sqlparserCannotParse`, read in its parser's statement dispatch). That is an
 * approximation: a finer syntax detail sqlparser rejects inside an otherwise known statement is not predicted, and
 * then we split a file Prisma would send whole. Both end states agree whenever the file succeeds; they differ only in
 * what a failure leaves behind and whether a mixed non-transactional statement is accepted.
 *
 * Every unit (the whole file, or one statement) goes through `runUnit`, so that anything wrapping the execution of
 * a unit (timeouts, retries) wraps exactly what Prisma sends as one query.
 */
import { shortenSql } from '../util/format.js'
import type pg from 'pg'
import { loadParser, parseScript, type ParsedScript, type ParsedStatement } from '../sql/parse.js'
import type { CommittedStatements } from './script-shape.js'

export type ExecutionMode = 'whole-file' | 'per-statement'

/** Why a 7.4+ file goes as one batch: the construct Prisma's parser rejects and its line. */
export interface Fallback {
  construct: string
  line: number
}

/** "Prisma's SQL parser cannot parse `DROP INDEX CONCURRENTLY` (line 3)", for messages. */
export function describeFallback(fallback: Fallback): string {
  return fallback.construct === 'syntax error'
    ? `the file does not parse (line ${fallback.line})`
    : `Prisma's SQL parser (sqlparser 0.61) cannot parse \`${fallback.construct}\` (line ${fallback.line})`
}

/** What the Prisma version asks for; `per-statement` may still fall back to `whole-file` for one file. */
export type ExecutionStrategy = ExecutionMode

export interface ExecutionUnit {
  /** The SQL sent as one simple query. */
  text: string
  /** 1-based lines of the unit in migration.sql. */
  startLine: number
  endLine: number
  /** The statement's node type (libpg-query), when the unit is one statement. */
  kind?: string
  /** Whether the unit is the file's own transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT...). */
  transaction?: 'begin' | 'commit' | 'rollback' | 'savepoint'
}

export interface ExecutionPlan {
  mode: ExecutionMode
  units: ExecutionUnit[]
  /** Set when the strategy was `per-statement` but the file is sent whole: the statement Prisma cannot parse. */
  fallback?: Fallback
  /**
   * The file has its own BEGIN/COMMIT/SAVEPOINT... (or could not be parsed): a failed batch may have committed part.
   * Undefined until known (a whole-file plan is made without parsing; `committedStatements` parses on failure).
   */
  ownTransactionControl?: boolean
}

export type { CommittedStatements }

/** Per-unit progress, kept up to date while a plan runs, so that a failure can say what was committed. */
export interface ExecutionProgress {
  plan: ExecutionPlan
  /** Units that completed and are committed. */
  committed: ExecutionUnit[]
  /** Units that completed inside the file's own open transaction (not committed yet). */
  inOpenTransaction: ExecutionUnit[]
  /** The unit that was running when the plan stopped. */
  failedUnit?: ExecutionUnit
  /** Set when what was committed cannot be known (lost connection, savepoints, own COMMIT inside a batch). */
  uncertain: boolean
}

type AstNode = Record<string, unknown>

function body(statement: ParsedStatement): AstNode {
  return ((statement.node as unknown as AstNode)[statement.kind] ?? {}) as AstNode
}

/**
 * Statement families sqlparser 0.61 (Prisma 7.4–7.10) has no grammar for with its PostgreSQL dialect; one of them
 * makes Prisma send the whole file as one batch. From `Parser::parse_statement`, `parse_create`, `parse_alter` and
 * `parse_drop` of sqlparser v0.61.0.
 */
const UNPARSED_KINDS: Readonly<Record<string, string>> = {
  DoStmt: 'DO',
  ReindexStmt: 'REINDEX',
  ClusterStmt: 'CLUSTER',
  RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
  LockStmt: 'LOCK',
  CheckPointStmt: 'CHECKPOINT',
  AlterSeqStmt: 'ALTER SEQUENCE',
  AlterFunctionStmt: 'ALTER FUNCTION',
  AlterDomainStmt: 'ALTER DOMAIN',
  AlterExtensionStmt: 'ALTER EXTENSION',
  AlterExtensionContentsStmt: 'ALTER EXTENSION',
  AlterDefaultPrivilegesStmt: 'ALTER DEFAULT PRIVILEGES',
  AlterDatabaseStmt: 'ALTER DATABASE',
  AlterDatabaseSetStmt: 'ALTER DATABASE',
  AlterDatabaseRefreshCollStmt: 'ALTER DATABASE',
  AlterSystemStmt: 'ALTER SYSTEM',
  AlterObjectSchemaStmt: 'ALTER ... SET SCHEMA',
  AlterOwnerStmt: 'ALTER ... OWNER TO',
  AlterEventTrigStmt: 'ALTER EVENT TRIGGER',
  CreateEventTrigStmt: 'CREATE EVENT TRIGGER',
  CreatePublicationStmt: 'CREATE PUBLICATION',
  AlterPublicationStmt: 'ALTER PUBLICATION',
  CreateSubscriptionStmt: 'CREATE SUBSCRIPTION',
  AlterSubscriptionStmt: 'ALTER SUBSCRIPTION',
  DropSubscriptionStmt: 'DROP SUBSCRIPTION',
  CreateCastStmt: 'CREATE CAST',
  CreateConversionStmt: 'CREATE CONVERSION',
  CreatePLangStmt: 'CREATE LANGUAGE',
  RuleStmt: 'CREATE RULE',
  CreateStatsStmt: 'CREATE STATISTICS',
  AlterStatsStmt: 'ALTER STATISTICS',
  CreateAmStmt: 'CREATE ACCESS METHOD',
  CreateTransformStmt: 'CREATE TRANSFORM',
  CreateTableSpaceStmt: 'CREATE TABLESPACE',
  DropTableSpaceStmt: 'DROP TABLESPACE',
  AlterTableSpaceOptionsStmt: 'ALTER TABLESPACE',
  CreateForeignTableStmt: 'CREATE FOREIGN TABLE',
  CreateFdwStmt: 'CREATE FOREIGN DATA WRAPPER',
  AlterFdwStmt: 'ALTER FOREIGN DATA WRAPPER',
  CreateUserMappingStmt: 'CREATE USER MAPPING',
  ImportForeignSchemaStmt: 'IMPORT FOREIGN SCHEMA',
  SecLabelStmt: 'SECURITY LABEL',
  DropOwnedStmt: 'DROP OWNED',
  ReassignOwnedStmt: 'REASSIGN OWNED',
  AlterTSConfigurationStmt: 'ALTER TEXT SEARCH CONFIGURATION',
  AlterTSDictionaryStmt: 'ALTER TEXT SEARCH DICTIONARY'
}

/** `DROP <object>` forms sqlparser 0.61 parses (anything else makes Prisma fall back). */
const DROPPABLE = new Set([
  'OBJECT_TABLE',
  'OBJECT_VIEW',
  'OBJECT_MATVIEW',
  'OBJECT_INDEX',
  'OBJECT_SCHEMA',
  'OBJECT_SEQUENCE',
  'OBJECT_TYPE',
  'OBJECT_FUNCTION',
  'OBJECT_POLICY',
  'OBJECT_DOMAIN',
  'OBJECT_PROCEDURE',
  'OBJECT_TRIGGER',
  'OBJECT_EXTENSION',
  'OBJECT_OPERATOR',
  'OBJECT_OPFAMILY',
  'OBJECT_OPCLASS'
])

/** `ALTER <object> ... RENAME` forms sqlparser 0.61 parses. */
const RENAMEABLE = new Set([
  'OBJECT_TABLE',
  'OBJECT_COLUMN',
  'OBJECT_TABCONSTRAINT',
  'OBJECT_INDEX',
  'OBJECT_TYPE',
  'OBJECT_VIEW',
  'OBJECT_SCHEMA',
  'OBJECT_ROLE',
  'OBJECT_POLICY'
])

/** Why Prisma 7.4's sqlparser would reject this statement (so the whole file goes as one batch), or undefined. */
export function sqlparserCannotParse(statement: ParsedStatement): string | undefined {
  const fixed = UNPARSED_KINDS[statement.kind]
  if (fixed) return fixed
  const b = body(statement)
  switch (statement.kind) {
    case 'DropStmt':
      // sqlparser ≤ 0.62 knows CONCURRENTLY in CREATE INDEX only (prisma-engines#5847).
      if (b.concurrent) return 'DROP INDEX CONCURRENTLY'
      return DROPPABLE.has(String(b.removeType)) ? undefined : `DROP ${objectWord(b.removeType)}`
    case 'RenameStmt':
      return RENAMEABLE.has(String(b.renameType)) ? undefined : `ALTER ${objectWord(b.renameType)} ... RENAME`
    case 'AlterTableStmt':
      // ALTER TABLE and ALTER VIEW only; ALTER MATERIALIZED VIEW / SEQUENCE / INDEX ... SET have no grammar.
      return b.objtype === 'OBJECT_TABLE' || b.objtype === 'OBJECT_VIEW'
        ? undefined
        : `ALTER ${objectWord(b.objtype)}`
    case 'DefineStmt':
      return b.kind === 'OBJECT_OPERATOR' ? undefined : `CREATE ${objectWord(b.kind)}`
    case 'CreateFunctionStmt':
      // sqlparser's CREATE PROCEDURE is the SQL Server form (AS BEGIN ... END).
      return b.is_procedure ? 'CREATE PROCEDURE' : undefined
    case 'VacuumStmt':
      // Only the Redshift-style `VACUUM [FULL] table`; `VACUUM (options)` and `ANALYZE` do not parse.
      return b.is_vacuumcmd && !Array.isArray(b.options)
        ? undefined
        : b.is_vacuumcmd
          ? 'VACUUM (...)'
          : 'ANALYZE'
    default:
      return undefined
  }
}

function objectWord(value: unknown): string {
  return String(value ?? '')
    .replace(/^OBJECT_/, '')
    .replace(/_/g, ' ')
}

const TRANSACTION_KINDS: Readonly<Record<string, ExecutionUnit['transaction']>> = {
  TRANS_STMT_BEGIN: 'begin',
  TRANS_STMT_START: 'begin',
  TRANS_STMT_COMMIT: 'commit',
  TRANS_STMT_ROLLBACK: 'rollback',
  TRANS_STMT_SAVEPOINT: 'savepoint',
  TRANS_STMT_RELEASE: 'savepoint',
  TRANS_STMT_ROLLBACK_TO: 'savepoint',
  TRANS_STMT_PREPARE: 'savepoint',
  TRANS_STMT_COMMIT_PREPARED: 'savepoint',
  TRANS_STMT_ROLLBACK_PREPARED: 'savepoint'
}

function unitOf(statement: ParsedStatement): ExecutionUnit {
  const unit: ExecutionUnit = {
    text: statement.text,
    startLine: statement.startLine,
    endLine: statement.endLine,
    kind: statement.kind
  }
  if (statement.kind === 'TransactionStmt') unit.transaction = TRANSACTION_KINDS[String(body(statement).kind)]
  return unit
}

function ownTransactionControl(parsed: ParsedScript): boolean {
  return parsed.error !== undefined || parsed.statements.some((s) => s.kind === 'TransactionStmt')
}

function wholeFile(script: string, parsed?: ParsedScript, fallback?: Fallback): ExecutionPlan {
  const lines = script.split('\n').length
  return {
    mode: 'whole-file',
    units: [{ text: script, startLine: 1, endLine: lines }],
    fallback,
    ownTransactionControl: parsed ? ownTransactionControl(parsed) : undefined
  }
}

/**
 * How `script` will be sent under `strategy`: one unit, or one unit per statement. A whole-file plan needs no
 * parsing (a long history of Prisma ≤ 7.3 migrations is not parsed for it).
 */
export async function planExecution(script: string, strategy: ExecutionStrategy): Promise<ExecutionPlan> {
  if (strategy === 'whole-file') return wholeFile(script)
  await loadParser()
  return planWithLoadedParser(script, strategy)
}

/** `planExecution` once `loadParser()` has resolved. */
export function planWithLoadedParser(script: string, strategy: ExecutionStrategy): ExecutionPlan {
  if (strategy === 'whole-file') return wholeFile(script)
  const parsed = parseScript(script)
  if (parsed.error) return wholeFile(script, parsed, { construct: 'syntax error', line: parsed.error.line })
  for (const statement of parsed.statements) {
    const reason = sqlparserCannotParse(statement)
    if (reason) return wholeFile(script, parsed, { construct: reason, line: statement.startLine })
  }
  return { mode: 'per-statement', units: parsed.statements.map(unitOf), ownTransactionControl: false }
}

/**
 * THE place where one unit is sent: one simple-protocol query (no parameters), exactly what Prisma's engine sends
 * with `simple_query`. Anything that must wrap one unit (lock timeouts and their retries) wraps this function.
 */
export async function runUnit(client: pg.Client, unit: ExecutionUnit): Promise<void> {
  await client.query(unit.text)
}

export function newProgress(plan: ExecutionPlan): ExecutionProgress {
  return { plan, committed: [], inOpenTransaction: [], uncertain: false }
}

/** Runs a plan unit by unit, keeping `progress` up to date; rethrows the first failure unchanged. */
export async function executePlan(
  client: pg.Client,
  plan: ExecutionPlan,
  progress: ExecutionProgress = newProgress(plan),
  run: (client: pg.Client, unit: ExecutionUnit) => Promise<void> = runUnit
): Promise<ExecutionProgress> {
  for (const unit of plan.units) {
    progress.failedUnit = unit
    await run(client, unit)
    progress.failedUnit = undefined
    if (plan.mode === 'whole-file') {
      progress.committed.push(unit)
      continue
    }
    switch (unit.transaction) {
      case 'begin':
        progress.inOpenTransaction.push(unit)
        break
      case 'commit':
        progress.committed.push(...progress.inOpenTransaction, unit)
        progress.inOpenTransaction = []
        break
      case 'rollback':
        progress.inOpenTransaction = []
        break
      case 'savepoint':
        progress.uncertain = true
        progress.inOpenTransaction.push(unit)
        break
      default:
        if (progress.inOpenTransaction.length > 0) progress.inOpenTransaction.push(unit)
        else progress.committed.push(unit)
    }
  }
  return progress
}

/** A server-side error (the statement failed and did not commit) rather than a lost connection. */
export function isServerError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)
}

/** What stays committed after `error` stopped the plan (parses a whole-file plan's script: `loadParser()` first). */
export function committedStatements(progress: ExecutionProgress, error: unknown): CommittedStatements {
  if (!isServerError(error) || progress.uncertain) return 'unknown'
  // One implicit transaction, unless the file ends it itself (its own COMMIT inside the batch).
  if (progress.plan.mode === 'whole-file') {
    progress.plan.ownTransactionControl ??= ownTransactionControl(
      parseScript(progress.plan.units[0]?.text ?? '')
    )
    return progress.plan.ownTransactionControl ? 'unknown' : 'none'
  }
  if (progress.committed.length === 0) return 'none'
  return progress.committed.map((unit) => ({ line: unit.startLine, text: shortenSql(unit.text) }))
}

/** For `_prisma_migrations.logs` and log lines: the committed statements as text. */
export function describeStatementsForLog(committed: CommittedStatements): string {
  if (committed === 'none') return 'none'
  if (committed === 'unknown') return 'unknown'
  return committed.map(({ line, text }) => `line ${line}: ${text.replace(/\s+/g, ' ').trim()}`).join('; ')
}

/**
 * Prisma's user-facing errors for migrate deploy/status/resolve (prisma-migrate-compat.md §11), with the exact
 * message text Prisma prints and a hint naming the next step in terms of THIS action's inputs.
 */
import { formatMs } from '../util/format.js'
import { ActionError } from '../errors.js'
import { PRISMA_ADVISORY_LOCK_KEY } from '../constants.js'
import { type BlockingSession, describeSessions } from './blockers.js'
import type { ExecutionMode } from './execute.js'
import type { InvalidIndex } from './invalid-indexes.js'
import type { LockRetriesExhausted } from './lock-retry.js'
import type { CommittedStatements } from './script-shape.js'

export interface AppliedMigration {
  name: string
  checksum: string
  startedAt: Date
  finishedAt: Date
  durationMs: number
}

/** What a failed migration left behind, as far as it can be known (issue 9 §4). */
export interface AfterFailure {
  /** The migration that failed or could not get its locks. */
  migration: string
  /** Still pending (nothing applied, no failed row), or recorded as failed in `_prisma_migrations`. */
  state: 'pending' | 'failed'
  committedStatements: CommittedStatements
  /** How the migration was sent: as one batch, or statement by statement (Prisma 7.4+); absent when pending. */
  execution?: ExecutionMode
  /** INVALID indexes a failed CONCURRENTLY statement of it left. */
  invalidIndexes: InvalidIndex[]
  /** The sessions it last waited for, when it was cancelled at lock_timeout. */
  blockers: BlockingSession[]
}

/** A deploy that stopped. `applied` lists what this run applied before it stopped; those stay applied. */
export class MigrationRunError extends ActionError {
  readonly applied: AppliedMigration[]
  readonly failedMigration?: string
  readonly afterFailure?: AfterFailure
  /** How the failed migration was sent: as one batch, or statement by statement (Prisma 7.4+). */
  readonly execution?: ExecutionMode
  /**
   * The failed migration's row was written in its script's transaction (the one-round-trip path): a lost connection
   * left either all of it committed or none of it, never a started row.
   */
  readonly rowWithScript?: boolean

  constructor(
    message: string,
    options: {
      /** Prisma's code; none for failures Prisma has no code for (a migration that could not get its locks). */
      code?: string
      hint?: string
      cause?: unknown
      applied?: AppliedMigration[]
      failedMigration?: string
      afterFailure?: AfterFailure
      execution?: ExecutionMode
      rowWithScript?: boolean
    }
  ) {
    super(message, options)
    this.name = 'MigrationRunError'
    this.applied = options.applied ?? []
    this.failedMigration = options.failedMigration
    this.afterFailure = options.afterFailure
    this.execution = options.execution
    this.rowWithScript = options.rowWithScript
  }

  /**
   * Attaches what this run applied to an error raised on the way (lock file, lock, P3005, a failed script).
   * Errors without a Prisma code (e.g. a lost connection during bookkeeping) are returned unchanged.
   */
  static from(error: unknown, applied: AppliedMigration[], failedMigration?: string): unknown {
    // Prisma's P1017 for a connection that broke outside the script (lock, bookkeeping): the run still reports.
    if (!(error instanceof ActionError) && isConnectionLost(error))
      return new MigrationRunError('Server has closed the connection.', {
        code: 'P1017',
        cause: error,
        applied: [...applied],
        failedMigration
      })
    const ours = error instanceof MigrationRunError
    if (!(error instanceof ActionError) || (!error.code && !ours)) return error
    const failed = ours ? (error.failedMigration ?? failedMigration) : failedMigration
    return new MigrationRunError(error.message, {
      code: error.code,
      hint: error.hint,
      cause: ours ? error.cause : error,
      applied: [...applied],
      failedMigration: failed,
      afterFailure: ours ? error.afterFailure : undefined,
      execution: ours ? error.execution : undefined,
      rowWithScript: ours ? error.rowWithScript : undefined
    })
  }
}

const RESOLVE_DOCS = 'https://pris.ly/d/migrate-resolve'
const BASELINE_DOCS = 'https://pris.ly/d/migrate-baseline'

function resolveInput(kind: 'applied' | 'rolled-back', name: string): string {
  return `\`mode: migrate-resolve\` and \`resolve-${kind}: "${name}"\``
}

/**
 * chrono's `DateTime<Utc>` Display, which Prisma uses in P3009: the fraction is omitted when zero, otherwise
 * printed with 3 or 6 digits (Postgres keeps microseconds).
 */
export function formatPrismaTimestamp(date: Date, microsOfSecond = date.getUTCMilliseconds() * 1000): string {
  const base = date.toISOString().slice(0, 19).replace('T', ' ')
  if (microsOfSecond === 0) return `${base} UTC`
  const fraction =
    microsOfSecond % 1000 === 0
      ? String(microsOfSecond / 1000).padStart(3, '0')
      : String(microsOfSecond).padStart(6, '0')
  return `${base}.${fraction} UTC`
}

export function nonEmptyDatabaseError(
  firstMigration: string | undefined,
  migrationsDir: string
): ActionError {
  const hint = firstMigration
    ? `The database already has tables but no migration history. If the migrations in ${migrationsDir} describe ` +
      `the current schema, baseline it: run this action with ${resolveInput('applied', firstMigration)} (once ` +
      `for each migration the database already reflects); later deploys then apply only newer migrations. ` +
      `See ${BASELINE_DOCS}.`
    : `The database already has tables but no migration history, and ${migrationsDir} has no migrations to ` +
      `baseline it with. Point \`database-url\` at the right database, or create a baseline migration first. ` +
      `See ${BASELINE_DOCS}.`
  return new ActionError(
    `The database schema is not empty. Read more about how to baseline an existing production database: ${BASELINE_DOCS}`,
    { code: 'P3005', hint }
  )
}

export function failedMigrationsError(
  failed: { name: string; startedAt: Date; startedAtMicros?: number }[],
  execution: ExecutionMode = 'whole-file'
): ActionError {
  const details = failed
    .map(
      (row) =>
        `The \`${row.name}\` migration started at ${formatPrismaTimestamp(row.startedAt, row.startedAtMicros)} failed\n`
    )
    .join('')
  const first = failed[0]?.name ?? '<name>'
  return new ActionError(
    `migrate found failed migrations in the target database, new migrations will not be applied. Read more about how to resolve migration issues in a production database: ${RESOLVE_DOCS}\n${details}`,
    {
      code: 'P3009',
      hint:
        `Check what the failed migration left in the database${
          execution === 'per-statement'
            ? ' (Prisma 7.4+ runs each statement on its own: the statements before the failing one stay committed)'
            : ' (Prisma runs a file as one transaction, so a failed file is normally rolled back as a whole)'
        }. If none of its changes are there, or you undid them, fix its migration.sql and run this action with ` +
        `${resolveInput('rolled-back', first)}, then deploy again. If you completed the change by hand, run it ` +
        `with ${resolveInput('applied', first)} instead.`
    }
  )
}

export interface DatabaseErrorLike {
  code?: string
  message?: string
  detail?: string
  hint?: string
  position?: string
}

/** The text of Prisma's P3018 (§5.2) without the Rust debug dump; also what we store in `logs`. */
export function applyFailedMessage(name: string, error: DatabaseErrorLike): string {
  const lines = [`ERROR: ${error.message ?? String(error)}`]
  if (error.detail) lines.push(`DETAIL: ${error.detail}`)
  if (error.hint) lines.push(`HINT: ${error.hint}`)
  return (
    `A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: ${RESOLVE_DOCS}\n\n` +
    `Migration name: ${name}\n\n` +
    `Database error code: ${error.code && /^[0-9A-Z]{5}$/.test(error.code) ? error.code : 'none'}\n\n` +
    `Database error:\n${lines.join('\n')}\n`
  )
}

/** Statements of migration.sql for a message: `line 3: CREATE TABLE ...; line 7: ...`, each shortened. */
export function describeStatements(statements: { line: number; text: string }[]): string {
  return statements
    .map(({ line, text }) => {
      const oneLine = text.replace(/\s+/g, ' ').trim()
      return `line ${line}: ${oneLine.length > 100 ? `${oneLine.slice(0, 97)}...` : oneLine}`
    })
    .join('; ')
}

/** What the failure left committed, in one sentence. */
export function committedSentence(committed: CommittedStatements, execution: ExecutionMode): string {
  if (committed === 'unknown')
    return execution === 'per-statement'
      ? 'Which of its statements were committed cannot be known (the connection was lost, or the file manages its own transactions): inspect the database.'
      : 'Whether part of it was committed cannot be known (the connection was lost, or the file has its own BEGIN/COMMIT): inspect the database.'
  if (committed === 'none')
    return execution === 'per-statement'
      ? 'None of its statements had been committed: the failing statement was the first to change anything.'
      : 'Postgres rolled back all of its statements (the file ran as one transaction).'
  return `These statements before the failing one were committed and stay in the database: ${describeStatements(committed)}.`
}

export function applyFailedHint(
  name: string,
  committed: CommittedStatements = 'none',
  execution: ExecutionMode = 'whole-file',
  failedLine?: number
): string {
  const record =
    '_prisma_migrations now records it as failed, so every deploy stops with P3009 until it is resolved.'
  if (execution === 'whole-file' && committed === 'none')
    return (
      `Postgres rolled back this migration's statements (the file runs as one transaction, unless it contains its ` +
      `own BEGIN/COMMIT), but ${record} Fix migration.sql, run this action with ${resolveInput('rolled-back', name)}, then deploy again.`
    )
  const failing = failedLine
    ? `The failing statement (line ${failedLine}) and the ones after it did not run. `
    : ''
  const how =
    execution === 'per-statement'
      ? 'Prisma 7.4+ sends each statement on its own, so nothing was rolled back as a whole. '
      : ''
  return (
    `${how}${committedSentence(committed, execution)} ${failing}${record} Either finish the migration by hand ` +
    `(run the statements that did not run) and run this action with ${resolveInput('applied', name)}, or undo ` +
    `the committed statements, fix migration.sql, run it with ${resolveInput('rolled-back', name)} and deploy again.`
  )
}

export function missingScriptError(name: string, migrationsDir: string): ActionError {
  return new ActionError(
    'Could not find the migration file at migration.sql. Please delete the directory or restore the migration file.',
    {
      code: 'P3015',
      hint: `Migration \`${name}\` has no readable migration.sql in ${migrationsDir}. Restore the file, or delete the directory if the migration was abandoned.`
    }
  )
}

export function alreadyAppliedError(name: string): ActionError {
  return new ActionError(`The migration \`${name}\` is already recorded as applied in the database.`, {
    code: 'P3008',
    hint: `Nothing to resolve. Check the name in \`resolve-applied\`; run \`mode: migrate-status\` to see each migration's state.`
  })
}

export function neverAppliedError(name: string): ActionError {
  return new ActionError(
    `Migration \`${name}\` cannot be rolled back because it was never applied to the database. Hint: did you pass in the whole migration name? (example: "20201207184859_initial_migration")`,
    {
      code: 'P3011',
      hint: '`resolve-rolled-back` must be the whole directory name of a migration recorded in _prisma_migrations; run `mode: migrate-status` to list them.'
    }
  )
}

export function notFailedError(name: string): ActionError {
  return new ActionError(`Migration \`${name}\` cannot be rolled back because it is not in a failed state.`, {
    code: 'P3012',
    hint: 'Only a failed migration can be marked as rolled back. To undo an applied migration, write and deploy a new migration that reverts it.'
  })
}

export function migrationNotFoundError(name: string, migrationsDir: string): ActionError {
  return new ActionError(
    `The migration ${name} could not be found. Please make sure that the migration exists, and that you included the whole name of the directory. (example: "20201207184859_initial_migration")`,
    {
      code: 'P3017',
      hint: `\`resolve-applied\` must name a directory of ${migrationsDir} that contains migration.sql; check the name and \`migrations-dir\`.`
    }
  )
}

export function providerSwitchedError(found: string, lockfilePath: string): ActionError {
  return new ActionError(
    `The datasource provider \`postgresql\` specified in your schema does not match the one specified in the migration_lock.toml, \`${found}\`. Please remove your current migration directory and start a new migration history with prisma migrate dev. Read more: https://pris.ly/d/migrate-provider-switch`,
    {
      code: 'P3019',
      hint: `This action runs PostgreSQL migrations; ${lockfilePath} must contain the line \`provider = "postgresql"\` exactly as \`prisma migrate dev\` writes it (Prisma reads it literally), or point \`migrations-dir\` at the PostgreSQL migrations.`
    }
  )
}

export function lockTimeoutError(timeoutMs: number, holders?: BlockingSession[]): ActionError {
  const context = `Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})). Timeout: ${timeoutMs}ms. See https://pris.ly/d/migrate-advisory-locking for details.`
  const who =
    holders === undefined
      ? `Who holds it could not be read; \`SELECT pid, application_name FROM pg_locks JOIN pg_stat_activity USING (pid) WHERE locktype = 'advisory' AND objid = ${PRISMA_ADVISORY_LOCK_KEY}\` shows the session.`
      : holders.length === 0
        ? 'The session that held it had let it go by the time we looked: run again.'
        : `It is held by ${describeSessions(holders, 'since')} (PostgreSQL does not record when a lock was taken).`
  return new ActionError(
    `The database server was reached but timed out.\n\nPlease try again.\n\nPlease make sure your database server is running at the configured address.\n\nContext: ${context}\n`,
    {
      code: 'P1002',
      hint:
        `Another \`prisma migrate\` or run of this action holds Prisma's migration lock on this database. ${who} ` +
        `Wait for it to finish and run again; a session left holding it by mistake can be ended with \`SELECT pg_terminate_backend(<pid>)\`. ` +
        `Through a PgBouncer transaction pooler the lock cannot work: use a direct connection URL.`
    }
  )
}

/**
 * A migration cancelled at lock_timeout on every attempt of the retry window. Prisma has no code for it (it
 * would have waited as long as it takes): nothing was applied and no row is left, so it is simply still pending.
 */
export function lockRetriesExhaustedError(
  name: string,
  exhausted: LockRetriesExhausted,
  lockTimeoutMs: number,
  extra: { afterFailure: AfterFailure }
): MigrationRunError {
  const n = exhausted.attempts.length
  const blockers = exhausted.blockers
  const timeout = lockTimeoutMs > 0 ? `lock-timeout (${formatMs(lockTimeoutMs)})` : 'its lock_timeout'
  const who =
    blockers.length > 0
      ? ` It was waiting for: ${describeSessions(blockers)}.`
      : ' The sessions it waited for had gone before they could be named.'
  return new MigrationRunError(
    `Migration \`${name}\` could not get its locks: ${n === 1 ? 'its attempt' : `each of ${n} attempts over ${formatMs(exhausted.elapsedMs)}`} waited ${timeout} and was cancelled (SQLSTATE 55P03), so the application's queries never queued behind it for longer.${who} ` +
      `Nothing of it was applied: PostgreSQL rolled the file back and no _prisma_migrations row of the attempt remains, so the migration is still pending (no failed row is left behind).`,
    {
      hint:
        'Deploy again once the blocking sessions have finished (a long report, an idle transaction), or end a stuck one with `SELECT pg_terminate_backend(<pid>)`. ' +
        "To keep trying for longer, raise `lock-retry-window`; `lock-timeout: 0` waits as long as it takes, as `prisma migrate deploy` does, but the application's queries on the table then wait as long too.",
      cause: exhausted,
      failedMigration: name,
      afterFailure: extra.afterFailure
    }
  )
}

// connection_exception (08xxx), admin_shutdown / crash_shutdown / cannot_connect_now / database_dropped (57P0x)
const CONNECTION_SQLSTATE = /^(08...|57P0[1-4])$/
const CONNECTION_NODE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNABORTED'])
// node-postgres' own messages for a connection that is gone
const CONNECTION_MESSAGES = /Connection terminated|not queryable|connection error/i

/**
 * The error and the errors it wraps (`cause`), outermost first, skipping our own errors: they carry Prisma's codes
 * (P3018, P1017), not the server's.
 */
function* underlying(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let current: unknown = error
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    if (!(current instanceof ActionError)) yield current as { code?: unknown; message?: unknown }
    current = (current as { cause?: unknown }).cause
  }
}

const SQLSTATE = /^(?=.*\d)[0-9A-Z]{5}$/

/**
 * Whether the error (or one it wraps) is the database connection breaking: a killed backend, a server restart, a
 * network failure. Nothing more can be sent on that connection.
 */
export function isConnectionLost(error: unknown): boolean {
  for (const { code, message } of underlying(error)) {
    // A server error is judged by its SQLSTATE alone: its text may come from the migration (RAISE EXCEPTION).
    if (typeof code === 'string' && CONNECTION_NODE_CODES.has(code)) return true
    if (typeof code === 'string' && SQLSTATE.test(code)) return CONNECTION_SQLSTATE.test(code)
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true
  }
  return false
}

/** The server's own words, when it said why it ended the session (e.g. 57P01 after pg_terminate_backend). */
export function serverReason(error: unknown): string | undefined {
  for (const { code, message } of underlying(error))
    if (typeof code === 'string' && SQLSTATE.test(code) && typeof message === 'string')
      return `${code}: ${message}`
  return undefined
}

export interface ConnectionLossFacts {
  /** The migration the run was on when the connection broke. */
  migration?: string
  /** True when the connection broke while its script ran (its row was recorded before). */
  duringScript: boolean
  /** The state of its row, read again on a new connection; undefined when that was not possible. */
  row?: 'failed' | 'applied' | 'absent'
  /** The session that ran it is still open on the server (a network failure: the script may still commit). */
  sessionStillOpen?: { pid: number; state: string }
  /** Why the state could not be read again. */
  rereadError?: string
  /** Backend pid of the lost session, when known. */
  pid?: number
  reason?: string
  /** Its row was written in the same transaction as its script (the one-round-trip path): all or nothing. */
  rowWithScript?: boolean
}

/**
 * A migration whose row travelled in its script's transaction: whatever the connection did, the database holds all
 * of it (a finished row) or none of it (no row), never a started row that blocks every deploy.
 */
function oneTransactionLoss(
  facts: ConnectionLossFacts,
  lost: string,
  name: string,
  again: string
): { text: string; hint: string } {
  const intro = `${lost} while the script of \`${name}\` ran. Its row in _prisma_migrations and its script were one transaction, so either all of it is in the database (its row says applied) or none of it (no row: the next deploy applies it).`
  if (facts.row === 'applied')
    return { text: `${intro} Read again on a new connection, it is recorded as applied.`, hint: again }
  if (facts.sessionStillOpen)
    return {
      text: `${intro} Read again on a new connection, it has no row yet, but the session that ran it (pid ${facts.sessionStillOpen.pid}) is still open on the server (${facts.sessionStillOpen.state}): the script may still be running, and may still commit, all of it at once.`,
      hint: `Wait until \`SELECT state FROM pg_stat_activity WHERE pid = ${facts.sessionStillOpen.pid}\` returns no row (or stop it with \`SELECT pg_cancel_backend(${facts.sessionStillOpen.pid})\`), then deploy again: the deploy applies \`${name}\` only if it has no row.`
    }
  if (facts.row === 'absent')
    return {
      text: `${intro} Read again on a new connection, it has no row: the transaction did not commit, nothing of it is in the database, and the next deploy applies it.`,
      hint: again
    }
  const unread = (facts.rereadError ?? 'no connection').replace(/\.$/, '')
  const unseen = facts.pid
    ? ` If the network failed rather than the server, the session that ran it (pid ${facts.pid}) may still be open there and may still commit: look at \`SELECT state FROM pg_stat_activity WHERE pid = ${facts.pid}\` first.`
    : ''
  return {
    text: `${intro} The state could not be read again (${unread}).${unseen}`,
    hint: `${again} The deploy applies \`${name}\` only if it has no row.`
  }
}

/**
 * What a deploy whose connection broke can say: what is known, what is not, and the resolve step naming the
 * migration. Under Prisma's protocol the row is committed before the script runs, and the script runs as one
 * implicit transaction whose outcome the client only learns from the answer that was lost.
 */
export function describeConnectionLoss(facts: ConnectionLossFacts): { text: string; hint: string } {
  const name = facts.migration
  const again = 'Run the deploy again once the database accepts connections.'
  const lost = `The connection to the database was lost${facts.reason ? ` (the server said ${facts.reason})` : ''}`
  if (!name) return { text: `${lost} before any migration started.`, hint: again }
  if (facts.rowWithScript && facts.row !== 'failed') return oneTransactionLoss(facts, lost, name, again)
  if (facts.row === 'absent')
    return {
      text: `${lost} while the run was on \`${name}\`. Read again on a new connection, it has no row in _prisma_migrations: its script never ran, and the next deploy applies it.`,
      hint: again
    }
  if (facts.row === 'applied')
    return {
      text: `${lost} while the run was on \`${name}\`. Read again on a new connection, it is recorded as applied.`,
      hint: again
    }
  const when = facts.duringScript
    ? `while the script of \`${name}\` ran`
    : `while \`${name}\` was being recorded in _prisma_migrations`
  const unread = (facts.rereadError ?? 'no connection').replace(/\.$/, '')
  const known =
    facts.row === 'failed'
      ? 'Read again on a new connection, its row in _prisma_migrations is started and not finished, so Prisma and this action see it as failed'
      : facts.duringScript
        ? `Its row in _prisma_migrations was committed before the script ran and was never marked finished, so Prisma and this action see it as failed (the state could not be read again: ${unread})`
        : `The state could not be read again (${unread}): its row in _prisma_migrations is either missing (then the next deploy applies it) or started and not finished, which Prisma and this action see as failed`
  const unseen =
    facts.row === undefined && facts.pid
      ? ` If the network failed rather than the server, the session that ran it (pid ${facts.pid}) may still be open there and may still commit: look at \`SELECT state FROM pg_stat_activity WHERE pid = ${facts.pid}\` first.`
      : ''
  const committed = facts.sessionStillOpen
    ? `The session that ran it (pid ${facts.sessionStillOpen.pid}) is still open on the server (${facts.sessionStillOpen.state}): the script may still be running, and may still commit.`
    : facts.duringScript
      ? 'Whether its changes were committed cannot be known from here. The file runs as one transaction, so either all of them are in the database or none (unless the file has its own COMMIT); Postgres commits only after the last statement, so a session the server ended mid-script normally committed nothing, but a connection lost in the network may have lost the answer to a commit that happened.'
      : 'Its script may or may not have run: the connection broke while its row was being written or marked finished.'
  const wait = facts.sessionStillOpen
    ? `Wait until \`SELECT state FROM pg_stat_activity WHERE pid = ${facts.sessionStillOpen.pid}\` returns no row (or stop it with \`SELECT pg_cancel_backend(${facts.sessionStillOpen.pid})\`), then check`
    : 'Check'
  return {
    text: `${lost} ${when}. ${known}${facts.row === 'failed' || facts.duringScript ? ': every deploy stops with P3009 until it is resolved' : '; if it is failed, every deploy stops with P3009 until it is resolved'}. ${committed}${unseen}`,
    hint:
      `${wait} whether the changes of \`${name}\` are in the database. None of them: run this action with ` +
      `${resolveInput('rolled-back', name)} (fix migration.sql first if it was at fault), then deploy again. All of ` +
      `them: run it with ${resolveInput('applied', name)}, and deploy again for the migrations after it.`
  }
}

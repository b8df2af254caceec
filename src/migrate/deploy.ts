/**
 * `prisma migrate deploy` with pg, step for step (prisma-migrate-compat.md §6.1, §5): lock-file check, advisory
 * lock, table initialisation (P3005), failed-migration check (P3009), then each unapplied migration as Prisma's
 * version sends it (execute.ts): with Prisma ≤ 7.3's whole-file strategy at one round trip per migration
 * (`WholeFileRunner`, fast-path.ts: a file PostgreSQL runs as one transaction travels with its row; the others keep
 * Prisma's protocol, row committed before the script), with 7.4+'s statement by statement as Prisma does (`applyOne`).
 * Everything it reads after taking the lock travels in the lock's own message.
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type pg from 'pg'
import type { ConnectionSettings } from '../db/connection-url.js'
import { queryAll } from '../db/connect.js'
import {
  type AppliedMigration,
  type DatabaseErrorLike,
  MigrationRunError,
  applyFailedHint,
  applyFailedMessage,
  failedMigrationsError,
  isConnectionLost,
  lockRetriesExhaustedError,
  missingScriptError
} from './prisma-errors.js'
import {
  type ExecutionPlan,
  type ExecutionProgress,
  type ExecutionStrategy,
  type ExecutionUnit,
  type Fallback,
  committedStatements,
  describeFallback,
  describeStatementsForLog,
  executePlan,
  isServerError,
  newProgress,
  planExecution,
  runUnit
} from './execute.js'
import {
  FINISHED_MARK,
  STARTED_MARK,
  type StartedRow,
  committedFirst,
  fastMessage,
  fastPathBlocker,
  finishStatement,
  markedRows,
  moveErrorPosition
} from './fast-path.js'
import { loadParser } from '../sql/parse.js'
import {
  HISTORY_SQL,
  HISTORY_TYPES,
  type MigrationRow,
  historyRows,
  insertStartedRow,
  isFailed,
  isMissingTable,
  listTablesSql,
  readHistory,
  recordFinished,
  removeStartedRow,
  setLogs,
  tablesOf
} from './history.js'
import { type SchemaScope, initializeFrom, judgeTables, scopeSchemas } from './initialize.js'
import { type ReleaseLock, UNLOCK_SQL, advisoryLockDisabled, lockAndRead } from './lock.js'
import { LockRetriesExhausted, isLockTimeout, retryOnLockTimeout } from './lock-retry.js'
import {
  type LockContext,
  type LockSafetyOptions,
  NO_RETRY,
  describeAfterFailure,
  openLockContext
} from './lock-safety.js'
import { type LocalMigration, type MigrationsFolder, checkLockfile } from './migrations-dir.js'
import { findNonTransactional, nonTransactionalReason } from './non-transactional.js'
import { unappliedMigrations } from './plan.js'
import { type ScriptShape, scriptShape } from './script-shape.js'
import { serverVersionNum } from './server.js'
import { getErrorMessage } from '../errors.js'

export type { AppliedMigration } from './prisma-errors.js'
export type { LockSafetyOptions } from './lock-safety.js'
export { MigrationRunError } from './prisma-errors.js'

export interface DeployResult {
  applied: AppliedMigration[]
  alreadyUpToDate: boolean
  /** With `readHistoryAfter`: `_prisma_migrations` as the deploy left it. */
  historyAfter?: MigrationRow[]
}

export interface DeployOptions {
  /** Advisory-lock wait; Prisma's is fixed at 10 s. */
  lockTimeoutMs?: number
  lockSafety?: LockSafetyOptions
  onApplying?: (name: string) => void
  /** A pending file that the 7.4+ strategy sends whole after all (Prisma's parser cannot split it), and why. */
  onFallback?: (name: string, fallback: Fallback) => void
  connection: ConnectionSettings
  /** The datasource's `schemas = [...]` (multiSchema): they count for the emptiness check too. */
  schemas?: string[]
  /** `tables.external` of prisma.config ("schema.table"): not counted by the emptiness check. */
  externalTables?: string[]
  /** How the detected Prisma version sends a migration.sql; default `whole-file` (Prisma ≤ 7.3). */
  execution?: ExecutionStrategy
  /** The server's version (the session knows it from connecting); asked when not given. */
  serverVersionNum?: number
  /** Whether `_prisma_migrations` existed when the state was read before the deploy (default: assume it does). */
  expectHistory?: boolean
  /** Read the history again at the end (with the unlock, no round trip of its own): `DeployResult.historyAfter`. */
  readHistoryAfter?: boolean
}

/**
 * A file sent as one batch that mixes a statement PostgreSQL refuses in a transaction block: Prisma would run it
 * until PostgreSQL rejects it with 25001, leaving a failed row; we refuse before applying anything, so the database
 * is left exactly as it was. Files sent statement by statement (Prisma 7.4+) are not refused.
 */
async function refuseNonTransactional(
  client: pg.Client,
  pending: { migration: LocalMigration; plan: ExecutionPlan }[],
  known?: number
): Promise<void> {
  let version = known
  for (const { migration, plan } of pending) {
    if (migration.script === null || plan.mode !== 'whole-file') continue
    version ??= await serverVersionNum(client)
    const found = await findNonTransactional(migration.script, version)
    if (found.length === 0) continue
    const where = found.map((s) => `line ${s.line}: ${s.reason} (${s.statement})`).join('; ')
    const why = plan.fallback
      ? `Prisma 7.4+ would send this file as one batch (one transaction), because ${describeFallback(plan.fallback)}`
      : 'Prisma runs each migration.sql as one transaction'
    throw new MigrationRunError(
      `Migration \`${migration.name}\` mixes a statement that cannot run inside a transaction block with other statements (${where}). ` +
        `${why}, so it would fail with "25001: cannot run inside a transaction block" ` +
        'and be recorded as failed (P3018). Nothing was applied.',
      {
        code: 'P3018',
        failedMigration: migration.name,
        hint: 'Move each such statement into a migration of its own (a migration.sql that contains only that statement), then deploy again.'
      }
    )
  }
}

/** The line of migration.sql where Postgres says the failing unit went wrong (its 1-based character offset). */
function failingLine(unit: ExecutionUnit | undefined, position: string | undefined): number | undefined {
  if (!unit) return undefined
  const offset = Number(position)
  if (!Number.isInteger(offset) || offset < 1) return unit.startLine
  return unit.startLine + unit.text.slice(0, offset - 1).split('\n').length - 1
}

/** Prisma's P3018 text for `_prisma_migrations.logs`, with the failing line and what 7.4+ committed. */
function failureText(migration: LocalMigration, error: unknown, progress: ExecutionProgress): string {
  const dbError = error as DatabaseErrorLike
  const line = failingLine(progress.failedUnit, dbError.position)
  const committed = committedStatements(progress, error)
  return (
    applyFailedMessage(migration.name, dbError) +
    (line !== undefined && dbError.position
      ? `\nPosition: line ${line} of migration.sql: ${(migration.script ?? '').split('\n')[line - 1]?.trim() ?? ''}\n`
      : '') +
    (progress.plan.mode === 'per-statement'
      ? `\nSent statement by statement (Prisma 7.4+). Committed before the failure: ${describeStatementsForLog(committed)}\n`
      : '')
  )
}

async function recordFailure(
  client: pg.Client,
  id: string,
  migration: LocalMigration,
  error: unknown,
  progress: ExecutionProgress
): Promise<string> {
  const text = failureText(migration, error, progress)
  try {
    // A script with its own BEGIN that failed leaves the session in an aborted transaction block, where every
    // statement fails with 25P02; Prisma's `UPDATE ... logs` then fails and its row keeps logs NULL. We end the
    // block first so the row gets its logs (the failed state is the same). Outside a block this is a warning only.
    await client.query('ROLLBACK')
    await setLogs(client, id, text)
    return text
  } catch {
    // The connection is gone (killed, network): the row stays failed without logs, exactly as after a crash.
    return `${text}\nThe connection was lost, so the failure could not be written to _prisma_migrations.logs; the migration is still recorded as failed.\n`
  }
}

/** Statements PostgreSQL refuses in a transaction block (CREATE INDEX CONCURRENTLY...), by their first line. */
function nonTransactionalLines(shape: ScriptShape | undefined): Set<number> {
  const lines = new Set<number>()
  for (const statement of shape?.statements ?? [])
    if (nonTransactionalReason(statement.kind, statement.node as unknown as Record<string, unknown>))
      lines.add(statement.startLine)
  return lines
}

/**
 * Applies one migration with Prisma 7.4+'s statement-by-statement strategy (the whole-file strategy is
 * `WholeFileRunner`'s): its row inserted and committed first (as Prisma does), then its plan unit by unit, then
 * the row finished. With lock safety, a unit cancelled at lock_timeout (55P03) that applied nothing is retried:
 * - one batch (Prisma ≤ 7.3): the whole attempt is retried, and this run's row is taken back before each wait
 *   (same session, still under the migrate lock), so that when retries run out the migration is pending, not
 *   failed;
 * - statement by statement (Prisma 7.4+): each statement commits on its own, so only the statement that was
 *   cancelled is retried (not inside the file's own BEGIN block); when retries run out before anything was
 *   committed, the row is taken back too.
 * A lone CONCURRENTLY statement runs without lock_timeout: it never makes the application's queries wait, but
 * under a short timeout it would fail and leave an INVALID index.
 */
async function applyOne(
  client: pg.Client,
  migration: LocalMigration,
  plan: ExecutionPlan | undefined,
  folder: MigrationsFolder,
  options: DeployOptions,
  lock: LockContext | undefined
): Promise<AppliedMigration> {
  if (migration.script === null || migration.checksum === null || !plan)
    throw missingScriptError(migration.name, folder.path)
  const script = migration.script
  const checksum = migration.checksum
  options.onApplying?.(migration.name)
  const policy = lock?.options.policy
  // Parsed only with lock safety on (the review has parsed the file already, so this is a cache hit).
  const shape = policy ? await scriptShape(script).catch(() => undefined) : undefined
  const perStatement = plan.mode === 'per-statement'
  const concurrentLines = perStatement ? nonTransactionalLines(shape) : new Set<number>()
  const shortTimeout = policy !== undefined && policy.lockTimeoutMs > 0
  const retryOptions = {
    watcher: lock?.monitor,
    onSample: lock?.options.onSample
      ? (blockers: Parameters<NonNullable<LockSafetyOptions['onSample']>>[1]) =>
          lock.options.onSample?.(migration.name, blockers)
      : undefined
  }
  const onBlocked = lock?.options.onBlocked
    ? (event: Parameters<NonNullable<LockSafetyOptions['onBlocked']>>[1]) =>
        lock.options.onBlocked?.(migration.name, event)
    : undefined
  const withoutLockTimeout = async <T>(exempt: boolean, run: () => Promise<T>): Promise<T> => {
    if (!exempt) return run()
    await client.query('SET lock_timeout = 0')
    try {
      return await run()
    } finally {
      // Back to the session's lock_timeout (the startup option). A lost connection is reported by the caller.
      await client.query('RESET lock_timeout').catch(() => undefined)
    }
  }

  let row: { id: string; startedAt: Date; clock: number } | undefined
  let progress = newProgress(plan)
  const insertRow = async (): Promise<void> => {
    const started = { id: randomUUID(), startedAt: new Date(), clock: performance.now() }
    await insertStartedRow(client, {
      id: started.id,
      checksum,
      startedAt: started.startedAt,
      name: migration.name
    })
    row = started
  }
  const takeRowBack = async (): Promise<void> => {
    // Nothing of the file was applied: take back the row Prisma's protocol committed before the script.
    await client.query('ROLLBACK')
    if (row) await removeStartedRow(client, row.id)
    row = undefined
  }
  const nothingCommitted = (): boolean =>
    progress.committed.length === 0 && progress.inOpenTransaction.length === 0 && !progress.uncertain

  try {
    if (!perStatement) {
      const atomic = policy !== undefined && shape?.atomic === true
      await withoutLockTimeout(shortTimeout && shape?.nonTransactional !== undefined, () =>
        retryOnLockTimeout(
          // Not atomic: the blockers are still named, but a 55P03 fails the migration like any error.
          atomic ? policy : NO_RETRY,
          async () => {
            await insertRow()
            progress = newProgress(plan)
            try {
              await executePlan(client, plan, progress)
            } catch (error) {
              if (atomic && isLockTimeout(error)) await takeRowBack()
              throw error
            }
          },
          onBlocked,
          retryOptions
        )
      )
    } else {
      await insertRow()
      await executePlan(client, plan, progress, (c, unit) => {
        // Each statement commits on its own; a cancelled one applied nothing and is sent again.
        const retriable =
          policy !== undefined &&
          unit.transaction === undefined &&
          unit.kind !== 'CallStmt' &&
          !concurrentLines.has(unit.startLine) &&
          progress.inOpenTransaction.length === 0
        return withoutLockTimeout(shortTimeout && concurrentLines.has(unit.startLine), () =>
          retryOnLockTimeout(retriable ? policy : NO_RETRY, () => runUnit(c, unit), onBlocked, retryOptions)
        )
      })
    }
  } catch (caught) {
    const exhausted = caught instanceof LockRetriesExhausted ? caught : undefined
    const error = exhausted ? (exhausted.cause ?? caught) : caught
    const blockers = exhausted?.blockers ?? []
    if (exhausted && row !== undefined && perStatement && nothingCommitted())
      await takeRowBack().catch(() => undefined)
    if (row === undefined && exhausted) {
      throw lockRetriesExhaustedError(migration.name, exhausted, policy?.lockTimeoutMs ?? 0, {
        afterFailure: await describeAfterFailure(client, migration, shape, error, 'pending', blockers)
      })
    }
    if (row === undefined) throw caught
    // Whether a failed batch had its own COMMIT is read from the file, only now.
    await loadParser()
    const message = await recordFailure(client, row.id, migration, error, progress)
    const committed = perStatement ? committedStatements(progress, error) : undefined
    // The statement's first line; the exact position is in the message.
    const line = perStatement ? progress.failedUnit?.startLine : undefined
    const afterFailure = {
      ...(await describeAfterFailure(client, migration, shape, error, 'failed', blockers, committed)),
      execution: plan.mode
    }
    throw new MigrationRunError(message, {
      code: 'P3018',
      hint: applyFailedHint(migration.name, afterFailure.committedStatements, plan.mode, line),
      cause: error,
      failedMigration: migration.name,
      afterFailure,
      execution: plan.mode
    })
  }
  const finishedAt = new Date()
  const finished = row as unknown as { id: string; startedAt: Date; clock: number }
  await recordFinished(client, finished.id, finishedAt)
  return {
    name: migration.name,
    checksum,
    startedAt: finished.startedAt,
    finishedAt,
    durationMs: performance.now() - finished.clock
  }
}

/** What a lone statement that cannot run in a transaction block needs: no short lock_timeout (see applyOne). */
const LIFT_LOCK_TIMEOUT = 'SET lock_timeout = 0'

interface Classified {
  /** May travel with its row in one message (fast-path.ts). */
  fast: boolean
  shape?: ScriptShape
}

/**
 * Prisma ≤ 7.3's whole-file strategy at one round trip per migration. A file that may travel with its row
 * (`fastPathBlocker`) is one message: row, script and finish, one transaction. Any other file keeps Prisma's
 * protocol (row committed before the script, script alone, then the finish), and its bookkeeping rides on the
 * neighbouring messages instead of costing round trips of its own: its started row is committed with the previous
 * migration's message when that one travelled with its row, and its finish is committed at the start of the next
 * message (`BEGIN; ...; COMMIT;`, on its own), which is sent as soon as the script's answer arrives, exactly when
 * Prisma would send its update. The finish is idempotent, so that it can be sent again whenever it is not known
 * whether it committed.
 */
class WholeFileRunner {
  /** Bookkeeping to commit at the start of the next message: the finish of the last migration on Prisma's protocol. */
  private before: string[] = []
  private unfinished?: { migration: LocalMigration; id: string; durationMs: number }
  /** The started row the previous message committed for the next migration. */
  private preInserted?: { name: string; id: string; startedAt: Date }
  private lockTimeoutLifted = false

  private constructor(
    private readonly client: pg.Client,
    private readonly folder: MigrationsFolder,
    private readonly options: DeployOptions,
    private readonly lock: LockContext | undefined,
    private readonly applied: AppliedMigration[],
    private readonly classified: ReadonlyMap<string, Classified>
  ) {}

  static async prepare(
    client: pg.Client,
    folder: MigrationsFolder,
    options: DeployOptions,
    lock: LockContext | undefined,
    applied: AppliedMigration[],
    pending: LocalMigration[],
    serverVersionNum: number
  ): Promise<WholeFileRunner> {
    const classified = new Map<string, Classified>()
    for (const migration of pending) {
      if (migration.script === null) continue
      const shape = await scriptShape(migration.script, serverVersionNum).catch(() => undefined)
      const fast = (await fastPathBlocker(migration.script, migration.name, serverVersionNum)) === undefined
      classified.set(migration.name, { fast, shape })
    }
    return new WholeFileRunner(client, folder, options, lock, applied, classified)
  }

  private get policy(): LockContext['options']['policy'] | undefined {
    return this.lock?.options.policy
  }

  /** A lone CONCURRENTLY statement runs without the session's short lock_timeout (see applyOne). */
  private liftsLockTimeout(name: string): boolean {
    const policy = this.policy
    return (
      policy !== undefined && policy.lockTimeoutMs > 0 && !!this.classified.get(name)?.shape?.nonTransactional
    )
  }

  private retryOptions(name: string): Parameters<typeof retryOnLockTimeout>[3] {
    const lock = this.lock
    return {
      watcher: lock?.monitor,
      onSample: lock?.options.onSample ? (blockers) => lock.options.onSample?.(name, blockers) : undefined
    }
  }

  private onBlocked(name: string): Parameters<typeof retryOnLockTimeout>[2] {
    const lock = this.lock
    return lock?.options.onBlocked ? (event) => lock.options.onBlocked?.(name, event) : undefined
  }

  /** Whether some bookkeeping still waits for the next message. */
  get hasPending(): boolean {
    return this.before.length > 0
  }

  /** Records the finish of the last migration on Prisma's protocol when a message's results show it committed. */
  private confirm(results: pg.QueryResult | pg.QueryResult[]): void {
    const waiting = this.unfinished
    if (!waiting) {
      this.before = []
      return
    }
    const row = markedRows(results, FINISHED_MARK).find((r) => r.id === waiting.id)
    if (!row?.finishedAt) return
    this.applied.push({
      name: waiting.migration.name,
      checksum: waiting.migration.checksum ?? '',
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      durationMs: waiting.durationMs
    })
    this.unfinished = undefined
    this.before = []
  }

  /**
   * Commits what waits for the next message, with `extra` after it (the unlock, a read) in the same message;
   * nothing to send, nothing sent. Returns the message's results.
   */
  async settle(extra = '', types?: pg.CustomTypesConfig): Promise<pg.QueryResult[]> {
    if (this.before.length === 0 && !extra) return []
    const results = await queryAll(this.client, committedFirst(this.before) + extra, types)
    this.confirm(results)
    return results
  }

  async apply(
    migration: LocalMigration,
    plan: ExecutionPlan | undefined,
    next?: LocalMigration
  ): Promise<void> {
    if (migration.script === null || migration.checksum === null || !plan)
      throw missingScriptError(migration.name, this.folder.path)
    this.options.onApplying?.(migration.name)
    if (this.classified.get(migration.name)?.fast)
      await this.applyFast(migration, migration.script, migration.checksum, plan, next)
    else await this.applyOnPrismaProtocol(migration, plan)
  }

  /** The next migration's started row, when it keeps Prisma's protocol: committed with this migration's message. */
  private startedRowOf(next: LocalMigration | undefined): StartedRow | undefined {
    if (!next || next.script === null || next.checksum === null) return undefined
    if (this.classified.get(next.name)?.fast !== false) return undefined
    return { id: randomUUID(), checksum: next.checksum, name: next.name }
  }

  private async applyFast(
    migration: LocalMigration,
    script: string,
    checksum: string,
    plan: ExecutionPlan,
    next: LocalMigration | undefined
  ): Promise<void> {
    const policy = this.policy
    const row = { id: randomUUID(), checksum, name: migration.name }
    const nextRow = this.startedRowOf(next)
    const nextSettings = nextRow && this.liftsLockTimeout(nextRow.name) ? [LIFT_LOCK_TIMEOUT] : []
    const progress = newProgress(plan)
    progress.failedUnit = plan.units[0]
    let sentAt = performance.now()
    let results: pg.QueryResult[] = []
    const attempt = async (): Promise<void> => {
      const message = fastMessage(this.client, row, script, {
        before: this.before,
        next: nextRow,
        nextSettings
      })
      sentAt = performance.now()
      try {
        results = (await this.client.query(message.text)) as unknown as pg.QueryResult[]
      } catch (error) {
        moveErrorPosition(error, message)
        throw error
      }
    }
    try {
      // The whole message is one transaction: a cancelled attempt left nothing, so it is simply sent again.
      if (policy)
        await retryOnLockTimeout(policy, attempt, this.onBlocked(row.name), this.retryOptions(row.name))
      else await attempt()
    } catch (caught) {
      return this.fastFailed(migration, caught, progress, sentAt)
    }
    this.confirm(results)
    const done = markedRows(results, FINISHED_MARK).find((r) => r.id === row.id)
    if (!done?.finishedAt) throw new Error(`The finish of migration ${migration.name} returned no row.`)
    this.applied.push({
      name: migration.name,
      checksum,
      startedAt: done.startedAt,
      finishedAt: done.finishedAt,
      durationMs: done.finishedAt.getTime() - done.startedAt.getTime()
    })
    const started = nextRow && markedRows(results, STARTED_MARK).find((r) => r.id === nextRow.id)
    if (nextRow && started) {
      this.preInserted = { name: nextRow.name, id: nextRow.id, startedAt: started.startedAt }
      this.lockTimeoutLifted = nextSettings.length > 0
    }
  }

  /**
   * The message of a migration that travelled with its row failed: PostgreSQL rolled all of it back, row
   * included. A script that failed is then recorded as Prisma records it: a row with finished_at NULL,
   * applied_steps_count 0 and the P3018 text in logs (its started_at: when the attempt started, by the server's
   * clock). A cancelled attempt whose retries ran out leaves no row: the migration is pending.
   */
  private async fastFailed(
    migration: LocalMigration,
    caught: unknown,
    progress: ExecutionProgress,
    sentAt: number
  ): Promise<never> {
    const exhausted = caught instanceof LockRetriesExhausted ? caught : undefined
    const error = exhausted ? (exhausted.cause ?? caught) : caught
    const blockers = exhausted?.blockers ?? []
    const shape = this.classified.get(migration.name)?.shape
    if (exhausted) {
      await this.settle().catch(() => undefined)
      throw lockRetriesExhaustedError(migration.name, exhausted, this.policy?.lockTimeoutMs ?? 0, {
        afterFailure: await describeAfterFailure(this.client, migration, shape, error, 'pending', blockers)
      })
    }
    let text = failureText(migration, error, progress)
    let state: 'failed' | 'pending' = 'failed'
    if (isConnectionLost(error) || !isServerError(error)) {
      text +=
        '\nThe connection was lost before PostgreSQL answered. The row in _prisma_migrations and the script were one transaction: either all of it was committed (the row says applied) or none of it (no row: the migration is still pending).\n'
    } else {
      const seconds = ((performance.now() - sentAt) / 1000).toFixed(6)
      try {
        const results = await this.client.query(
          committedFirst(this.before) +
            `INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name","logs") VALUES (${this.client.escapeLiteral(randomUUID())},${this.client.escapeLiteral(migration.checksum ?? '')},clock_timestamp() - make_interval(secs => ${seconds}),${this.client.escapeLiteral(migration.name)},${this.client.escapeLiteral(text)})`
        )
        this.confirm(results as unknown as pg.QueryResult[])
      } catch (writeError) {
        state = 'pending'
        text += `\nThe failure could not be recorded in _prisma_migrations (${getErrorMessage(writeError).split('\n')[0]}): PostgreSQL rolled the migration back with its row, so it is still pending.\n`
      }
    }
    const afterFailure = {
      ...(await describeAfterFailure(this.client, migration, shape, error, state, blockers)),
      execution: progress.plan.mode
    }
    throw new MigrationRunError(text, {
      code: 'P3018',
      hint:
        state === 'pending'
          ? `Nothing of \`${migration.name}\` was applied and no row was written, so it is still pending: fix the cause above and deploy again.`
          : applyFailedHint(migration.name, afterFailure.committedStatements, progress.plan.mode),
      cause: error,
      failedMigration: migration.name,
      afterFailure,
      execution: progress.plan.mode,
      rowWithScript: true
    })
  }

  /**
   * Prisma's protocol, as applyOne runs a whole file: the row committed first (or already, by the previous
   * message), the script alone, then the finish, which waits for the next message.
   */
  private async applyOnPrismaProtocol(migration: LocalMigration, plan: ExecutionPlan): Promise<void> {
    const client = this.client
    const checksum = migration.checksum as string
    const policy = this.policy
    const shape = policy ? this.classified.get(migration.name)?.shape : undefined
    const lifts = this.liftsLockTimeout(migration.name)
    const atomic = policy !== undefined && shape?.atomic === true
    let lifted = false
    let preInserted = this.preInserted?.name === migration.name ? this.preInserted : undefined
    if (preInserted) lifted = this.lockTimeoutLifted
    this.preInserted = undefined
    this.lockTimeoutLifted = false

    let row: { id: string; startedAt: Date; clock: number } | undefined
    let progress = newProgress(plan)
    const insertRow = async (): Promise<void> => {
      if (preInserted) {
        row = { id: preInserted.id, startedAt: preInserted.startedAt, clock: performance.now() }
        preInserted = undefined
        return
      }
      const id = randomUUID()
      const results = (await client.query(
        committedFirst(this.before) +
          `INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES (${client.escapeLiteral(id)},${client.escapeLiteral(checksum)},clock_timestamp(),${client.escapeLiteral(migration.name)}) RETURNING "id" AS ${STARTED_MARK}, "started_at"` +
          (lifts && !lifted ? `;\n${LIFT_LOCK_TIMEOUT}` : '')
      )) as unknown as pg.QueryResult[]
      this.confirm(results)
      if (lifts) lifted = true
      const started = markedRows(results, STARTED_MARK).find((r) => r.id === id)
      row = { id, startedAt: started?.startedAt ?? new Date(), clock: performance.now() }
    }
    const restoreLockTimeout = `SET lock_timeout = ${policy?.lockTimeoutMs ?? 0}`
    const takeRowBack = async (): Promise<void> => {
      // Nothing of the file was applied: take back the row Prisma's protocol committed before the script.
      await client.query('ROLLBACK')
      if (row) await removeStartedRow(client, row.id)
      row = undefined
    }
    try {
      await retryOnLockTimeout(
        // Not atomic: the blockers are still named, but a 55P03 fails the migration like any error.
        atomic && policy ? policy : NO_RETRY,
        async () => {
          await insertRow()
          progress = newProgress(plan)
          try {
            await executePlan(client, plan, progress)
          } catch (error) {
            if (atomic && isLockTimeout(error)) await takeRowBack()
            throw error
          }
        },
        this.onBlocked(migration.name),
        this.retryOptions(migration.name)
      )
    } catch (caught) {
      // Back to the session's lock_timeout, and the previous migration's finish, before the deploy stops.
      const tidy = async (): Promise<void> => {
        if (lifted) await client.query(restoreLockTimeout).catch(() => undefined)
        await this.settle().catch(() => undefined)
      }
      const exhausted = caught instanceof LockRetriesExhausted ? caught : undefined
      const error = exhausted ? (exhausted.cause ?? caught) : caught
      const blockers = exhausted?.blockers ?? []
      if (row === undefined) {
        await tidy()
        if (!exhausted) throw caught
        throw lockRetriesExhaustedError(migration.name, exhausted, policy?.lockTimeoutMs ?? 0, {
          afterFailure: await describeAfterFailure(client, migration, shape, error, 'pending', blockers)
        })
      }
      // Whether a failed batch had its own COMMIT is read from the file, only now.
      await loadParser()
      const message = await recordFailure(client, row.id, migration, error, progress)
      await tidy()
      const afterFailure = {
        ...(await describeAfterFailure(client, migration, shape, error, 'failed', blockers)),
        execution: plan.mode
      }
      throw new MigrationRunError(message, {
        code: 'P3018',
        hint: applyFailedHint(migration.name, afterFailure.committedStatements, plan.mode),
        cause: error,
        failedMigration: migration.name,
        afterFailure,
        execution: plan.mode
      })
    }
    const done = row as unknown as { id: string; startedAt: Date; clock: number }
    const durationMs = performance.now() - done.clock
    // pg 8.x reports the transaction status of the last ReadyForQuery ('I': idle).
    const status = (
      client as pg.Client & { getTransactionStatus?: () => string | null }
    ).getTransactionStatus?.()
    if (status !== 'I') {
      // The file left a transaction open (or the status is unknown): its bookkeeping runs now, inside it, as Prisma's.
      if (lifted) await client.query(restoreLockTimeout)
      const finishedAt = new Date(Math.max(Date.now(), done.startedAt.getTime()))
      await recordFinished(client, done.id, finishedAt)
      this.applied.push({ name: migration.name, checksum, startedAt: done.startedAt, finishedAt, durationMs })
      return
    }
    this.before.push(finishStatement(client, done.id))
    if (lifted) this.before.push(restoreLockTimeout)
    this.unfinished = { migration, id: done.id, durationMs }
  }
}

/**
 * What deploy reads once it holds the lock, in the lock's own message: the tables (Prisma's emptiness check), its
 * backend pid and the server's version, and the history unless it is known to be missing (then a history found
 * in the tables after all is read in a second message).
 */
async function lockAndReadState(
  client: pg.Client,
  scope: SchemaScope,
  timeoutMs: number | undefined,
  expectHistory: boolean
): Promise<{
  release: ReleaseLock
  tables: { schema: string; table: string }[]
  pid: number
  serverVersionNum: number
  rows: MigrationRow[] | null
}> {
  const base = `${listTablesSql(scopeSchemas(scope))};\nSELECT pg_backend_pid() AS pid, current_setting('server_version_num') AS num`
  const session = (result: pg.QueryResult | undefined): { pid: number; serverVersionNum: number } => ({
    pid: Number(result?.rows[0]?.pid ?? 0),
    serverVersionNum: Number(result?.rows[0]?.num) || 0
  })
  const { release, reads } = await lockAndRead(client, timeoutMs, {
    text: expectHistory ? `${base};\n${HISTORY_SQL}` : base,
    types: HISTORY_TYPES
  })
  try {
    if (reads && 'results' in reads) {
      const [tables, pid, history] = reads.results
      const state = { release, tables: tablesOf(tables), ...session(pid) }
      if (history) return { ...state, rows: historyRows(history) }
      if (!judgeTables(state.tables, scope).hasMigrationsTable) return { ...state, rows: null }
      // Created since the state was read before the deploy (another deployer): read it now.
      return { ...state, rows: await readHistory(client) }
    }
    // No history table after all (a first deploy): the message stopped there; read the rest again without it.
    const error = reads?.error
    if (!isMissingTable(error)) throw error
    const [tables, pid] = (await client.query(base)) as unknown as pg.QueryResult[]
    return { release, tables: tablesOf(tables), ...session(pid), rows: null }
  } catch (error) {
    await release()
    throw error
  }
}

export async function deploy(
  client: pg.Client,
  folder: MigrationsFolder,
  options: DeployOptions
): Promise<DeployResult> {
  const applied: AppliedMigration[] = []
  let current: string | undefined
  let release: ReleaseLock | undefined
  let lock: LockContext | undefined
  let runner: WholeFileRunner | undefined
  try {
    checkLockfile(folder)
    const scope = { ...options, defaultSchema: options.connection.defaultSchema }
    const state = await lockAndReadState(client, scope, options.lockTimeoutMs, options.expectHistory ?? true)
    release = state.release
    await initializeFrom(client, folder, judgeTables(state.tables, scope))
    const rows = state.rows ?? []
    const failed = rows.filter(isFailed)
    const strategy = options.execution ?? 'whole-file'
    if (failed.length > 0)
      throw failedMigrationsError(
        failed.map((row) => ({ ...row, name: row.migrationName })),
        strategy
      )
    const pending = unappliedMigrations(folder.migrations, rows)
    const plans = new Map<string, ExecutionPlan>()
    for (const migration of pending) {
      if (migration.script === null) continue
      const plan = await planExecution(migration.script, strategy)
      plans.set(migration.name, plan)
      if (plan.fallback) options.onFallback?.(migration.name, plan.fallback)
    }
    await refuseNonTransactional(
      client,
      pending.flatMap((migration) => {
        const plan = plans.get(migration.name)
        return plan ? [{ migration, plan }] : []
      }),
      options.serverVersionNum ?? state.serverVersionNum
    )
    if (pending.length > 0) lock = openLockContext(state.pid, options.connection, options.lockSafety)
    if (strategy === 'per-statement') {
      for (const migration of pending) {
        current = migration.name
        applied.push(await applyOne(client, migration, plans.get(migration.name), folder, options, lock))
      }
    } else {
      runner = await WholeFileRunner.prepare(
        client,
        folder,
        options,
        lock,
        applied,
        pending,
        state.serverVersionNum
      )
      for (const [i, migration] of pending.entries()) {
        current = migration.name
        await runner.apply(migration, plans.get(migration.name), pending[i + 1])
      }
    }
    // The last migration's finish, the unlock and the history as it is now, in one message.
    const last = [
      ...(advisoryLockDisabled() ? [] : [UNLOCK_SQL]),
      ...(options.readHistoryAfter ? [HISTORY_SQL] : [])
    ].join(';\n')
    const results = runner
      ? await runner.settle(last, HISTORY_TYPES)
      : last
        ? await queryAll(client, last, HISTORY_TYPES)
        : []
    release = undefined
    const history = options.readHistoryAfter ? results.at(-1) : undefined
    return {
      applied,
      alreadyUpToDate: applied.length === 0,
      ...(history ? { historyAfter: historyRows(history) } : {})
    }
  } catch (error) {
    // A migration on Prisma's protocol that ran before the failure still gets its finish.
    await runner?.settle().catch(() => undefined)
    throw MigrationRunError.from(error, applied, current)
  } finally {
    await lock?.monitor?.close()
    await release?.()
  }
}

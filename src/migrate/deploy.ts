/**
 * `prisma migrate deploy` with pg, step for step (prisma-migrate-compat.md §6.1, §5): lock-file check, advisory
 * lock, table initialisation (P3005), failed-migration check (P3009), then each unapplied migration with its
 * row inserted and committed before its script runs, as Prisma's version sends it (execute.ts).
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type pg from 'pg'
import type { ConnectionSettings } from '../db/connection-url.js'
import {
  type AppliedMigration,
  type DatabaseErrorLike,
  MigrationRunError,
  applyFailedHint,
  applyFailedMessage,
  failedMigrationsError,
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
  newProgress,
  planExecution,
  runUnit
} from './execute.js'
import { loadParser } from '../sql/parse.js'
import {
  insertStartedRow,
  isFailed,
  readHistory,
  recordFinished,
  removeStartedRow,
  setLogs
} from './history.js'
import { initialize } from './initialize.js'
import { type ReleaseLock, acquireMigrateLock } from './lock.js'
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

export type { AppliedMigration } from './prisma-errors.js'
export type { LockSafetyOptions } from './lock-safety.js'
export { MigrationRunError } from './prisma-errors.js'

export interface DeployResult {
  applied: AppliedMigration[]
  alreadyUpToDate: boolean
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
}

/**
 * A file sent as one batch that mixes a statement PostgreSQL refuses in a transaction block: Prisma would run it
 * until PostgreSQL rejects it with 25001, leaving a failed row; we refuse before applying anything, so the database
 * is left exactly as it was. Files sent statement by statement (Prisma 7.4+) are not refused.
 */
async function refuseNonTransactional(
  client: pg.Client,
  pending: { migration: LocalMigration; plan: ExecutionPlan }[]
): Promise<void> {
  let version: number | undefined
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

async function recordFailure(
  client: pg.Client,
  id: string,
  migration: LocalMigration,
  error: unknown,
  progress: ExecutionProgress
): Promise<string> {
  const dbError = error as DatabaseErrorLike
  const line = failingLine(progress.failedUnit, dbError.position)
  const committed = committedStatements(progress, error)
  const text =
    applyFailedMessage(migration.name, dbError) +
    (line !== undefined && dbError.position
      ? `\nPosition: line ${line} of migration.sql: ${(migration.script ?? '').split('\n')[line - 1]?.trim() ?? ''}\n`
      : '') +
    (progress.plan.mode === 'per-statement'
      ? `\nSent statement by statement (Prisma 7.4+). Committed before the failure: ${describeStatementsForLog(committed)}\n`
      : '')
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
 * Applies one migration: its row inserted and committed first (as Prisma does), then its plan unit by unit, then
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

export async function deploy(
  client: pg.Client,
  folder: MigrationsFolder,
  options: DeployOptions
): Promise<DeployResult> {
  const applied: AppliedMigration[] = []
  let current: string | undefined
  let release: ReleaseLock | undefined
  let lock: LockContext | undefined
  try {
    checkLockfile(folder)
    release = await acquireMigrateLock(client, options.lockTimeoutMs)
    await initialize(client, folder, { ...options, defaultSchema: options.connection.defaultSchema })
    const rows = (await readHistory(client)) ?? []
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
      })
    )
    if (pending.length > 0) lock = await openLockContext(client, options.connection, options.lockSafety)
    for (const migration of pending) {
      current = migration.name
      applied.push(await applyOne(client, migration, plans.get(migration.name), folder, options, lock))
    }
    return { applied, alreadyUpToDate: applied.length === 0 }
  } catch (error) {
    throw MigrationRunError.from(error, applied, current)
  } finally {
    await lock?.monitor?.close()
    await release?.()
  }
}

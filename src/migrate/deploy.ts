/**
 * `prisma migrate deploy` with pg, step for step (prisma-migrate-compat.md §6.1, §5): lock-file check, advisory
 * lock, table initialisation (P3005), failed-migration check (P3009), then each unapplied migration with its
 * row inserted and committed before its script runs as one simple query.
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
} from './errors.js'
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
import { findNonTransactional } from './non-transactional.js'
import { unappliedMigrations } from './plan.js'
import { scriptShape } from './script-shape.js'
import { serverVersionNum } from './server.js'

export type { AppliedMigration } from './errors.js'
export type { LockSafetyOptions } from './lock-safety.js'
export { MigrationRunError } from './errors.js'

export interface DeployResult {
  applied: AppliedMigration[]
  alreadyUpToDate: boolean
}

export interface DeployOptions {
  /** Advisory-lock wait; Prisma's is fixed at 10 s. */
  lockTimeoutMs?: number
  lockSafety?: LockSafetyOptions
  onApplying?: (name: string) => void
  connection: ConnectionSettings
  /** The datasource's `schemas = [...]` (multiSchema): they count for the emptiness check too. */
  schemas?: string[]
  /** `tables.external` of prisma.config ("schema.table"): not counted by the emptiness check. */
  externalTables?: string[]
}

/**
 * Prisma would run such a file until PostgreSQL rejects it with 25001, leaving a failed row; we refuse before
 * applying anything, so the database is left exactly as it was.
 */
async function refuseNonTransactional(client: pg.Client, pending: LocalMigration[]): Promise<void> {
  let version: number | undefined
  for (const migration of pending) {
    if (migration.script === null) continue
    version ??= await serverVersionNum(client)
    const found = await findNonTransactional(migration.script, version)
    if (found.length === 0) continue
    const where = found.map((s) => `line ${s.line}: ${s.reason} (${s.statement})`).join('; ')
    throw new MigrationRunError(
      `Migration \`${migration.name}\` mixes a statement that cannot run inside a transaction block with other statements (${where}). ` +
        'Prisma runs each migration.sql as one transaction, so it would fail with "25001: cannot run inside a transaction block" ' +
        'and be recorded as failed (P3018). Nothing was applied.',
      {
        code: 'P3018',
        failedMigration: migration.name,
        hint: 'Move each such statement into a migration of its own (a migration.sql that contains only that statement), then deploy again.'
      }
    )
  }
}

function lineOfPosition(script: string, position: string | undefined): string | undefined {
  const offset = Number(position)
  if (!Number.isInteger(offset) || offset < 1) return undefined
  // Postgres reports a 1-based character offset into the query text.
  const before = script.slice(0, offset - 1)
  const line = before.split('\n').length
  return `\nPosition: line ${line} of migration.sql: ${script.split('\n')[line - 1]?.trim() ?? ''}\n`
}

async function recordFailure(
  client: pg.Client,
  id: string,
  migration: LocalMigration,
  error: unknown
): Promise<string> {
  const dbError = error as DatabaseErrorLike
  const text =
    applyFailedMessage(migration.name, dbError) +
    (lineOfPosition(migration.script ?? '', dbError.position) ?? '')
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

async function applyOne(
  client: pg.Client,
  migration: LocalMigration,
  folder: MigrationsFolder,
  options: DeployOptions,
  lock: LockContext | undefined
): Promise<AppliedMigration> {
  if (migration.script === null || migration.checksum === null)
    throw missingScriptError(migration.name, folder.path)
  const script = migration.script
  const checksum = migration.checksum
  options.onApplying?.(migration.name)
  const policy = lock?.options.policy
  // Parsed only with lock safety on (the review has parsed the file already, so this is a cache hit).
  const shape = policy ? await scriptShape(script).catch(() => undefined) : undefined
  // A lone CONCURRENTLY statement never makes the application's queries wait (it takes SHARE UPDATE EXCLUSIVE),
  // but it waits for every transaction that writes to the table: under a short lock_timeout it would fail and
  // leave an INVALID index. It runs without one, as with Prisma (statement_timeout still applies).
  const exempt = policy !== undefined && policy.lockTimeoutMs > 0 && shape?.nonTransactional !== undefined
  let row: { id: string; startedAt: Date; clock: number } | undefined
  const attempt = async (): Promise<void> => {
    const started = { id: randomUUID(), startedAt: new Date(), clock: performance.now() }
    await insertStartedRow(client, {
      id: started.id,
      checksum,
      startedAt: started.startedAt,
      name: migration.name
    })
    row = started
    try {
      // No parameters: node-postgres uses the simple protocol, so the whole file is one implicit transaction.
      await client.query(script)
    } catch (error) {
      if (policy && isLockTimeout(error) && shape?.atomic) {
        // Nothing of the file was applied. Prisma committed the row before the script; take it back (same
        // session, still under the migrate lock) so that the migration is pending again, not failed.
        await client.query('ROLLBACK')
        await removeStartedRow(client, started.id)
        row = undefined
      }
      throw error
    }
  }
  try {
    if (exempt) await client.query('SET lock_timeout = 0')
    try {
      await retryOnLockTimeout(
        // Not atomic: the blockers are still named, but a 55P03 fails the migration like any error.
        policy && shape?.atomic ? policy : NO_RETRY,
        attempt,
        lock?.options.onBlocked ? (event) => lock.options.onBlocked?.(migration.name, event) : undefined,
        {
          watcher: lock?.monitor,
          onSample: lock?.options.onSample
            ? (blockers) => lock.options.onSample?.(migration.name, blockers)
            : undefined
        }
      )
    } finally {
      // Back to the session's lock_timeout (the startup option). A lost connection is reported by the caller.
      if (exempt) await client.query('RESET lock_timeout').catch(() => undefined)
    }
  } catch (caught) {
    const exhausted = caught instanceof LockRetriesExhausted ? caught : undefined
    const error = exhausted ? (exhausted.cause ?? caught) : caught
    const blockers = exhausted?.blockers ?? []
    if (row === undefined && exhausted) {
      throw lockRetriesExhaustedError(migration.name, exhausted, policy?.lockTimeoutMs ?? 0, {
        afterFailure: await describeAfterFailure(client, migration, shape, error, 'pending', blockers)
      })
    }
    if (row === undefined) throw caught
    const message = await recordFailure(client, row.id, migration, error)
    throw new MigrationRunError(message, {
      code: 'P3018',
      hint: applyFailedHint(migration.name),
      cause: error,
      failedMigration: migration.name,
      afterFailure: await describeAfterFailure(client, migration, shape, error, 'failed', blockers)
    })
  }
  const finishedAt = new Date()
  await recordFinished(client, row!.id, finishedAt)
  return {
    name: migration.name,
    checksum,
    startedAt: row!.startedAt,
    finishedAt,
    durationMs: performance.now() - row!.clock
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
    if (failed.length > 0)
      throw failedMigrationsError(failed.map((row) => ({ ...row, name: row.migrationName })))
    const pending = unappliedMigrations(folder.migrations, rows)
    await refuseNonTransactional(client, pending)
    if (pending.length > 0) lock = await openLockContext(client, options.connection, options.lockSafety)
    for (const migration of pending) {
      current = migration.name
      applied.push(await applyOne(client, migration, folder, options, lock))
    }
    return { applied, alreadyUpToDate: applied.length === 0 }
  } catch (error) {
    throw MigrationRunError.from(error, applied, current)
  } finally {
    await lock?.monitor?.close()
    await release?.()
  }
}

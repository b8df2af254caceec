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
  missingScriptError
} from './errors.js'
import { insertStartedRow, isFailed, readHistory, recordFinished, setLogs } from './history.js'
import { initialize } from './initialize.js'
import { type ReleaseLock, acquireMigrateLock } from './lock.js'
import { type LocalMigration, type MigrationsFolder, checkLockfile } from './migrations-dir.js'
import { findNonTransactional } from './non-transactional.js'
import { unappliedMigrations } from './plan.js'
import { serverVersionNum } from './server.js'

export type { AppliedMigration } from './errors.js'
export { MigrationRunError } from './errors.js'

export interface DeployResult {
  applied: AppliedMigration[]
  alreadyUpToDate: boolean
}

export interface DeployOptions {
  /** Advisory-lock wait; Prisma's is fixed at 10 s. */
  lockTimeoutMs?: number
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
  options: DeployOptions
): Promise<AppliedMigration> {
  if (migration.script === null || migration.checksum === null)
    throw missingScriptError(migration.name, folder.path)
  options.onApplying?.(migration.name)
  const id = randomUUID()
  const startedAt = new Date()
  const clock = performance.now()
  await insertStartedRow(client, { id, checksum: migration.checksum, startedAt, name: migration.name })
  try {
    // No parameters: node-postgres uses the simple protocol, so the whole file is one implicit transaction.
    await client.query(migration.script)
  } catch (error) {
    const message = await recordFailure(client, id, migration, error)
    throw new MigrationRunError(message, {
      code: 'P3018',
      hint: applyFailedHint(migration.name),
      cause: error,
      failedMigration: migration.name
    })
  }
  const finishedAt = new Date()
  await recordFinished(client, id, finishedAt)
  return {
    name: migration.name,
    checksum: migration.checksum,
    startedAt,
    finishedAt,
    durationMs: performance.now() - clock
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
    for (const migration of pending) {
      current = migration.name
      applied.push(await applyOne(client, migration, folder, options))
    }
    return { applied, alreadyUpToDate: applied.length === 0 }
  } catch (error) {
    throw MigrationRunError.from(error, applied, current)
  } finally {
    await release?.()
  }
}

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
  missingScriptError
} from './errors.js'
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
  planExecution
} from './execute.js'
import { loadParser } from '../sql/parse.js'
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

async function applyOne(
  client: pg.Client,
  migration: LocalMigration,
  plan: ExecutionPlan | undefined,
  folder: MigrationsFolder,
  options: DeployOptions
): Promise<AppliedMigration> {
  if (migration.script === null || migration.checksum === null || !plan)
    throw missingScriptError(migration.name, folder.path)
  options.onApplying?.(migration.name)
  const id = randomUUID()
  const startedAt = new Date()
  const clock = performance.now()
  await insertStartedRow(client, { id, checksum: migration.checksum, startedAt, name: migration.name })
  const progress = newProgress(plan)
  try {
    await executePlan(client, plan, progress)
  } catch (error) {
    // Whether a failed batch had its own COMMIT is read from the file, only now.
    await loadParser()
    const message = await recordFailure(client, id, migration, error, progress)
    const committed = committedStatements(progress, error)
    // The statement's first line; the exact position is in the message.
    const line = plan.mode === 'per-statement' ? progress.failedUnit?.startLine : undefined
    throw new MigrationRunError(message, {
      code: 'P3018',
      hint: applyFailedHint(migration.name, committed, plan.mode, line),
      cause: error,
      failedMigration: migration.name,
      committedStatements: committed,
      execution: plan.mode
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
    for (const migration of pending) {
      current = migration.name
      applied.push(await applyOne(client, migration, plans.get(migration.name), folder, options))
    }
    return { applied, alreadyUpToDate: applied.length === 0 }
  } catch (error) {
    throw MigrationRunError.from(error, applied, current)
  } finally {
    await release?.()
  }
}

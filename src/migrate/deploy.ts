/**
 * `prisma migrate deploy` with pg, step for step (prisma-migrate-compat.md §6.1, §5): lock-file check, advisory
 * lock, table initialisation (P3005), failed-migration check (P3009), then each unapplied migration as Prisma's
 * version sends it (execute.ts): with Prisma ≤ 7.3's whole-file strategy at one round trip per migration
 * (whole-file-runner.ts: a file PostgreSQL runs as one transaction travels with its row, the others keep Prisma's
 * protocol with their bookkeeping on the neighbouring messages), with 7.4+'s statement by statement as Prisma does
 * (per-statement-runner.ts). Everything it reads after taking the lock travels in the lock's own message; the last
 * migration's finish, the unlock and the history as the deploy left it travel in one last message.
 */
import type pg from 'pg'
import type { ConnectionSettings } from '../db/connection-url.js'
import { queryAll } from '../db/connect.js'
import {
  type AppliedMigration,
  MigrationRunError,
  failedMigrationsError,
  missingScriptError
} from './prisma-errors.js'
import { type ExecutionPlan, type ExecutionStrategy, type Fallback, describeFallback } from './execute.js'
import {
  HISTORY_SQL,
  HISTORY_TYPES,
  type MigrationRow,
  historyRows,
  isFailed,
  isMissingTable,
  listTablesSql,
  readHistory,
  tablesOf
} from './history.js'
import { type SchemaScope, initializeFrom, judgeTables, scopeSchemas } from './initialize.js'
import { type ReleaseLock, UNLOCK_SQL, advisoryLockDisabled, lockAndRead } from './lock.js'
import { type LockContext, type LockSafetyOptions, openLockContext } from './lock-safety.js'
import {
  type LocalMigration,
  type MigrationsFolder,
  type ReadableMigration,
  checkLockfile,
  isReadable
} from './migrations-dir.js'
import type { NonTransactionalStatement } from './non-transactional.js'
import { applyWithPerStatementStrategy } from './per-statement-runner.js'
import { type PendingInspection, inspectPendingFile, unappliedMigrations } from './plan.js'
import { WholeFileRunner } from './whole-file-runner.js'

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
 * How each pending migration will be sent, with what it mixes in that cannot run in a transaction block; a 7.4+
 * file sent whole after all is reported to `onFallback`.
 */
async function planPending(
  pending: LocalMigration[],
  strategy: ExecutionStrategy,
  version: number,
  onFallback: DeployOptions['onFallback']
): Promise<PendingInspection[]> {
  const planned: PendingInspection[] = []
  for (const migration of pending) {
    const entry = await inspectPendingFile(migration, strategy, async () => version)
    planned.push(entry)
    if (entry.plan?.fallback) onFallback?.(migration.name, entry.plan.fallback)
  }
  return planned
}

/** The migration with its readable script and its plan, or Prisma's error for a migration.sql it cannot read. */
function readyToApply(
  pending: PendingInspection,
  folder: MigrationsFolder
): { migration: ReadableMigration; plan: ExecutionPlan } {
  const { migration, plan } = pending
  if (!isReadable(migration) || !plan) throw missingScriptError(migration.name, folder.path)
  return { migration, plan }
}

/**
 * A file sent as one batch that mixes a statement PostgreSQL refuses in a transaction block: Prisma would run it
 * until PostgreSQL rejects it with 25001, leaving a failed row; we refuse before applying anything, so the database
 * is left exactly as it was.
 */
function nonTransactionalRefusal(
  name: string,
  plan: ExecutionPlan,
  found: NonTransactionalStatement[]
): MigrationRunError {
  const where = found.map((s) => `line ${s.line}: ${s.reason} (${s.statement})`).join('; ')
  const why = plan.fallback
    ? `Prisma 7.4+ would send this file as one batch (one transaction), because ${describeFallback(plan.fallback)}`
    : 'Prisma runs each migration.sql as one transaction'
  return new MigrationRunError(
    `Migration \`${name}\` mixes a statement that cannot run inside a transaction block with other statements (${where}). ` +
      `${why}, so it would fail with "25001: cannot run inside a transaction block" ` +
      'and be recorded as failed (P3018). Nothing was applied.',
    {
      code: 'P3018',
      failedMigration: name,
      hint: 'Move each such statement into a migration of its own (a migration.sql that contains only that statement), then deploy again.'
    }
  )
}

/** Refuses the first file sent as one batch that mixes in a non-transactional statement (files sent statement by statement are not refused). */
function refuseNonTransactional(pending: PendingInspection[]): void {
  for (const { migration, plan, nonTransactional } of pending)
    if (plan && nonTransactional.length > 0)
      throw nonTransactionalRefusal(migration.name, plan, nonTransactional)
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

/** What a deploy holds while it runs, for its clean-up and its error: the lock, the runner, the current migration. */
interface RunningDeploy {
  applied: AppliedMigration[]
  current?: string
  release?: ReleaseLock
  lock?: LockContext
  runner?: WholeFileRunner
}

/** Applies the pending migrations in order, each as the Prisma version's strategy sends it. */
async function applyMigrations(
  client: pg.Client,
  folder: MigrationsFolder,
  pending: PendingInspection[],
  options: DeployOptions,
  run: RunningDeploy,
  serverVersionNum: number
): Promise<void> {
  const start = (entry: PendingInspection): { migration: ReadableMigration; plan: ExecutionPlan } => {
    run.current = entry.migration.name
    const ready = readyToApply(entry, folder)
    options.onApplying?.(entry.migration.name)
    return ready
  }
  if (options.execution === 'per-statement') {
    for (const entry of pending) {
      const { migration, plan } = start(entry)
      run.applied.push(await applyWithPerStatementStrategy(client, migration, plan, run.lock))
    }
    return
  }
  const migrations = pending.map((entry) => entry.migration)
  run.runner = await WholeFileRunner.prepare(client, run.lock, run.applied, migrations, serverVersionNum)
  for (const [i, entry] of pending.entries()) {
    const { migration, plan } = start(entry)
    await run.runner.apply(migration, plan, migrations[i + 1])
  }
}

/** The last migration's finish, the unlock and the history as it is now, in one message: its results. */
async function finishDeploy(
  client: pg.Client,
  options: DeployOptions,
  runner: WholeFileRunner | undefined
): Promise<pg.QueryResult[]> {
  const last = [
    ...(advisoryLockDisabled() ? [] : [UNLOCK_SQL]),
    ...(options.readHistoryAfter ? [HISTORY_SQL] : [])
  ].join(';\n')
  if (runner) return runner.settle(last, HISTORY_TYPES)
  return last ? queryAll(client, last, HISTORY_TYPES) : []
}

export async function deploy(
  client: pg.Client,
  folder: MigrationsFolder,
  options: DeployOptions
): Promise<DeployResult> {
  const run: RunningDeploy = { applied: [] }
  try {
    checkLockfile(folder)
    const scope = { ...options, defaultSchema: options.connection.defaultSchema }
    const state = await lockAndReadState(client, scope, options.lockTimeoutMs, options.expectHistory ?? true)
    run.release = state.release
    await initializeFrom(client, folder, judgeTables(state.tables, scope))
    const rows = state.rows ?? []
    const failed = rows.filter(isFailed)
    const strategy = options.execution ?? 'whole-file'
    if (failed.length > 0)
      throw failedMigrationsError(
        failed.map((row) => ({ ...row, name: row.migrationName })),
        strategy
      )
    const version = options.serverVersionNum ?? state.serverVersionNum
    const pending = await planPending(
      unappliedMigrations(folder.migrations, rows),
      strategy,
      version,
      options.onFallback
    )
    refuseNonTransactional(pending)
    if (pending.length > 0) run.lock = openLockContext(state.pid, options.connection, options.lockSafety)
    await applyMigrations(client, folder, pending, options, run, version)
    const results = await finishDeploy(client, options, run.runner)
    run.release = undefined
    const history = options.readHistoryAfter ? results.at(-1) : undefined
    return {
      applied: run.applied,
      alreadyUpToDate: run.applied.length === 0,
      ...(history ? { historyAfter: historyRows(history) } : {})
    }
  } catch (error) {
    // A migration on Prisma's protocol that ran before the failure still gets its finish.
    await run.runner?.settle().catch(() => undefined)
    throw MigrationRunError.from(error, run.applied, run.current)
  } finally {
    await run.lock?.monitor?.close()
    await run.release?.()
  }
}

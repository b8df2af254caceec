/**
 * `prisma migrate status` with pg: Prisma's diagnoseMigrationHistory and the CLI's decision order
 * (prisma-migrate-compat.md §7), plus what Prisma computes but does not print (edited migrations, rows without
 * a local directory, failures hidden behind pending ones) and what deploy would do next. Read-only: no lock,
 * no table creation.
 */
import type pg from 'pg'
import type { ConnectionSettings } from '../db/connection-url.js'
import type { ActionError } from '../errors.js'
import { scriptMatchesChecksum } from './checksum.js'
import { formatPrismaTimestamp, missingScriptError } from './prisma-errors.js'
import { type ExecutionStrategy, type Fallback, planExecution } from './execute.js'
import { type MigrationRow, isFailed, readHistory } from './history.js'
import { inspectTables, judgeTables } from './initialize.js'
import { type LocalMigration, type MigrationsFolder, checkLockfile } from './migrations-dir.js'
import { findNonTransactional } from './non-transactional.js'
import { unappliedMigrations } from './plan.js'
import { serverVersionNum } from './server.js'
import {
  type HistoryDiagnostic,
  UP_TO_DATE_MESSAGE,
  divergedMessage,
  failedMessage,
  migrationsFoundLine,
  notManagedMessage,
  pendingMessage
} from './status-message.js'

export interface MigrationState {
  name: string
  state: 'applied' | 'pending' | 'failed' | 'rolled-back' | 'missing-locally'
  edited: boolean
  startedAt?: Date
  finishedAt?: Date
  rolledBackAt?: Date
  checksum: string | null
}

export interface Diagnosis {
  /** Prisma's decision, in its order (§7.2). */
  status: 'up-to-date' | 'pending' | 'failed' | 'diverged' | 'not-managed'
  prismaExitCode: 0 | 1
  /** What `prisma migrate status` prints for this state, after its Datasource header. */
  prismaMessage: string
  hasMigrationsTable: boolean
  /** What `deploy` would apply now (rolled-back ones included), in order. */
  pending: LocalMigration[]
  failed: { name: string; startedAt: Date }[]
  /**
   * Applied migrations whose local file no longer matches the checksum of the row that records them as applied
   * (CRLF-tolerant). Prisma's own `editedMigrationNames` compares with the OLDEST row of a name in any state
   * (prisma/prisma#16927), which after a failed attempt that was rolled back, fixed and redeployed is the broken
   * version; status never prints it. We compare with what was actually applied, so a fixed redeploy is not "edited".
   */
  edited: string[]
  /** Applied migrations whose migration.sql cannot be read: Prisma's status stops with P3015, deploy ignores them. */
  unreadableApplied: string[]
  /** The error `prisma migrate status` stops with instead of its decision (P3015), if any. */
  prismaStatusError?: ActionError
  /** Without `_prisma_migrations`: the tables that make deploy stop with P3005 (empty when it would deploy). */
  tablesWithoutHistory: string[]
  /** Pending files the 7.4+ strategy still sends whole (Prisma's parser cannot split them). */
  fallbacks: { migration: string; fallback: Fallback }[]
  /** Database rows with no local directory. */
  missingLocally: string[]
  nonTransactional: { migration: string; line: number; statement: string }[]
  migrations: MigrationState[]
  warnings: string[]
  /** Prisma's raw history diagnostic, for reports that want the detail. */
  history: HistoryDiagnostic
}

export interface DiagnoseOptions {
  /** With it, a database without `_prisma_migrations` is also checked for tables (deploy would stop with P3005). */
  connection?: ConnectionSettings
  /** As for deploy: the datasource's `schemas = [...]` and prisma.config's `tables.external`. */
  schemas?: string[]
  externalTables?: string[]
  /** How the detected Prisma version sends a migration.sql; default `whole-file` (Prisma ≤ 7.3). */
  execution?: ExecutionStrategy
  /** The history, when the caller read it already (with the connection's first message); null: no table. */
  history?: MigrationRow[] | null
  /** The ordinary tables of the scope's schemas, when the caller read them already (`listTablesSql`). */
  tables?: { schema: string; table: string }[]
  /** The server's version (the session knows it from connecting); asked when needed and not given. */
  serverVersionNum?: number
}

function historyDiagnostic(
  local: LocalMigration[],
  fsNotInDb: number[],
  dbNotInFs: string[]
): HistoryDiagnostic {
  const unapplied = fsNotInDb.map((i) => local[i].name)
  if (unapplied.length === 0 && dbNotInFs.length === 0) return null
  if (dbNotInFs.length === 0) return { diagnostic: 'databaseIsBehind', unappliedMigrationNames: unapplied }
  if (unapplied.length === 0)
    return { diagnostic: 'migrationsDirectoryIsBehind', unpersistedMigrationNames: dbNotInFs }
  const firstUnapplied = fsNotInDb[0]
  return {
    diagnostic: 'historiesDiverge',
    lastCommonMigrationName: firstUnapplied > 0 ? local[firstUnapplied - 1].name : null,
    unpersistedMigrationNames: dbNotInFs,
    unappliedMigrationNames: unapplied
  }
}

type Decision = Pick<Diagnosis, 'status' | 'prismaExitCode'> & { text: string }

function decide(
  history: HistoryDiagnostic,
  hasTable: boolean,
  local: LocalMigration[],
  failedNames: string[]
): Decision {
  if (history?.diagnostic === 'databaseIsBehind') {
    return { status: 'pending', prismaExitCode: 1, text: pendingMessage(history.unappliedMigrationNames) }
  }
  if (history?.diagnostic === 'historiesDiverge')
    return { status: 'diverged', prismaExitCode: 1, text: divergedMessage(history) }
  if (!hasTable) return { status: 'not-managed', prismaExitCode: 1, text: notManagedMessage(local[0]?.name) }
  if (failedNames.length > 0) return { status: 'failed', prismaExitCode: 1, text: failedMessage(failedNames) }
  return { status: 'up-to-date', prismaExitCode: 0, text: `\n${UP_TO_DATE_MESSAGE}` }
}

function stateOf(migration: LocalMigration, rows: MigrationRow[], edited: boolean): MigrationState {
  const failed = rows.find(isFailed)
  const applied = rows.find((row) => row.finishedAt !== null && row.rolledBackAt === null)
  const shown = failed ?? applied ?? rows[rows.length - 1]
  const state: MigrationState['state'] = failed
    ? 'failed'
    : applied
      ? 'applied'
      : shown
        ? 'rolled-back'
        : 'pending'
  return {
    name: migration.name,
    state,
    edited,
    startedAt: shown?.startedAt,
    finishedAt: shown?.finishedAt ?? undefined,
    rolledBackAt: shown?.rolledBackAt ?? undefined,
    checksum: migration.checksum
  }
}

export async function diagnose(
  client: pg.Client,
  folder: MigrationsFolder,
  options: DiagnoseOptions = {}
): Promise<Diagnosis> {
  checkLockfile(folder)
  const rows = options.history !== undefined ? options.history : await readHistory(client)
  const hasMigrationsTable = rows !== null
  const history = rows ?? []
  const local = folder.migrations

  const rowsByName = new Map<string, MigrationRow[]>()
  for (const row of history)
    rowsByName.set(row.migrationName, [...(rowsByName.get(row.migrationName) ?? []), row])

  const fsNotInDb: number[] = []
  const edited: string[] = []
  const unreadableApplied: string[] = []
  local.forEach((migration, index) => {
    const sameName = rowsByName.get(migration.name) ?? []
    if (sameName.length === 0) return void fsNotInDb.push(index)
    // Prisma reads the script of every migration it has a row for, and stops with P3015 when it cannot.
    if (migration.script === null) return void unreadableApplied.push(migration.name)
    const applied = sameName.filter((row) => row.finishedAt !== null && row.rolledBackAt === null).at(-1)
    if (applied && !scriptMatchesChecksum(migration.script, applied.checksum)) edited.push(migration.name)
  })
  const localNames = new Set(local.map((m) => m.name))
  const failedRows = history.filter(isFailed)
  const dbNotInFs = history
    .filter((row) => !localNames.has(row.migrationName))
    .map((row) => row.migrationName)
  const diagnostic = historyDiagnostic(local, fsNotInDb, dbNotInFs)
  const decision = decide(
    diagnostic,
    hasMigrationsTable,
    local,
    failedRows.map((row) => row.migrationName)
  )
  const pending = unappliedMigrations(local, history)
  const missingLocally = [...new Set(dbNotInFs)]

  const nonTransactional: Diagnosis['nonTransactional'] = []
  const fallbacks: Diagnosis['fallbacks'] = []
  let version = options.serverVersionNum
  for (const migration of pending) {
    if (migration.script === null) continue
    if (options.execution === 'per-statement') {
      const plan = await planExecution(migration.script, 'per-statement')
      if (plan.fallback) fallbacks.push({ migration: migration.name, fallback: plan.fallback })
      // Sent statement by statement, a non-transactional statement runs outside any transaction block.
      if (plan.mode === 'per-statement') continue
    }
    version ??= await serverVersionNum(client)
    for (const found of await findNonTransactional(migration.script, version)) {
      nonTransactional.push({
        migration: migration.name,
        line: found.line,
        statement: `${found.reason}: ${found.statement}`
      })
    }
  }

  const migrations: MigrationState[] = local.map((m) =>
    stateOf(m, rowsByName.get(m.name) ?? [], edited.includes(m.name))
  )
  for (const name of missingLocally) {
    const last = rowsByName.get(name)!.at(-1)!
    migrations.push({
      name,
      state: 'missing-locally',
      edited: false,
      startedAt: last.startedAt,
      finishedAt: last.finishedAt ?? undefined,
      rolledBackAt: last.rolledBackAt ?? undefined,
      checksum: last.checksum
    })
  }

  const prismaStatusError = unreadableApplied[0]
    ? missingScriptError(unreadableApplied[0], folder.path)
    : undefined
  const scope = { ...options, defaultSchema: options.connection?.defaultSchema ?? 'public' }
  const tablesWithoutHistory = hasMigrationsTable
    ? []
    : (options.tables ? judgeTables(options.tables, scope) : await inspectTables(client, scope)).userTables

  const diagnosis: Diagnosis = {
    status: decision.status,
    prismaExitCode: prismaStatusError ? 1 : decision.prismaExitCode,
    prismaMessage: prismaStatusError
      ? `${migrationsFoundLine(local.length)}\nError: ${prismaStatusError.code}\n\n${prismaStatusError.message}`
      : `${migrationsFoundLine(local.length)}\n${decision.text}`,
    hasMigrationsTable,
    pending,
    failed: failedRows.map((row) => ({ name: row.migrationName, startedAt: row.startedAt })),
    edited,
    unreadableApplied,
    prismaStatusError,
    tablesWithoutHistory,
    fallbacks,
    missingLocally,
    nonTransactional,
    migrations,
    warnings: [],
    history: diagnostic
  }
  diagnosis.warnings = collectWarnings(diagnosis, folder, failedRows)
  return diagnosis
}

function collectWarnings(d: Diagnosis, folder: MigrationsFolder, failedRows: MigrationRow[]): string[] {
  const warnings: string[] = []
  for (const name of d.edited) {
    warnings.push(
      `Migration \`${name}\` was modified after it was applied: its migration.sql no longer matches the checksum recorded in _prisma_migrations, even allowing for CRLF/LF line endings. ` +
        '`prisma migrate status` does not report this, but `prisma migrate dev` would ask to reset the database. Restore the file as it was deployed and put further changes in a new migration.'
    )
  }
  for (const name of d.missingLocally) {
    warnings.push(
      `Migration \`${name}\` is recorded in the database but has no directory in ${folder.path}. ` +
        'Check that `migrations-dir` points at the right folder and that no migration directory was renamed or deleted.'
    )
  }
  if (d.status === 'pending' || d.status === 'diverged') {
    for (const row of failedRows) {
      warnings.push(
        `Migration \`${row.migrationName}\` failed (started at ${formatPrismaTimestamp(row.startedAt, row.startedAtMicros)}). Prisma's status only lists the pending migrations, ` +
          'but deploy will stop with P3009 until it is resolved with `mode: migrate-resolve`.'
      )
    }
  }
  for (const m of d.migrations) {
    if (m.state === 'rolled-back' && d.status !== 'pending') {
      warnings.push(
        `Migration \`${m.name}\` is marked as rolled back: Prisma's status counts it as present, but deploy will apply it again.`
      )
    }
  }
  for (const found of d.nonTransactional) {
    warnings.push(
      `Migration \`${found.migration}\`, line ${found.line}: ${found.statement} cannot run inside a transaction block, and the file has other statements. ` +
        'Prisma would fail it with P3018 (25001); this action refuses to deploy it. Move the statement into a migration of its own.'
    )
  }
  for (const name of d.unreadableApplied) {
    warnings.push(
      `Migration \`${name}\` is recorded in the database but its migration.sql cannot be read in ${folder.path}: \`prisma migrate status\` stops with P3015, while deploy ignores it and applies the pending migrations. Restore the file, or delete the directory if the migration was abandoned.`
    )
  }
  const tables = d.tablesWithoutHistory
  if (tables.length > 0) {
    warnings.push(
      `The database has tables (${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', ...' : ''}) but no _prisma_migrations history: deploy would stop with P3005. ` +
        (folder.migrations[0]
          ? `Baseline it with \`mode: migrate-resolve\` and \`resolve-applied: "${folder.migrations[0].name}"\` if the migrations describe the current schema.`
          : 'Create a baseline migration first.')
    )
  }
  return warnings
}

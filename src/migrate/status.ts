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
import type { ExecutionStrategy, Fallback } from './execute.js'
import { type MigrationRow, isFailed, readHistory } from './history.js'
import { inspectTables, judgeTables } from './initialize.js'
import { type LocalMigration, type MigrationsFolder, checkLockfile } from './migrations-dir.js'
import { inspectPendingFile, unappliedMigrations } from './plan.js'
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

export type Decision = Pick<Diagnosis, 'status' | 'prismaExitCode'> & { text: string }

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

/**
 * What the history says against the local folder, without I/O: Prisma's history diagnostic and decision, the
 * state of each migration, and what Prisma computes but does not print.
 */
export interface HistoryComparison {
  hasMigrationsTable: boolean
  decision: Decision
  history: HistoryDiagnostic
  pending: LocalMigration[]
  failedRows: MigrationRow[]
  edited: string[]
  unreadableApplied: string[]
  missingLocally: string[]
  migrations: MigrationState[]
}

/** The rows of each migration name, in the history's order (names in order of their first row). */
function rowsByNameOf(history: MigrationRow[]): Map<string, MigrationRow[]> {
  const rowsByName = new Map<string, MigrationRow[]>()
  for (const row of history)
    rowsByName.set(row.migrationName, [...(rowsByName.get(row.migrationName) ?? []), row])
  return rowsByName
}

/** Local migrations without a row (their indexes), applied ones whose file changed, and unreadable applied ones. */
function checkLocal(
  local: LocalMigration[],
  rowsByName: Map<string, MigrationRow[]>
): { fsNotInDb: number[]; edited: string[]; unreadableApplied: string[] } {
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
  return { fsNotInDb, edited, unreadableApplied }
}

/** Rows without a local directory, one state per name (its last row), in the history's order. */
function missingLocallyStates(
  rowsByName: Map<string, MigrationRow[]>,
  localNames: Set<string>
): MigrationState[] {
  const states: MigrationState[] = []
  for (const [name, rows] of rowsByName) {
    const last = rows.at(-1)
    if (localNames.has(name) || !last) continue
    states.push({
      name,
      state: 'missing-locally',
      edited: false,
      startedAt: last.startedAt,
      finishedAt: last.finishedAt ?? undefined,
      rolledBackAt: last.rolledBackAt ?? undefined,
      checksum: last.checksum
    })
  }
  return states
}

/** The local folder against `_prisma_migrations` (null: no such table), as Prisma's diagnoseMigrationHistory. */
export function compareWithHistory(local: LocalMigration[], rows: MigrationRow[] | null): HistoryComparison {
  const history = rows ?? []
  const rowsByName = rowsByNameOf(history)
  const { fsNotInDb, edited, unreadableApplied } = checkLocal(local, rowsByName)
  const localNames = new Set(local.map((m) => m.name))
  const failedRows = history.filter(isFailed)
  const dbNotInFs = history
    .filter((row) => !localNames.has(row.migrationName))
    .map((row) => row.migrationName)
  const diagnostic = historyDiagnostic(local, fsNotInDb, dbNotInFs)
  const missing = missingLocallyStates(rowsByName, localNames)
  return {
    hasMigrationsTable: rows !== null,
    decision: decide(
      diagnostic,
      rows !== null,
      local,
      failedRows.map((row) => row.migrationName)
    ),
    history: diagnostic,
    pending: unappliedMigrations(local, history),
    failedRows,
    edited,
    unreadableApplied,
    missingLocally: missing.map((state) => state.name),
    migrations: [
      ...local.map((m) => stateOf(m, rowsByName.get(m.name) ?? [], edited.includes(m.name))),
      ...missing
    ]
  }
}

/** What deploy would refuse among the pending files, and which 7.4+ files it would still send whole. */
async function inspectPending(
  client: pg.Client,
  pending: LocalMigration[],
  options: DiagnoseOptions
): Promise<Pick<Diagnosis, 'nonTransactional' | 'fallbacks'>> {
  const nonTransactional: Diagnosis['nonTransactional'] = []
  const fallbacks: Diagnosis['fallbacks'] = []
  let known = options.serverVersionNum
  const version = async (): Promise<number> => (known ??= await serverVersionNum(client))
  for (const migration of pending) {
    const inspected = await inspectPendingFile(migration, options.execution ?? 'whole-file', version)
    const fallback = inspected.plan?.fallback
    if (fallback) fallbacks.push({ migration: migration.name, fallback })
    for (const found of inspected.nonTransactional) {
      nonTransactional.push({
        migration: migration.name,
        line: found.line,
        statement: `${found.reason}: ${found.statement}`
      })
    }
  }
  return { nonTransactional, fallbacks }
}

/** Without `_prisma_migrations`: the tables that make deploy stop with P3005 (read unless the caller has them). */
async function tablesWithoutHistory(client: pg.Client, options: DiagnoseOptions): Promise<string[]> {
  const scope = { ...options, defaultSchema: options.connection?.defaultSchema ?? 'public' }
  return (options.tables ? judgeTables(options.tables, scope) : await inspectTables(client, scope)).userTables
}

/** What `prisma migrate status` prints and exits with: its decision, unless it stops first with P3015. */
function prismaVerdict(
  compared: HistoryComparison,
  folder: MigrationsFolder
): Pick<Diagnosis, 'prismaExitCode' | 'prismaMessage' | 'prismaStatusError'> {
  const found = migrationsFoundLine(folder.migrations.length)
  const unreadable = compared.unreadableApplied[0]
  if (!unreadable)
    return {
      prismaExitCode: compared.decision.prismaExitCode,
      prismaMessage: `${found}\n${compared.decision.text}`,
      prismaStatusError: undefined
    }
  const error = missingScriptError(unreadable, folder.path)
  return {
    prismaExitCode: 1,
    prismaMessage: `${found}\nError: ${error.code}\n\n${error.message}`,
    prismaStatusError: error
  }
}

export async function diagnose(
  client: pg.Client,
  folder: MigrationsFolder,
  options: DiagnoseOptions = {}
): Promise<Diagnosis> {
  checkLockfile(folder)
  const rows = options.history !== undefined ? options.history : await readHistory(client)
  const compared = compareWithHistory(folder.migrations, rows)
  const { nonTransactional, fallbacks } = await inspectPending(client, compared.pending, options)
  const verdict = prismaVerdict(compared, folder)
  const diagnosis: Diagnosis = {
    status: compared.decision.status,
    prismaExitCode: verdict.prismaExitCode,
    prismaMessage: verdict.prismaMessage,
    hasMigrationsTable: compared.hasMigrationsTable,
    pending: compared.pending,
    failed: compared.failedRows.map((row) => ({ name: row.migrationName, startedAt: row.startedAt })),
    edited: compared.edited,
    unreadableApplied: compared.unreadableApplied,
    prismaStatusError: verdict.prismaStatusError,
    tablesWithoutHistory: compared.hasMigrationsTable ? [] : await tablesWithoutHistory(client, options),
    fallbacks,
    missingLocally: compared.missingLocally,
    nonTransactional,
    migrations: compared.migrations,
    warnings: [],
    history: compared.history
  }
  diagnosis.warnings = collectWarnings(diagnosis, folder, compared.failedRows)
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

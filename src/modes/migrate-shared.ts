import * as core from '@actions/core'
import { relative } from 'node:path'
import { connect, type DbSession } from '../db/connect.js'
import { describeTarget } from '../db/connection-url.js'
import { readMigrationsFolder, type MigrationsFolder } from '../migrate/migrations-dir.js'
import { HISTORY_SQL, HISTORY_TYPES, historyFromFirstReads, listTablesSql } from '../migrate/history.js'
import { scopeSchemas } from '../migrate/initialize.js'
import type { ConnectionSettings } from '../db/connection-url.js'
import type { AppliedMigration } from '../migrate/deploy.js'
import { describePrismaVersion } from '../migrate/prisma-version.js'
import type { DiagnoseOptions, Diagnosis } from '../migrate/status.js'
import { info } from '../util/log.js'
import type { StatusRow } from '../render/status-table.js'
import type { CommonSettings, MigrateSettings } from '../settings/settings.js'
import { code } from '../render/markdown.js'
import { RepositoryFiles, printable } from '../util/repo-files.js'

/**
 * The local migrations, read as data: only regular files inside the workspace (src/util/repo-files.ts). A
 * migration.sql that is a link, a special file, too large or holds a NUL byte stops every migrate mode here,
 * before the database is even connected to, with an error that names the file and never shows its content.
 */
export async function loadMigrationsFolder(
  settings: MigrateSettings,
  common: Pick<CommonSettings, 'workspace' | 'workingDirectory'>
): Promise<MigrationsFolder> {
  return core.group('Migrations folder', async () => {
    const shown = relative(common.workingDirectory, settings.migrationsDir.path) || '.'
    info(describePrismaVersion(settings.prisma))
    // Folder names and the reason (which quotes prisma.config / package.json) come from the repository.
    info(`Using ${shown} (${settings.migrationsDir.reason})`)
    for (const note of settings.layoutNotes) info(note)
    const folder = await readMigrationsFolder(
      settings.migrationsDir.path,
      new RepositoryFiles(common.workspace)
    )
    if (!folder.exists)
      core.warning(
        `The migrations folder ${shown} does not exist; Prisma treats that as no migrations. Set \`migrations-dir\` if your migrations live elsewhere.`
      )
    for (const name of folder.skippedLinks ?? [])
      core.warning(
        `${shown}/${printable(name)} is a symbolic link: Prisma lists real directories only, so it is neither reviewed nor applied (by Prisma or by this action). Commit the migration directory itself if it is one.`
      )
    info(`${folder.migrations.length} migration${folder.migrations.length === 1 ? '' : 's'} found`)
    // The lock file's provider is checked where Prisma checks it: deploy, status and resolve --applied, not
    // resolve --rolled-back (prisma-migrate-compat.md §3.3).
    return folder
  })
}

/**
 * What diagnose and deploy need to decide as the project's Prisma would: scope of P3005 and execution; with a
 * session, what it knows already (the server's version).
 */
export function prismaScope(
  common: CommonSettings,
  settings: MigrateSettings,
  session?: DbSession
): DiagnoseOptions {
  return {
    connection: common.connection,
    schemas: settings.schemas,
    externalTables: settings.externalTables,
    execution: settings.prisma.execution,
    serverVersionNum: session?.serverVersionNum
  }
}

/** The history (or the tables) read with the session's first message (see openSession), for one diagnose. */
export function firstHistory(session: DbSession): Pick<DiagnoseOptions, 'history' | 'tables'> {
  return historyFromFirstReads(session.firstReads)
}

/** `listTablesSql` for the project's scope. */
function tablesRead(connection: ConnectionSettings, settings: MigrateSettings): string {
  return listTablesSql(scopeSchemas({ defaultSchema: connection.defaultSchema, schemas: settings.schemas }))
}

/**
 * `sessionSettings`: run-time parameters for this session only (migrate-deploy's timeouts). `readHistory`: read
 * `_prisma_migrations` in the connection's first message (no round trip of its own), and without it the tables
 * Prisma's emptiness check looks at: `firstHistory(session)`.
 */
export async function openSession(
  common: CommonSettings,
  sessionSettings?: Record<string, string>,
  options: { readHistory?: MigrateSettings } = {}
): Promise<DbSession> {
  const connection = common.connection!
  return core.group(`Connect to ${describeTarget(connection)}`, async () => {
    const session = await connect(connection, {
      baseDir: common.workingDirectory,
      ensureSchema: true,
      sessionSettings,
      firstReads: options.readHistory
        ? { text: HISTORY_SQL, types: HISTORY_TYPES, fallback: tablesRead(connection, options.readHistory) }
        : undefined
    })
    info(`Connected: PostgreSQL ${session.serverVersion}`)
    return session
  })
}

/** Path of a migration's SQL file relative to the working directory: what annotations and reports show. */
export function relativeSqlPath(workingDirectory: string, sqlPath: string): string {
  return relative(workingDirectory, sqlPath).split('\\').join('/')
}

/** The pending migrations, as the review wants them (readable files only). */
export function pendingForReview(
  diagnosis: Diagnosis,
  workingDirectory: string
): { name: string; file: string; script: string }[] {
  return diagnosis.pending
    .filter((m) => m.script !== null)
    .map((m) => ({
      name: m.name,
      file: relativeSqlPath(workingDirectory, m.sqlPath),
      script: m.script as string
    }))
}

const list = (names: string[]): string => names.map((n) => code(n)).join(', ')

/** What the user should do next, by state; shown in the summary and the PR comment. */
export function nextSteps(diagnosis: Diagnosis): string[] {
  const steps: string[] = []
  if (diagnosis.failed.length > 0) {
    const first = diagnosis.failed[0].name
    steps.push(
      `Migration ${list(diagnosis.failed.map((f) => f.name))} failed and blocks every deploy (Prisma P3009). Inspect the database: if you reverted its partial changes, run this action with \`mode: migrate-resolve\` and \`resolve-rolled-back: ${first}\` (the next deploy re-applies it); if you completed it by hand, use \`resolve-applied: ${first}\`.`
    )
  }
  if (diagnosis.status === 'diverged') {
    steps.push(
      `The database has migrations that are not in this folder (${list(diagnosis.missingLocally)}) while local ones are pending: another branch deployed to this database. Merge or rebase onto that branch before deploying.`
    )
  }
  if (diagnosis.status === 'not-managed') {
    steps.push(
      'This database is not managed by Prisma Migrate (no `_prisma_migrations` table and no migrations). To keep its data, baseline it with `mode: migrate-resolve` and `resolve-applied: <first migration>`.'
    )
  }
  if (diagnosis.tablesWithoutHistory.length > 0) {
    const first = diagnosis.pending[0]?.name
    steps.push(
      `The database already has tables (${list(diagnosis.tablesWithoutHistory.slice(0, 3))}${diagnosis.tablesWithoutHistory.length > 3 ? ', ...' : ''}) but no \`_prisma_migrations\` history, so \`mode: migrate-deploy\` would stop with P3005 and apply nothing. ` +
        (first
          ? `If the migrations describe this schema, baseline it with \`mode: migrate-resolve\` and \`resolve-applied: ${first}\` (once for each migration the database already reflects); otherwise check \`database-url\`.`
          : 'Check `database-url`, or create a baseline migration first.')
    )
  } else if (diagnosis.pending.length > 0 && diagnosis.failed.length === 0) {
    steps.push(
      `${diagnosis.pending.length} migration${diagnosis.pending.length === 1 ? '' : 's'} will be applied by \`mode: migrate-deploy\`.`
    )
  }
  for (const name of diagnosis.edited) {
    steps.push(
      `${code(name)} was edited after it was applied (its checksum differs from the database's). Restore the applied version from git; put new changes in a new migration.`
    )
  }
  for (const name of diagnosis.unreadableApplied) {
    steps.push(
      `\`${name}\` is recorded in the database but its migration.sql is missing: \`prisma migrate status\` stops with P3015 until you restore the file (deploy ignores it).`
    )
  }
  if (diagnosis.missingLocally.length > 0 && diagnosis.status !== 'diverged') {
    steps.push(
      `The database has migrations with no local directory: ${list(diagnosis.missingLocally)}. Prisma ignores them; check that this branch is up to date.`
    )
  }
  for (const item of diagnosis.nonTransactional) {
    steps.push(
      `${code(item.migration)} line ${item.line}: ${code(item.statement)} cannot run inside a transaction, but Prisma runs the whole file as one. Move it into a migration of its own (a single statement).`
    )
  }
  return steps
}

/** The summary's migrations table: the diagnosis after the run, with what this run applied or failed marked. */
export function statusRows(
  diagnosis: Diagnosis,
  appliedNow: AppliedMigration[] = [],
  failedNow?: string
): StatusRow[] {
  const applied = new Map(appliedNow.map((m) => [m.name, m]))
  return diagnosis.migrations.map((m) => {
    const now = applied.get(m.name)
    if (now)
      return {
        name: m.name,
        state: 'applied-now',
        edited: m.edited,
        startedAt: now.startedAt,
        finishedAt: now.finishedAt,
        durationMs: now.durationMs
      }
    return {
      name: m.name,
      state: m.name === failedNow && m.state === 'failed' ? 'failed-now' : m.state,
      edited: m.edited,
      startedAt: m.startedAt,
      finishedAt: m.finishedAt
    }
  })
}

/**
 * Absolute links to the rule docs for the summary and the PR comment: the relative `docs/rules.md` would resolve
 * in the user's repository. The runner names the action's own repository and ref (empty for `uses: ./`).
 */
export function rulesDocsUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const repository = env.GITHUB_ACTION_REPOSITORY
  if (!repository) return undefined
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${repository}/blob/${env.GITHUB_ACTION_REF || 'main'}/docs/rules.md`
}

/** The outputs every migrate mode sets, from what is pending, applied by this run and failed. */
export function migrateOutputs(state: {
  status: string
  pending: string[]
  applied?: string[]
  failed?: string[]
}): Record<string, string> {
  return {
    status: state.status,
    'pending-count': String(state.pending.length),
    'pending-migrations': JSON.stringify(state.pending),
    'applied-count': String(state.applied?.length ?? 0),
    'applied-migrations': JSON.stringify(state.applied ?? []),
    'failed-migrations': JSON.stringify(state.failed ?? [])
  }
}

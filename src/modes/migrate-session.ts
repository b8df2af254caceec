/** How every migrate mode starts: the migrations folder read as data, then one session on the database. */
import * as core from '@actions/core'
import { connect, type DbSession, type EarlyClient } from '../db/connect.js'
import { type ConnectionSettings, describeTarget } from '../db/connection-url.js'
import { HISTORY_SQL, HISTORY_TYPES, historyFromFirstReads, listTablesSql } from '../migrate/history.js'
import { scopeSchemas } from '../migrate/initialize.js'
import { readMigrationsFolder, type MigrationsFolder } from '../migrate/migrations-dir.js'
import { describePrismaVersion } from '../migrate/prisma-version.js'
import type { DiagnoseOptions } from '../migrate/status.js'
import type { MigrateModeSettings, RunSettings } from '../settings/settings.js'
import { info } from '../util/log.js'
import { RepositoryFiles, printable } from '../util/repo-files.js'
import { migrateStartup } from './early-connection.js'
import { shownMigrationsDir } from './migrate-results.js'

/**
 * The local migrations, read as data: only regular files inside the workspace (src/util/repo-files.ts). A
 * migration.sql that is a link, a special file, too large or holds a NUL byte stops every migrate mode here,
 * before any statement is sent to the database, with an error that names the file and never shows its content;
 * `early`, the connection request answered meanwhile (early-connection.ts), is then closed unused.
 */
export async function loadMigrationsFolder(
  settings: Pick<MigrateModeSettings, 'project'> & Pick<RunSettings, 'workspace' | 'workingDirectory'>,
  early?: EarlyClient
): Promise<MigrationsFolder> {
  try {
    return await readFolder(settings)
  } catch (error) {
    early?.discard()
    throw error
  }
}

async function readFolder(
  settings: Pick<MigrateModeSettings, 'project'> & Pick<RunSettings, 'workspace' | 'workingDirectory'>
): Promise<MigrationsFolder> {
  const { project } = settings
  return core.group('Migrations folder', async () => {
    const shown = shownMigrationsDir(settings.workingDirectory, project.migrationsDir.path)
    info(describePrismaVersion(project.prisma))
    // Folder names and the reason (which quotes prisma.config / package.json) come from the repository.
    info(`Using ${shown} (${project.migrationsDir.reason})`)
    for (const note of project.layoutNotes) info(note)
    const folder = await readMigrationsFolder(
      project.migrationsDir.path,
      new RepositoryFiles(settings.workspace)
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
export function prismaScope(settings: MigrateModeSettings, session?: DbSession): DiagnoseOptions {
  return {
    connection: settings.connection,
    schemas: settings.project.schemas,
    externalTables: settings.project.externalTables,
    execution: settings.project.prisma.execution,
    serverVersionNum: session?.serverVersionNum
  }
}

/** The history (or the tables) read with the session's first message (see openSession), for one diagnose. */
export function firstHistory(session: DbSession): Pick<DiagnoseOptions, 'history' | 'tables'> {
  return historyFromFirstReads(session.firstReads)
}

/** `listTablesSql` for the project's scope. */
function tablesRead(connection: ConnectionSettings, project: MigrateModeSettings['project']): string {
  return listTablesSql(scopeSchemas({ defaultSchema: connection.defaultSchema, schemas: project.schemas }))
}

/**
 * The mode's session: its run-time parameters (migrate-deploy's timeouts) travel with the connection request, which
 * `early` may have sent already. `readHistory`: read `_prisma_migrations` in the connection's first message (no
 * round trip of its own), and without it the tables Prisma's emptiness check looks at: `firstHistory(session)`.
 */
export async function openSession(
  settings: MigrateModeSettings & { connection: ConnectionSettings },
  options: { readHistory?: boolean; early?: EarlyClient } = {}
): Promise<DbSession> {
  const { connection, project } = settings
  return core.group(`Connect to ${describeTarget(connection)}`, async () => {
    const session = await connect(connection, {
      ...migrateStartup(settings),
      ensureSchema: true,
      early: options.early,
      firstReads: options.readHistory
        ? { text: HISTORY_SQL, types: HISTORY_TYPES, fallback: tablesRead(connection, project) }
        : undefined
    })
    info(`Connected: PostgreSQL ${session.serverVersion}`)
    return session
  })
}

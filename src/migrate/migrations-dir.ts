/**
 * The local migration history: where it is (resolveMigrationsDir) and what is in it (readMigrationsFolder), both
 * as Prisma sees them (prisma-migrate-compat.md §3, §9), so that "pending" means the same thing to both tools.
 */
import { type Dirent, readdirSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { InputError } from '../errors.js'
import { RepoFileError, type RepositoryFiles, printable } from '../util/repo-files.js'
import { migrationChecksum } from './checksum.js'
import { LOCKFILE_NAME, checkLockfileContent } from './lockfile.js'
import {
  MAX_CONFIG_BYTES,
  displayPath,
  findConfigFile,
  findExternalTables,
  findMigrationsPath,
  findSchemaPath,
  migrationsDirForSchema,
  packageJsonSchema,
  readSmallText
} from './prisma-config.js'

/**
 * The most of one migration.sql the action reads. The review parses the whole file (libpg-query: about 1.4 s and
 * 350 MB for 4 MiB of DDL, 2 s and 560 MB for 8 MiB), and renders parts of it; a larger file is refused with an
 * error rather than partly reviewed. Prisma itself has no limit.
 */
export const MAX_MIGRATION_SQL_BYTES = 8 * 1024 * 1024

export interface LocalMigration {
  /** The directory name, which is what `_prisma_migrations.migration_name` holds. */
  name: string
  directory: string
  sqlPath: string
  /** migration.sql as Prisma reads it (UTF-8, BOM kept); null when it cannot be read. */
  script: string | null
  readError?: string
  checksum: string | null
}

/** A local migration whose migration.sql was read: what a runner applies. */
export type ReadableMigration = LocalMigration & { script: string; checksum: string }

export function isReadable(migration: LocalMigration): migration is ReadableMigration {
  return migration.script !== null && migration.checksum !== null
}

export interface MigrationsFolder {
  path: string
  exists: boolean
  lockfile: { path: string; content: string | null }
  migrations: LocalMigration[]
  /** Entries that are symbolic links: skipped, as Prisma skips them, and never followed. */
  skippedLinks?: string[]
}

const INPUT = 'migrations-dir'

/** Where Prisma would find the schema, the migrations and `tables.external`, for one Prisma version. */
export interface ProjectLayout {
  migrationsDir: { path: string; reason: string }
  /** The schema file or folder Prisma would load, when one exists. */
  schema?: { path: string; reason: string }
  configFile?: string
  /** `tables.external` of the config file, when it is a list of string literals. */
  externalTables?: string[]
  /** Things the log should say (a config value that is not a literal...). */
  notes: string[]
}

/**
 * The schema Prisma would load (prisma-migrate-compat.md §9): the config's `schema`, then (6.x only) package.json's
 * `prisma.schema`, then `schema.prisma`, then `prisma/schema.prisma` in the working directory.
 */
function findSchema(
  wd: string,
  config: { file: string; name: string; source: string } | undefined,
  prisma7: boolean,
  notes: string[],
  files: RepositoryFiles
): { path: string; reason: string; explicit: boolean } | undefined {
  if (config) {
    const schema = findSchemaPath(config.source)
    if (schema.found === 'literal')
      return {
        path: resolve(dirname(config.file), schema.value),
        reason: `the schema ${schema.value} named in ${config.name}`,
        explicit: true
      }
    if (schema.found === 'expression')
      notes.push(`schema in ${config.name} is not a string literal and is not evaluated`)
  }
  if (!prisma7) {
    const fromPackage = packageJsonSchema(wd, files)
    if (fromPackage)
      return {
        path: resolve(wd, fromPackage),
        reason: `the schema ${fromPackage} named by "prisma.schema" in package.json`,
        explicit: true
      }
  }
  if (files.inspect(join(wd, 'schema.prisma')) !== 'missing')
    return {
      path: join(wd, 'schema.prisma'),
      reason: 'schema.prisma in the working directory',
      explicit: false
    }
  if (files.inspect(join(wd, 'prisma', 'schema.prisma')) !== 'missing')
    return {
      path: join(wd, 'prisma', 'schema.prisma'),
      reason: "Prisma's default prisma/schema.prisma",
      explicit: false
    }
  return undefined
}

/**
 * The migrations directory (the `migrations-dir` input, else where the Prisma version would look), the schema and
 * the config's `tables.external`, all read as data. The reasons say which rule decided, for the log. Every file
 * consulted on the way, and the folder found, must pass `files` (regular, inside the workspace, no link).
 */
export function resolveProjectLayout(
  workingDirectory: string,
  explicit: string | undefined,
  files: RepositoryFiles,
  options: { prisma7?: boolean; prisma7ConfigNames?: boolean } = {}
): ProjectLayout {
  const layout = findProjectLayout(workingDirectory, explicit, files, options)
  const { migrationsDir } = layout
  if (migrationsDir.reason === `input \`${INPUT}\``) files.inspect(migrationsDir.path, { input: INPUT })
  else named(migrationsDir.reason, () => files.inspect(migrationsDir.path))
  return layout
}

function findProjectLayout(
  workingDirectory: string,
  explicit: string | undefined,
  files: RepositoryFiles,
  options: { prisma7?: boolean; prisma7ConfigNames?: boolean }
): ProjectLayout {
  const wd = resolve(workingDirectory)
  const prisma7 = options.prisma7 ?? false
  const notes: string[] = []
  const configFile = findConfigFile(wd, files, options.prisma7ConfigNames)
  const config = configFile
    ? {
        file: configFile,
        name: displayPath(wd, configFile),
        source: readSmallText(configFile, files, 'a Prisma config file')
      }
    : undefined
  const layout = (migrationsDir: { path: string; reason: string }): ProjectLayout => {
    const found: ProjectLayout = { migrationsDir, notes, configFile }
    if (schema) found.schema = { path: schema.path, reason: schema.reason }
    if (config) {
      const external = findExternalTables(config.source)
      if (external.found === 'literal') found.externalTables = external.values
      if (external.found === 'expression')
        notes.push(`tables.external in ${config.name} is not a list of string literals and is not evaluated`)
    }
    return found
  }
  const schema = findSchema(wd, config, prisma7, notes, files)
  if (explicit && explicit.trim())
    return layout({ path: resolve(wd, explicit.trim()), reason: `input \`${INPUT}\`` })

  if (config) {
    const migrationsPath = findMigrationsPath(config.source)
    if (migrationsPath.found === 'literal') {
      return layout({
        path: resolve(dirname(config.file), migrationsPath.value),
        reason: `migrations.path in ${config.name}`
      })
    }
    if (migrationsPath.found === 'expression') {
      notes.push(
        `migrations.path in ${config.name} is not a string literal and is not evaluated; set \`${INPUT}\` if this is wrong`
      )
    }
  }
  if (schema?.explicit || schema?.path === join(wd, 'schema.prisma')) {
    const reason = `${prisma7 ? 'in the root of' : 'next to'} ${schema.reason}${prisma7 ? ' (Prisma 7 rule)' : ''}`
    return layout(
      withNotes(
        named(reason, () => migrationsDirForSchema(schema.path, files, prisma7)),
        reason,
        notes
      )
    )
  }
  return layout(withNotes(join(wd, 'prisma', 'migrations'), "Prisma's default prisma/migrations", notes))
}

/** The migrations directory alone (see resolveProjectLayout). */
export function resolveMigrationsDir(
  workingDirectory: string,
  explicit: string | undefined,
  files: RepositoryFiles,
  options: { prisma7?: boolean; prisma7ConfigNames?: boolean } = {}
): { path: string; reason: string } {
  return resolveProjectLayout(workingDirectory, explicit, files, options).migrationsDir
}

/** A refusal of a path the project's config led to says so: the user did not type that path. */
function named<T>(reason: string, find: () => T): T {
  try {
    return find()
  } catch (error) {
    if (!(error instanceof RepoFileError)) throw error
    throw new RepoFileError(
      error.file,
      `${error.message} (The migrations folder was looked for ${printable(reason)}.)`,
      {
        hint: `${error.hint ?? ''} Or set \`${INPUT}\` to the migrations folder.`.trim()
      }
    )
  }
}

function withNotes(path: string, reason: string, notes: string[]): { path: string; reason: string } {
  return { path, reason: notes.length > 0 ? `${reason} (${notes.join('; ')})` : reason }
}

/**
 * migration.sql as Prisma reads it (UTF-8, BOM kept), or the read error Prisma would keep for a file that is
 * missing or unreadable (P3015 later, as in Prisma). A link, special file, oversized file or a NUL byte is
 * refused with an error that names the file and never quotes it.
 */
export function readMigrationScript(
  files: RepositoryFiles,
  sqlPath: string
): { text: string } | { error: string } {
  let text: string | undefined
  try {
    // Synchronous on purpose: hundreds of small files read in a loop take a millisecond, while as many async
    // reads queue on libuv's four threads and take tens of milliseconds. Nothing else runs meanwhile.
    text = files.readText(sqlPath, { maxBytes: MAX_MIGRATION_SQL_BYTES, what: 'a migration.sql' })
  } catch (error) {
    if (error instanceof RepoFileError) throw error
    return { error: (error as Error).message }
  }
  if (text === undefined) return { error: `ENOENT: no such file or directory, open '${sqlPath}'` }
  const nul = text.indexOf('\0')
  if (nul >= 0) throw nulByteError(files, sqlPath, text, nul)
  return { text }
}

/**
 * PostgreSQL's wire protocol carries a query as a NUL-terminated string and its parser is C: a NUL byte ends the
 * SQL for both. Prisma's driver (tokio-postgres `write_cstr`) refuses to send such a script ("string contains
 * embedded null") after the migration's row was written, so the migration is recorded as failed (P3018) and
 * blocks later deploys (P3009); node-postgres sends it and the server rejects the message ("invalid message
 * format"); the review's parser would silently stop at the byte and never see the rest. So it is refused first.
 */
function nulByteError(files: RepositoryFiles, sqlPath: string, text: string, index: number): RepoFileError {
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++
  const shown = files.show(sqlPath)
  return new RepoFileError(
    shown,
    `${shown} line ${line} contains a NUL byte (\\0). PostgreSQL cannot receive one (a query ends at the first NUL byte): Prisma would record the migration as failed (P3018), and the review cannot read past it. Nothing was reviewed or applied.`,
    {
      hint: 'Remove the NUL byte. It is usually an encoding accident (a file saved as UTF-16 has one in every character): migration.sql must be UTF-8 text.'
    }
  )
}

/** Prisma reads the lock file when it can and treats an unreadable one as absent (null). */
function readLockfile(files: RepositoryFiles, path: string): string | null {
  try {
    return files.readText(path, { maxBytes: MAX_CONFIG_BYTES, what: 'a migration_lock.toml' }) ?? null
  } catch (error) {
    if (error instanceof RepoFileError) throw error
    return null
  }
}

/**
 * Lists migrations with the CLI's rules (`listMigrations.ts`): only real directories (symlinks and files are
 * skipped, hidden directories count), a missing folder is an empty history, and names are ordered with
 * `localeCompare` (ICU collation, like the CLI on the same runner). Files are read through `files`.
 */
export async function readMigrationsFolder(path: string, files: RepositoryFiles): Promise<MigrationsFolder> {
  const lockfilePath = join(path, LOCKFILE_NAME)
  const kind = files.inspect(path)
  if (kind === 'file') {
    throw new InputError(
      INPUT,
      `points at ${files.show(path)}, which is a file, not a directory.`,
      'Set it to the directory that contains the <timestamp>_<name>/migration.sql folders (usually prisma/migrations).'
    )
  }
  const folder: MigrationsFolder = {
    path,
    exists: kind === 'directory',
    lockfile: {
      path: lockfilePath,
      content: kind === 'directory' ? readLockfile(files, lockfilePath) : null
    },
    migrations: []
  }
  let entries: Dirent[] = []
  try {
    entries = kind === 'directory' ? readdirSync(path, { withFileTypes: true }) : []
  } catch {
    entries = []
  }
  // A link to a directory is not a Dirent directory: skipped, as Prisma skips it.
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name)
  folder.skippedLinks = entries.filter((entry) => entry.isSymbolicLink()).map((entry) => entry.name)
  names.sort((a, b) => a.localeCompare(b))
  folder.migrations = names.map((name): LocalMigration => {
    const directory = join(path, name)
    const sqlPath = join(directory, 'migration.sql')
    const read = readMigrationScript(files, sqlPath)
    if ('error' in read)
      return { name, directory, sqlPath, script: null, readError: read.error, checksum: null }
    return { name, directory, sqlPath, script: read.text, checksum: migrationChecksum(read.text) }
  })
  return folder
}

/** P3019 when `migration_lock.toml` names another provider (Prisma checks before touching the database). */
export function checkLockfile(folder: MigrationsFolder): void {
  checkLockfileContent(folder.lockfile.content, displayLockfile(folder))
}

function displayLockfile(folder: MigrationsFolder): string {
  return join(basename(folder.path), LOCKFILE_NAME)
}

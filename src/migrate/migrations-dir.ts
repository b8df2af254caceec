/**
 * The local migration history: where it is (resolveMigrationsDir) and what is in it (readMigrationsFolder), both
 * as Prisma sees them (prisma-migrate-compat.md §3, §9), so that "pending" means the same thing to both tools.
 */
import { type Dirent, type Stats, existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { InputError } from '../errors.js'
import { migrationChecksum } from './checksum.js'
import { LOCKFILE_NAME, checkLockfileContent } from './lockfile.js'
import {
  displayPath,
  findConfigFile,
  findExternalTables,
  findMigrationsPath,
  findSchemaPath,
  migrationsDirForSchema,
  packageJsonSchema
} from './prisma-config.js'

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

export interface MigrationsFolder {
  path: string
  exists: boolean
  lockfile: { path: string; content: string | null }
  migrations: LocalMigration[]
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
  notes: string[]
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
    const fromPackage = packageJsonSchema(wd)
    if (fromPackage)
      return {
        path: resolve(wd, fromPackage),
        reason: `the schema ${fromPackage} named by "prisma.schema" in package.json`,
        explicit: true
      }
  }
  if (existsSync(join(wd, 'schema.prisma')))
    return {
      path: join(wd, 'schema.prisma'),
      reason: 'schema.prisma in the working directory',
      explicit: false
    }
  if (existsSync(join(wd, 'prisma', 'schema.prisma')))
    return {
      path: join(wd, 'prisma', 'schema.prisma'),
      reason: "Prisma's default prisma/schema.prisma",
      explicit: false
    }
  return undefined
}

/**
 * The migrations directory (the `migrations-dir` input, else where the Prisma version would look), the schema and
 * the config's `tables.external`, all read as data. The reasons say which rule decided, for the log.
 */
export function resolveProjectLayout(
  workingDirectory: string,
  explicit: string | undefined,
  options: { prisma7?: boolean; prisma7ConfigNames?: boolean } = {}
): ProjectLayout {
  const wd = resolve(workingDirectory)
  const prisma7 = options.prisma7 ?? false
  const notes: string[] = []
  const configFile = findConfigFile(wd, options.prisma7ConfigNames)
  const config = configFile
    ? { file: configFile, name: displayPath(wd, configFile), source: readTextOrEmpty(configFile) }
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
  const schema = findSchema(wd, config, prisma7, notes)
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
  if (schema?.explicit || schema?.path === join(wd, 'schema.prisma'))
    return layout(
      withNotes(
        migrationsDirForSchema(schema.path, prisma7),
        `${prisma7 ? 'in the root of' : 'next to'} ${schema.reason}${prisma7 ? ' (Prisma 7 rule)' : ''}`,
        notes
      )
    )
  return layout(withNotes(join(wd, 'prisma', 'migrations'), "Prisma's default prisma/migrations", notes))
}

/** The migrations directory alone (see resolveProjectLayout). */
export function resolveMigrationsDir(
  workingDirectory: string,
  explicit: string | undefined,
  options: { prisma7?: boolean; prisma7ConfigNames?: boolean } = {}
): { path: string; reason: string } {
  return resolveProjectLayout(workingDirectory, explicit, options).migrationsDir
}

function withNotes(path: string, reason: string, notes: string[]): { path: string; reason: string } {
  return { path, reason: notes.length > 0 ? `${reason} (${notes.join('; ')})` : reason }
}

function readTextOrEmpty(path: string): string {
  try {
    // Synchronous on purpose: the config is tiny and this runs once, while settings are parsed.
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

// Synchronous on purpose: hundreds of small files read in a loop take a millisecond, while as many async reads
// queue on libuv's four threads and take tens of milliseconds. Nothing else runs meanwhile in the action.
function readUtf8(path: string): { text: string } | { error: string } {
  try {
    return { text: readFileSync(path, { encoding: 'utf-8' }) }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

/**
 * Lists migrations with the CLI's rules (`listMigrations.ts`): only real directories (symlinks and files are
 * skipped, hidden directories count), a missing folder is an empty history, and names are ordered with
 * `localeCompare` (ICU collation, like the CLI on the same runner).
 */
export async function readMigrationsFolder(path: string): Promise<MigrationsFolder> {
  const lockfilePath = join(path, LOCKFILE_NAME)
  let info: Stats | undefined
  try {
    info = statSync(path)
  } catch {
    info = undefined
  }
  if (info && !info.isDirectory()) {
    throw new InputError(
      INPUT,
      `points at ${path}, which is a file, not a directory.`,
      'Set it to the directory that contains the <timestamp>_<name>/migration.sql folders (usually prisma/migrations).'
    )
  }
  const lock = readUtf8(lockfilePath)
  const folder: MigrationsFolder = {
    path,
    exists: info !== undefined,
    lockfile: { path: lockfilePath, content: 'text' in lock ? lock.text : null },
    migrations: []
  }
  let entries: Dirent[] = []
  try {
    entries = readdirSync(path, { withFileTypes: true })
  } catch {
    entries = []
  }
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name)
  names.sort((a, b) => a.localeCompare(b))
  folder.migrations = names.map((name): LocalMigration => {
    const directory = join(path, name)
    const sqlPath = join(directory, 'migration.sql')
    const read = readUtf8(sqlPath)
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

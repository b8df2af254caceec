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

/**
 * The migrations directory: the `migrations-dir` input, else where Prisma 6 would look. The reason says which
 * rule decided, for the log.
 */
export function resolveMigrationsDir(
  workingDirectory: string,
  explicit: string | undefined
): { path: string; reason: string } {
  const wd = resolve(workingDirectory)
  if (explicit && explicit.trim()) return { path: resolve(wd, explicit.trim()), reason: `input \`${INPUT}\`` }

  const notes: string[] = []
  const configFile = findConfigFile(wd)
  if (configFile) {
    const configName = displayPath(wd, configFile)
    const configDir = dirname(configFile)
    const source = readTextOrEmpty(configFile)
    const migrationsPath = findMigrationsPath(source)
    if (migrationsPath.found === 'literal') {
      return { path: resolve(configDir, migrationsPath.value), reason: `migrations.path in ${configName}` }
    }
    if (migrationsPath.found === 'expression') {
      notes.push(
        `migrations.path in ${configName} is not a string literal and is not evaluated; set \`${INPUT}\` if this is wrong`
      )
    }
    const schema = findSchemaPath(source)
    if (schema.found === 'literal') {
      const schemaPath = resolve(configDir, schema.value)
      return withNotes(
        migrationsDirForSchema(schemaPath),
        `next to the schema ${schema.value} named in ${configName}`,
        notes
      )
    }
    if (schema.found === 'expression')
      notes.push(`schema in ${configName} is not a string literal and is not evaluated`)
  }

  const fromPackage = packageJsonSchema(wd)
  if (fromPackage) {
    return withNotes(
      migrationsDirForSchema(resolve(wd, fromPackage)),
      `next to the schema ${fromPackage} named by "prisma.schema" in package.json`,
      notes
    )
  }
  if (existsSync(join(wd, 'schema.prisma'))) {
    return withNotes(join(wd, 'migrations'), 'next to schema.prisma in the working directory', notes)
  }
  return withNotes(join(wd, 'prisma', 'migrations'), "Prisma's default prisma/migrations", notes)
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

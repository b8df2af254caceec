/**
 * Where Prisma would look for migrations, found WITHOUT executing the user's code: `prisma.config.*` is read as
 * text and only string literals are taken (prisma-migrate-compat.md §9).
 */
import { readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { RepoFileError, type RepositoryFiles } from '../util/repo-files.js'

/** Config files, package.json and schema files are small; a larger one is not what Prisma reads. */
export const MAX_CONFIG_BYTES = 1024 * 1024
export const MAX_SCHEMA_FILE_BYTES = 8 * 1024 * 1024

/** Prisma 6/7 config file names, in c12's lookup order. */
export const CONFIG_FILE_CANDIDATES = [
  'prisma.config.ts',
  'prisma.config.mts',
  'prisma.config.cts',
  'prisma.config.js',
  'prisma.config.mjs',
  'prisma.config.cjs',
  '.config/prisma.ts',
  '.config/prisma.mts',
  '.config/prisma.cts',
  '.config/prisma.js',
  '.config/prisma.mjs',
  '.config/prisma.cjs'
]

/** The source without comments, strings kept, so a commented-out `migrations: {...}` is not taken. */
export function stripComments(source: string): string {
  let out = ''
  let i = 0
  while (i < source.length) {
    const ch = source[i]
    const next = source[i + 1]
    if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2)
      i = end < 0 ? source.length : end + 2
      out += ' '
    } else if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1
      while (j < source.length && source[j] !== ch) j += source[j] === '\\' ? 2 : 1
      out += source.slice(i, j + 1)
      i = j + 1
    } else {
      out += ch
      i++
    }
  }
  return out
}

export type LiteralLookup =
  { found: 'literal'; value: string } | { found: 'expression' } | { found: 'absent' }

const STRING_LITERAL = String.raw`(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|\x60((?:[^\x60\\$]|\\.)*)\x60)`

function unescape(raw: string): string {
  return raw.replace(/\\(.)/g, '$1')
}

function lookup(source: string, pattern: RegExp, anyValue: RegExp): LiteralLookup {
  const match = pattern.exec(source)
  if (match) return { found: 'literal', value: unescape(match[1] ?? match[2] ?? match[3] ?? '') }
  return anyValue.test(source) ? { found: 'expression' } : { found: 'absent' }
}

/** `migrations: { ..., path: '<literal>' }` */
export function findMigrationsPath(configSource: string): LiteralLookup {
  const source = stripComments(configSource)
  return lookup(
    source,
    new RegExp(String.raw`\bmigrations\s*:\s*\{[^{}]*?\bpath\s*:\s*${STRING_LITERAL}\s*[,}]`),
    /\bmigrations\s*:\s*\{[^{}]*?\bpath\b/
  )
}

/** The top-level `schema: '<literal>'` of the config (a key at any depth named schema is rare enough). */
export function findSchemaPath(configSource: string): LiteralLookup {
  const source = stripComments(configSource)
  return lookup(
    source,
    new RegExp(String.raw`(?:^|[{,\s])schema\s*:\s*${STRING_LITERAL}\s*[,}\n]`),
    /(?:^|[{,\s])schema\s*:/
  )
}

export function findConfigFile(workingDirectory: string, files: RepositoryFiles): string | undefined {
  return CONFIG_FILE_CANDIDATES.map((name) => join(workingDirectory, name)).find(
    (path) => files.inspect(path) === 'file'
  )
}

/**
 * A small repository text file, or '' when it is absent or unreadable (Prisma's loaders give up the same way).
 * Links, special files and oversized files are refused, never skipped: skipping would silently pick another
 * migrations folder than Prisma.
 */
export function readSmallText(
  path: string,
  files: RepositoryFiles,
  what: string,
  maxBytes = MAX_CONFIG_BYTES
): string {
  try {
    return files.readText(path, { maxBytes, what }) ?? ''
  } catch (error) {
    if (error instanceof RepoFileError) throw error
    return ''
  }
}

function listPrismaFiles(folder: string, files: RepositoryFiles): string[] {
  const out: string[] = []
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name)
  )) {
    const path = join(folder, entry.name)
    // Prisma may follow a link here; we do not, and say so rather than read a different schema than Prisma.
    if (entry.isSymbolicLink()) files.inspect(path)
    else if (entry.isDirectory()) out.push(...listPrismaFiles(path, files))
    else if (entry.name.endsWith('.prisma') && files.inspect(path) === 'file') out.push(path)
  }
  return out
}

/**
 * Prisma 6: migrations live next to the file that holds the `datasource` block; for a single-file schema that
 * is the schema's directory, for a schema folder the folder itself unless the datasource sits deeper.
 */
export function migrationsDirForSchema(schemaPath: string, files: RepositoryFiles): string {
  if (files.inspect(schemaPath) !== 'directory') return join(dirname(schemaPath), 'migrations')
  let prismaFiles: string[]
  try {
    prismaFiles = listPrismaFiles(schemaPath, files)
  } catch (error) {
    if (error instanceof RepoFileError) throw error
    return join(schemaPath, 'migrations')
  }
  const withDatasource = prismaFiles.find((file) =>
    /^\s*datasource\s+\w+\s*\{/m.test(
      readSmallText(file, files, 'a Prisma schema file', MAX_SCHEMA_FILE_BYTES)
    )
  )
  return join(withDatasource ? dirname(withDatasource) : schemaPath, 'migrations')
}

export function packageJsonSchema(workingDirectory: string, files: RepositoryFiles): string | undefined {
  const text = readSmallText(join(workingDirectory, 'package.json'), files, 'a package.json')
  try {
    const pkg = JSON.parse(text) as { prisma?: { schema?: unknown } }
    return typeof pkg.prisma?.schema === 'string' ? pkg.prisma.schema : undefined
  } catch {
    // Not JSON: Prisma ignores it too. The parser's message quotes the file, so it is not shown.
    return undefined
  }
}

export function displayPath(workingDirectory: string, path: string): string {
  const rel = relative(workingDirectory, path)
  return rel && !rel.startsWith('..') ? rel : resolve(path)
}

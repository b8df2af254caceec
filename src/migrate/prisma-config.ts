/**
 * Where Prisma would look for migrations, found WITHOUT executing the user's code: `prisma.config.*` is read as
 * text and only string literals are taken (prisma-migrate-compat.md §9).
 */
import { dirname, join, relative, resolve } from 'node:path'
import type { RepositoryFiles } from '../util/repo-files.js'
import { findDatasource } from './prisma-schema.js'
import { readSmallText } from './project-files.js'

export { MAX_CONFIG_BYTES, MAX_SCHEMA_FILE_BYTES, readSmallText } from './project-files.js'

const EXTENSIONS = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs']

/** Prisma 7.10's first candidates (`PRISMA7_CONFIG_FILE_CANDIDATES`), before the legacy names. */
export const PRISMA7_CONFIG_FILE_CANDIDATES = [
  ...EXTENSIONS.map((ext) => `prisma7.config.${ext}`),
  ...EXTENSIONS.map((ext) => `.config/prisma7.${ext}`)
]

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

/** The config file Prisma would load: 7.10+ looks for `prisma7.config.*` first. */
export function findConfigFile(
  workingDirectory: string,
  files: RepositoryFiles,
  prisma7ConfigNames = false
): string | undefined {
  const candidates = prisma7ConfigNames
    ? [...PRISMA7_CONFIG_FILE_CANDIDATES, ...CONFIG_FILE_CANDIDATES]
    : CONFIG_FILE_CANDIDATES
  return candidates.map((name) => join(workingDirectory, name)).find((path) => files.inspect(path) === 'file')
}

/** `tables: { external: ['schema.table', ...] }`: a list of string literals, or not readable as data. */
export function findExternalTables(
  configSource: string
): { found: 'literal'; values: string[] } | { found: 'expression' } | { found: 'absent' } {
  const source = stripComments(configSource)
  const start = /\btables\s*:\s*\{[^{}]*?\bexternal\s*:\s*/.exec(source)
  if (!start) return { found: 'absent' }
  const rest = source.slice(start.index + start[0].length)
  const list = new RegExp(
    String.raw`^\[\s*((?:${STRING_LITERAL}\s*,\s*)*(?:${STRING_LITERAL}\s*,?\s*)?)\]`
  ).exec(rest)
  if (!list) return { found: 'expression' }
  const values: string[] = []
  const item = new RegExp(STRING_LITERAL, 'g')
  for (let m = item.exec(list[1]); m; m = item.exec(list[1]))
    values.push(unescape(m[1] ?? m[2] ?? m[3] ?? ''))
  return { found: 'literal', values }
}

/**
 * Where migrations live next to a schema (prisma-migrate-compat.md §9). Prisma 6: next to the file that holds the
 * `datasource` block (for a schema folder, the folder itself unless the datasource sits deeper). Prisma 7:
 * `<schema root>/migrations`, the root being the single file's directory or the schema folder itself.
 */
export function migrationsDirForSchema(schemaPath: string, files: RepositoryFiles, prisma7 = false): string {
  const kind = files.inspect(schemaPath)
  if (kind !== 'directory') return join(dirname(schemaPath), 'migrations')
  if (prisma7) return join(schemaPath, 'migrations')
  const withDatasource = findDatasource(schemaPath, files)?.file
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

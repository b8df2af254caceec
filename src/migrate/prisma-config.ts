/**
 * Where Prisma would look for migrations, found WITHOUT executing the user's code: `prisma.config.*` is read as
 * text and only string literals are taken (prisma-migrate-compat.md §9).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

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

export function findConfigFile(workingDirectory: string): string | undefined {
  return CONFIG_FILE_CANDIDATES.map((name) => join(workingDirectory, name)).find((path) => existsSync(path))
}

function listPrismaFiles(folder: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name)
  )) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) out.push(...listPrismaFiles(path))
    else if (entry.isFile() && entry.name.endsWith('.prisma')) out.push(path)
  }
  return out
}

/**
 * Prisma 6: migrations live next to the file that holds the `datasource` block; for a single-file schema that
 * is the schema's directory, for a schema folder the folder itself unless the datasource sits deeper.
 */
export function migrationsDirForSchema(schemaPath: string): string {
  let isFolder = false
  try {
    isFolder = statSync(schemaPath).isDirectory()
  } catch {
    return join(dirname(schemaPath), 'migrations')
  }
  if (!isFolder) return join(dirname(schemaPath), 'migrations')
  try {
    const withDatasource = listPrismaFiles(schemaPath).find((file) =>
      /^\s*datasource\s+\w+\s*\{/m.test(readFileSync(file, 'utf8'))
    )
    return join(withDatasource ? dirname(withDatasource) : schemaPath, 'migrations')
  } catch {
    return join(schemaPath, 'migrations')
  }
}

export function packageJsonSchema(workingDirectory: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(workingDirectory, 'package.json'), 'utf8')) as {
      prisma?: { schema?: unknown }
    }
    return typeof pkg.prisma?.schema === 'string' ? pkg.prisma.schema : undefined
  } catch {
    return undefined
  }
}

export function displayPath(workingDirectory: string, path: string): string {
  const rel = relative(workingDirectory, path)
  return rel && !rel.startsWith('..') ? rel : resolve(path)
}

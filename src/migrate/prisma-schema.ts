/**
 * The datasource block of a Prisma schema, read as data (prisma-migrate-compat.md §6.1): its `schemas = [...]`
 * (multiSchema) decide which PostgreSQL schemas deploy's emptiness check (P3005) looks at. A schema is one `.prisma`
 * file or a folder of them (all `*.prisma` files below it); the datasource block may be in any of them.
 */
import { join } from 'node:path'
import { readdirSync } from 'node:fs'
import type { RepositoryFiles } from '../util/repo-files.js'
import { MAX_SCHEMA_FILE_BYTES, readSmallText } from './project-files.js'

export interface Datasource {
  /** The file that holds the datasource block. */
  file: string
  provider?: string
  /** `schemas = [...]`; undefined when the block has none. */
  schemas?: string[]
  /** Set when `schemas` is present but is not a list of string literals. */
  schemasUnreadable?: boolean
}

type Token = { kind: 'word' | 'string' | 'punct'; value: string }

/** Prisma Schema Language tokens: `//` comments dropped, strings unescaped (JSON-style escapes). */
function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const ch = source[i]
    if (/\s/.test(ch)) {
      i++
    } else if (ch === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++
    } else if (ch === '"') {
      let j = i + 1
      let value = ''
      while (j < source.length && source[j] !== '"' && source[j] !== '\n') {
        if (source[j] === '\\' && j + 1 < source.length) {
          const next = source[j + 1]
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next
          j += 2
        } else value += source[j++]
      }
      tokens.push({ kind: 'string', value })
      i = j + 1
    } else if (/[A-Za-z0-9_.-]/.test(ch)) {
      let j = i
      while (j < source.length && /[A-Za-z0-9_.-]/.test(source[j])) j++
      tokens.push({ kind: 'word', value: source.slice(i, j) })
      i = j
    } else {
      tokens.push({ kind: 'punct', value: ch })
      i++
    }
  }
  return tokens
}

/** The datasource block of one file's source, if it has one. */
export function readDatasourceBlock(source: string, file: string): Datasource | undefined {
  const tokens = tokenize(source)
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i]
    // `datasource <name> {` at the top level (blocks do not nest in PSL).
    if (!(
      t.kind === 'word' &&
      t.value === 'datasource' &&
      tokens[i + 1]?.kind === 'word' &&
      tokens[i + 2]?.value === '{'
    ))
      continue
    const found: Datasource = { file }
    let j = i + 3
    while (j < tokens.length && tokens[j].value !== '}') {
      const key = tokens[j]
      if (key.kind === 'word' && tokens[j + 1]?.value === '=') {
        const valueAt = j + 2
        if (key.value === 'provider' && tokens[valueAt]?.kind === 'string')
          found.provider = tokens[valueAt].value
        if (key.value === 'schemas') {
          const list = readStringList(tokens, valueAt)
          if (list) found.schemas = list.values
          else found.schemasUnreadable = true
        }
        j = skipValue(tokens, valueAt)
      } else j++
    }
    return found
  }
  return undefined
}

function readStringList(tokens: Token[], at: number): { values: string[] } | undefined {
  if (tokens[at]?.value !== '[') return undefined
  const values: string[] = []
  let j = at + 1
  while (j < tokens.length && tokens[j].value !== ']') {
    if (tokens[j].kind === 'string') values.push(tokens[j].value)
    else if (tokens[j].value !== ',') return undefined
    j++
  }
  return j < tokens.length ? { values } : undefined
}

/** Index after the value starting at `at` (a literal, a list, or a call such as env("X")). */
function skipValue(tokens: Token[], at: number): number {
  let depth = 0
  let j = at
  do {
    const v = tokens[j]?.value
    if (v === '[' || v === '(') depth++
    else if (v === ']' || v === ')') depth--
    else if (v === '}' && depth === 0) return j
    j++
  } while (j < tokens.length && depth > 0)
  return j
}

/**
 * `*.prisma` files below a schema folder, in a stable order. A link in the folder is refused, not skipped: Prisma may
 * follow it, and reading a different schema than Prisma would decide the wrong migrations folder.
 */
export function prismaFilesIn(folder: string, files: RepositoryFiles): string[] {
  const out: string[] = []
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name)
  )) {
    const path = join(folder, entry.name)
    if (entry.isSymbolicLink()) files.inspect(path)
    else if (entry.isDirectory()) out.push(...prismaFilesIn(path, files))
    else if (entry.name.endsWith('.prisma') && files.inspect(path) === 'file') out.push(path)
  }
  return out
}

/** The datasource of a schema file or folder; undefined when none is found or the path is missing. */
export function findDatasource(schemaPath: string, files: RepositoryFiles): Datasource | undefined {
  const kind = files.inspect(schemaPath)
  if (kind === 'missing') return undefined
  for (const file of kind === 'directory' ? prismaFilesIn(schemaPath, files) : [schemaPath]) {
    const source = readSmallText(file, files, 'a Prisma schema file', MAX_SCHEMA_FILE_BYTES)
    const found = readDatasourceBlock(source, file)
    if (found) return found
  }
  return undefined
}

/**
 * Which Prisma version the repository uses, read as data: the `prisma-version` input, else the installed
 * `node_modules/prisma/package.json`, else the lockfile (npm, pnpm, yarn v1 and berry, bun's text lockfile). What it
 * decides (prisma-migrate-compat.md §5.1, §9): from 7.4 a migration.sql is sent statement by statement; from 7.0
 * the 7.x directory rules apply; from 7.10 `prisma7.config.*` is looked for first.
 */
import { dirname, join, relative, resolve, sep } from 'node:path'
import { InputError } from '../errors.js'
import type { ExecutionStrategy } from './execute.js'
import { RepositoryFiles } from '../util/repo-files.js'
import { readProjectFile } from './project-files.js'

export interface PrismaVersion {
  major: number
  minor: number
  patch: number
  /** As written where it was found, e.g. `7.4.0` or `6.19`. */
  text: string
}

export interface PrismaVersionInfo {
  version?: PrismaVersion
  /** What decided, for the log: `input \`prisma-version\``, `node_modules/prisma/package.json`, `pnpm-lock.yaml`... */
  source: string
  /** Things worth a log line: lockfiles skipped, several versions found... */
  notes: string[]
}

const INPUT = 'prisma-version'

export function parseVersion(text: string): PrismaVersion | undefined {
  // Lockfiles may add a peer suffix ("7.4.0(typescript@5.6.3)") or a pre-release ("7.4.0-dev.3").
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim())
  if (!match) return undefined
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0), text: text.trim() }
}

/** The `prisma-version` input: empty or `auto` to detect, else at least major.minor (7.4 changed execution). */
export function readVersionInput(raw: string): PrismaVersion | undefined {
  const value = raw.trim()
  if (value === '' || value.toLowerCase() === 'auto') return undefined
  const version = /^\d+\.\d+(\.\d+)?([-+][0-9A-Za-z.-]+)?$/.test(value) ? parseVersion(value) : undefined
  if (!version)
    throw new InputError(
      INPUT,
      `must be a Prisma version such as 6.19.3 or 7.4 (at least major.minor), or auto; got "${raw}".`,
      'Leave it empty to read the version from node_modules/prisma or the lockfile; state it when neither is in the repository.'
    )
  return version
}

/** The execution Prisma uses for a migration.sql: statement by statement from 7.4 on. */
export function executionFor(version: PrismaVersion | undefined): ExecutionStrategy {
  if (!version) return 'whole-file'
  return version.major > 7 || (version.major === 7 && version.minor >= 4) ? 'per-statement' : 'whole-file'
}

export function isPrisma7(version: PrismaVersion | undefined): boolean {
  return version !== undefined && version.major >= 7
}

/** 7.10 looks for `prisma7.config.*` and `.config/prisma7.*` before the legacy names. */
export function hasPrisma7ConfigNames(version: PrismaVersion | undefined): boolean {
  return version !== undefined && (version.major > 7 || (version.major === 7 && version.minor >= 10))
}

/** The working directory and its parents up to the workspace root (both included), nearest first. */
function upTo(workingDirectory: string, root: string): string[] {
  const out: string[] = []
  let dir = resolve(workingDirectory)
  const top = resolve(root)
  for (;;) {
    out.push(dir)
    if (dir === top || !`${dir}${sep}`.startsWith(`${top}${sep}`)) break
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return out
}

interface Found {
  versions: string[]
  /** The version that applies to the working directory, when the lockfile says. */
  forWorkingDirectory?: string
}

function npmLock(text: string, relativeWd: string): Found | undefined {
  let lock: {
    packages?: Record<string, { version?: string; name?: string }>
    dependencies?: Record<string, { version?: string }>
  }
  try {
    lock = JSON.parse(text) as typeof lock
  } catch {
    return undefined
  }
  const versions: string[] = []
  let forWorkingDirectory: string | undefined
  if (lock.packages) {
    for (const [key, entry] of Object.entries(lock.packages)) {
      if ((key === 'node_modules/prisma' || key.endsWith('/node_modules/prisma')) && entry.version)
        versions.push(entry.version)
    }
    // Node's resolution from the working directory: its node_modules, then each parent's.
    const parts = relativeWd ? relativeWd.split('/') : []
    for (let i = parts.length; i >= 0 && !forWorkingDirectory; i--) {
      const key = [...parts.slice(0, i), 'node_modules', 'prisma'].join('/')
      forWorkingDirectory = lock.packages[key]?.version
    }
  } else if (lock.dependencies?.prisma?.version) {
    versions.push(lock.dependencies.prisma.version)
    forWorkingDirectory = lock.dependencies.prisma.version
  }
  return { versions, forWorkingDirectory }
}

let yaml: typeof import('yaml') | undefined

/** The YAML parser (290 KB of bundle, about 7 ms to load), loaded only for the lockfiles written in YAML. */
async function parseYaml(
  text: string,
  options?: { uniqueKeys?: boolean; maxAliasCount?: number }
): Promise<unknown> {
  yaml ??= await import('yaml')
  return yaml.parse(text, options)
}

async function pnpmLock(text: string, relativeWd: string): Promise<Found | undefined> {
  let lock: {
    importers?: Record<string, Record<string, Record<string, { version?: string } | string> | undefined>>
    packages?: Record<string, unknown>
    dependencies?: Record<string, { version?: string } | string>
    devDependencies?: Record<string, { version?: string } | string>
  }
  try {
    lock = (await parseYaml(text, { uniqueKeys: false, maxAliasCount: 100 })) as typeof lock
  } catch {
    return undefined
  }
  if (!lock || typeof lock !== 'object') return undefined
  const versions = new Set<string>()
  for (const key of Object.keys(lock.packages ?? {})) {
    // `/prisma@6.19.0` (lockfile v6), `prisma@6.19.0` (v9), `/prisma/4.16.2` (v5)
    const match = /^\/?prisma[@/](\d[^(/:\s]*)/.exec(key)
    if (match) versions.add(match[1])
  }
  const importerVersion = (importer: Record<string, unknown> | undefined): string | undefined => {
    for (const group of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const entry = (importer?.[group] as Record<string, unknown> | undefined)?.prisma
      const version = typeof entry === 'string' ? entry : (entry as { version?: string } | undefined)?.version
      if (version && parseVersion(version)) return version
    }
    return undefined
  }
  const importers = lock.importers ?? { '.': lock as Record<string, unknown> }
  const forWorkingDirectory = importerVersion(
    (importers as Record<string, Record<string, unknown>>)[relativeWd || '.']
  )
  return { versions: [...versions], forWorkingDirectory }
}

async function yarnLock(text: string): Promise<Found | undefined> {
  const versions = new Set<string>()
  if (/^__metadata:/m.test(text)) {
    // Yarn berry: the lockfile is YAML; keys are comma-separated descriptors, e.g. "prisma@npm:^6.19.0".
    let lock: Record<string, { version?: string }>
    try {
      lock = (await parseYaml(text)) as typeof lock
    } catch {
      return undefined
    }
    for (const [key, entry] of Object.entries(lock ?? {})) {
      if (key.split(',').some((d) => /^prisma@npm:/.test(d.trim())) && entry?.version)
        versions.add(entry.version)
    }
    return { versions: [...versions] }
  }
  // Yarn v1: an entry header lists its descriptors (`prisma@^6.19.0, prisma@6.19.0:`), its body `  version "6.19.0"`.
  let inPrisma = false
  for (const line of text.split(/\r?\n/)) {
    if (line && !line.startsWith(' ') && !line.startsWith('#')) {
      inPrisma = line
        .replace(/:$/, '')
        .split(',')
        .some((d) => /^"?prisma@/.test(d.trim()))
    } else if (inPrisma) {
      const match = /^\s+version:?\s+"?([^"\s]+)"?/.exec(line)
      if (match) {
        versions.add(match[1])
        inPrisma = false
      }
    }
  }
  return { versions: [...versions] }
}

/** bun.lock is JSON with trailing commas. */
function bunLock(text: string): Found | undefined {
  let lock: { packages?: Record<string, unknown> }
  try {
    lock = JSON.parse(withoutTrailingCommas(text)) as typeof lock
  } catch {
    return undefined
  }
  const versions = new Set<string>()
  let forWorkingDirectory: string | undefined
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (key !== 'prisma' && !key.endsWith('/prisma')) continue
    const ident = Array.isArray(entry) ? entry[0] : undefined
    const match = typeof ident === 'string' ? /^prisma@(.+)$/.exec(ident) : null
    if (!match) continue
    versions.add(match[1])
    if (key === 'prisma') forWorkingDirectory = match[1]
  }
  return { versions: [...versions], forWorkingDirectory }
}

/** Removes commas that directly precede `}` or `]` outside strings (JSONC as bun writes it). */
export function withoutTrailingCommas(text: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      out += ch
      if (ch === '\\') {
        out += text[i + 1] ?? ''
        i++
      } else if (ch === '"') inString = false
      continue
    }
    if (ch === '"') {
      inString = true
      out += ch
      continue
    }
    if (ch === ',') {
      let j = i + 1
      while (j < text.length && /\s/.test(text[j])) j++
      if (text[j] === '}' || text[j] === ']') continue
    }
    out += ch
  }
  return out
}

const LOCKFILES: {
  name: string
  read: (text: string, relativeWd: string) => Found | undefined | Promise<Found | undefined>
}[] = [
  { name: 'package-lock.json', read: npmLock },
  { name: 'npm-shrinkwrap.json', read: npmLock },
  { name: 'pnpm-lock.yaml', read: pnpmLock },
  { name: 'yarn.lock', read: (text) => yarnLock(text) },
  { name: 'bun.lock', read: (text) => bunLock(text) }
]

function isRegularFile(files: RepositoryFiles, path: string): boolean {
  try {
    return files.inspect(path) === 'file'
  } catch {
    return false
  }
}

/**
 * The Prisma version of the project in `workingDirectory`: the input, else node_modules/prisma (in the working
 * directory or a parent up to the workspace root, as Node resolves it), else the nearest lockfile.
 */
export async function detectPrismaVersion(
  workingDirectory: string,
  workspaceRoot: string,
  explicit: PrismaVersion | undefined
): Promise<PrismaVersionInfo> {
  if (explicit) return { version: explicit, source: `input \`${INPUT}\``, notes: [] }
  const notes: string[] = []
  const files = new RepositoryFiles(workspaceRoot)
  const dirs = upTo(workingDirectory, workspaceRoot)
  for (const dir of dirs) {
    const text = readProjectFile(join(dir, 'node_modules', 'prisma', 'package.json'), files)
    if (text === undefined) continue
    try {
      const pkg = JSON.parse(text) as { name?: unknown; version?: unknown }
      const version =
        pkg.name === 'prisma' && typeof pkg.version === 'string' ? parseVersion(pkg.version) : undefined
      if (version)
        return {
          version,
          source: shown(workingDirectory, join(dir, 'node_modules/prisma/package.json')),
          notes
        }
    } catch {
      notes.push(
        `${shown(workingDirectory, join(dir, 'node_modules/prisma/package.json'))} is not valid JSON`
      )
    }
  }
  for (const dir of dirs) {
    const relativeWd = relative(dir, workingDirectory).split(sep).join('/')
    for (const lockfile of LOCKFILES) {
      const text = readProjectFile(join(dir, lockfile.name), files)
      if (text === undefined) continue
      const name = shown(workingDirectory, join(dir, lockfile.name))
      const found = await lockfile.read(text, relativeWd)
      if (!found) {
        notes.push(`${name} could not be read as a lockfile`)
        continue
      }
      const distinct = [...new Set(found.versions.map((v) => parseVersion(v)?.text ?? v))]
      const chosen = found.forWorkingDirectory ?? (distinct.length === 1 ? distinct[0] : undefined)
      const version = chosen ? parseVersion(chosen) : undefined
      if (version) return { version, source: name, notes }
      if (distinct.length > 1)
        notes.push(
          `${name} has several prisma versions (${distinct.join(', ')}) and does not say which one this project uses`
        )
      else notes.push(`${name} has no prisma package`)
    }
    if (isRegularFile(files, join(dir, 'bun.lockb')))
      notes.push(
        `${shown(workingDirectory, join(dir, 'bun.lockb'))} is bun's binary lockfile, which is not read; commit the text lockfile (bun.lock, bun ≥ 1.2) or set \`${INPUT}\``
      )
  }
  return { source: 'not found', notes }
}

function shown(workingDirectory: string, path: string): string {
  const rel = relative(workingDirectory, path).split(sep).join('/')
  return rel || path
}

/** One log line: what was found and what it means for how migrations are run. */
export function describePrismaVersion(info: PrismaVersionInfo): string {
  if (!info.version)
    return (
      `Prisma version: not found (no node_modules/prisma, no lockfile with prisma${info.notes.length ? `; ${info.notes.join('; ')}` : ''}). ` +
      `Behaving as Prisma 6.x: each migration.sql runs as one transaction. Set \`${INPUT}\` if the project uses Prisma 7.`
    )
  const v = info.version
  const execution =
    executionFor(v) === 'per-statement'
      ? 'each statement of a migration.sql runs on its own (Prisma ≥ 7.4)'
      : 'each migration.sql runs as one transaction (Prisma ≤ 7.3)'
  return `Prisma ${v.major}.${v.minor}.${v.patch} (from ${info.source}): ${execution}; ${isPrisma7(v) ? '7.x' : '6.x'} config and directory rules.`
}

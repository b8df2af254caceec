import { execFile, spawn } from 'node:child_process'
import { accessSync, constants, existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { delimiter, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import * as core from '@actions/core'
import { ActionError, InputError } from '../errors.js'

const execFileAsync = promisify(execFile)

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql'

export interface PgClient {
  tool: PgTool
  path: string
  /** e.g. "15.18" */
  version: string
  major: number
  /** How it was found, for the report. */
  source: 'input' | 'debian-layout' | 'path' | 'installed'
}

export interface FindClientOptions {
  /** `pg-dump-path`: a pg_dump binary or the directory of the client binaries (pg_restore/psql are looked up there first). */
  explicitPath?: string
  installClient: boolean
  /** Where the Debian/Ubuntu layout lives; tests point it elsewhere. */
  debianRoot?: string
  searchPath?: string
}

const DEBIAN_ROOT = '/usr/lib/postgresql'

/** Parse `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)` or `... 17beta1` → 15.18 / 17.0. */
export function parseClientVersion(output: string): { version: string; major: number } | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(output)
  if (!match) return undefined
  const major = Number(match[1])
  // Before 10 the major was two numbers (9.6); such clients are far too old for any supported server anyway.
  const version =
    match[3] !== undefined ? `${match[1]}.${match[2]}.${match[3]}` : `${match[1]}.${match[2] ?? '0'}`
  return { version, major }
}

type Probed = { version: string; major: number } | undefined

/** One `--version` per binary and run: discovery may ask again, and prewarmClients asks early. */
const probes = new Map<string, Promise<Probed>>()

function probe(path: string): Promise<Probed> {
  let result = probes.get(path)
  if (!result) {
    result = runProbe(path)
    probes.set(path, result)
  }
  return result
}

async function runProbe(path: string): Promise<Probed> {
  try {
    // An empty env: the version probe needs no connection settings and must see no secrets.
    const { stdout } = await execFileAsync(path, ['--version'], {
      timeout: 15_000,
      env: { PATH: process.env.PATH ?? '' }
    })
    return parseClientVersion(stdout)
  } catch {
    return undefined
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Debian's /usr/bin/pg_dump is pg_wrapper, which picks a version by local cluster, not by the server we dump. */
function isPgWrapper(path: string): boolean {
  try {
    const real = realpathSync(path)
    return /pg_wrapper$/.test(real) || real.includes('postgresql-common')
  } catch {
    return false
  }
}

function debianMajors(root: string, tool: PgTool): number[] {
  if (!existsSync(root)) return []
  return readdirSync(root)
    .filter((d) => /^\d+$/.test(d) && isExecutable(join(root, d, 'bin', tool)))
    .map(Number)
    .sort((a, b) => a - b)
}

function pathCandidates(tool: PgTool, searchPath: string): string[] {
  return searchPath
    .split(delimiter)
    .filter((d) => d.length > 0)
    .map((d) => join(d, tool))
    .filter((p) => isExecutable(p) && !isPgWrapper(p))
}

function howToGet(major: number, tool: PgTool): string {
  return [
    `Set \`install-client: true\` (GitHub-hosted Ubuntu runners: installs postgresql-client-${major} from the PostgreSQL apt repository),`,
    `or add a step: sudo /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y && sudo apt-get install -y postgresql-client-${major},`,
    `or point \`pg-dump-path\` at a ${tool === 'pg_dump' ? 'pg_dump' : 'pg_dump whose directory also holds ' + tool} of major ${major} or newer.`
  ].join(' ')
}

const PATH_HINT =
  'Give the absolute path of pg_dump or of the directory holding the PostgreSQL client binaries (e.g. /usr/lib/postgresql/17/bin), or leave `pg-dump-path` empty to use one that matches the server.'

/** Where `tool` is under `pg-dump-path`: the directory it names, else beside the pg_dump binary it names. */
export function explicitToolPath(explicitPath: string, tool: PgTool): string {
  let isDirectory = false
  try {
    isDirectory = statSync(explicitPath).isDirectory()
  } catch {
    isDirectory = false
  }
  if (isDirectory) return join(explicitPath, tool)
  return tool === 'pg_dump' ? explicitPath : join(dirname(explicitPath), tool)
}

/**
 * `pg-dump-path` must exist and (with `tool`) hold that tool: checked before connecting, so that the error names
 * the input.
 */
export async function checkExplicitPath(explicitPath: string | undefined, tool?: PgTool): Promise<void> {
  if (!explicitPath) return
  const info = await stat(explicitPath).catch(() => undefined)
  if (!info) throw new InputError('pg-dump-path', `is "${explicitPath}", which does not exist.`, PATH_HINT)
  if (!tool) return
  const path = explicitToolPath(explicitPath, tool)
  const ok = await access(path, constants.X_OK).then(
    () => true,
    () => false
  )
  // Beside a pg_dump binary, a missing pg_restore/psql is looked for elsewhere; pg_dump itself must be there.
  if (!ok && (tool === 'pg_dump' || info.isDirectory()))
    throw new InputError(
      'pg-dump-path',
      info.isDirectory()
        ? `is the directory "${explicitPath}", which holds no executable ${tool}.`
        : `is "${explicitPath}", which is not executable.`,
      PATH_HINT
    )
}

/**
 * Start the `--version` probes of every candidate `tool` now, without waiting: the connection is made meanwhile,
 * and findClient, which needs the server's major, then finds them answered.
 */
export function prewarmClients(tools: PgTool[], options: FindClientOptions): void {
  for (const tool of tools) {
    const paths: string[] = []
    if (options.explicitPath) paths.push(explicitToolPath(options.explicitPath, tool))
    const root = options.debianRoot ?? DEBIAN_ROOT
    for (const major of debianMajors(root, tool)) paths.push(join(root, String(major), 'bin', tool))
    for (const path of paths) if (isExecutable(path)) void probe(path)
  }
}

/**
 * Find `tool` of major `minMajor` or newer: under `pg-dump-path` if given, else the smallest suitable major in
 * the Debian/Ubuntu layout, else PATH (never pg_wrapper), else install it when allowed. Every candidate's own
 * `--version` decides, never its file name.
 */
export async function findClient(
  tool: PgTool,
  minMajor: number,
  options: FindClientOptions
): Promise<PgClient> {
  const seen: string[] = []
  if (options.explicitPath) {
    const path = explicitToolPath(options.explicitPath, tool)
    if (tool === 'pg_dump' || isExecutable(path)) {
      const found = await probe(path)
      if (!found) {
        throw new InputError(
          'pg-dump-path',
          `points at "${path}", which does not run as ${tool} (\`${tool} --version\` failed).`,
          PATH_HINT
        )
      }
      if (found.major < minMajor) {
        throw new ActionError(
          `${tool} at "${path}" is version ${found.version}, older than the server's major ${minMajor}; ${tool} cannot work with a newer server's data.`,
          { hint: howToGet(minMajor, tool) }
        )
      }
      return { tool, path, ...found, source: 'input' }
    }
  }
  const root = options.debianRoot ?? DEBIAN_ROOT
  for (const major of debianMajors(root, tool).filter((m) => m >= minMajor)) {
    const path = join(root, String(major), 'bin', tool)
    const found = await probe(path)
    if (found && found.major >= minMajor) return { tool, path, ...found, source: 'debian-layout' }
    seen.push(`${path} (${found?.version ?? 'does not run'})`)
  }
  for (const major of debianMajors(root, tool).filter((m) => m < minMajor))
    seen.push(`${join(root, String(major), 'bin', tool)} (${major})`)
  for (const path of pathCandidates(tool, options.searchPath ?? process.env.PATH ?? '')) {
    const found = await probe(path)
    if (found && found.major >= minMajor) return { tool, path, ...found, source: 'path' }
    seen.push(`${path} (${found?.version ?? 'does not run'})`)
  }
  if (options.installClient) {
    await installClient(minMajor)
    const path = join(DEBIAN_ROOT, String(minMajor), 'bin', tool)
    const found = await runProbe(path)
    if (found && found.major >= minMajor) return { tool, path, ...found, source: 'installed' }
    throw new ActionError(
      `Installed postgresql-client-${minMajor}, but ${path} does not report major ${minMajor}.`
    )
  }
  const found =
    seen.length > 0
      ? ` Found only: ${seen.join(', ')}.`
      : ` No ${tool} was found (Debian layout ${root}/<major>/bin, then PATH).`
  throw new ActionError(
    `No ${tool} of major ${minMajor} or newer is available for this PostgreSQL ${minMajor} server.${found}`,
    {
      hint: howToGet(minMajor, tool)
    }
  )
}

function runInstaller(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))
    )
  })
}

/**
 * Install postgresql-client-<major> from the PostgreSQL apt repository (PGDG). GitHub's Ubuntu images remove the
 * PGDG source after installing their own server, so it is added again with postgresql-common's keyring script.
 * Only Ubuntu/Debian runners with passwordless sudo qualify.
 */
export async function installClient(major: number): Promise<void> {
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : ''
  if (!/^ID(_LIKE)?=.*\b(ubuntu|debian)\b/m.test(osRelease)) {
    throw new ActionError('`install-client: true` works only on Ubuntu/Debian runners.', {
      hint: howToGet(major, 'pg_dump')
    })
  }
  await core.group(`Installing postgresql-client-${major} from apt.postgresql.org`, async () => {
    const script = '/usr/share/postgresql-common/pgdg/apt.postgresql.org.sh'
    try {
      if (!existsSync(script)) await runInstaller('sudo', ['apt-get', 'install', '-y', 'postgresql-common'])
      await runInstaller('sudo', [script, '-y'])
      await runInstaller('sudo', [
        'apt-get',
        'install',
        '-y',
        '--no-install-recommends',
        `postgresql-client-${major}`
      ])
    } catch (error) {
      throw new ActionError(`Installing postgresql-client-${major} failed: ${(error as Error).message}`, {
        hint: howToGet(major, 'pg_dump')
      })
    }
  })
}

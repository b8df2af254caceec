/**
 * Which migrations a pull request adds, changes or deletes compared with its base: from git history when the
 * checkout has it, else from the pull request's file list through the API.
 */
import { execFile } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { ActionError } from '../errors.js'
import { printable, RepositoryFiles } from '../util/repo-files.js'
import { getPullRequestContext, type PullRequestContext } from './context.js'
import { createOctokit, type Octokit } from './octokit.js'

const run = promisify(execFile)

export interface ChangedMigrations {
  /** Migration directory names whose migration.sql the PR adds. */
  added: string[]
  /** Names whose migration.sql exists on the base and was changed. */
  modified: string[]
  /** Names whose migration.sql exists on the base and was deleted. */
  deleted: string[]
  source: 'git' | 'api'
  base: string
}

export interface FindChangedOptions {
  workingDirectory: string
  /** Absolute, or relative to the working directory. */
  migrationsDir: string
  /** A branch, tag or SHA. Default: the pull request's base SHA (`pr`'s, else the event's), when the checkout has it. */
  baseRef?: string
  octokit?: Octokit
  /**
   * The pull request, when the caller has read it already (`getPullRequestContext`): with its `baseSha`, the event
   * payload is not read again.
   */
  pr?: Pick<PullRequestContext, 'owner' | 'repo' | 'number'> & Partial<Pick<PullRequestContext, 'baseSha'>>
  /** Without `octokit`/`pr`: a token for the API fallback, with the PR read from the event payload. */
  token?: string
}

async function git(cwd: string, args: string[]): Promise<string> {
  // Literal pathspecs: a folder named `[x]` or `*` is that folder, not a pattern.
  const { stdout } = await run('git', ['--literal-pathspecs', ...args], { cwd, maxBuffer: 64 * 1024 * 1024 })
  return stdout
}

/** A path with its existing part's links resolved, the way git reports its top level. */
function realPath(path: string): string {
  let existing = resolve(path)
  const rest: string[] = []
  for (;;) {
    try {
      return join(realpathSync.native(existing), ...rest.reverse())
    } catch {
      const parent = dirname(existing)
      if (parent === existing) return resolve(path)
      rest.push(basename(existing))
      existing = parent
    }
  }
}

/** `<dir>/<name>/migration.sql` → name; anything else (migration_lock.toml, READMEs, deeper files) → undefined. */
export function migrationName(path: string, dir: string): string | undefined {
  const prefix = dir === '' ? '' : `${dir}/`
  if (!path.startsWith(prefix)) return undefined
  const parts = path.slice(prefix.length).split('/')
  if (parts.length !== 2 || parts[1] !== 'migration.sql') return undefined
  const [name] = parts
  return name === '' || name === '.' || name === '..' || name.includes('\0') ? undefined : name
}

function classify(
  entries: { status: string; path: string }[],
  dir: string,
  source: 'git' | 'api',
  base: string
): ChangedMigrations {
  const out: ChangedMigrations = { added: [], modified: [], deleted: [], source, base }
  for (const { status, path } of entries) {
    const name = migrationName(path, dir)
    if (!name) continue
    if (status === 'A' || status === 'added') out.added.push(name)
    else if (status === 'D' || status === 'removed') out.deleted.push(name)
    else out.modified.push(name)
  }
  for (const list of [out.added, out.modified, out.deleted]) list.sort()
  return out
}

/** `git diff -z --name-status`: status and path alternate, NUL-separated, paths verbatim (no quoting). */
export function parseNameStatusZ(output: string): { status: string; path: string }[] {
  const tokens = output.split('\0')
  const entries: { status: string; path: string }[] = []
  for (let i = 0; i + 1 < tokens.length; i += 2) entries.push({ status: tokens[i][0], path: tokens[i + 1] })
  return entries
}

async function resolveBase(cwd: string, base: string): Promise<string | undefined> {
  for (const candidate of [base, `origin/${base}`]) {
    try {
      await git(cwd, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`])
      // three-dot diffs need the merge base; a shallow checkout does not have it
      await git(cwd, ['merge-base', candidate, 'HEAD'])
      return candidate
    } catch {
      // try the next candidate
    }
  }
  return undefined
}

/**
 * The migrations folder as a path from the repository's root (`/` separators), which is how both `git diff`
 * (run from the top level) and the pull request files API name files, whatever the working directory.
 */
function fromRoot(root: string, migrationsDir: string): string {
  // Both with their links resolved, as git reports its top level.
  const parts = new RepositoryFiles(realPath(root)).partsBelow(realPath(migrationsDir))
  if (!parts)
    throw new ActionError(
      `The migrations folder ${printable(migrationsDir)} is outside the git repository at ${printable(root)}, so the offline review cannot tell which of its migrations this pull request changes.`,
      { hint: 'Set `working-directory` and `migrations-dir` to folders inside the checked-out repository.' }
    )
  return parts.join('/')
}

/** `read()`'s result, read on first use and kept. */
function once<T>(read: () => T): () => T {
  let kept: { value: T } | undefined
  return () => (kept ??= { value: read() }).value
}

/**
 * The migrations the pull request adds or changes compared with its base: from git history when the checkout has
 * it (`git diff -z --name-status <base>...HEAD`), else from the API's list of PR files.
 */
export async function findChangedMigrations(opts: FindChangedOptions): Promise<ChangedMigrations> {
  const migrationsDir = resolve(opts.workingDirectory, opts.migrationsDir)
  const top = await git(opts.workingDirectory, ['rev-parse', '--show-toplevel'])
    .then((s) => s.replace(/\r?\n$/, ''))
    .catch(() => undefined)
  const event = once(() => getPullRequestContext())
  const baseRef = opts.baseRef ?? opts.pr?.baseSha ?? event()?.baseSha
  const base = top && baseRef ? await resolveBase(top, baseRef).catch(() => undefined) : undefined
  if (top && base) {
    const dir = fromRoot(top, migrationsDir)
    // From the top level, without --relative: paths are the repository's, for any working directory.
    const out = await git(top, [
      'diff',
      '-z',
      '--name-status',
      '--no-renames',
      '--no-color',
      `${base}...HEAD`,
      '--',
      dir === '' ? '.' : dir
    ])
    return classify(parseNameStatusZ(out), dir, 'git', base)
  }
  // The API: with the caller's client and pull request, or with a token and the pull request of the event.
  const pr = opts.pr ?? (opts.octokit || !opts.token ? undefined : event())
  const octokit = pr && (opts.octokit ?? (opts.token ? await createOctokit(opts.token) : undefined))
  if (pr && octokit) {
    const dir = fromRoot(top ?? process.env.GITHUB_WORKSPACE ?? opts.workingDirectory, migrationsDir)
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      per_page: 100
    })
    const entries = files.flatMap((f) =>
      f.status === 'renamed' && f.previous_filename
        ? [
            { status: 'removed', path: f.previous_filename },
            { status: 'added', path: f.filename }
          ]
        : [{ status: f.status, path: f.filename }]
    )
    return classify(entries, dir, 'api', `pull request #${pr.number}'s base`)
  }
  throw new ActionError(
    `Cannot tell which migrations this pull request changes: the base \`${printable(baseRef ?? '(none)')}\` is not in the checkout's history and no pull request context is available.`,
    {
      hint: 'Check out with `fetch-depth: 0` (actions/checkout), or run on a pull_request event so the PR file list can be read through the API.'
    }
  )
}

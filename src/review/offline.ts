import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join, posix, relative, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { ActionError } from '../errors.js'
import { getPullRequestContext } from '../github/context.js'
import { createOctokit, type Octokit } from '../github/octokit.js'
import { reviewMigrations } from './review.js'
import type { ExecutionStrategy } from '../migrate/execute.js'
import type { ReviewSettings } from './settings.js'
import type { ReviewResult } from './types.js'

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
  /** Relative to the working directory. */
  migrationsDir: string
  /** A branch, tag or SHA; the PR's base SHA or branch. */
  baseRef?: string
  octokit?: Octokit
  pr?: { owner: string; repo: string; number: number }
  /** Without `octokit`/`pr`: a token for the API fallback, with the PR read from the event payload. */
  token?: string
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 })
  return stdout
}

/** `<dir>/<name>/migration.sql` → name; anything else (migration_lock.toml, READMEs) → undefined. */
function migrationName(path: string, dir: string): string | undefined {
  const rel = posix.relative(dir, path.split(sep).join('/'))
  const parts = rel.split('/')
  return parts.length === 2 && parts[1] === 'migration.sql' && !rel.startsWith('..') ? parts[0] : undefined
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
 * The migrations the pull request adds or changes compared with its base: from git history when the checkout has
 * it (`git diff --name-status <base>...HEAD`), else from the API's list of PR files.
 */
export async function findChangedMigrations(opts: FindChangedOptions): Promise<ChangedMigrations> {
  const dir = opts.migrationsDir.split(sep).join('/').replace(/\/+$/, '')
  const base = opts.baseRef
    ? await resolveBase(opts.workingDirectory, opts.baseRef).catch(() => undefined)
    : undefined
  if (base) {
    const out = await git(opts.workingDirectory, [
      'diff',
      '--name-status',
      '--no-renames',
      '--relative',
      `${base}...HEAD`,
      '--',
      dir
    ])
    const entries = out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [status, path] = line.split('\t')
        return { status: status[0], path }
      })
    return classify(entries, dir, 'git', base)
  }
  if (!opts.octokit && opts.token) {
    const pr = opts.pr ?? getPullRequestContext()
    if (pr)
      return findChangedMigrations({
        ...opts,
        token: undefined,
        octokit: await createOctokit(opts.token),
        pr
      })
  }
  if (opts.octokit && opts.pr) {
    const root = await git(opts.workingDirectory, ['rev-parse', '--show-toplevel'])
      .then((s) => s.trim())
      .catch(() => process.env.GITHUB_WORKSPACE ?? opts.workingDirectory)
    const dirFromRoot = relative(root, resolve(opts.workingDirectory, dir)).split(sep).join('/')
    const files = await opts.octokit.paginate(opts.octokit.rest.pulls.listFiles, {
      owner: opts.pr.owner,
      repo: opts.pr.repo,
      pull_number: opts.pr.number,
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
    return classify(entries, dirFromRoot, 'api', `pull request #${opts.pr.number}'s base`)
  }
  throw new ActionError(
    `Cannot tell which migrations this pull request changes: the base \`${opts.baseRef ?? '(none)'}\` is not in the checkout's history and no pull request context is available.`,
    {
      hint: 'Check out with `fetch-depth: 0` (actions/checkout), or run on a pull_request event so the PR file list can be read through the API.'
    }
  )
}

export interface OfflineReviewOptions {
  workingDirectory: string
  migrationsDir: string
  changed: ChangedMigrations
  settings: Pick<ReviewSettings, 'rules'>
  allowDestructive?: boolean
  /** How the project's Prisma version sends a migration.sql (Prisma 7.4+: statement by statement). */
  execution?: ExecutionStrategy
}

/**
 * The review without a database (fork PRs get no secrets): the migrations the PR adds or changes, plus an error for
 * each migration that already existed on the base and was changed or deleted.
 */
export async function reviewChangedMigrations(opts: OfflineReviewOptions): Promise<ReviewResult> {
  const { changed } = opts
  const names = [...new Set([...changed.added, ...changed.modified])].sort()
  const migrations = await Promise.all(
    names.map(async (name) => {
      const file = posix.join(opts.migrationsDir.split(sep).join('/'), name, 'migration.sql')
      return { name, file, script: await readFile(join(opts.workingDirectory, file), 'utf8') }
    })
  )
  const note = `No database to compare with (\`database-url\` is empty): this reviews only the ${names.length} migration(s) this pull request adds or changes, compared with ${changed.base} (${changed.source === 'git' ? 'git history' : 'the pull request file list'}). Nothing was compared with a database.`
  return reviewMigrations({
    migrations,
    settings: opts.settings,
    allowDestructive: opts.allowDestructive ?? false,
    notes: [note],
    modifiedMigrations: changed.modified,
    deletedMigrations: changed.deleted,
    base: changed.base,
    execution: opts.execution
  })
}

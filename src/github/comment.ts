import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { ACTION_NAME } from '../constants.js'
import { scrub } from '../util/secrets.js'
import {
  API_BOUNDS,
  beforeDeadline,
  createOctokit,
  describeApiError,
  formatWait,
  sharedDeadline,
  type ApiBounds,
  type Octokit
} from './octokit.js'

/** The GitHub Actions app's account, which GITHUB_TOKEN writes as (GET /user answers 403 for that token). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]'

/**
 * The hidden marker of the sticky comment for one (database target, migrations dir): a hash, so that the
 * comment does not reveal the database host.
 */
export function commentMarker(target: string, migrationsDir: string, mode = 'migrate-status'): string {
  const hash = createHash('sha256').update(`${target}\n${migrationsDir}`).digest('hex').slice(0, 16)
  return `<!-- ${ACTION_NAME}:${mode}:${hash} -->`
}

export interface UpsertOptions {
  token: string
  apiUrl?: string
  owner: string
  repo: string
  issueNumber: number
  marker: string
  /** The full body; the marker is put on its first line when it is not there. */
  body: string
  /** Default API_BOUNDS: the whole upsert gives up after a minute. */
  bounds?: ApiBounds
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped'
  url?: string
  warning?: string
}

async function ownLogin(octokit: Octokit): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return data.login
  } catch (error) {
    const { status, rateLimited } = describeApiError(error)
    if (!rateLimited && (status === 403 || status === 404 || status === 401)) return ACTIONS_BOT_LOGIN
    throw error
  }
}

/** The first line of a comment body (GitHub may store CRLF line ends). */
function firstLine(body: string): string {
  const end = body.indexOf('\n')
  return (end < 0 ? body : body.slice(0, end)).replace(/\r$/, '')
}

function normalized(body: string): string {
  return body.replace(/\r\n/g, '\n').trim()
}

/**
 * Our sticky comment: written by the token's own account, and its first line is exactly the marker. A marker
 * anywhere else (quoted by a person, or copied into a migration and rendered inside another job's report) matches
 * nothing.
 */
export function isStickyComment(
  comment: { user?: { login?: string } | null; body?: string | null },
  login: string,
  marker: string
): boolean {
  return comment.user?.login === login && firstLine(comment.body ?? '') === marker
}

function failureWarning(error: unknown): string {
  const { status, rateLimited, resetInSec } = describeApiError(error)
  const detail = scrub((error as Error)?.message ?? String(error))
  if (rateLimited)
    return `Could not write the pull request comment: the GitHub API rate limit is exhausted${resetInSec === undefined ? '' : ` (it resets in ${formatWait(resetInSec)})`}, and this best-effort comment does not wait for it. The job summary has the full report.`
  if (status === 403 || status === 404)
    return `Could not write the pull request comment (HTTP ${status}: ${detail}). On pull requests from forks the token is read-only; the job summary has the full report.`
  return `Could not write the pull request comment: ${detail}. The job summary has the full report.`
}

async function upsert(octokit: Octokit, opts: UpsertOptions, body: string): Promise<UpsertResult> {
  const where = { owner: opts.owner, repo: opts.repo, issue_number: opts.issueNumber }
  const login = await ownLogin(octokit)
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, per_page: 100 })
  if (!Array.isArray(comments))
    throw new Error('the GitHub API answered the comment list with something else')
  const existing = comments.find((c) => isStickyComment(c, login, opts.marker))
  if (existing) {
    if (normalized(existing.body ?? '') === normalized(body))
      return { action: 'unchanged', url: existing.html_url }
    const { data } = await octokit.rest.issues.updateComment({
      owner: opts.owner,
      repo: opts.repo,
      comment_id: existing.id,
      body
    })
    return { action: 'updated', url: data.html_url }
  }
  const { data } = await octokit.rest.issues.createComment({ ...where, body })
  return { action: 'created', url: data.html_url }
}

/**
 * Creates the PR comment carrying `marker`, or updates the one the token's own account wrote before; other
 * people's comments are never edited, and an unchanged body makes no write. Best effort within `bounds` (a
 * minute): permission errors (fork PRs get a read-only token), rate limits, timeouts and server errors become a
 * warning, never a failure — the job summary has the report.
 */
export async function upsertStickyComment(opts: UpsertOptions): Promise<UpsertResult> {
  const body = firstLine(opts.body) === opts.marker ? opts.body : `${opts.marker}\n${opts.body}`
  const bounds = opts.bounds ?? API_BOUNDS
  const deadline = sharedDeadline(bounds)
  try {
    const octokit = await createOctokit(opts.token, opts.apiUrl, bounds, deadline)
    return await beforeDeadline(upsert(octokit, opts, body), deadline)
  } catch (error) {
    const warning = failureWarning(error)
    core.warning(warning)
    return { action: 'skipped', warning }
  }
}

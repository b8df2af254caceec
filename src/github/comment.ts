import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { ACTION_NAME } from '../constants.js'
import { scrub } from '../util/secrets.js'
import { createOctokit, type Octokit } from './octokit.js'

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
  /** The full body; it must contain the marker. */
  body: string
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped'
  url?: string
  warning?: string
}

function status(error: unknown): number | undefined {
  return (error as { status?: number }).status
}

async function ownLogin(octokit: Octokit): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return data.login
  } catch (error) {
    if (status(error) === 403 || status(error) === 404 || status(error) === 401) return ACTIONS_BOT_LOGIN
    throw error
  }
}

/**
 * Creates the PR comment carrying `marker`, or updates the one the token's own account wrote before; other
 * people's comments are never edited, and an unchanged body makes no write. Permission errors (fork PRs get a
 * read-only token) become a warning: the job summary still has the report.
 */
export async function upsertStickyComment(opts: UpsertOptions): Promise<UpsertResult> {
  const body = opts.body.includes(opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`
  const octokit = await createOctokit(opts.token, opts.apiUrl)
  const where = { owner: opts.owner, repo: opts.repo, issue_number: opts.issueNumber }
  try {
    const login = await ownLogin(octokit)
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, per_page: 100 })
    const existing = comments.find((c) => c.user?.login === login && (c.body ?? '').includes(opts.marker))
    if (existing) {
      if ((existing.body ?? '').trim() === body.trim()) return { action: 'unchanged', url: existing.html_url }
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
  } catch (error) {
    const code = status(error)
    const detail = scrub((error as Error).message ?? String(error))
    const warning =
      code === 403 || code === 404
        ? `Could not write the pull request comment (HTTP ${code}: ${detail}). On pull requests from forks the token is read-only; the job summary has the full report.`
        : `Could not write the pull request comment: ${detail}. The job summary has the full report.`
    core.warning(warning)
    return { action: 'skipped', warning }
  }
}

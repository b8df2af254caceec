import * as core from '@actions/core'
import { renderCommentBody, type MigrationReportInput } from '../render/migrate-summary.js'
import { commentMarker, upsertStickyComment, type UpsertResult } from '../github/comment.js'
import { getPullRequestContext } from '../github/context.js'
import { apiUrlFromEnv } from '../github/octokit.js'
import type { PullRequestSettings } from '../settings/settings.js'
import { info } from '../util/log.js'
import { scrub } from '../util/secrets.js'

export interface PublishOptions {
  settings: Pick<PullRequestSettings, 'comment' | 'githubToken'>
  /** Redacted database target (or a fixed word for the offline review): part of the comment's marker. */
  target: string
  migrationsDir: string
  render: Omit<MigrationReportInput, 'limit'>
}

/**
 * On pull_request events, writes the report as the sticky comment for (target, migrations dir). Does nothing on
 * other events or with `comment: false`; never throws (the job summary carries the report anyway).
 */
export async function publishPullRequestComment(opts: PublishOptions): Promise<UpsertResult> {
  const pr = getPullRequestContext()
  if (!opts.settings.comment || !pr) return { action: 'skipped' }
  if (!opts.settings.githubToken) {
    const warning =
      'No github-token: the pull request comment was not written; the job summary has the report.'
    core.warning(warning)
    return { action: 'skipped', warning }
  }
  const marker = commentMarker(opts.target, opts.migrationsDir)
  const result = await upsertStickyComment({
    token: opts.settings.githubToken,
    apiUrl: apiUrlFromEnv(),
    owner: pr.owner,
    repo: pr.repo,
    issueNumber: pr.number,
    marker,
    // The comment is text we write like the summary: no registered secret in any form.
    body: scrub(renderCommentBody(opts.render, marker))
  })
  if (result.url) info(`Pull request comment ${result.action}: ${result.url}`)
  return result
}

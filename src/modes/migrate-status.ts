import * as core from '@actions/core'
import type { EarlyClient } from '../db/connect.js'
import { describeTarget } from '../db/connection-url.js'
import { ActionError } from '../errors.js'
import { annotateFindings } from './annotate-findings.js'
import { getPullRequestContext } from '../github/context.js'
import { publishPullRequestComment } from './pull-request-comment.js'
import { planId } from '../migrate/plan.js'
import { diagnose, type Diagnosis } from '../migrate/status.js'
import { renderMigrationReport } from '../render/migrate-summary.js'
import { findChangedMigrations } from '../github/changed-migrations.js'
import { reviewChangedMigrations } from '../review/offline.js'
import { reviewMigrations } from '../review/review.js'
import { baseMigrationNames, failOnDecision } from '../review/gate.js'
import type { PullRequestScope, ReviewResult } from '../review/types.js'
import { reviewJson, reviewOutputs } from '../report/review-section.js'
import type { MigrateStatusSettings } from '../settings/settings.js'
import { firstHistory, loadMigrationsFolder, openSession, prismaScope } from './migrate-session.js'
import {
  migrateOutputs,
  pendingForReview,
  prismaReport,
  relativeSqlPath,
  shownMigrationsDir
} from './migrate-results.js'
import { nextSteps } from '../render/next-steps.js'
import { rulesDocsUrl } from '../github/context.js'
import { statusRows } from '../render/status-table.js'
import type { ModeResult } from './types.js'
import { describeFallback } from '../migrate/execute.js'
import { info } from '../util/log.js'
import { RepositoryFiles } from '../util/repo-files.js'

function statusFailure(diagnosis: Diagnosis, settings: MigrateStatusSettings): ActionError | undefined {
  // `prisma migrate status` stops with P3015 when an applied migration's file is gone.
  if (diagnosis.prismaStatusError) return diagnosis.prismaStatusError
  if (diagnosis.failed.length > 0 && diagnosis.status === 'failed') {
    return new ActionError(
      `${diagnosis.failed.length} failed migration(s) in the database: ${diagnosis.failed.map((f) => f.name).join(', ')}.`,
      {
        hint: 'New migrations cannot be applied until it is resolved; see the job summary for the resolve step.'
      }
    )
  }
  if (settings.failOnPending && diagnosis.pending.length > 0) {
    return new ActionError(
      `${diagnosis.pending.length} migration(s) pending: ${diagnosis.pending.map((m) => m.name).join(', ')}.`,
      {
        hint: 'fail-on-pending is true; run mode: migrate-deploy to apply them.'
      }
    )
  }
  return undefined
}

function reviewFailure(review: ReviewResult, failOn: 'error' | 'warning' | 'never'): ActionError | undefined {
  if (!failOnDecision(review, failOn)) return undefined
  return new ActionError(`SQL review: ${review.headline}`, {
    hint: `fail-on is ${failOn}. Review the findings in the job summary; acknowledge intended destructive changes in the migration file or set allow-destructive on the deploy.`
  })
}

/** `early`: the connection request, sent before this module was loaded (early-connection.ts). */
export async function runMigrateStatus(
  settings: MigrateStatusSettings,
  early?: EarlyClient
): Promise<ModeResult> {
  const connection = settings.connection
  if (!connection) return runOfflineReview(settings)
  const folder = await loadMigrationsFolder(settings, early)
  const session = await openSession({ ...settings, connection }, { readHistory: true, early })
  try {
    const diagnosis = await core.group('Compare with _prisma_migrations', async () => {
      const d = await diagnose(session.client, folder, {
        ...prismaScope(settings, session),
        ...firstHistory(session)
      })
      info(d.prismaMessage)
      for (const f of d.fallbacks)
        info(`\`${f.migration}\` is sent as one batch by Prisma 7.4+: ${describeFallback(f.fallback)}.`)
      for (const warning of d.warnings) core.warning(warning)
      return d
    })
    const pullRequest = await pullRequestScope(settings, diagnosis)
    const review = await core.group('Review pending SQL', () =>
      reviewMigrations({
        migrations: pendingForReview(diagnosis, settings.workingDirectory),
        settings: settings.review,
        client: session.client,
        execution: settings.project.prisma.execution,
        allowDestructive: false,
        pullRequest
      })
    )
    info(review.headline)
    const onBase = baseMigrationNames(review)
    annotateFindings(review.findings.filter((f) => !onBase.has(f.migration)))
    const target = describeTarget(connection)
    const migrationsDir = shownMigrationsDir(settings.workingDirectory, folder.path)
    const renderInput = {
      mode: settings.mode,
      target,
      migrationsDir,
      rows: statusRows(diagnosis),
      nextSteps: nextSteps(diagnosis),
      review,
      docsBaseUrl: rulesDocsUrl()
    }
    const markdown = renderMigrationReport(renderInput)
    await publishPullRequestComment({
      settings: settings.pullRequest,
      target,
      migrationsDir,
      render: renderInput
    })
    return statusResult(settings, { target, folderPath: folder.path }, diagnosis, review, markdown)
  } finally {
    await session.close()
  }
}

function statusResult(
  settings: MigrateStatusSettings,
  where: { target: string; folderPath: string },
  diagnosis: Diagnosis,
  review: ReviewResult,
  markdown: string
): ModeResult {
  const { target, folderPath } = where
  const id = planId(diagnosis.pending)
  return {
    outputs: {
      ...migrateOutputs({
        status: diagnosis.status,
        pending: diagnosis.pending.map((m) => m.name),
        failed: diagnosis.failed.map((f) => f.name)
      }),
      'plan-id': id,
      ...reviewOutputs(review)
    },
    markdown,
    report: {
      target,
      migrationsDir: { path: folderPath, reason: settings.project.migrationsDir.reason },
      status: diagnosis.status,
      prismaExitCode: diagnosis.prismaExitCode,
      planId: id,
      pending: diagnosis.pending.map((m) => ({
        name: m.name,
        file: relativeSqlPath(settings.workingDirectory, m.sqlPath),
        checksum: m.checksum
      })),
      applied: [],
      failed: diagnosis.failed,
      edited: diagnosis.edited,
      missingLocally: diagnosis.missingLocally,
      unreadableApplied: diagnosis.unreadableApplied,
      nonTransactional: diagnosis.nonTransactional,
      prisma: prismaReport(settings.project),
      migrations: diagnosis.migrations,
      warnings: diagnosis.warnings,
      review: reviewJson(review)
    },
    failure: statusFailure(diagnosis, settings) ?? reviewFailure(review, settings.review.failOn)
  }
}

/**
 * On a pull_request event: which pending migrations the PR adds (git history against the base, else the PR's file
 * list), so that the review can flag what they destroy where the base branch's migrations already ran, and
 * summarise those. When it cannot be told, every pending migration is reviewed as the PR's (the safe side).
 */
async function pullRequestScope(
  settings: MigrateStatusSettings,
  diagnosis: Diagnosis
): Promise<PullRequestScope | undefined> {
  const pr = getPullRequestContext()
  if (!pr || diagnosis.pending.length === 0) return undefined
  return core.group('Find the migrations this pull request adds', async () => {
    try {
      const changed = await findChangedMigrations({
        workingDirectory: settings.workingDirectory,
        migrationsDir: settings.project.migrationsDir.path,
        baseRef: settings.pullRequest.baseRef,
        // read from the event above: not read again
        pr,
        token: settings.pullRequest.githubToken
      })
      const pending = new Set(diagnosis.pending.map((m) => m.name))
      const added = changed.added.filter((name) => pending.has(name))
      info(
        `${added.length} of the ${pending.size} pending migration(s) are added by this pull request (compared with ${changed.base}, from ${changed.source === 'git' ? 'git history' : 'the pull request file list'}).`
      )
      return { added, modified: changed.modified, deleted: changed.deleted, base: changed.base, known: true }
    } catch (error) {
      core.warning(
        `Could not tell which migrations this pull request adds, so every pending migration is reviewed as its own: ${(error as Error).message}`
      )
      return { added: [], base: pr.baseRef ? `\`${pr.baseRef}\`` : 'the base branch', known: false }
    }
  })
}

/** No `database-url` (fork PRs get no secrets): review what the PR adds or changes, compared with its base. */
async function runOfflineReview(settings: MigrateStatusSettings): Promise<ModeResult> {
  const { project } = settings
  const migrationsDir = shownMigrationsDir(settings.workingDirectory, project.migrationsDir.path)
  info(
    `No database-url: reviewing the migrations this change adds or modifies in ${migrationsDir} (${project.migrationsDir.reason}), without a database.`
  )
  const changed = await core.group('Find changed migrations', () =>
    findChangedMigrations({
      workingDirectory: settings.workingDirectory,
      migrationsDir: project.migrationsDir.path,
      baseRef: settings.pullRequest.baseRef,
      token: settings.pullRequest.githubToken
    })
  )
  const review = await core.group('Review changed SQL', () =>
    reviewChangedMigrations({
      workingDirectory: settings.workingDirectory,
      migrationsDir: project.migrationsDir.path,
      changed,
      settings: settings.review,
      execution: project.prisma.execution,
      files: new RepositoryFiles(settings.workspace)
    })
  )
  info(review.headline)
  annotateFindings(review.findings)
  const reviewed = [...new Set([...changed.added, ...changed.modified])].sort()
  const renderInput = {
    mode: settings.mode,
    target: 'no database (offline review)',
    migrationsDir,
    review,
    docsBaseUrl: rulesDocsUrl()
  }
  const markdown = renderMigrationReport(renderInput)
  await publishPullRequestComment({
    settings: settings.pullRequest,
    target: 'offline',
    migrationsDir,
    render: renderInput
  })
  return {
    outputs: {
      ...migrateOutputs({ status: 'unknown', pending: reviewed }),
      ...reviewOutputs(review)
    },
    markdown,
    report: {
      target: null,
      databaseCompared: false,
      migrationsDir: { path: project.migrationsDir.path, reason: project.migrationsDir.reason },
      changed,
      review: reviewJson(review)
    },
    failure: reviewFailure(review, settings.review.failOn)
  }
}

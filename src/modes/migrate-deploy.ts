import * as core from '@actions/core'
import type { DbSession, EarlyClient } from '../db/connect.js'
import { describeTarget } from '../db/connection-url.js'
import type { ActionError } from '../errors.js'
import { annotateFindings } from './annotate-findings.js'
import { rulesDocsUrl } from '../github/context.js'
import { deploy, MigrationRunError, type AppliedMigration } from '../migrate/deploy.js'
import { isConnectionLost } from '../migrate/prisma-errors.js'
import { describeFallback } from '../migrate/execute.js'
import { DEFAULT_BACKOFF } from '../migrate/lock-retry.js'
import { LockWaitLog, afterFailureNotes, lockSafetyReport } from '../migrate/lock-report.js'
import type { MigrationsFolder } from '../migrate/migrations-dir.js'
import { planId } from '../migrate/plan.js'
import type { MigrationRow } from '../migrate/history.js'
import { type Diagnosis, diagnose } from '../migrate/status.js'
import { code, MAX_PROSE_CHARS, quote } from '../render/markdown.js'
import { renderMigrationReport } from '../render/migrate-summary.js'
import { nextSteps } from '../render/next-steps.js'
import { statusRows } from '../render/status-table.js'
import { type GateDecision, gateDecision } from '../review/gate.js'
import { reviewJson, reviewOutputs } from '../report/review-section.js'
import { reviewMigrations } from '../review/review.js'
import type { ReviewResult } from '../review/types.js'
import type { MigrateDeploySettings } from '../settings/settings.js'
import { info } from '../util/log.js'
import { backupBeforeDeploy, type PreDeployBackup } from './backup.js'
import { afterConnectionLoss, knownMigrations } from './deploy-connection-loss.js'
import { decideDeploy } from './deploy-decision.js'
import {
  migrateOutputs,
  pendingForReview,
  prismaReport,
  relativeSqlPath,
  shownMigrationsDir
} from './migrate-results.js'
import { firstHistory, loadMigrationsFolder, openSession, prismaScope } from './migrate-session.js'
import type { ModeResult } from './types.js'

/** One deploy's state as it goes: what was found before, what the review said, what ran. */
interface DeployRun {
  settings: MigrateDeploySettings
  session: DbSession
  folder: MigrationsFolder
  lockWaits: LockWaitLog
  before: Diagnosis
  planId: string
  review: ReviewResult
  gate: GateDecision
  backup?: PreDeployBackup
  applied: AppliedMigration[]
  /** `_prisma_migrations` as the deploy left it (read with the unlock: no round trip of its own). */
  historyAfter?: MigrationRow[]
  failure?: ActionError
}

/** What the run knows after applying: the state read again, or (after a lost connection) what it can tell. */
interface DeployOutcome {
  after?: Diagnosis
  known: Diagnosis
  failedNow?: string
}

function gateNotes(gate: GateDecision): string[] {
  const harmless = gate.allowedBy.filter((a) => a.by === 'database').length
  const notes = gate.allowedBy
    .filter((a) => a.by !== 'database')
    .map(
      (a) =>
        `${code(a.finding.rule)} in ${code(a.finding.migration)} line ${a.finding.line} allowed by ${a.by === 'input' ? 'the allow-destructive input' : `an acknowledgement in the file${a.reason ? `: ${quote(a.reason)}` : ''}`}.`
    )
  if (harmless)
    notes.push(
      `${harmless} destructive finding(s) destroy nothing in this database: each works on an object created earlier in this deploy (the review says which, per finding).`
    )
  return notes
}

/** Compare with `_prisma_migrations`, review what is pending, and judge it. */
async function reviewPending(
  settings: MigrateDeploySettings,
  session: DbSession,
  folder: MigrationsFolder
): Promise<Pick<DeployRun, 'before' | 'planId' | 'review' | 'gate'>> {
  // The history was read in the connection's first message: this comparison costs no round trip.
  const before = await core.group('Compare with _prisma_migrations', () =>
    diagnose(session.client, folder, { ...prismaScope(settings, session), ...firstHistory(session) })
  )
  const review = await core.group('Review pending SQL', () =>
    reviewMigrations({
      migrations: pendingForReview(before, settings.workingDirectory),
      settings: settings.review,
      client: session.client,
      execution: settings.project.prisma.execution,
      allowDestructive: settings.review.allowDestructive
    })
  )
  info(review.headline)
  annotateFindings(review.findings)
  const gate = gateDecision(review, settings.review.allowDestructive)
  return { before, planId: planId(before.pending), review, gate }
}

/** Apply the pending migrations exactly as `prisma migrate deploy`; a migration's failure is kept, not thrown. */
async function applyPending(run: DeployRun): Promise<void> {
  const { settings, lockWaits } = run
  try {
    const result = await core.group('Apply migrations', () =>
      deploy(run.session.client, run.folder, {
        ...prismaScope(settings, run.session),
        connection: settings.connection,
        expectHistory: run.before.hasMigrationsTable,
        readHistoryAfter: true,
        onApplying: (name) => info(`Applying migration ${code(name)}`),
        onFallback: (name, fallback) =>
          info(`${code(name)} is sent as one batch (Prisma 7.4+ would): ${describeFallback(fallback)}.`),
        lockSafety: {
          policy: {
            lockTimeoutMs: settings.lockSafety.lockTimeoutMs,
            retryWindowMs: settings.lockSafety.retryWindowMs,
            ...DEFAULT_BACKOFF
          },
          baseDir: settings.workingDirectory,
          onBlocked: (name, event) => lockWaits.blocked(name, event),
          onSample: (name, blockers) => lockWaits.sample(name, blockers)
        }
      })
    )
    run.applied = result.applied
    run.historyAfter = result.historyAfter
    info(
      run.applied.length > 0
        ? `All migrations have been successfully applied (${run.applied.length}).`
        : 'No pending migrations to apply.'
    )
  } catch (error) {
    if (!(error instanceof MigrationRunError)) throw error
    run.applied = error.applied
    run.failure = error
  }
}

/** A broken connection cannot read the state again: a new one does, or the report says what this run knows. */
async function readOutcome(run: DeployRun, pid: number | undefined): Promise<DeployOutcome> {
  let after: Diagnosis | undefined
  const failure = run.failure
  if (failure instanceof MigrationRunError && isConnectionLost(failure)) {
    const recovered = await core.group('Read the state again after the lost connection', () =>
      afterConnectionLoss({ settings: run.settings, folder: run.folder, failure, pid })
    )
    run.failure = recovered.failure
    after = recovered.diagnosis
  } else
    after = await diagnose(run.session.client, run.folder, {
      ...prismaScope(run.settings, run.session),
      history: run.historyAfter
    })
  const failedNow = run.failure instanceof MigrationRunError ? run.failure.failedMigration : undefined
  const appliedNames = new Set(run.applied.map((m) => m.name))
  const known = after ?? {
    ...run.before,
    pending: run.before.pending.filter((m) => !appliedNames.has(m.name) && m.name !== failedNow),
    failed: [],
    migrations: knownMigrations(run.before.migrations, appliedNames, failedNow)
  }
  return { after, known, failedNow }
}

/** The lines under the report's title: the outcome, what a failure left, lock waits, the gate, the backup. */
function deployNotes(run: DeployRun, outcome: DeployOutcome): string[] {
  const { failure, applied, backup } = run
  const afterFailure = failure instanceof MigrationRunError ? failure.afterFailure : undefined
  return [
    ...(failure
      ? [`❌ ${failure.describe()}`]
      : applied.length > 0
        ? [`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}.`]
        : []),
    ...(afterFailure ? afterFailureNotes(afterFailure) : []),
    ...run.lockWaits.appliedNotes(applied.map((m) => m.name)),
    ...gateNotes(run.gate),
    ...(backup
      ? [
          `Backup taken before the deploy: ${code(backup.uri, MAX_PROSE_CHARS)} (SHA-256 ${code(backup.sha256)}). Restore with: ${code(backup.restoreCommand, MAX_PROSE_CHARS)}`
        ]
      : []),
    ...(outcome.after ? nextSteps(outcome.after) : [])
  ]
}

function deployOutputs(run: DeployRun, outcome: DeployOutcome): Record<string, string> {
  const { after, known, failedNow } = outcome
  const backup = run.backup
  return {
    ...migrateOutputs({
      status: after?.status ?? 'unknown',
      pending: known.pending.map((m) => m.name),
      applied: run.applied.map((m) => m.name),
      failed: after ? after.failed.map((f) => f.name) : failedNow ? [failedNow] : []
    }),
    'plan-id': run.planId,
    ...reviewOutputs(run.review),
    ...(backup
      ? {
          'backup-uri': backup.uri,
          'manifest-uri': backup.manifestUri,
          'backup-sha256': backup.sha256,
          'backup-size': String(backup.size)
        }
      : {})
  }
}

function deployReport(run: DeployRun, outcome: DeployOutcome, target: string): Record<string, unknown> {
  const { settings, gate, backup, failure } = run
  const { after, known, failedNow } = outcome
  return {
    target,
    migrationsDir: { path: run.folder.path, reason: settings.project.migrationsDir.reason },
    status: after?.status ?? 'unknown',
    planId: run.planId,
    expectedPlanId: settings.expectedPlanId ?? null,
    pending: known.pending.map((m) => ({
      name: m.name,
      file: relativeSqlPath(settings.workingDirectory, m.sqlPath),
      checksum: m.checksum
    })),
    applied: run.applied,
    failed: after ? after.failed : failedNow ? [{ name: failedNow }] : [],
    lockSafety: lockSafetyReport(settings.lockSafety, run.lockWaits.all),
    prisma: prismaReport(settings.project),
    // What the migration that failed in this run left: committed statements (per statement with Prisma 7.4+),
    // INVALID indexes, blockers.
    afterFailure: (failure instanceof MigrationRunError ? failure.afterFailure : undefined) ?? null,
    edited: known.edited,
    missingLocally: known.missingLocally,
    migrations: known.migrations,
    gate: {
      allowed: gate.allowed,
      reason: gate.reason,
      allowedBy: gate.allowedBy.map((a) => ({
        rule: a.finding.rule,
        migration: a.finding.migration,
        line: a.finding.line,
        by: a.by,
        reason: a.reason
      }))
    },
    backup: backup
      ? {
          uri: backup.uri,
          manifestUri: backup.manifestUri,
          sha256: backup.sha256,
          size: backup.size,
          restoreCommand: backup.restoreCommand
        }
      : null,
    review: reviewJson(run.review)
  }
}

function deployResult(run: DeployRun, outcome: DeployOutcome): ModeResult {
  const { settings } = run
  const target = describeTarget(settings.connection)
  return {
    outputs: deployOutputs(run, outcome),
    markdown: renderMigrationReport({
      mode: settings.mode,
      target,
      migrationsDir: shownMigrationsDir(settings.workingDirectory, run.folder.path),
      rows: statusRows(outcome.known, run.applied, outcome.failedNow),
      nextSteps: deployNotes(run, outcome),
      review: run.review,
      docsBaseUrl: rulesDocsUrl(),
      appendix: run.backup ? [run.backup.markdown] : undefined
    }),
    report: deployReport(run, outcome, target),
    failure: run.failure
  }
}

/**
 * Review → gate → optional backup → apply, in that order: nothing is applied (and the advisory lock is not even
 * taken) when the plan changed since it was reviewed, when a file cannot run as Prisma runs it, or when the
 * review finds unacknowledged destructive changes (src/modes/deploy-decision.ts decides).
 */
export async function runMigrateDeploy(
  settings: MigrateDeploySettings,
  early?: EarlyClient
): Promise<ModeResult> {
  const folder = await loadMigrationsFolder(settings, early)
  // lock_timeout / statement_timeout for this session only, sent with the connection request (early-connection.ts).
  const session = await openSession(settings, { readHistory: true, early })
  try {
    const reviewed = await reviewPending(settings, session, folder)
    const lockWaits = new LockWaitLog(settings.lockSafety, info)
    const run: DeployRun = { settings, session, folder, lockWaits, ...reviewed, applied: [] }
    const policy = settings.backup
    const decision = decideDeploy({
      planId: run.planId,
      expectedPlanId: settings.expectedPlanId,
      nonTransactional: run.before.nonTransactional,
      fallbacks: run.before.fallbacks,
      gate: run.gate,
      pendingCount: run.before.pending.length,
      failedCount: run.before.failed.length,
      destructiveCount: run.review.destructiveCount,
      backupBeforeDeploy: policy.when
    })
    run.failure = decision.refusal
    if (decision.backup && policy.when !== 'never') {
      const backupSettings = policy.settings
      run.backup = await core.group('Backup before deploy', () =>
        backupBeforeDeploy({
          connection: settings.connection,
          workingDirectory: settings.workingDirectory,
          settings: backupSettings
        })
      )
    }
    // The backend's pid, to tell later whether a session whose connection broke is still running on the server.
    const pid = (session.client as unknown as { processID?: number }).processID
    if (!run.failure) await applyPending(run)
    return deployResult(run, await readOutcome(run, pid))
  } finally {
    await session.close()
  }
}

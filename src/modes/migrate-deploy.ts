import * as core from '@actions/core'
import { relative } from 'node:path'
import { backupBeforeDeploy } from '../backup/pre-deploy.js'
import { readBackupSettings } from '../backup/settings.js'
import { describeTarget } from '../db/connection-url.js'
import { ActionError } from '../errors.js'
import { annotateFindings } from '../github/annotations.js'
import { deploy, MigrationRunError, type AppliedMigration } from '../migrate/deploy.js'
import { DEFAULT_BACKOFF } from '../migrate/lock-retry.js'
import { LockWaitLog, afterFailureNotes, lockSafetyReport } from '../migrate/lock-report.js'
import { isConnectionLost } from '../migrate/errors.js'
import { planId } from '../migrate/plan.js'
import { type Diagnosis, diagnose } from '../migrate/status.js'
import type { MigrationRow } from '../migrate/history.js'
import { renderMigrationReport } from '../render/migration-report.js'
import { gateDecision, reviewMigrations } from '../review/review.js'
import { readReviewSettings } from '../review/settings.js'
import { reviewJson, reviewOutputs } from '../review/json-report.js'
import type { InputReader } from '../settings/input.js'
import { readLockSafetySettings, sessionTimeouts } from '../settings/lock-settings.js'
import { info } from '../util/log.js'
import type { CommonSettings, MigrateSettings } from '../settings/settings.js'
import {
  firstHistory,
  loadMigrationsFolder,
  migrateOutputs,
  nextSteps,
  openSession,
  pendingForReview,
  prismaScope,
  relativeSqlPath,
  rulesDocsUrl,
  statusRows
} from './migrate-shared.js'
import { afterConnectionLoss, knownMigrations } from './deploy-connection-loss.js'
import type { ModeResult } from './types.js'
import { code, MAX_PROSE_CHARS, quote } from '../render/markdown.js'
import { describeFallback } from '../migrate/execute.js'
import { prismaReport } from './migrate-status.js'

function gateNotes(gate: ReturnType<typeof gateDecision>): string[] {
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

/**
 * Review → gate → optional backup → apply, in that order: nothing is applied (and the advisory lock is not even
 * taken) when the plan changed since it was reviewed, when a file cannot run as Prisma runs it, or when the
 * review finds unacknowledged destructive changes.
 */
export async function runMigrateDeploy(
  common: CommonSettings,
  settings: MigrateSettings,
  read: InputReader
): Promise<ModeResult> {
  const reviewSettings = readReviewSettings(read)
  const backupSettings = readBackupSettings(read, 'migrate-deploy')
  const lockSettings = readLockSafetySettings(read)
  const folder = await loadMigrationsFolder(settings, common)
  // lock_timeout / statement_timeout for this session only, sent with the connection request.
  const session = await openSession(common, sessionTimeouts(lockSettings), { readHistory: settings })
  const lockWaits = new LockWaitLog(lockSettings, info)
  const target = describeTarget(common.connection!)
  const migrationsDir = relative(common.workingDirectory, folder.path) || '.'
  let applied: AppliedMigration[] = []
  let failure: ActionError | undefined
  let backup: Awaited<ReturnType<typeof backupBeforeDeploy>> | undefined
  let gate: ReturnType<typeof gateDecision> | undefined
  try {
    const scope = prismaScope(common, settings, session)
    const before = await core.group('Compare with _prisma_migrations', () =>
      diagnose(session.client, folder, { ...scope, ...firstHistory(session) })
    )
    const id = planId(before.pending)
    const review = await core.group('Review pending SQL', () =>
      reviewMigrations({
        migrations: pendingForReview(before, common.workingDirectory),
        settings: reviewSettings,
        client: session.client,
        execution: settings.prisma.execution,
        allowDestructive: reviewSettings.allowDestructive
      })
    )
    info(review.headline)
    annotateFindings(review.findings)
    gate = gateDecision(review, reviewSettings.allowDestructive)
    if (settings.expectedPlanId && settings.expectedPlanId !== id) {
      failure = new ActionError(
        `The pending migrations changed since they were reviewed: plan ${id} is pending now, but expected-plan-id is ${settings.expectedPlanId}. Nothing was applied.`,
        {
          hint: 'Run the review (migrate-status) again and approve the new plan; pass its plan-id output to expected-plan-id.'
        }
      )
    } else if (before.nonTransactional.length > 0) {
      const first = before.nonTransactional[0]
      const fallback = before.fallbacks.find((f) => f.migration === first.migration)
      const why = fallback
        ? `Prisma 7.4+ sends this file as one batch (one transaction) because ${describeFallback(fallback.fallback)}`
        : 'Prisma runs a migration file as one transaction'
      failure = new ActionError(
        `Migration ${code(first.migration)} line ${first.line} has ${code(first.statement)}, which cannot run inside a transaction, together with other statements; ${why}, so it would fail (SQLSTATE 25001). Nothing was applied.`,
        { hint: 'Move the statement into a migration directory of its own, as its only statement.' }
      )
    } else if (!gate.allowed) {
      failure = new ActionError(`Deploy refused: ${gate.reason} Nothing was applied.`, {
        hint: 'Read the findings in the job summary. To go ahead, acknowledge each finding in the migration file (a comment line directly above the statement naming the rule and a reason), or re-run with allow-destructive: true.'
      })
    }
    if (!failure && before.pending.length > 0 && before.failed.length === 0) {
      const wanted = backupSettings.backupBeforeDeploy
      if (wanted === 'always' || (wanted === 'destructive' && review.destructiveCount > 0)) {
        backup = await core.group('Backup before deploy', () =>
          backupBeforeDeploy({
            connection: common.connection!,
            workingDirectory: common.workingDirectory,
            settings: backupSettings
          })
        )
      }
    }
    // The backend's pid, to tell later whether a session whose connection broke is still running on the server.
    const pid = (session.client as unknown as { processID?: number }).processID
    let historyAfter: MigrationRow[] | undefined
    if (!failure) {
      try {
        const result = await core.group('Apply migrations', () =>
          deploy(session.client, folder, {
            ...scope,
            connection: common.connection!,
            expectHistory: before.hasMigrationsTable,
            readHistoryAfter: true,
            onApplying: (name) => info(`Applying migration ${code(name)}`),
            onFallback: (name, fallback) =>
              info(`${code(name)} is sent as one batch (Prisma 7.4+ would): ${describeFallback(fallback)}.`),
            lockSafety: {
              policy: {
                lockTimeoutMs: lockSettings.lockTimeoutMs,
                retryWindowMs: lockSettings.retryWindowMs,
                ...DEFAULT_BACKOFF
              },
              baseDir: common.workingDirectory,
              onBlocked: (name, event) => lockWaits.blocked(name, event),
              onSample: (name, blockers) => lockWaits.sample(name, blockers)
            }
          })
        )
        applied = result.applied
        historyAfter = result.historyAfter
        info(
          applied.length > 0
            ? `All migrations have been successfully applied (${applied.length}).`
            : 'No pending migrations to apply.'
        )
      } catch (error) {
        if (!(error instanceof MigrationRunError)) throw error
        applied = error.applied
        failure = error
      }
    }
    // A broken connection cannot read the state again: a new one does, or the report says what this run knows.
    let after: Diagnosis | undefined
    if (failure instanceof MigrationRunError && isConnectionLost(failure)) {
      const lost = failure
      const recovered = await core.group('Read the state again after the lost connection', () =>
        afterConnectionLoss({ common, folder, failure: lost, pid })
      )
      failure = recovered.failure
      after = recovered.diagnosis
    } else after = await diagnose(session.client, folder, { ...scope, history: historyAfter })
    const failedNow = failure instanceof MigrationRunError ? failure.failedMigration : undefined
    const appliedNames = new Set(applied.map((m) => m.name))
    const known = after ?? {
      ...before,
      pending: before.pending.filter((m) => !appliedNames.has(m.name) && m.name !== failedNow),
      failed: [],
      migrations: knownMigrations(before.migrations, appliedNames, failedNow)
    }
    const afterFailure = failure instanceof MigrationRunError ? failure.afterFailure : undefined
    const notes = [
      ...(failure
        ? [`❌ ${failure.describe()}`]
        : applied.length > 0
          ? [`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}.`]
          : []),
      ...(afterFailure ? afterFailureNotes(afterFailure) : []),
      ...lockWaits.appliedNotes(applied.map((m) => m.name)),
      ...gateNotes(gate),
      ...(backup
        ? [
            `Backup taken before the deploy: ${code(backup.uri, MAX_PROSE_CHARS)} (SHA-256 ${code(backup.sha256)}). Restore with: ${code(backup.restoreCommand, MAX_PROSE_CHARS)}`
          ]
        : []),
      ...(after ? nextSteps(after) : [])
    ]
    const renderInput = {
      mode: common.mode,
      target,
      migrationsDir,
      rows: statusRows(known, applied, failedNow),
      nextSteps: notes,
      review,
      docsBaseUrl: rulesDocsUrl()
    }
    return {
      outputs: {
        ...migrateOutputs({
          status: after?.status ?? 'unknown',
          pending: known.pending.map((m) => m.name),
          applied: applied.map((m) => m.name),
          failed: after ? after.failed.map((f) => f.name) : failedNow ? [failedNow] : []
        }),
        'plan-id': id,
        ...reviewOutputs(review),
        ...(backup
          ? {
              'backup-uri': backup.uri,
              'manifest-uri': backup.manifestUri,
              'backup-sha256': backup.sha256,
              'backup-size': String(backup.size)
            }
          : {})
      },
      markdown: renderMigrationReport({ ...renderInput, appendix: backup ? [backup.markdown] : undefined }),
      report: {
        target,
        migrationsDir: { path: folder.path, reason: settings.migrationsDir.reason },
        status: after?.status ?? 'unknown',
        planId: id,
        expectedPlanId: settings.expectedPlanId ?? null,
        pending: known.pending.map((m) => ({
          name: m.name,
          file: relativeSqlPath(common.workingDirectory, m.sqlPath),
          checksum: m.checksum
        })),
        applied,
        failed: after ? after.failed : failedNow ? [{ name: failedNow }] : [],
        lockSafety: lockSafetyReport(lockSettings, lockWaits.all),
        prisma: prismaReport(settings),
        // What the migration that failed in this run left: committed statements (per statement with Prisma 7.4+),
        // INVALID indexes, blockers.
        afterFailure: afterFailure ?? null,
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
        review: reviewJson(review)
      },
      failure
    }
  } finally {
    await session.close()
  }
}

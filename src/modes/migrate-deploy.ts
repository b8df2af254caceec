import * as core from '@actions/core'
import { relative } from 'node:path'
import { backupBeforeDeploy } from '../backup/pre-deploy.js'
import { readBackupSettings } from '../backup/settings.js'
import { describeTarget } from '../db/connection-url.js'
import { ActionError } from '../errors.js'
import { annotateFindings } from '../github/annotations.js'
import { deploy, MigrationRunError, type AppliedMigration } from '../migrate/deploy.js'
import { planId } from '../migrate/plan.js'
import { diagnose } from '../migrate/status.js'
import { renderMigrationReport } from '../render/migration-report.js'
import { gateDecision, reviewMigrations } from '../review/review.js'
import { readReviewSettings } from '../review/settings.js'
import { reviewJson, reviewOutputs } from '../review/json-report.js'
import type { InputReader } from '../settings/input.js'
import type { CommonSettings, MigrateSettings } from '../settings/settings.js'
import {
  loadMigrationsFolder,
  migrateOutputs,
  nextSteps,
  openSession,
  pendingForReview,
  relativeSqlPath,
  rulesDocsUrl,
  statusRows
} from './migrate-shared.js'
import type { ModeResult } from './types.js'
import { info } from '../util/log.js'

function gateNotes(gate: ReturnType<typeof gateDecision>): string[] {
  const harmless = gate.allowedBy.filter((a) => a.by === 'database').length
  const notes = gate.allowedBy
    .filter((a) => a.by !== 'database')
    .map(
      (a) =>
        `\`${a.finding.rule}\` in \`${a.finding.migration}\` line ${a.finding.line} allowed by ${a.by === 'input' ? 'the allow-destructive input' : `an acknowledgement in the file${a.reason ? `: "${a.reason}"` : ''}`}.`
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
  const folder = await loadMigrationsFolder(settings, common.workingDirectory)
  const session = await openSession(common)
  const target = describeTarget(common.connection!)
  const migrationsDir = relative(common.workingDirectory, folder.path) || '.'
  let applied: AppliedMigration[] = []
  let failure: ActionError | undefined
  let backup: Awaited<ReturnType<typeof backupBeforeDeploy>> | undefined
  let gate: ReturnType<typeof gateDecision> | undefined
  try {
    const before = await core.group('Compare with _prisma_migrations', () => diagnose(session.client, folder))
    const id = planId(before.pending)
    const review = await core.group('Review pending SQL', () =>
      reviewMigrations({
        migrations: pendingForReview(before, common.workingDirectory),
        settings: reviewSettings,
        client: session.client,
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
      failure = new ActionError(
        `Migration \`${first.migration}\` line ${first.line} has \`${first.statement}\`, which cannot run inside a transaction, together with other statements; Prisma runs a migration file as one transaction, so it would fail (SQLSTATE 25001). Nothing was applied.`,
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
    if (!failure) {
      try {
        const result = await core.group('Apply migrations', () =>
          deploy(session.client, folder, {
            connection: common.connection!,
            onApplying: (name) => core.info(`Applying migration \`${name}\``)
          })
        )
        applied = result.applied
        core.info(
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
    const after = await diagnose(session.client, folder)
    const failedNow = failure instanceof MigrationRunError ? failure.failedMigration : undefined
    const notes = [
      ...(failure
        ? [`❌ ${failure.describe()}`]
        : applied.length > 0
          ? [`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}.`]
          : []),
      ...gateNotes(gate),
      ...(backup
        ? [
            `Backup taken before the deploy: \`${backup.uri}\` (SHA-256 \`${backup.sha256}\`). Restore with: \`${backup.restoreCommand}\``
          ]
        : []),
      ...nextSteps(after)
    ]
    const renderInput = {
      mode: common.mode,
      target,
      migrationsDir,
      rows: statusRows(after, applied, failedNow),
      nextSteps: notes,
      review,
      docsBaseUrl: rulesDocsUrl()
    }
    return {
      outputs: {
        ...migrateOutputs({
          status: after.status,
          pending: after.pending.map((m) => m.name),
          applied: applied.map((m) => m.name),
          failed: after.failed.map((f) => f.name)
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
      markdown: renderMigrationReport(renderInput) + (backup ? `\n${backup.markdown}` : ''),
      report: {
        target,
        migrationsDir: { path: folder.path, reason: settings.migrationsDir.reason },
        status: after.status,
        planId: id,
        expectedPlanId: settings.expectedPlanId ?? null,
        pending: after.pending.map((m) => ({
          name: m.name,
          file: relativeSqlPath(common.workingDirectory, m.sqlPath),
          checksum: m.checksum
        })),
        applied,
        failed: after.failed,
        edited: after.edited,
        missingLocally: after.missingLocally,
        migrations: after.migrations,
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

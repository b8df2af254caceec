import * as core from '@actions/core'
import { relative } from 'node:path'
import { describeTarget } from '../db/connection-url.js'
import { ActionError } from '../errors.js'
import { resolveApplied, resolveRolledBack } from '../migrate/resolve.js'
import { diagnose } from '../migrate/status.js'
import { renderMigrationReport } from '../render/migration-report.js'
import type { CommonSettings, MigrateSettings } from '../settings/settings.js'
import {
  loadMigrationsFolder,
  migrateOutputs,
  nextSteps,
  openSession,
  prismaScope,
  statusRows
} from './migrate-shared.js'
import type { ModeResult } from './types.js'
import { code } from '../render/markdown.js'
import { info } from '../util/log.js'

export async function runMigrateResolve(
  common: CommonSettings,
  settings: MigrateSettings
): Promise<ModeResult> {
  const folder = await loadMigrationsFolder(settings, common)
  const session = await openSession(common)
  try {
    const name = (settings.resolveApplied ?? settings.resolveRolledBack) as string
    const how = settings.resolveApplied ? 'applied' : 'rolled back'
    await core.group(`Mark ${name} as ${how}`, async () => {
      if (settings.resolveApplied) await resolveApplied(session.client, folder, name)
      else await resolveRolledBack(session.client, folder, name)
      info(`Migration ${name} marked as ${how}.`)
    })
    const target = describeTarget(common.connection!)
    let after
    try {
      after = await diagnose(session.client, folder, prismaScope(common, settings))
    } catch (error) {
      // resolve --rolled-back does not check migration_lock.toml (Prisma neither); the status that follows does.
      if (!(error instanceof ActionError) || error.code !== 'P3019') throw error
      core.warning(
        `Migration ${name} was marked as ${how}, but the status cannot be shown: ${error.describe()}`
      )
      return {
        outputs: migrateOutputs({ status: 'unknown', pending: [] }),
        markdown: renderMigrationReport({
          mode: common.mode,
          target,
          migrationsDir: relative(common.workingDirectory, folder.path) || '.',
          nextSteps: [`Migration \`${name}\` marked as ${how}.`, `Status not shown: ${error.describe()}`]
        }),
        report: {
          target,
          resolved: { migration: name, as: settings.resolveApplied ? 'applied' : 'rolled-back' },
          status: 'unknown'
        }
      }
    }
    return {
      outputs: migrateOutputs({
        status: after.status,
        pending: after.pending.map((m) => m.name),
        failed: after.failed.map((f) => f.name)
      }),
      markdown: renderMigrationReport({
        mode: common.mode,
        target,
        migrationsDir: relative(common.workingDirectory, folder.path) || '.',
        rows: statusRows(after),
        nextSteps: [`Migration ${code(name)} marked as ${how}.`, ...nextSteps(after)]
      }),
      report: {
        target,
        resolved: { migration: name, as: settings.resolveApplied ? 'applied' : 'rolled-back' },
        status: after.status,
        pending: after.pending.map((m) => m.name),
        failed: after.failed,
        migrations: after.migrations
      }
    }
  } finally {
    await session.close()
  }
}

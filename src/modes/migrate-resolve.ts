import * as core from '@actions/core'
import type { EarlyClient } from '../db/connect.js'
import { describeTarget } from '../db/connection-url.js'
import { ActionError } from '../errors.js'
import { resolveApplied, resolveRolledBack } from '../migrate/resolve.js'
import { diagnose } from '../migrate/status.js'
import { renderMigrationReport } from '../render/migrate-summary.js'
import type { MigrateResolveSettings } from '../settings/settings.js'
import { loadMigrationsFolder, openSession, prismaScope } from './migrate-session.js'
import { migrateOutputs, shownMigrationsDir } from './migrate-results.js'
import { nextSteps } from '../render/next-steps.js'
import { statusRows } from '../render/status-table.js'
import type { ModeResult } from './types.js'
import { code } from '../render/markdown.js'
import { info } from '../util/log.js'

export async function runMigrateResolve(
  settings: MigrateResolveSettings,
  early?: EarlyClient
): Promise<ModeResult> {
  const folder = await loadMigrationsFolder(settings, early)
  const session = await openSession(settings, { early })
  try {
    const name = settings.resolve.migration
    const how = settings.resolve.as === 'applied' ? 'applied' : 'rolled back'
    await core.group(`Mark ${name} as ${how}`, async () => {
      if (settings.resolve.as === 'applied') await resolveApplied(session.client, folder, name)
      else await resolveRolledBack(session.client, folder, name)
      info(`Migration ${name} marked as ${how}.`)
    })
    const target = describeTarget(settings.connection)
    let after
    try {
      after = await diagnose(session.client, folder, prismaScope(settings, session))
    } catch (error) {
      // resolve --rolled-back does not check migration_lock.toml (Prisma neither); the status that follows does.
      if (!(error instanceof ActionError) || error.code !== 'P3019') throw error
      core.warning(
        `Migration ${name} was marked as ${how}, but the status cannot be shown: ${error.describe()}`
      )
      return {
        outputs: migrateOutputs({ status: 'unknown', pending: [] }),
        markdown: renderMigrationReport({
          mode: settings.mode,
          target,
          migrationsDir: shownMigrationsDir(settings.workingDirectory, folder.path),
          nextSteps: [`Migration \`${name}\` marked as ${how}.`, `Status not shown: ${error.describe()}`]
        }),
        report: {
          target,
          resolved: { migration: name, as: settings.resolve.as },
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
        mode: settings.mode,
        target,
        migrationsDir: shownMigrationsDir(settings.workingDirectory, folder.path),
        rows: statusRows(after),
        nextSteps: [`Migration ${code(name)} marked as ${how}.`, ...nextSteps(after)]
      }),
      report: {
        target,
        resolved: { migration: name, as: settings.resolve.as },
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

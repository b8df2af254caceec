import { renderDrillFailure, renderDrillReport } from '../backup/report.js'
import { runRestoreDrill } from '../backup/restore-drill.js'
import { scrub } from '../util/secrets.js'
import type { RestoreDrillSettings } from '../settings/settings.js'
import { toActionError } from './backup.js'
import type { ModeResult } from './types.js'

/** mode: restore-drill — restore a backup into a scratch database and compare every table's row count. */
export async function runRestoreDrillMode(
  ctx: Pick<RestoreDrillSettings, 'connection' | 'workingDirectory' | 'drill'>
): Promise<ModeResult> {
  try {
    const result = await runRestoreDrill({
      connection: ctx.connection,
      workingDirectory: ctx.workingDirectory,
      settings: ctx.drill
    })
    return {
      outputs: {
        'drill-status': result.status,
        'tables-compared': String(result.compared),
        // action.yml: a JSON array of the tables whose restored row count differs (or that are missing).
        mismatches: JSON.stringify(
          result.tables
            .filter((t) => t.status === 'mismatch' || t.status === 'missing')
            .map((t) => `${t.schema}.${t.table}`)
        ),
        'backup-uri': result.uri
      },
      markdown: renderDrillReport(result),
      report: {
        restoreDrill: {
          status: result.status,
          uri: result.uri,
          target: result.target,
          durationMs: result.durationMs,
          compared: result.compared,
          mismatches: result.mismatches,
          targetIdentity: result.targetIdentity,
          tables: result.tables
        }
      },
      failure: result.failure
    }
  } catch (error) {
    const failure = toActionError(error)
    return {
      outputs: { 'drill-status': 'failed', 'tables-compared': '0', mismatches: '[]' },
      markdown: renderDrillFailure(scrub(failure.message)),
      report: { restoreDrill: { status: 'failed', error: scrub(failure.describe()) } },
      failure
    }
  }
}

import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import type { ConnectionSettings } from '../db/connection-url.js'
import { describeTarget } from '../db/connection-url.js'
import { checkArtifactRuntime } from '../backup/destination.js'
import {
  downloadVerified,
  findRestoreClient,
  makeScratch,
  readDrillManifest,
  resolveBackup
} from '../backup/drill-source.js'
import { connectAs, prepareTarget, proveTargetIsNotSource } from '../backup/drill-target.js'
import { checkIdentity } from '../backup/encryption.js'
import { manifestKeyFor, type TableRowCount } from '../backup/manifest.js'
import { checkExplicitPath } from '../backup/pg-client.js'
import { restoreInto, tablesWithData } from '../backup/restore.js'
import { compareCounts, type DrillResult, judgeDrill } from '../backup/results.js'
import { exactCounts } from '../backup/row-counts.js'
import type { DrillSettings } from '../backup/settings.js'
import { renderDrillFailure, renderDrillReport } from '../render/backup-report.js'
import type { RestoreDrillSettings } from '../settings/settings.js'
import { scrub } from '../util/secrets.js'
import { toActionError } from './backup.js'
import type { ModeResult } from './types.js'

export interface RestoreDrillContext {
  /** The source database (`database-url`): its name selects `latest`. */
  connection: ConnectionSettings
  workingDirectory: string
  settings: DrillSettings
  tempDir?: string
}

/** Inputs that need neither the backup nor a database fail first, before anything is downloaded or restored. */
async function checkDrillInputs(settings: DrillSettings): Promise<void> {
  await Promise.all([
    settings.ageIdentity === undefined ? undefined : checkIdentity(settings.ageIdentity),
    checkExplicitPath(settings.pgDumpPath)
  ])
  const latest = settings.backupUri === 'latest'
  const fromArtifact =
    /^artifact:\/\//i.test(settings.backupUri) || (latest && settings.destination?.kind === 'artifact')
  if (fromArtifact) checkArtifactRuntime(latest ? 'destination' : 'backup-uri')
}

async function countRestored(target: ConnectionSettings, workingDirectory: string): Promise<TableRowCount[]> {
  const session = await connectAs('target-database-url', target, workingDirectory)
  try {
    return await exactCounts(session.client)
  } finally {
    await session.close()
  }
}

/**
 * Download a backup, prove it is the one the manifest describes (SHA-256 of the stored bytes and, after
 * decryption, of the dump), restore it into a scratch database and compare every table's row count.
 */
export async function runRestoreDrill(ctx: RestoreDrillContext): Promise<DrillResult> {
  const started = Date.now()
  const { settings, workingDirectory } = ctx
  const target = settings.target
  await checkDrillInputs(settings)
  // Before anything is downloaded, dropped or restored: the target must not be the source, however it is named.
  const targetIdentity = await proveTargetIsNotSource({
    connection: ctx.connection,
    target,
    workingDirectory
  })
  const checked = targetIdentity.target
  const scratch = await makeScratch(ctx.tempDir ?? process.env.RUNNER_TEMP ?? tmpdir())
  try {
    const { storage, key } = await resolveBackup(settings, ctx.connection.database, workingDirectory, scratch)
    const manifest = await readDrillManifest(storage, key)
    const client = await findRestoreClient(manifest, settings)
    const dumpFile = await downloadVerified(storage, key, manifest, scratch, settings.ageIdentity)
    await prepareTarget(target, { workingDirectory, clean: settings.targetClean }, checked)
    await restoreInto(target, workingDirectory, client, dumpFile, manifest.dump.format, checked)
    const inDump = await tablesWithData(dumpFile, manifest.dump.format, client, manifest.rowCounts.tables)
    const tables = compareCounts(manifest, inDump, await countRestored(target, workingDirectory))
    const { compared, mismatches, failure } = judgeDrill(tables)
    return {
      status: failure ? 'failed' : 'passed',
      uri: storage.uri(key),
      manifestUri: storage.uri(manifestKeyFor(key)),
      manifest,
      target: describeTarget(target),
      pgRestoreVersion: client.version,
      durationMs: Date.now() - started,
      tables,
      compared,
      mismatches,
      targetIdentity,
      failure
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

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

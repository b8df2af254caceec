import { tmpdir } from 'node:os'
import * as core from '@actions/core'
import { connect, type DbSession } from '../db/connect.js'
import { type ConnectionSettings, describeTarget } from '../db/connection-url.js'
import { ActionError, getErrorMessage } from '../errors.js'
import {
  checkArtifactRuntime,
  type Destination,
  describeDestination,
  resolveDestination
} from '../backup/destination.js'
import { type DumpPipelineResult, runDumpPipeline } from '../backup/dump-pipeline.js'
import { checkRecipients, describeRecipients } from '../backup/encryption.js'
import { ensureWritableDirectory } from '../backup/fs-util.js'
import { type BackupManifest, buildManifest, manifestKeyFor, backupObjectKey } from '../backup/manifest.js'
import { type PgClient, checkExplicitPath, findClient, prewarmClients } from '../backup/pg-client.js'
import { restoreCommand } from '../backup/restore-command.js'
import { BackupLeftoverError, type BackupResult } from '../backup/results.js'
import { type RetentionResult, applyRetention, retentionAfterBackup } from '../backup/retention.js'
import {
  type RowCounts,
  countRows,
  databaseSize,
  exportSnapshot,
  releaseSnapshot
} from '../backup/row-counts.js'
import type { BackupSettings } from '../backup/settings.js'
import { type BackupStorage, createStorage, prefixOf } from '../backup/storage/index.js'
import { renderBackupFailure, renderBackupReport, renderPreDeployBackup } from '../render/backup-report.js'
import type { BackupModeSettings } from '../settings/settings.js'
import { info } from '../util/log.js'
import { scrub } from '../util/secrets.js'
import type { ModeResult } from './types.js'

export interface RunBackupContext {
  connection: ConnectionSettings
  workingDirectory: string
  settings: BackupSettings
  /** Scratch space (artifact uploads); default RUNNER_TEMP, else the OS temp directory. */
  tempDir?: string
  /** S3 attempts per request; tests lower it. */
  s3MaxAttempts?: number
  s3PartSize?: number
  /** See runDumpPipeline; tests lower it. */
  stallTimeoutMs?: number
  now?: () => Date
}

/** What a backup has settled before it connects: where it goes, which clients, how to load the storage. */
interface BackupPlan {
  destination: Destination
  clientOptions: { explicitPath?: string; installClient: boolean }
  wantVerifier: boolean
  encrypted: boolean
  contentType: string
  /** age-encryption loads (only to encrypt) while the other inputs are checked and the database connects. */
  recipientsChecked: Promise<void>
  loadStorage: () => ReturnType<typeof createStorage>
  phase: (name: string) => void
}

export function toActionError(error: unknown): ActionError {
  if (error instanceof ActionError) return error
  return new ActionError(scrub(getErrorMessage(error)), { cause: error })
}

/** `destination: artifact` runs only inside a job, and writes the dump to RUNNER_TEMP before uploading it. */
async function checkArtifactScratch(tempDir: string): Promise<void> {
  checkArtifactRuntime()
  try {
    await ensureWritableDirectory(tempDir)
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    throw new ActionError(
      `\`destination: artifact\` writes the backup to RUNNER_TEMP (${tempDir}) before uploading it, but that is not a writable directory (${e.code ?? e.message}); nothing was dumped.`,
      {
        hint: 'Point RUNNER_TEMP at a writable directory with room for the backup, or use s3://bucket/prefix.',
        cause: error
      }
    )
  }
}

function contentTypeOf(format: 'custom' | 'plain', encrypted: boolean): string {
  if (encrypted) return 'application/octet-stream'
  return format === 'plain' ? 'application/sql' : 'application/octet-stream'
}

/**
 * A custom archive is compressed table data plus DDL: at most about the database's size (indexes, free space and
 * dead rows are not dumped; uncompressed `--compress=0` data comes close). Plain SQL text can be larger than the
 * data on disk (bytea as hex, numbers as text). The factors are margins, so that the upload's part size (chosen
 * from this estimate, at most 10,000 parts) never runs out of parts.
 */
export function expectedDumpBytes(
  databaseBytes: number | undefined,
  format: 'custom' | 'plain'
): number | undefined {
  if (databaseBytes === undefined) return undefined
  return databaseBytes * (format === 'plain' ? 4 : 2)
}

/** Inputs that need no database are checked before connecting: a wrong one fails in milliseconds, naming itself. */
async function prepareBackup(ctx: RunBackupContext): Promise<BackupPlan> {
  const { settings } = ctx
  const destination = resolveDestination(settings.destination, ctx.workingDirectory)
  const t0 = Date.now()
  const phase = (name: string): void =>
    core.debug(
      `backup timing: ${name} at ${Date.now() - t0} ms (${Math.round(performance.now())} ms since the process started)`
    )
  phase('start')
  const recipientsChecked = checkRecipients(settings.encryptTo)
  recipientsChecked.catch(() => undefined)
  const tempDir = ctx.tempDir ?? process.env.RUNNER_TEMP ?? tmpdir()
  // The storage SDK is loaded only once pg_dump runs: evaluating it takes this thread ~50 ms, which would delay
  // the connection, while pg_dump spends that long reading the catalog anyway.
  let storagePromise: ReturnType<typeof createStorage> | undefined
  const loadStorage = (): ReturnType<typeof createStorage> =>
    (storagePromise ??= createStorage(destination, {
      s3Endpoint: settings.s3Endpoint,
      s3Region: settings.s3Region,
      s3ForcePathStyle: settings.s3ForcePathStyle,
      retentionDays: settings.retentionDays,
      tempDir,
      s3MaxAttempts: ctx.s3MaxAttempts,
      s3PartSize: ctx.s3PartSize
    }))
  await Promise.all([
    checkExplicitPath(settings.pgDumpPath, 'pg_dump'),
    destination.kind === 'local' ? loadStorage().then(({ storage }) => storage.check?.()) : undefined,
    destination.kind === 'artifact' ? checkArtifactScratch(tempDir) : undefined
  ])
  phase('inputs checked')
  const clientOptions = { explicitPath: settings.pgDumpPath, installClient: settings.installClient }
  const wantVerifier = settings.verify && settings.format === 'custom'
  // The clients' `--version` probes run while we connect (started only now: a refused input spawns nothing).
  prewarmClients(wantVerifier ? ['pg_dump', 'pg_restore'] : ['pg_dump'], clientOptions)
  const encrypted = settings.encryptTo.length > 0
  const contentType = contentTypeOf(settings.format, encrypted)
  return {
    destination,
    clientOptions,
    wantVerifier,
    encrypted,
    contentType,
    recipientsChecked,
    loadStorage,
    phase
  }
}

/** A pg_dump that matches the server, and the pg_restore that verifies its archive (at least as new). */
async function findDumpClients(
  serverVersionNum: number,
  plan: BackupPlan
): Promise<{ pgDump: PgClient; verifier?: PgClient }> {
  const serverMajor = Math.floor(serverVersionNum / 10000)
  const clientsPromise = Promise.all([
    findClient('pg_dump', serverMajor, plan.clientOptions),
    plan.wantVerifier
      ? findClient('pg_restore', serverMajor, { ...plan.clientOptions, installClient: false }).catch(
          () => undefined
        )
      : undefined
  ])
  clientsPromise.catch(() => undefined)
  const [pgDump, restoreClient] = await clientsPromise
  // The archive is written in pg_dump's format version; only a pg_restore at least as new can read it.
  const verifier =
    plan.wantVerifier && (!restoreClient || restoreClient.major < pgDump.major)
      ? await findClient('pg_restore', pgDump.major, plan.clientOptions)
      : restoreClient
  await plan.recipientsChecked
  return { pgDump, verifier }
}

/** pg_dump streamed to the storage inside an exported snapshot, with the row counts taken in the same one. */
async function dumpInSnapshot(
  ctx: RunBackupContext,
  plan: BackupPlan,
  session: DbSession,
  clients: { pgDump: PgClient; verifier?: PgClient },
  key: string
): Promise<{ dump: DumpPipelineResult; rowCounts: RowCounts; consistentSnapshot: boolean }> {
  const { settings } = ctx
  // Outside the snapshot's transaction: an error here must not abort it.
  const dbBytes = await databaseSize(session.client)
  const snapshot = await exportSnapshot(session.client)
  const countsPromise = countRows(session.client, snapshot !== undefined).catch(
    (error: unknown): RowCounts => ({
      kind: 'estimated',
      method: `unavailable: ${(error as Error).message}`,
      tables: []
    })
  )
  try {
    const dump = await runDumpPipeline({
      ...clients,
      connection: ctx.connection,
      baseDir: ctx.workingDirectory,
      format: settings.format,
      extraArgs: settings.pgDumpArgs,
      snapshot,
      recipients: settings.encryptTo,
      storage: async () => (await plan.loadStorage()).storage,
      key,
      contentType: plan.contentType,
      expectedBytes: expectedDumpBytes(dbBytes, settings.format),
      stallTimeoutMs: ctx.stallTimeoutMs
    })
    return { dump, rowCounts: await countsPromise, consistentSnapshot: snapshot !== undefined }
  } finally {
    await countsPromise
    if (snapshot) await releaseSnapshot(session.client)
  }
}

/**
 * Store the manifest once the object is complete. When that fails, delete the object again where the destination
 * can, so that no backup exists that nobody vouches for; otherwise say exactly what was left behind.
 */
async function storeManifest(storage: BackupStorage, key: string, manifest: BackupManifest): Promise<string> {
  const manifestKey = manifestKeyFor(key)
  try {
    await storage.putBytes(
      manifestKey,
      Buffer.from(JSON.stringify(manifest, null, 2) + '\n'),
      'application/json'
    )
    return manifestKey
  } catch (error) {
    const why = `Storing the manifest ${storage.uri(manifestKey)} failed: ${getErrorMessage(error)}`
    const removed =
      storage.canDelete &&
      (await storage.delete(key).then(
        () => true,
        () => false
      ))
    if (removed)
      throw new ActionError(`${why}\nThe backup object was deleted again: nothing was stored.`, {
        cause: error
      })
    throw new BackupLeftoverError(
      `${why}\nThe backup object ${storage.uri(key)} stays without a manifest: \`latest\`, drills and retention ignore it.`,
      `${storage.uri(key)} (without a manifest; delete it by hand)`,
      { cause: error }
    )
  }
}

/** Retention after a stored backup: a failure is reported beside the backup, never instead of it. */
async function retentionAfter(
  settings: BackupSettings,
  storage: BackupStorage,
  where: { prefix: string; database: string; key: string },
  verified: boolean
): Promise<RetentionResult | undefined> {
  const policy = { keepLast: settings.keepLast, keepDays: settings.keepDays }
  const decision = retentionAfterBackup(policy, { verified, canDelete: storage.canDelete })
  if (decision === undefined) return undefined
  if (decision !== 'apply') return { deleted: [], kept: 0, skipped: decision.skipped }
  return applyRetention(storage, where.prefix, where.database, policy, where.key).catch(
    (error: unknown): RetentionResult => ({
      deleted: [],
      kept: 0,
      failed: `listing the backups failed: ${getErrorMessage(error)}`
    })
  )
}

/**
 * One backup, start to finish: pick a pg_dump that matches the server, stream it to the destination, write the
 * manifest once the object is complete, then apply retention. Throws an ActionError on any failure before the
 * manifest is stored, having left nothing visible; once it is stored, it returns the stored backup, and a failed
 * retention is in `retention.failed`. Shared by mode `backup` and migrate-deploy's `backup-before-deploy`.
 */
export async function runBackup(ctx: RunBackupContext): Promise<BackupResult> {
  const { settings, connection } = ctx
  const plan = await prepareBackup(ctx)
  const session = await connect(connection, {
    baseDir: ctx.workingDirectory,
    ensureSchema: false,
    setSearchPath: false
  })
  try {
    plan.phase('connected')
    const clients = await findDumpClients(session.serverVersionNum, plan)
    plan.phase('clients found')
    const prefix = prefixOf(plan.destination)
    const { pgDump } = clients
    info(`Server ${session.serverVersion}; using ${pgDump.path} (${pgDump.version}, ${pgDump.source})`)
    const createdAt = (ctx.now ?? (() => new Date()))()
    const key = backupObjectKey(prefix, connection.database, createdAt, settings.format, plan.encrypted)
    const { dump, rowCounts, consistentSnapshot } = await dumpInSnapshot(ctx, plan, session, clients, key)
    plan.phase('dump stored')
    const { storage } = await plan.loadStorage()
    const recipients = describeRecipients(settings.encryptTo)
    const manifest = buildManifest({
      database: connection.database,
      key,
      createdAt,
      finishedAt: new Date(),
      format: settings.format,
      contentType: plan.contentType,
      extraArgs: settings.pgDumpArgs,
      dump,
      consistentSnapshot,
      server: { version: session.serverVersion, versionNum: session.serverVersionNum },
      pgDump: { version: pgDump.version, major: pgDump.major },
      rowCounts,
      recipients
    })
    const manifestKey = await storeManifest(storage, key, manifest)
    plan.phase('manifest stored')
    info(
      `Stored ${storage.uri(key)} (${dump.stored.bytes} bytes, sha256 ${dump.stored.sha256}) and its manifest`
    )
    const where = { prefix, database: connection.database, key }
    const retention = await retentionAfter(settings, storage, where, dump.verification.passed)
    const uri = storage.uri(key)
    return {
      uri,
      manifestUri: storage.uri(manifestKey),
      destination: describeDestination(plan.destination, settings.s3Endpoint),
      database: connection.database,
      target: describeTarget(connection),
      size: dump.stored.bytes,
      sha256: dump.stored.sha256,
      dumpSize: dump.plain.bytes,
      dumpSha256: dump.plain.sha256,
      durationMs: dump.durationMs,
      throughputBytesPerSec: dump.plain.bytes / Math.max(dump.durationMs / 1000, 0.001),
      serverVersion: session.serverVersion,
      pgDumpVersion: pgDump.version,
      pgDumpPath: pgDump.path,
      pgDumpSource: pgDump.source,
      archiveEntries: manifest.dump.archiveEntries,
      format: settings.format,
      rowCounts,
      verification: dump.verification,
      recipients,
      retention,
      restoreCommand: restoreCommand({
        uri,
        format: settings.format,
        encrypted: plan.encrypted,
        s3Endpoint: settings.s3Endpoint
      }),
      manifest
    }
  } finally {
    await session.close()
  }
}

/** mode: backup — one streamed, verified, manifest-backed backup plus retention. */
export async function runBackupMode(
  ctx: Pick<BackupModeSettings, 'connection' | 'workingDirectory' | 'backup'>
): Promise<ModeResult> {
  try {
    const result = await runBackup({
      connection: ctx.connection,
      workingDirectory: ctx.workingDirectory,
      settings: ctx.backup
    })
    return backupModeResult(result)
  } catch (error) {
    const failure = toActionError(error)
    const leftover = error instanceof BackupLeftoverError ? error.leftover : undefined
    return {
      outputs: {},
      markdown: renderBackupFailure(ctx.connection.database, scrub(failure.message), leftover),
      report: { backup: { failed: true, error: scrub(failure.describe()), leftover: leftover ?? null } },
      failure
    }
  }
}

function backupModeResult(result: BackupResult): ModeResult {
  const retentionFailed = result.retention?.failed
  return {
    outputs: {
      'backup-uri': result.uri,
      'backup-size': String(result.size),
      'backup-sha256': result.sha256,
      'manifest-uri': result.manifestUri
    },
    markdown: renderBackupReport(result),
    report: {
      backup: {
        uri: result.uri,
        manifestUri: result.manifestUri,
        destination: result.destination,
        size: result.size,
        sha256: result.sha256,
        durationMs: result.durationMs,
        restoreCommand: result.restoreCommand,
        retention: result.retention ?? null,
        manifest: result.manifest
      }
    },
    completed: `Backup stored as ${result.uri} (${result.size} bytes, sha256 ${result.sha256}) with its manifest ${result.manifestUri}`,
    // Retention that cannot delete fails the step (storage would grow unnoticed), but never un-reports the backup.
    failure:
      retentionFailed === undefined
        ? undefined
        : new ActionError(
            `Backup stored as ${result.uri} with its manifest ${result.manifestUri}, but retention failed: ${retentionFailed}`,
            {
              hint: 'The new backup is complete and usable. Give the credentials s3:DeleteObject (and s3:ListBucket) on the prefix, or remove `keep-last`/`keep-days` and expire old backups with a bucket lifecycle rule.'
            }
          )
  }
}

export interface PreDeployBackup {
  uri: string
  manifestUri: string
  sha256: string
  size: number
  restoreCommand: string
  /** A short section for the deploy report: where the backup is and how to restore it. */
  markdown: string
}

/**
 * The backup migrate-deploy takes before applying migrations (`backup-before-deploy`). It throws an ActionError
 * when the backup fails, so that the deploy does not go ahead without one; a failed retention after the backup is
 * stored is only a warning. Whether to call it at all is the deploy's decision (src/modes/deploy-decision.ts).
 */
export async function backupBeforeDeploy(ctx: RunBackupContext): Promise<PreDeployBackup> {
  const result = await runBackup(ctx)
  const retentionFailed = result.retention?.failed
  if (retentionFailed !== undefined)
    core.warning(`Backup before deploy stored as ${result.uri}, but retention failed: ${retentionFailed}`)
  return {
    uri: result.uri,
    manifestUri: result.manifestUri,
    sha256: result.sha256,
    size: result.size,
    restoreCommand: result.restoreCommand,
    markdown: renderPreDeployBackup(result)
  }
}

import { tmpdir } from 'node:os'
import * as core from '@actions/core'
import { connect } from '../db/connect.js'
import { type ConnectionSettings, describeTarget } from '../db/connection-url.js'
import { ActionError, getErrorMessage } from '../errors.js'
import { checkArtifactRuntime, describeDestination, resolveDestination } from './destination.js'
import { runDumpPipeline } from './dump-pipeline.js'
import { checkRecipients, describeRecipients } from './encryption.js'
import { type BackupManifest, MANIFEST_FORMAT, actionInfo, manifestKeyFor, objectKey } from './manifest.js'
import { checkExplicitPath, findClient, prewarmClients } from './pg-client.js'
import { restoreCommand } from './restore-command.js'
import { type RetentionResult, applyRetention } from './retention.js'
import { type RowCounts, countRows, databaseSize, exportSnapshot, releaseSnapshot } from './row-counts.js'
import type { BackupSettings } from './settings.js'
import { ensureWritableDirectory } from './fs-util.js'
import { type BackupStorage, createStorage, prefixOf } from './storage/index.js'
import { info } from '../util/log.js'

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

export interface BackupResult {
  uri: string
  manifestUri: string
  /** Secret-free description of where backups go. */
  destination: string
  database: string
  target: string
  size: number
  sha256: string
  dumpSize: number
  dumpSha256: string
  durationMs: number
  /** Bytes of pg_dump output per second. */
  throughputBytesPerSec: number
  serverVersion: string
  pgDumpVersion: string
  pgDumpPath: string
  pgDumpSource: string
  archiveEntries: number | null
  format: 'custom' | 'plain'
  rowCounts: RowCounts
  verification: BackupManifest['verification']
  recipients: { recipient: string; fingerprint: string }[]
  retention?: RetentionResult
  restoreCommand: string
  manifest: BackupManifest
}

/** A failure that left something at the destination; `leftover` says what, for the report. */
export class BackupLeftoverError extends ActionError {
  constructor(
    message: string,
    readonly leftover: string,
    options: { hint?: string; cause?: unknown } = {}
  ) {
    super(message, options)
    this.name = 'BackupLeftoverError'
  }
}

/**
 * The object is complete but its manifest could not be written: delete the object again where the destination
 * can, so that no backup exists that nobody vouches for; otherwise say exactly what was left behind.
 */
async function withoutManifest(
  storage: BackupStorage,
  key: string,
  manifestKey: string,
  error: unknown
): Promise<ActionError> {
  const why = `Storing the manifest ${storage.uri(manifestKey)} failed: ${getErrorMessage(error)}`
  const removed =
    storage.canDelete &&
    (await storage.delete(key).then(
      () => true,
      () => false
    ))
  if (removed)
    return new ActionError(`${why}\nThe backup object was deleted again: nothing was stored.`, {
      cause: error
    })
  return new BackupLeftoverError(
    `${why}\nThe backup object ${storage.uri(key)} stays without a manifest: \`latest\`, drills and retention ignore it.`,
    `${storage.uri(key)} (without a manifest; delete it by hand)`,
    { cause: error }
  )
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

/**
 * One backup, start to finish: pick a pg_dump that matches the server, stream it to the destination, write the
 * manifest once the object is complete, then apply retention. Throws an ActionError on any failure before the
 * manifest is stored, having left nothing visible; once it is stored, it returns the stored backup, and a failed
 * retention is in `retention.failed`. Shared by mode `backup` and migrate-deploy's `backup-before-deploy`.
 */
export async function runBackup(ctx: RunBackupContext): Promise<BackupResult> {
  const { settings, connection } = ctx
  const destination = resolveDestination(settings.destination, ctx.workingDirectory)
  const t0 = Date.now()
  const phase = (name: string): void =>
    core.debug(
      `backup timing: ${name} at ${Date.now() - t0} ms (${Math.round(performance.now())} ms since the process started)`
    )
  phase('start')
  const clientOptions = { explicitPath: settings.pgDumpPath, installClient: settings.installClient }
  const wantVerifier = settings.verify && settings.format === 'custom'
  // age-encryption loads (only to encrypt) while we check the other inputs and connect.
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
  // Inputs that need no database are checked before connecting: a wrong one fails in milliseconds, naming itself.
  await Promise.all([
    checkExplicitPath(settings.pgDumpPath, 'pg_dump'),
    destination.kind === 'local' ? loadStorage().then(({ storage }) => storage.check?.()) : undefined,
    destination.kind === 'artifact' ? checkArtifactScratch(tempDir) : undefined
  ])
  phase('inputs checked')
  // The clients' `--version` probes run while we connect (started only now: a refused input spawns nothing).
  prewarmClients(wantVerifier ? ['pg_dump', 'pg_restore'] : ['pg_dump'], clientOptions)
  const encrypted = settings.encryptTo.length > 0
  const session = await connect(connection, {
    baseDir: ctx.workingDirectory,
    ensureSchema: false,
    setSearchPath: false
  })
  try {
    phase('connected')
    const serverMajor = Math.floor(session.serverVersionNum / 10000)
    const clientsPromise = Promise.all([
      findClient('pg_dump', serverMajor, clientOptions),
      wantVerifier
        ? findClient('pg_restore', serverMajor, { ...clientOptions, installClient: false }).catch(
            () => undefined
          )
        : undefined
    ])
    clientsPromise.catch(() => undefined)
    const [pgDump, restoreClient] = await clientsPromise
    // The archive is written in pg_dump's format version; only a pg_restore at least as new can read it.
    const verifier =
      wantVerifier && (!restoreClient || restoreClient.major < pgDump.major)
        ? await findClient('pg_restore', pgDump.major, clientOptions)
        : restoreClient
    await recipientsChecked
    phase('clients found')
    const prefix = prefixOf(destination)
    info(`Server ${session.serverVersion}; using ${pgDump.path} (${pgDump.version}, ${pgDump.source})`)

    const createdAt = (ctx.now ?? (() => new Date()))()
    const key = objectKey(prefix, connection.database, createdAt, settings.format, encrypted)
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
    let result: Awaited<ReturnType<typeof runDumpPipeline>>
    try {
      result = await runDumpPipeline({
        pgDump,
        verifier,
        connection,
        baseDir: ctx.workingDirectory,
        format: settings.format,
        extraArgs: settings.pgDumpArgs,
        snapshot,
        recipients: settings.encryptTo,
        storage: async () => (await loadStorage()).storage,
        key,
        contentType: contentTypeOf(settings.format, encrypted),
        expectedBytes: expectedDumpBytes(dbBytes, settings.format),
        stallTimeoutMs: ctx.stallTimeoutMs
      })
    } finally {
      await countsPromise
      if (snapshot) await releaseSnapshot(session.client)
    }
    phase('dump stored')
    const { storage } = await loadStorage()
    const rowCounts = await countsPromise
    const recipients = describeRecipients(settings.encryptTo)
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      formatVersion: 1,
      action: actionInfo(),
      database: connection.database,
      createdAt: createdAt.toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: result.durationMs,
      object: {
        key,
        size: result.stored.bytes,
        sha256: result.stored.sha256,
        contentType: contentTypeOf(settings.format, encrypted)
      },
      dump: {
        format: settings.format,
        size: result.plain.bytes,
        sha256: result.plain.sha256,
        archiveEntries: result.header?.tocEntries ?? null,
        archiveVersion: result.header?.archiveVersion ?? null,
        extraArgs: settings.pgDumpArgs,
        consistentSnapshot: snapshot !== undefined
      },
      server: { version: session.serverVersion, versionNum: session.serverVersionNum },
      pgDump: { version: pgDump.version, major: pgDump.major },
      verification: result.verification,
      rowCounts,
      encryption: encrypted
        ? { scheme: 'age', fingerprintMethod: 'sha256 of the recipient string (hex)', recipients }
        : null
    }
    const manifestKey = manifestKeyFor(key)
    try {
      await storage.putBytes(
        manifestKey,
        Buffer.from(JSON.stringify(manifest, null, 2) + '\n'),
        'application/json'
      )
    } catch (error) {
      throw await withoutManifest(storage, key, manifestKey, error)
    }
    phase('manifest stored')
    info(
      `Stored ${storage.uri(key)} (${result.stored.bytes} bytes, sha256 ${result.stored.sha256}) and its manifest`
    )

    let retention: RetentionResult | undefined
    if (settings.keepLast !== undefined || settings.keepDays !== undefined) {
      if (!result.verification.passed) {
        retention = {
          deleted: [],
          kept: 0,
          skipped: 'retention runs only after a verified backup (`verify: true`)'
        }
      } else if (!storage.canDelete) {
        retention = { deleted: [], kept: 0, skipped: 'this destination cannot delete; use retention-days' }
      } else {
        // The backup is stored from here on: a retention failure is reported beside it, never instead of it.
        retention = await applyRetention(
          storage,
          prefix,
          connection.database,
          { keepLast: settings.keepLast, keepDays: settings.keepDays },
          key
        ).catch((error: unknown): RetentionResult => ({
          deleted: [],
          kept: 0,
          failed: `listing the backups failed: ${getErrorMessage(error)}`
        }))
      }
    }

    const uri = storage.uri(key)
    return {
      uri,
      manifestUri: storage.uri(manifestKey),
      destination: describeDestination(destination, settings.s3Endpoint),
      database: connection.database,
      target: describeTarget(connection),
      size: result.stored.bytes,
      sha256: result.stored.sha256,
      dumpSize: result.plain.bytes,
      dumpSha256: result.plain.sha256,
      durationMs: result.durationMs,
      throughputBytesPerSec: result.plain.bytes / Math.max(result.durationMs / 1000, 0.001),
      serverVersion: session.serverVersion,
      pgDumpVersion: pgDump.version,
      pgDumpPath: pgDump.path,
      pgDumpSource: pgDump.source,
      archiveEntries: manifest.dump.archiveEntries,
      format: settings.format,
      rowCounts,
      verification: result.verification,
      recipients,
      retention,
      restoreCommand: restoreCommand({
        uri,
        format: settings.format,
        encrypted,
        s3Endpoint: settings.s3Endpoint
      }),
      manifest
    }
  } finally {
    await session.close()
  }
}

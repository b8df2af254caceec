/**
 * The backup a drill restores: found (`latest` or a URI), its manifest read and checked, the object downloaded
 * and proven to be the one the manifest describes (and, decrypted, the dump it describes).
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { ActionError } from '../errors.js'
import { resolveDestination } from './destination.js'
import { decryptFile } from './encryption.js'
import { type BackupManifest, manifestKeyFor, parseManifest } from './manifest.js'
import { type PgClient, findClient } from './pg-client.js'
import { psqlHasRestrict } from './plain-restore.js'
import { listOurBackups } from './retention.js'
import type { DrillSettings } from './settings.js'
import { type BackupStorage, createStorage, storageForUri } from './storage/index.js'

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The storage and key of the backup to drill: `backup-uri`, or the newest verified backup of `database`. */
export async function resolveBackup(
  settings: DrillSettings,
  database: string,
  workingDirectory: string,
  tempDir: string
): Promise<{ storage: BackupStorage; key: string }> {
  const storageOptions = {
    s3Endpoint: settings.s3Endpoint,
    s3Region: settings.s3Region,
    s3ForcePathStyle: settings.s3ForcePathStyle,
    tempDir,
    workingDirectory
  }
  if (settings.backupUri !== 'latest' || !settings.destination)
    return await storageForUri(settings.backupUri, storageOptions)
  const destination = resolveDestination(settings.destination, workingDirectory)
  const { storage, prefix } = await createStorage(destination, storageOptions)
  const backups = (await listOurBackups(storage, prefix, database)).filter(
    (b) => b.manifest.verification.passed
  )
  backups.sort((a, b) => b.candidate.createdAt.getTime() - a.candidate.createdAt.getTime())
  if (backups.length === 0) {
    throw new ActionError(`No verified backup of database "${database}" was found under the destination.`, {
      hint: 'Run mode backup first, or give `backup-uri` explicitly.'
    })
  }
  return { storage, key: backups[0].candidate.key }
}

/** The manifest beside `key`, checked to be ours, for that object, of a format and pg_dump major we know. */
export async function readDrillManifest(storage: BackupStorage, key: string): Promise<BackupManifest> {
  const manifestKey = manifestKeyFor(key)
  let manifestBytes: Buffer
  try {
    manifestBytes = await storage.getBytes(manifestKey)
  } catch (error) {
    throw new ActionError(
      `The manifest ${storage.uri(manifestKey)} could not be read: ${(error as Error).message}`,
      { hint: 'Drills need a backup made by this action (the object and its .manifest.json).', cause: error }
    )
  }
  const manifest = parseManifest(manifestBytes)
  if (!manifest || basename(manifest.object.key) !== basename(key)) {
    throw new ActionError(
      `${storage.uri(manifestKey)} is not a manifest of this action for ${storage.uri(key)}.`
    )
  }
  const format = manifest.dump.format
  if ((format !== 'custom' && format !== 'plain') || !Number.isInteger(manifest.pgDump?.major)) {
    throw new ActionError(
      `${storage.uri(manifestKey)} names the dump format "${String(format)}" and pg_dump major "${String(manifest.pgDump?.major)}"; this action writes custom or plain dumps of a known major.`,
      { hint: 'The manifest was not written by this action, or was altered. Do not restore this backup.' }
    )
  }
  return manifest
}

/** pg_restore for a custom archive, psql for plain SQL (only one that can switch its meta-commands off). */
export async function findRestoreClient(
  manifest: BackupManifest,
  settings: Pick<DrillSettings, 'pgDumpPath' | 'installClient'>
): Promise<PgClient> {
  const format = manifest.dump.format
  const client = await findClient(format === 'custom' ? 'pg_restore' : 'psql', manifest.pgDump.major, {
    explicitPath: settings.pgDumpPath,
    installClient: settings.installClient
  })
  if (format === 'plain' && !psqlHasRestrict(client.version)) {
    throw new ActionError(
      `psql ${client.version} (${client.path}) cannot switch its meta-commands off (\\restrict needs psql 13.22, 14.19, 15.14, 16.10, 17.6, 18 or newer), and psql would run any \\! or \\o |command planted in a plain-format backup on this runner; the drill refuses to restore it with this psql.`,
      {
        hint: 'Use a current PostgreSQL client (`install-client: true`, or `pg-dump-path` pointing at a newer client directory), or take backups with `format: custom`.'
      }
    )
  }
  return client
}

/**
 * Download the object into `scratch`, prove it is the one the manifest describes (size and SHA-256), and decrypt
 * it when it is encrypted, proving the dump too. Returns the path of the dump to restore.
 */
export async function downloadVerified(
  storage: BackupStorage,
  key: string,
  manifest: BackupManifest,
  scratch: string,
  ageIdentity: string | undefined
): Promise<string> {
  const objectFile = join(scratch, 'object')
  await storage.download(key, objectFile)
  const size = (await stat(objectFile)).size
  const digest = await sha256File(objectFile)
  if (size !== manifest.object.size || digest !== manifest.object.sha256) {
    throw new ActionError(
      `The downloaded backup does not match its manifest: ${size} bytes, sha256 ${digest}; the manifest says ${manifest.object.size} bytes, sha256 ${manifest.object.sha256}.`,
      { hint: 'The object was altered or damaged in storage. Do not restore it.' }
    )
  }
  if (!manifest.encryption) return objectFile
  if (!ageIdentity) {
    throw new ActionError('This backup is encrypted; `age-identity` is required.', {
      hint: `Give the secret key of one of: ${manifest.encryption.recipients.map((r) => r.fingerprint).join(', ')}.`
    })
  }
  const dumpFile = join(scratch, 'dump')
  await decryptFile(objectFile, dumpFile, ageIdentity)
  const plainDigest = await sha256File(dumpFile)
  if (plainDigest !== manifest.dump.sha256) {
    throw new ActionError(
      `The decrypted dump's sha256 ${plainDigest} differs from the manifest's ${manifest.dump.sha256}.`
    )
  }
  return dumpFile
}

/** The drill's download directory under `root` (RUNNER_TEMP). */
export async function makeScratch(root: string): Promise<string> {
  try {
    return await mkdtemp(join(root, 'pgops-drill-'))
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    throw new ActionError(
      `The drill cannot create its download directory in ${root} (${e.code ?? e.message}); nothing was dropped or restored.`,
      { hint: 'RUNNER_TEMP must be a writable directory with room for the backup.', cause: error }
    )
  }
}

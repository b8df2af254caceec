import { InputError } from '../errors.js'
import type { Mode } from '../constants.js'
import { type ConnectionSettings, parseDatabaseUrl } from '../db/connection-url.js'
import { type InputReader, parseBool, parseChoice, parseInteger, parseList } from '../settings/input.js'
import { registerSecret } from '../util/secrets.js'
import { type Destination, checkKeyPath, parseDestination } from './destination.js'
import { parseDumpArgs } from './dump-args.js'

export const BACKUP_BEFORE_DEPLOY = ['never', 'always', 'destructive'] as const
export type BackupBeforeDeploy = (typeof BACKUP_BEFORE_DEPLOY)[number]
export const DUMP_FORMATS = ['custom', 'plain'] as const

/** Every input of `backup`, `restore-drill` and migrate-deploy's `backup-before-deploy`, parsed once. */
export interface BackupSettings {
  /** `destination`: where backups are written (required for backup; for restore-drill only with `latest`). */
  destination?: Destination
  /** `s3-endpoint`: S3-compatible endpoint (R2, MinIO, Railway buckets); empty for AWS S3. */
  s3Endpoint?: string
  /** `s3-region`: default AWS_REGION, AWS_DEFAULT_REGION, else us-east-1 (R2: auto). */
  s3Region: string
  /** `s3-force-path-style`: bucket in the path instead of the host name (MinIO, most self-hosted stores). */
  s3ForcePathStyle: boolean
  /** `retention-days`: artifact retention (1–400; empty: the repository's default). */
  retentionDays?: number
  /** `format`: pg_dump's output format. */
  format: 'custom' | 'plain'
  /** `pg-dump-args`: extra pg_dump options, validated against an allow-list, in canonical `--long=value` form. */
  pgDumpArgs: string[]
  /** `pg-dump-path`: a pg_dump binary to use instead of discovery. */
  pgDumpPath?: string
  /** `install-client`: install postgresql-client-<server major> from apt.postgresql.org when missing. */
  installClient: boolean
  /** `verify`: read the whole archive back with pg_restore before the object is completed. */
  verify: boolean
  /** `encrypt-to`: age recipients (age1…). */
  encryptTo: string[]
  /** `allow-unencrypted`: permit an unencrypted artifact. */
  allowUnencrypted: boolean
  /** `keep-last`: keep the N newest backups (with our manifest) of this database under the prefix. */
  keepLast?: number
  /** `keep-days`: keep backups younger than N days. A backup survives if either rule keeps it. */
  keepDays?: number
  /** `backup-uri`: the backup to drill (s3://…, artifact://…, a path) or `latest`. */
  backupUri?: string
  /** `age-identity`: secret key for the drill (AGE-SECRET-KEY-1…). */
  ageIdentity?: string
  /** `target-database-url`: scratch database for the drill; never the source. */
  targetDatabaseUrl?: string
  targetConnection?: ConnectionSettings
  /** `target-clean`: allow a target that already has tables (its non-system schemas are dropped first). */
  targetClean: boolean
  /** `backup-before-deploy` (migrate-deploy). */
  backupBeforeDeploy: BackupBeforeDeploy
}

const AGE_RECIPIENT = /^age1[0-9a-z]+$/
const BECH32_DATA = /^[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{6,}$/

function defaultRegion(): string {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1'
}

/** An s3:// or artifact:// `backup-uri` must name a plain key: checked before anything connects. */
function checkBackupUri(uri: string): void {
  const s3 = /^s3:\/\/[^/]*\/?(.*)$/is.exec(uri)
  if (s3) {
    if (s3[1] === '')
      throw new InputError(
        'backup-uri',
        'names no object key.',
        'Use s3://bucket/key as printed by the backup step.'
      )
    checkKeyPath(s3[1], 'backup-uri', 'key')
  }
  const artifact = /^artifact:\/\/(.+)$/is.exec(uri)
  if (artifact) checkKeyPath(artifact[1].split('__').join('/'), 'backup-uri', 'artifact name')
}

function readEncryptTo(read: InputReader): string[] {
  const recipients = parseList(read, 'encrypt-to').flatMap((item) => item.split(/\s+/))
  for (const r of recipients) {
    if (r.startsWith('AGE-SECRET-KEY-')) {
      registerSecret(r)
      throw new InputError(
        'encrypt-to',
        'holds a secret key (AGE-SECRET-KEY-…), not a public key.',
        'Give the public key (age1…) here and rotate the exposed secret key.'
      )
    }
    // The shape only (bech32's alphabet after the last `1`): age-encryption itself checks the key before the
    // backup connects (checkRecipients), and is loaded only by runs that encrypt.
    if (!AGE_RECIPIENT.test(r) || !BECH32_DATA.test(r.slice(r.lastIndexOf('1') + 1)))
      throw new InputError(
        'encrypt-to',
        `has "${r}", which is not an age public key.`,
        'Use keys printed by `age-keygen -y` (age1…), separated by commas or new lines.'
      )
  }
  return [...new Set(recipients)]
}

/** Read and check the backup-related inputs for `mode`; the inputs that mode does not use are not required. */
export function readBackupSettings(read: InputReader, mode: Mode): BackupSettings {
  const ageIdentity = read('age-identity') || undefined
  registerSecret(ageIdentity)
  for (const line of ageIdentity?.split(/\r?\n/) ?? []) registerSecret(line.trim())

  const targetDatabaseUrl = read('target-database-url') || undefined
  let targetConnection: ConnectionSettings | undefined
  if (targetDatabaseUrl) {
    registerSecret(targetDatabaseUrl)
    targetConnection = parseDatabaseUrl(targetDatabaseUrl, 'target-database-url')
    registerSecret(targetConnection.password)
  }

  // Inputs with a fixed syntax (choices, booleans, numbers) first: their messages are the most specific.
  const backupBeforeDeploy = parseChoice(read, 'backup-before-deploy', BACKUP_BEFORE_DEPLOY, 'never')
  const format = parseChoice(read, 'format', DUMP_FORMATS, 'custom')
  const s3ForcePathStyle = parseBool(read, 's3-force-path-style', false)
  const retentionDays = parseInteger(read, 'retention-days', { min: 1, max: 400 })
  const installClient = parseBool(read, 'install-client', false)
  const verify = parseBool(read, 'verify', true)
  const allowUnencrypted = parseBool(read, 'allow-unencrypted', false)
  const keepLast = parseInteger(read, 'keep-last', { min: 1 })
  const keepDays = parseInteger(read, 'keep-days', { min: 1 })
  const targetClean = parseBool(read, 'target-clean', false)
  const destinationRaw = read('destination')
  const needsDestination = mode === 'backup' || (mode === 'migrate-deploy' && backupBeforeDeploy !== 'never')
  if (needsDestination && !destinationRaw) {
    throw new InputError(
      'destination',
      mode === 'backup'
        ? 'is required for mode backup.'
        : `is required when backup-before-deploy is ${backupBeforeDeploy}.`,
      'Use s3://bucket/prefix, artifact, or a directory path.'
    )
  }
  const destination = destinationRaw ? parseDestination(destinationRaw) : undefined

  const s3Endpoint = read('s3-endpoint') || undefined
  if (s3Endpoint) {
    let url: URL | undefined
    try {
      url = new URL(s3Endpoint)
    } catch {
      url = undefined
    }
    if (!url || !/^https?:$/.test(url.protocol))
      throw new InputError(
        's3-endpoint',
        'must be an http(s) URL, e.g. https://<account>.r2.cloudflarestorage.com.'
      )
    if (url.username || url.password)
      throw new InputError(
        's3-endpoint',
        'must not contain credentials.',
        'Pass them as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.'
      )
  }

  const settings: BackupSettings = {
    destination,
    s3Endpoint,
    s3Region: read('s3-region') || defaultRegion(),
    s3ForcePathStyle,
    retentionDays,
    format,
    pgDumpArgs: parseDumpArgs(read('pg-dump-args'), format),
    pgDumpPath: read('pg-dump-path') || undefined,
    installClient,
    verify,
    encryptTo: readEncryptTo(read),
    allowUnencrypted,
    keepLast,
    keepDays,
    backupUri: read('backup-uri') || undefined,
    ageIdentity,
    targetDatabaseUrl,
    targetConnection,
    targetClean,
    backupBeforeDeploy
  }

  if (needsDestination && destination?.kind === 'artifact') {
    if (settings.encryptTo.length === 0 && !settings.allowUnencrypted) {
      throw new InputError(
        'encrypt-to',
        'is required with destination artifact: anyone with read access to the repository can download artifacts.',
        'Give an age public key (age1…), or set `allow-unencrypted: true` if the repository is private and that is acceptable.'
      )
    }
    if (settings.keepLast !== undefined || settings.keepDays !== undefined) {
      const name = settings.keepLast !== undefined ? 'keep-last' : 'keep-days'
      throw new InputError(
        name,
        'does not apply to artifacts: they cannot be listed across runs without a token and expire after `retention-days`.',
        'Use `retention-days` for artifacts.'
      )
    }
  }
  if (settings.pgDumpPath && !settings.pgDumpPath.startsWith('/')) {
    throw new InputError('pg-dump-path', 'must be an absolute path to a pg_dump binary.')
  }

  if (mode === 'restore-drill') {
    if (!settings.backupUri)
      throw new InputError(
        'backup-uri',
        'is required for mode restore-drill.',
        'Give the backup-uri output of a backup step, or `latest` together with `destination`.'
      )
    if (settings.backupUri === 'latest' && !destination) {
      throw new InputError(
        'destination',
        'is required with backup-uri latest.',
        'Give the same destination as the backup step.'
      )
    }
    if (!targetConnection) {
      throw new InputError(
        'target-database-url',
        'is required for mode restore-drill.',
        'Point it at a scratch database, e.g. a `services: postgres` container.'
      )
    }
    // Whether the target is the source is proven by connecting to both (restore-drill.ts), not by comparing
    // spellings: one database has many URLs.
    checkBackupUri(settings.backupUri)
  }
  return settings
}

/**
 * The backup inputs (`backup`, `restore-drill` and migrate-deploy's `backup-before-deploy`): parsed and checked
 * together for each of those modes, whichever of them the mode uses, so that a wrong value fails every such mode
 * the same way; each mode then gets only the fields it uses (src/backup/settings.ts).
 */
import { InputError } from '../errors.js'
import type { Mode } from '../constants.js'
import { type ConnectionSettings, parseDatabaseUrl } from '../db/connection-url.js'
import { checkKeyPath, type Destination, parseDestination } from '../backup/destination.js'
import { parseDumpArgs } from '../backup/dump-args.js'
import {
  BACKUP_BEFORE_DEPLOY,
  type BackupBeforeDeploy,
  type BackupSettings,
  type ClientSettings,
  type DrillSettings,
  DUMP_FORMATS,
  type DumpFormat,
  type PreDeployBackupPolicy,
  type S3Settings
} from '../backup/settings.js'
import { registerSecret } from '../util/secrets.js'
import { type InputReader, parseBool, parseChoice, parseInteger, parseList } from './input.js'

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

type BackupMode = Extract<Mode, 'backup' | 'restore-drill' | 'migrate-deploy'>

/** Every backup input, parsed: what the three modes' settings are made from. */
interface BackupInputs extends S3Settings, ClientSettings {
  backupBeforeDeploy: BackupBeforeDeploy
  format: DumpFormat
  destination?: Destination
  target?: ConnectionSettings
  retentionDays?: number
  pgDumpArgs: string[]
  verify: boolean
  encryptTo: string[]
  allowUnencrypted: boolean
  keepLast?: number
  keepDays?: number
  backupUri?: string
  ageIdentity?: string
  targetClean: boolean
}

/** The S3 inputs; `s3-force-path-style` is parsed earlier, with the other inputs of a fixed syntax. */
function readS3Settings(read: InputReader, s3ForcePathStyle: boolean): S3Settings {
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
  return {
    s3Endpoint,
    s3Region: read('s3-region') || defaultRegion(),
    s3ForcePathStyle
  }
}

/** Every backup input, checked; `mode` decides which are required. */
function readBackupInputs(read: InputReader, mode: BackupMode): BackupInputs {
  const targetDatabaseUrl = read('target-database-url')
  const target = targetDatabaseUrl ? parseDatabaseUrl(targetDatabaseUrl, 'target-database-url') : undefined
  // Inputs with a fixed syntax (choices, booleans, numbers) first: their messages are the most specific.
  const backupBeforeDeploy = parseChoice(read, 'backup-before-deploy', BACKUP_BEFORE_DEPLOY, 'never')
  const format = parseChoice(read, 'format', DUMP_FORMATS, 'custom')
  const s3ForcePathStyle = parseBool(read, 's3-force-path-style', false)
  const common = {
    retentionDays: parseInteger(read, 'retention-days', { min: 1, max: 400 }),
    installClient: parseBool(read, 'install-client', false),
    verify: parseBool(read, 'verify', true),
    allowUnencrypted: parseBool(read, 'allow-unencrypted', false),
    keepLast: parseInteger(read, 'keep-last', { min: 1 }),
    keepDays: parseInteger(read, 'keep-days', { min: 1 }),
    targetClean: parseBool(read, 'target-clean', false)
  }
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
  const s3 = readS3Settings(read, s3ForcePathStyle)
  const inputs: BackupInputs = {
    ...common,
    ...s3,
    backupBeforeDeploy,
    format,
    destination,
    target,
    pgDumpArgs: parseDumpArgs(read('pg-dump-args'), format),
    pgDumpPath: read('pg-dump-path') || undefined,
    encryptTo: readEncryptTo(read),
    backupUri: read('backup-uri') || undefined,
    ageIdentity: read('age-identity') || undefined
  }
  if (needsDestination && destination?.kind === 'artifact') checkArtifactRetention(inputs)
  if (inputs.pgDumpPath && !inputs.pgDumpPath.startsWith('/'))
    throw new InputError('pg-dump-path', 'must be an absolute path to a pg_dump binary.')
  return inputs
}

/** Artifacts: public to every reader of the repository, and never listed across runs. */
function checkArtifactRetention(inputs: BackupInputs): void {
  if (inputs.encryptTo.length === 0 && !inputs.allowUnencrypted) {
    throw new InputError(
      'encrypt-to',
      'is required with destination artifact: anyone with read access to the repository can download artifacts.',
      'Give an age public key (age1…), or set `allow-unencrypted: true` if the repository is private and that is acceptable.'
    )
  }
  if (inputs.keepLast !== undefined || inputs.keepDays !== undefined) {
    throw new InputError(
      inputs.keepLast !== undefined ? 'keep-last' : 'keep-days',
      'does not apply to artifacts: they cannot be listed across runs without a token and expire after `retention-days`.',
      'Use `retention-days` for artifacts.'
    )
  }
}

function backupOf(inputs: BackupInputs): BackupSettings {
  if (!inputs.destination) throw new InputError('destination', 'is required for a backup.')
  return {
    destination: inputs.destination,
    s3Endpoint: inputs.s3Endpoint,
    s3Region: inputs.s3Region,
    s3ForcePathStyle: inputs.s3ForcePathStyle,
    retentionDays: inputs.retentionDays,
    format: inputs.format,
    pgDumpArgs: inputs.pgDumpArgs,
    pgDumpPath: inputs.pgDumpPath,
    installClient: inputs.installClient,
    verify: inputs.verify,
    encryptTo: inputs.encryptTo,
    keepLast: inputs.keepLast,
    keepDays: inputs.keepDays
  }
}

/** Mode `backup`. */
export function readBackupSettings(read: InputReader): BackupSettings {
  return backupOf(readBackupInputs(read, 'backup'))
}

/** migrate-deploy's `backup-before-deploy` (the backup inputs are checked whatever it says). */
export function readPreDeployBackup(read: InputReader): PreDeployBackupPolicy {
  const inputs = readBackupInputs(read, 'migrate-deploy')
  const when = inputs.backupBeforeDeploy
  return when === 'never' ? { when } : { when, settings: backupOf(inputs) }
}

/** Mode `restore-drill`. */
export function readDrillSettings(read: InputReader): DrillSettings {
  const inputs = readBackupInputs(read, 'restore-drill')
  const backupUri = inputs.backupUri
  if (!backupUri)
    throw new InputError(
      'backup-uri',
      'is required for mode restore-drill.',
      'Give the backup-uri output of a backup step, or `latest` together with `destination`.'
    )
  if (backupUri === 'latest' && !inputs.destination) {
    throw new InputError(
      'destination',
      'is required with backup-uri latest.',
      'Give the same destination as the backup step.'
    )
  }
  if (!inputs.target) {
    throw new InputError(
      'target-database-url',
      'is required for mode restore-drill.',
      'Point it at a scratch database, e.g. a `services: postgres` container.'
    )
  }
  // Whether the target is the source is proven by connecting to both (src/backup/drill-target.ts), not by
  // comparing spellings: one database has many URLs.
  checkBackupUri(backupUri)
  return {
    backupUri,
    destination: inputs.destination,
    s3Endpoint: inputs.s3Endpoint,
    s3Region: inputs.s3Region,
    s3ForcePathStyle: inputs.s3ForcePathStyle,
    pgDumpPath: inputs.pgDumpPath,
    installClient: inputs.installClient,
    ageIdentity: inputs.ageIdentity,
    target: inputs.target,
    targetClean: inputs.targetClean
  }
}

import type { ConnectionSettings } from '../db/connection-url.js'
import type { Destination } from './destination.js'

export const BACKUP_BEFORE_DEPLOY = ['never', 'always', 'destructive'] as const
export type BackupBeforeDeploy = (typeof BACKUP_BEFORE_DEPLOY)[number]
export const DUMP_FORMATS = ['custom', 'plain'] as const
export type DumpFormat = (typeof DUMP_FORMATS)[number]

/** Where S3-compatible storage is (shared by backups and drills). */
export interface S3Settings {
  /** `s3-endpoint`: S3-compatible endpoint (R2, MinIO, Railway buckets); empty for AWS S3. */
  s3Endpoint?: string
  /** `s3-region`: default AWS_REGION, AWS_DEFAULT_REGION, else us-east-1 (R2: auto). */
  s3Region: string
  /** `s3-force-path-style`: bucket in the path instead of the host name (MinIO, most self-hosted stores). */
  s3ForcePathStyle: boolean
}

/** Which PostgreSQL client binaries to use (pg_dump, pg_restore, psql). */
export interface ClientSettings {
  /** `pg-dump-path`: an absolute path to a pg_dump binary (its folder's siblings serve as the other clients). */
  pgDumpPath?: string
  /** `install-client`: install postgresql-client-<server major> from apt.postgresql.org when missing. */
  installClient: boolean
}

/**
 * What one backup does: mode `backup`, and migrate-deploy's `backup-before-deploy`. Parsed from the inputs by
 * src/settings/backup-inputs.ts.
 */
export interface BackupSettings extends S3Settings, ClientSettings {
  /** `destination`: where backups are written. */
  destination: Destination
  /** `retention-days`: artifact retention (1–400; empty: the repository's default). */
  retentionDays?: number
  /** `format`: pg_dump's output format. */
  format: DumpFormat
  /** `pg-dump-args`: extra pg_dump options, validated against an allow-list, in canonical `--long=value` form. */
  pgDumpArgs: string[]
  /** `verify`: read the whole archive back with pg_restore before the object is completed. */
  verify: boolean
  /** `encrypt-to`: age recipients (age1…); empty: not encrypted (refused for artifacts unless allowed). */
  encryptTo: string[]
  /** `keep-last`: keep the N newest backups (with our manifest) of this database under the prefix. */
  keepLast?: number
  /** `keep-days`: keep backups younger than N days. A backup survives if either rule keeps it. */
  keepDays?: number
}

/** What one restore drill does (mode `restore-drill`). */
export interface DrillSettings extends S3Settings, ClientSettings {
  /** `backup-uri`: the backup to drill (s3://…, artifact://…, a path) or `latest`. */
  backupUri: string
  /** `destination`: where to look for `latest` (required with it). */
  destination?: Destination
  /** `age-identity`: secret key for an encrypted backup (AGE-SECRET-KEY-1…); registered as a secret. */
  ageIdentity?: string
  /** `target-database-url`: the scratch database; proven not to be the source before anything is restored. */
  target: ConnectionSettings
  /** `target-clean`: allow a target that already has tables (its non-system schemas are dropped first). */
  targetClean: boolean
}

/** migrate-deploy's `backup-before-deploy` and, unless it is `never`, the backup to take. */
export type PreDeployBackupPolicy =
  { when: 'never' } | { when: Exclude<BackupBeforeDeploy, 'never'>; settings: BackupSettings }

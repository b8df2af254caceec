import { ACTION_NAME, ACTION_VERSION } from '../constants.js'
import type { RecipientInfo } from './encryption.js'
import { joinKey } from './storage/types.js'

export const MANIFEST_FORMAT = `${ACTION_NAME}/backup-manifest`
export const MANIFEST_SUFFIX = '.manifest.json'

export interface TableRowCount {
  schema: string
  table: string
  /** null: unknown (an estimate for a table that was never analysed). */
  rows: number | null
}

/** The JSON written beside every backup, after the object is complete. It holds no secret. */
export interface BackupManifest {
  format: typeof MANIFEST_FORMAT
  formatVersion: 1
  action: { name: string; version: string }
  database: string
  createdAt: string
  finishedAt: string
  durationMs: number
  object: {
    key: string
    /** Bytes as stored (after encryption). */
    size: number
    sha256: string
    contentType: string
  }
  dump: {
    format: 'custom' | 'plain'
    /** Bytes of pg_dump's output before encryption. */
    size: number
    sha256: string
    /** TOC entries of a custom archive; null for plain SQL. */
    archiveEntries: number | null
    archiveVersion: string | null
    extraArgs: string[]
    /** Exported snapshot shared by pg_dump and the row counts. */
    consistentSnapshot: boolean
  }
  server: { version: string; versionNum: number }
  pgDump: { version: string; major: number }
  verification: { performed: boolean; method: string; passed: boolean }
  rowCounts: {
    /** exact: count(*) inside pg_dump's snapshot (or just before it); estimated: pg_class.reltuples. */
    kind: 'exact' | 'estimated'
    method: string
    tables: TableRowCount[]
  }
  encryption: { scheme: 'age'; fingerprintMethod: string; recipients: RecipientInfo[] } | null
}

/** Database names go into keys and artifact names; keep them to a portable character set. */
export function safeName(database: string): string {
  return database.replace(/[^A-Za-z0-9._-]/g, '_').replace(/_{2,}/g, '_') || '_'
}

/** `2026-01-02T03-04-05.678Z`: sorts by time, valid in S3 keys, file names and artifact names. */
export function timestampName(date: Date): string {
  return date.toISOString().replace(/:/g, '-')
}

export function parseTimestampName(name: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(\.\d{3})?Z/.exec(name)
  if (!match) return undefined
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}${match[5] ?? ''}Z`)
  return Number.isNaN(date.getTime()) ? undefined : date
}

export function backupDirectory(prefix: string, database: string): string {
  return joinKey(prefix, safeName(database))
}

export function backupObjectKey(
  prefix: string,
  database: string,
  date: Date,
  format: 'custom' | 'plain',
  encrypted: boolean
): string {
  const extension = (format === 'custom' ? '.dump' : '.sql') + (encrypted ? '.age' : '')
  return joinKey(backupDirectory(prefix, database), timestampName(date) + extension)
}

export function manifestKeyFor(key: string): string {
  return key + MANIFEST_SUFFIX
}

export function objectKeyOfManifest(manifestKey: string): string | undefined {
  return manifestKey.endsWith(MANIFEST_SUFFIX) ? manifestKey.slice(0, -MANIFEST_SUFFIX.length) : undefined
}

export function actionInfo(): { name: string; version: string } {
  return { name: ACTION_NAME, version: ACTION_VERSION }
}

/**
 * Parse a manifest and check it is ours and describes `expectedKey`: retention and `latest` act only on objects
 * that such a manifest vouches for. Returns undefined for anything else (foreign JSON, other tools, damage).
 */
export function parseManifest(body: Buffer | string, expectedKey?: string): BackupManifest | undefined {
  let value: unknown
  try {
    value = JSON.parse(body.toString())
  } catch {
    return undefined
  }
  const m = value as Partial<BackupManifest>
  if (!m || typeof m !== 'object' || m.format !== MANIFEST_FORMAT || m.formatVersion !== 1) return undefined
  if (!m.object || typeof m.object.key !== 'string' || typeof m.object.sha256 !== 'string') return undefined
  if (expectedKey !== undefined && m.object.key !== expectedKey) return undefined
  if (typeof m.createdAt !== 'string' || Number.isNaN(Date.parse(m.createdAt))) return undefined
  if (!m.dump || !m.verification || !m.rowCounts) return undefined
  return m as BackupManifest
}

/** What the manifest records about one backup run: the facts gathered along the way. */
export interface ManifestFacts {
  database: string
  key: string
  createdAt: Date
  finishedAt: Date
  format: 'custom' | 'plain'
  contentType: string
  extraArgs: string[]
  /** The pipeline's measures: the plain dump, the stored bytes, the archive header, the verification. */
  dump: {
    plain: { bytes: number; sha256: string }
    stored: { bytes: number; sha256: string }
    header?: { tocEntries: number; archiveVersion: string }
    verification: BackupManifest['verification']
    durationMs: number
  }
  consistentSnapshot: boolean
  server: BackupManifest['server']
  pgDump: BackupManifest['pgDump']
  rowCounts: BackupManifest['rowCounts']
  recipients: RecipientInfo[]
}

/** Pure: the manifest of a backup from what the run measured. */
export function buildManifest(facts: ManifestFacts): BackupManifest {
  const { dump } = facts
  return {
    format: MANIFEST_FORMAT,
    formatVersion: 1,
    action: actionInfo(),
    database: facts.database,
    createdAt: facts.createdAt.toISOString(),
    finishedAt: facts.finishedAt.toISOString(),
    durationMs: dump.durationMs,
    object: {
      key: facts.key,
      size: dump.stored.bytes,
      sha256: dump.stored.sha256,
      contentType: facts.contentType
    },
    dump: {
      format: facts.format,
      size: dump.plain.bytes,
      sha256: dump.plain.sha256,
      archiveEntries: dump.header?.tocEntries ?? null,
      archiveVersion: dump.header?.archiveVersion ?? null,
      extraArgs: facts.extraArgs,
      consistentSnapshot: facts.consistentSnapshot
    },
    server: facts.server,
    pgDump: facts.pgDump,
    verification: dump.verification,
    rowCounts: facts.rowCounts,
    encryption:
      facts.recipients.length > 0
        ? {
            scheme: 'age',
            fingerprintMethod: 'sha256 of the recipient string (hex)',
            recipients: facts.recipients
          }
        : null
  }
}

import type { BackupResult, DrillResult, TableComparison } from '../backup/results.js'
import { formatBytes, formatDuration } from '../util/format.js'
import { code, fence, inline, quote, tableRow, text } from './markdown.js'

/**
 * Pure renderers: plain data in, markdown out, through the shared primitives of render/markdown.ts (names and URIs as
 * code spans, other values as neutralised text, pipes escaped per cell). None of the values is a secret.
 */

function row(label: string, value: string): string {
  return tableRow([label, value])
}

function retentionLines(retention: NonNullable<BackupResult['retention']>): string[] {
  const deleted = retention.deleted.map((d) => `- ${quote(d.uri)} (${text(d.createdAt)}): ${text(d.reason)}`)
  if (retention.failed !== undefined)
    return [
      `❌ Retention failed: ${quote(retention.failed)}`,
      '',
      `The new backup above is complete. Deleted before the failure: ${retention.deleted.length}.`,
      ...deleted
    ]
  if (retention.skipped) return [`Skipped: ${text(retention.skipped)}.`]
  if (retention.deleted.length === 0) return [`Nothing to delete; ${retention.kept} backup(s) kept.`]
  return [`Deleted ${retention.deleted.length}, kept ${retention.kept}:`, '', ...deleted]
}

export function renderBackupReport(result: BackupResult): string {
  const m = result.manifest
  const totalRows = result.rowCounts.tables.reduce((sum, t) => sum + (t.rows ?? 0), 0)
  const retentionFailed = result.retention?.failed !== undefined
  const lines = [
    retentionFailed
      ? `### ⚠️ Backup of ${code(result.database)} stored; retention failed`
      : `### ✅ Backup of ${code(result.database)} stored`,
    '',
    '| | |',
    '|---|---|',
    row('Object', quote(result.uri)),
    row('Manifest', quote(result.manifestUri)),
    row('Destination', text(result.destination)),
    row('Source', quote(result.target)),
    row(
      'Size',
      `${formatBytes(result.size)} stored · ${formatBytes(result.dumpSize)} dump (${text(result.format)} format)`
    ),
    row(
      'Duration',
      `${formatDuration(result.durationMs)} · ${formatBytes(Math.round(result.throughputBytesPerSec))}/s`
    ),
    row(
      'Versions',
      `server ${text(result.serverVersion)} · pg_dump ${text(result.pgDumpVersion)} (${text(result.pgDumpSource)}) · action ${text(m.action.version)}`
    ),
    row('SHA-256 (stored)', code(result.sha256)),
    row('SHA-256 (dump)', code(result.dumpSha256)),
    row(
      'Archive entries',
      result.archiveEntries === null ? 'n/a (plain SQL)' : String(result.archiveEntries)
    ),
    row(
      'Verification',
      result.verification.performed
        ? `${result.verification.passed ? '✅' : '❌'} ${text(result.verification.method)}`
        : '⚠️ skipped (`verify: false`)'
    ),
    row(
      'Encryption',
      result.recipients.length === 0
        ? 'none'
        : `age, ${result.recipients.length} recipient(s): ${result.recipients.map((r) => code(r.fingerprint.slice(0, 23))).join(', ')}`
    ),
    row(
      'Row counts',
      `${text(result.rowCounts.kind)}: ${result.rowCounts.tables.length} tables, ${totalRows} rows${m.dump.consistentSnapshot ? ' (same snapshot as the dump)' : ''}`
    )
  ]
  if (result.retention) lines.push('', '#### Retention', '', ...retentionLines(result.retention))
  lines.push(
    '',
    '#### Restore',
    '',
    'Set `DATABASE_URL` to the target database, then:',
    '',
    fence(result.restoreCommand, 'sh')
  )
  return lines.join('\n') + '\n'
}

/** `leftover`: what a failure left at the destination; without it, nothing was stored. */
export function renderBackupFailure(database: string, message: string, leftover?: string): string {
  return (
    [
      `### ❌ Backup of ${code(database)} failed`,
      '',
      inline(message),
      '',
      leftover === undefined
        ? 'No backup object and no manifest were stored.'
        : `Left at the destination: ${quote(leftover)}.`
    ].join('\n') + '\n'
  )
}

function describeTargetIdentity(identity: DrillResult['targetIdentity']): string {
  const { target, source } = identity
  const server = (id: typeof target): string =>
    id.systemIdentifier !== null
      ? `system identifier ${code(id.systemIdentifier)}`
      : `started ${code(id.startedAt)}`
  if (identity.sameServerAsSource)
    return `⚠️ database ${code(target.databaseName)} (oid ${text(target.databaseOid)}) on the source's own server (${server(target)}), not the source database ${code(source.databaseName)} (oid ${text(source.databaseOid)})`
  return `✅ another server (${server(target)}) than the source (${server(source)})`
}

const STATUS_ICON: Record<TableComparison['status'], string> = {
  match: '✅',
  mismatch: '❌',
  missing: '❌',
  estimated: 'ℹ️',
  'not-in-dump': '➖',
  unexpected: '⚠️'
}

/** Tables listed in full up to this many; mismatches first so that they are never the ones cut. */
const MAX_TABLE_ROWS = 300

export function renderDrillReport(result: DrillResult): string {
  const m = result.manifest
  const lines = [
    `### ${result.status === 'passed' ? '✅' : '❌'} Restore drill ${result.status}: ${code(m.database)}`,
    '',
    '| | |',
    '|---|---|',
    row('Backup', quote(result.uri)),
    row(
      'Taken',
      `${text(m.createdAt)} (server ${text(m.server.version)}, pg_dump ${text(m.pgDump.version)})`
    ),
    row(
      'Integrity',
      `✅ sha256 ${code(m.object.sha256)} matches the manifest${m.encryption ? '; decrypted dump matches too' : ''}`
    ),
    row(
      'Restored into',
      `${quote(result.target)} with ${m.dump.format === 'custom' ? 'pg_restore' : 'psql'} ${text(result.pgRestoreVersion)}`
    ),
    row('Target identity', describeTargetIdentity(result.targetIdentity)),
    row('Duration', formatDuration(result.durationMs)),
    row(
      'Tables',
      `${result.compared} compared (${text(m.rowCounts.kind)} counts), ${result.mismatches} mismatches`
    )
  ]
  const order: TableComparison['status'][] = [
    'mismatch',
    'missing',
    'unexpected',
    'estimated',
    'match',
    'not-in-dump'
  ]
  const sorted = [...result.tables].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))
  lines.push('', '| | Table | Manifest | Restored |', '|---|---|---:|---:|')
  for (const t of sorted.slice(0, MAX_TABLE_ROWS)) {
    lines.push(
      tableRow([
        STATUS_ICON[t.status],
        code(`${t.schema}.${t.table}`),
        String(t.expected ?? '–'),
        String(t.actual ?? '–')
      ])
    )
  }
  if (sorted.length > MAX_TABLE_ROWS)
    lines.push('', `… and ${sorted.length - MAX_TABLE_ROWS} more tables, all listed in the JSON report.`)
  if (m.rowCounts.kind === 'estimated')
    lines.push(
      '',
      'The manifest holds estimated counts (pg_class.reltuples), so counts are shown but not judged.'
    )
  return lines.join('\n') + '\n'
}

export function renderDrillFailure(message: string): string {
  return ['### ❌ Restore drill failed', '', inline(message)].join('\n') + '\n'
}

/** The deploy report's section about the backup taken before it: where it is and how to restore it. */
export function renderPreDeployBackup(result: BackupResult): string {
  const retentionFailed = result.retention?.failed
  const lines = [
    '#### Backup before deploy',
    '',
    `${quote(result.uri)} · ${formatBytes(result.size)} · sha256 ${code(result.sha256)} · verified: ${result.verification.passed ? 'yes' : 'no'}`,
    ...(retentionFailed === undefined ? [] : ['', `⚠️ Retention failed: ${quote(retentionFailed)}`]),
    '',
    'To roll back, set `DATABASE_URL` to the database and run:',
    '',
    fence(result.restoreCommand, 'sh')
  ]
  return lines.join('\n') + '\n'
}

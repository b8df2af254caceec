import type { BackupResult } from './run-backup.js'
import type { DrillResult, TableComparison } from './restore-drill.js'

/** Pure renderers: plain data in, markdown out. Every value from outside is escaped; none of it is a secret. */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A value inside a table cell: HTML-escaped, pipes escaped, on one line. */
export function cell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** Inline code in a table cell; backticks in the value widen the fence. */
export function codeCell(text: string): string {
  const value = text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((r) => r.length))
  const fence = '`'.repeat(longest + 1)
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${value}${pad}${fence}`
}

export function fenced(code: string, lang = ''): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((r) => r.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${lang}\n${code}\n${fence}`
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  const s = ms / 1000
  if (s < 120) return `${s.toFixed(1)} s`
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
}

function row(label: string, value: string): string {
  return `| ${label} | ${value} |`
}

export function renderBackupReport(result: BackupResult): string {
  const m = result.manifest
  const totalRows = result.rowCounts.tables.reduce((sum, t) => sum + (t.rows ?? 0), 0)
  const retentionFailed = result.retention?.failed !== undefined
  const lines = [
    retentionFailed
      ? `### ⚠️ Backup of ${codeCell(result.database)} stored; retention failed`
      : `### ✅ Backup of ${codeCell(result.database)} stored`,
    '',
    '| | |',
    '|---|---|',
    row('Object', codeCell(result.uri)),
    row('Manifest', codeCell(result.manifestUri)),
    row('Destination', cell(result.destination)),
    row('Source', codeCell(result.target)),
    row(
      'Size',
      `${formatBytes(result.size)} stored · ${formatBytes(result.dumpSize)} dump (${cell(result.format)} format)`
    ),
    row(
      'Duration',
      `${formatDuration(result.durationMs)} · ${formatBytes(Math.round(result.throughputBytesPerSec))}/s`
    ),
    row(
      'Versions',
      `server ${cell(result.serverVersion)} · pg_dump ${cell(result.pgDumpVersion)} (${cell(result.pgDumpSource)}) · action ${cell(m.action.version)}`
    ),
    row('SHA-256 (stored)', codeCell(result.sha256)),
    row('SHA-256 (dump)', codeCell(result.dumpSha256)),
    row(
      'Archive entries',
      result.archiveEntries === null ? 'n/a (plain SQL)' : String(result.archiveEntries)
    ),
    row(
      'Verification',
      result.verification.performed
        ? `${result.verification.passed ? '✅' : '❌'} ${cell(result.verification.method)}`
        : '⚠️ skipped (`verify: false`)'
    ),
    row(
      'Encryption',
      result.recipients.length === 0
        ? 'none'
        : `age, ${result.recipients.length} recipient(s): ${result.recipients.map((r) => codeCell(r.fingerprint.slice(0, 23))).join(', ')}`
    ),
    row(
      'Row counts',
      `${cell(result.rowCounts.kind)}: ${result.rowCounts.tables.length} tables, ${totalRows} rows${m.dump.consistentSnapshot ? ' (same snapshot as the dump)' : ''}`
    )
  ]
  if (result.retention) {
    lines.push('', '#### Retention')
    if (result.retention.failed !== undefined) {
      lines.push(
        '',
        `❌ Retention failed: ${cell(result.retention.failed)}`,
        '',
        `The new backup above is complete. Deleted before the failure: ${result.retention.deleted.length}.`
      )
      for (const d of result.retention.deleted)
        lines.push(`- ${codeCell(d.uri)} (${cell(d.createdAt)}): ${cell(d.reason)}`)
    } else if (result.retention.skipped) lines.push('', `Skipped: ${cell(result.retention.skipped)}.`)
    else if (result.retention.deleted.length === 0)
      lines.push('', `Nothing to delete; ${result.retention.kept} backup(s) kept.`)
    else {
      lines.push('', `Deleted ${result.retention.deleted.length}, kept ${result.retention.kept}:`, '')
      for (const d of result.retention.deleted)
        lines.push(`- ${codeCell(d.uri)} (${cell(d.createdAt)}): ${cell(d.reason)}`)
    }
  }
  lines.push(
    '',
    '#### Restore',
    '',
    'Set `DATABASE_URL` to the target database, then:',
    '',
    fenced(result.restoreCommand, 'sh')
  )
  return lines.join('\n') + '\n'
}

/** `leftover`: what a failure left at the destination; without it, nothing was stored. */
export function renderBackupFailure(database: string, message: string, leftover?: string): string {
  return (
    [
      `### ❌ Backup of ${codeCell(database)} failed`,
      '',
      cell(message),
      '',
      leftover === undefined
        ? 'No backup object and no manifest were stored.'
        : `Left at the destination: ${codeCell(leftover)}.`
    ].join('\n') + '\n'
  )
}

function describeTargetIdentity(identity: DrillResult['targetIdentity']): string {
  const { target, source } = identity
  const server = (id: typeof target): string =>
    id.systemIdentifier !== null
      ? `system identifier ${codeCell(id.systemIdentifier)}`
      : `started ${cell(id.startedAt)}`
  if (identity.sameServerAsSource)
    return `⚠️ database ${codeCell(target.databaseName)} (oid ${cell(target.databaseOid)}) on the source's own server (${server(target)}), not the source database ${codeCell(source.databaseName)} (oid ${cell(source.databaseOid)})`
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
    `### ${result.status === 'passed' ? '✅' : '❌'} Restore drill ${result.status}: ${codeCell(m.database)}`,
    '',
    '| | |',
    '|---|---|',
    row('Backup', codeCell(result.uri)),
    row(
      'Taken',
      `${cell(m.createdAt)} (server ${cell(m.server.version)}, pg_dump ${cell(m.pgDump.version)})`
    ),
    row(
      'Integrity',
      `✅ sha256 ${codeCell(m.object.sha256)} matches the manifest${m.encryption ? '; decrypted dump matches too' : ''}`
    ),
    row(
      'Restored into',
      `${codeCell(result.target)} with ${m.dump.format === 'custom' ? 'pg_restore' : 'psql'} ${cell(result.pgRestoreVersion)}`
    ),
    row('Target identity', describeTargetIdentity(result.targetIdentity)),
    row('Duration', formatDuration(result.durationMs)),
    row(
      'Tables',
      `${result.compared} compared (${cell(m.rowCounts.kind)} counts), ${result.mismatches} mismatches`
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
      `| ${STATUS_ICON[t.status]} | ${codeCell(`${t.schema}.${t.table}`)} | ${t.expected ?? '–'} | ${t.actual ?? '–'} |`
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
  return ['### ❌ Restore drill failed', '', cell(message)].join('\n') + '\n'
}

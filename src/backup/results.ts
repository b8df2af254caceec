/** What a backup and a restore drill produce: plain data for the mode, the renderers and the JSON report. */
import { ActionError } from '../errors.js'
import type { DatabaseIdentity } from './identity.js'
import type { BackupManifest, TableRowCount } from './manifest.js'
import type { RetentionResult } from './retention.js'
import type { RowCounts } from './row-counts.js'

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

export type TableStatus = 'match' | 'mismatch' | 'missing' | 'estimated' | 'not-in-dump' | 'unexpected'

export interface TableComparison {
  schema: string
  table: string
  expected: number | null
  actual: number | null
  status: TableStatus
}

export interface DrillResult {
  status: 'passed' | 'failed'
  uri: string
  manifestUri: string
  manifest: BackupManifest
  target: string
  pgRestoreVersion: string
  durationMs: number
  tables: TableComparison[]
  compared: number
  mismatches: number
  /** What the identity check proved about the target, for the report. */
  targetIdentity: TargetIdentity
  failure?: ActionError
}

export interface TargetIdentity {
  /** The target is a database next to the source, on the source's own server. */
  sameServerAsSource: boolean
  target: DatabaseIdentity
  source: DatabaseIdentity
}

/** Pure: compare the manifest's counts with what the restore produced. */
export function compareCounts(
  manifest: BackupManifest,
  inDump: Set<string>,
  restored: TableRowCount[]
): TableComparison[] {
  const actual = new Map(restored.map((t) => [`${t.schema}.${t.table}`, t.rows]))
  const out: TableComparison[] = []
  const seen = new Set<string>()
  for (const t of manifest.rowCounts.tables) {
    const name = `${t.schema}.${t.table}`
    seen.add(name)
    const got = actual.get(name)
    let status: TableStatus
    if (!inDump.has(name)) status = got === undefined || got === 0 ? 'not-in-dump' : 'unexpected'
    else if (got === undefined) status = 'missing'
    else if (manifest.rowCounts.kind === 'estimated') status = 'estimated'
    else status = got === t.rows ? 'match' : 'mismatch'
    out.push({ schema: t.schema, table: t.table, expected: t.rows, actual: got ?? null, status })
  }
  for (const t of restored) {
    const name = `${t.schema}.${t.table}`
    if (!seen.has(name))
      out.push({ schema: t.schema, table: t.table, expected: null, actual: t.rows, status: 'unexpected' })
  }
  return out
}

/** Pure: how many tables were compared and differ, and the failure when any differs. */
export function judgeDrill(tables: TableComparison[]): {
  compared: number
  mismatches: number
  failure?: ActionError
} {
  const compared = tables.filter(
    (t) => t.status === 'match' || t.status === 'mismatch' || t.status === 'missing'
  ).length
  const mismatches = tables.filter((t) => t.status === 'mismatch' || t.status === 'missing').length
  const failure =
    mismatches > 0
      ? new ActionError(
          `Restore drill: ${mismatches} of ${compared} tables differ from the manifest's row counts.`,
          { hint: 'See the table in the job summary.' }
        )
      : undefined
  return { compared, mismatches, failure }
}

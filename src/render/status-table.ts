import type { AppliedMigration } from '../migrate/deploy.js'
import type { Diagnosis } from '../migrate/status.js'
import { formatDuration } from '../util/format.js'
import { code, table, tableHead, tableRow } from './markdown.js'

export type MigrationState =
  'applied' | 'pending' | 'failed' | 'rolled-back' | 'missing-locally' | 'applied-now' | 'failed-now'

export interface StatusRow {
  name: string
  state: MigrationState
  /** The file changed after it was applied (its checksum differs from `_prisma_migrations`). */
  edited?: boolean
  startedAt?: Date
  finishedAt?: Date
  durationMs?: number
}

const STATE_LABEL: Record<MigrationState, string> = {
  applied: '✅ applied',
  pending: '⏳ pending',
  failed: '❌ failed',
  'rolled-back': '↩️ rolled back',
  'missing-locally': '⚠️ not in the migrations directory',
  'applied-now': '🆕 applied now',
  'failed-now': '❌ failed now'
}

function when(d: Date | undefined): string {
  return d ? `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC` : ''
}

const COLUMNS = ['Migration', 'State', 'Started', 'Duration', 'Notes']

function cells(r: StatusRow): string[] {
  const duration =
    r.durationMs ?? (r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : undefined)
  return [
    code(r.name),
    STATE_LABEL[r.state],
    when(r.startedAt),
    duration === undefined ? '' : formatDuration(duration),
    r.edited ? '✏️ edited after it was applied (checksum differs)' : ''
  ]
}

/** The migrations table: one row per migration, in order. */
export function renderStatusTable(rows: StatusRow[]): string {
  if (rows.length === 0) return '_No migrations found._'
  return table(COLUMNS, rows.map(cells))
}

/** The same table as a head and one line per row, for the fitter to cut. */
export function statusTableParts(rows: StatusRow[]): { head: string; rows: string[] } {
  return { head: tableHead(COLUMNS), rows: rows.map((r) => tableRow(cells(r))) }
}

/** The summary's migrations table: the diagnosis after the run, with what this run applied or failed marked. */
export function statusRows(
  diagnosis: Diagnosis,
  appliedNow: AppliedMigration[] = [],
  failedNow?: string
): StatusRow[] {
  const applied = new Map(appliedNow.map((m) => [m.name, m]))
  return diagnosis.migrations.map((m) => {
    const now = applied.get(m.name)
    if (now)
      return {
        name: m.name,
        state: 'applied-now',
        edited: m.edited,
        startedAt: now.startedAt,
        finishedAt: now.finishedAt,
        durationMs: now.durationMs
      }
    return {
      name: m.name,
      state: m.name === failedNow && m.state === 'failed' ? 'failed-now' : m.state,
      edited: m.edited,
      startedAt: m.startedAt,
      finishedAt: m.finishedAt
    }
  })
}

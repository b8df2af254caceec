import { MAX_COMMENT_CHARS, MAX_SUMMARY_BYTES } from '../constants.js'
import type { ReviewResult } from '../review/types.js'
import { byteLength, inlineText, truncateMarkdown } from './markdown.js'
import { renderReviewSection, type SqlDetail } from './review-report.js'
import { renderStatusTable, type StatusRow } from './status-table.js'

export interface MigrationReportInput {
  /** Default: "Prisma migrations: <mode>". */
  title?: string
  mode: string
  /** The database target, already redacted. */
  target: string
  migrationsDir: string
  /** The migrations table; left out when absent. */
  rows?: StatusRow[]
  /** "Next steps" and other headline notes, shown as a list under the title. */
  notes?: string[]
  /** Same as `notes` (both are shown). */
  nextSteps?: string[]
  review?: ReviewResult
  docsBaseUrl?: string
  /** Default: the job summary's 1 MiB. */
  limit?: { bytes?: number; chars?: number }
}

const CUT: Record<SqlDetail, string | undefined> = {
  full: undefined,
  flagged: 'SQL is shown only around the flagged lines',
  none: 'the SQL of each migration is left out'
}

function render(input: MigrationReportInput, sql: SqlDetail, cutNote: string | undefined): string {
  const parts = [
    `## ${inlineText(input.title ?? `Prisma migrations: ${input.mode}`)}`,
    `**Target:** \`${input.target.replace(/`/g, "'")}\` · **Migrations:** \`${input.migrationsDir.replace(/`/g, "'")}\` · **Mode:** \`${input.mode}\``
  ]
  const notes = [...(input.notes ?? []), ...(input.nextSteps ?? [])]
  if (notes.length) parts.push(notes.map((n) => `- ${inlineText(n)}`).join('\n'))
  if (input.rows) {
    const pending = input.rows.filter((r) => r.state === 'pending').length
    if (pending === 0 && input.rows.every((r) => r.state !== 'failed' && r.state !== 'failed-now'))
      parts.push('✅ No pending migrations: the database is up to date with the migrations directory.')
    parts.push('### Migrations', renderStatusTable(input.rows))
  }
  if (input.review) parts.push(renderReviewSection(input.review, { sql, docsBaseUrl: input.docsBaseUrl }))
  if (cutNote)
    parts.push(
      `> ✂️ Cut to fit GitHub's size limit: ${cutNote}. Every finding is listed; the full SQL is in the repository.`
    )
  return `${parts.join('\n\n')}\n`
}

/**
 * The job summary (and, with a marker, the PR comment): status table, then the review. When the markdown is over
 * the limit it drops detail in a fixed order — SQL away from the findings, then all SQL — and says what it cut;
 * findings are cut only as a last resort, at a line boundary.
 */
export function renderMigrationReport(input: MigrationReportInput): string {
  const measure = input.limit?.chars !== undefined ? (s: string): number => s.length : byteLength
  const limit = input.limit?.chars ?? input.limit?.bytes ?? MAX_SUMMARY_BYTES
  for (const sql of ['full', 'flagged', 'none'] as const) {
    const text = render(input, sql, CUT[sql])
    if (measure(text) <= limit) return text
  }
  return truncateMarkdown(
    render(input, 'none', CUT.none),
    limit,
    measure,
    "> ✂️ The report was cut here to fit GitHub's size limit; the job summary and the JSON report have every finding."
  )
}

/** The PR comment: the same markdown behind the hidden marker, fitted to GitHub's 65,536-character limit. */
export function renderCommentBody(input: Omit<MigrationReportInput, 'limit'>, marker: string): string {
  const body = renderMigrationReport({ ...input, limit: { chars: MAX_COMMENT_CHARS - marker.length - 1 } })
  return `${marker}\n${body}`
}

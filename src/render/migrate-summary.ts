import { formatCount } from '../util/format.js'
import { MAX_COMMENT_CHARS, MAX_SUMMARY_BYTES } from '../constants.js'
import { baseMigrationNames } from '../review/gate.js'
import type { ReviewResult } from '../review/types.js'
import { bytes, chars, cost, fitLines, joinBlocks, SEPARATOR, type Measure } from './fit.js'
import { code, inline, text } from './markdown.js'
import {
  allowedLines,
  keyFindingsTable,
  migrationSql,
  renderBaseSummary,
  renderMigrationSectionHead,
  reviewHead,
  rulesExplained,
  type SqlDetail
} from './review-sections.js'
import { statusTableParts, type StatusRow } from './status-table.js'

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
  /**
   * Markdown sections of other renderers shown after the report (the backup taken before a deploy); kept whole
   * and counted in the limit.
   */
  appendix?: string[]
  /** Default: the job summary's 1 MiB. */
  limit?: { bytes?: number; chars?: number }
}

/** What had to go, for the note that closes a cut report. */
interface Cuts {
  sql: SqlDetail
  /** [shown, total] for each list the fitter shortened. */
  notes?: [number, number]
  key?: [number, number]
  status?: [number, number]
  allowed?: [number, number]
  sections?: [number, number]
  rules?: boolean
}

function cutNote(c: Cuts): string {
  const what: string[] = []
  if (c.sql === 'flagged') what.push('SQL is shown only around the flagged lines')
  if (c.sql === 'none') what.push('the SQL of each migration is left out')
  if (c.notes) what.push(`${formatCount(c.notes[0])} of ${formatCount(c.notes[1])} notes are shown`)
  if (c.key)
    what.push(
      `${formatCount(c.key[0])} of ${formatCount(c.key[1])} destructive or error-level findings are listed`
    )
  if (c.status)
    what.push(
      `the migrations table lists ${formatCount(c.status[0])} of ${formatCount(c.status[1])} migrations`
    )
  if (c.allowed)
    what.push(`${formatCount(c.allowed[0])} of ${formatCount(c.allowed[1])} allowed findings are listed`)
  if (c.sections)
    what.push(
      `${formatCount(c.sections[1] - c.sections[0])} of ${formatCount(c.sections[1])} migrations' sections are left out`
    )
  if (c.rules) what.push('the explanations of the rules are left out')
  const everyFinding = !c.key && !c.sections
  return `> ✂️ Cut to fit GitHub's size limit: ${what.join('; ')}. ${
    everyFinding
      ? 'Every finding is listed; the full SQL is in the repository.'
      : 'The job summary has more, and the JSON report (the `report-path` output) has every finding.'
  }`
}

const WORST_NOTE = cutNote({
  sql: 'none',
  notes: [9_999_999, 9_999_999],
  key: [9_999_999, 9_999_999],
  status: [9_999_999, 9_999_999],
  allowed: [9_999_999, 9_999_999],
  sections: [0, 9_999_999],
  rules: true
})

/** Everything the report can show, each part rendered once. */
interface Parts {
  /** Never cut: title, target, the review's verdict. */
  top: string[]
  notes: string[]
  key?: ReturnType<typeof keyFindingsTable>
  migrations?: { upToDate?: string; head: string; rows: string[] }
  reviewTitle?: string
  allowed: string[]
  sections: (sql: SqlDetail) => string[]
  rules?: string
  appendix: string[]
}

/**
 * The migrations' sections at each SQL detail level. Only the SQL at the end of each section depends on the level:
 * the rest is rendered once, and each level's SQL when first asked for.
 */
function sections(
  reviewed: ReviewResult,
  onBase: Set<string>,
  docsBaseUrl: string | undefined
): (sql: SqlDetail) => string[] {
  // Migrations already on the base branch of a pull request: one summary, not a section each.
  const baseSummary = renderBaseSummary(reviewed)
  const shown = reviewed.migrations.filter((m) => !m.onBase)
  const heads = shown.map((m) => renderMigrationSectionHead(m, reviewed, onBase, { docsBaseUrl }))
  const done = new Map<SqlDetail, string[]>()
  return (sql) => {
    let rendered = done.get(sql)
    if (!rendered) {
      rendered = [
        ...(baseSummary ? [baseSummary] : []),
        ...shown.map((m, i) => {
          const block = migrationSql(m, sql)
          return block ? `${heads[i]}\n\n${block}` : heads[i]
        })
      ]
      done.set(sql, rendered)
    }
    return rendered
  }
}

function parts(input: MigrationReportInput): Parts {
  const review = input.review
  const onBase = review ? baseMigrationNames(review) : new Set<string>()
  const top = [
    `## ${text(input.title ?? `Prisma migrations: ${input.mode}`)}`,
    `**Target:** ${code(input.target)} · **Migrations:** ${code(input.migrationsDir)} · **Mode:** ${code(input.mode)}`,
    ...(review ? reviewHead(review, onBase) : [])
  ]
  const rows = input.rows
  let migrations: Parts['migrations']
  if (rows) {
    const pending = rows.filter((r) => r.state === 'pending').length
    const upToDate =
      pending === 0 && rows.every((r) => r.state !== 'failed' && r.state !== 'failed-now')
        ? '✅ No pending migrations: the database is up to date with the migrations directory.'
        : undefined
    migrations = rows.length
      ? { upToDate, ...statusTableParts(rows) }
      : { upToDate, head: '_No migrations found._', rows: [] }
  }
  const reviewed = review && review.migrations.length > 0 ? review : undefined
  return {
    top,
    notes: [...(input.notes ?? []), ...(input.nextSteps ?? [])].map((n) => `- ${inline(n)}`),
    key: review ? keyFindingsTable(review, onBase, { docsBaseUrl: input.docsBaseUrl }) : undefined,
    migrations,
    reviewTitle: reviewed ? '## SQL review' : undefined,
    allowed: reviewed ? allowedLines(reviewed) : [],
    sections: reviewed ? sections(reviewed, onBase, input.docsBaseUrl) : () => [],
    rules: reviewed ? rulesExplained(reviewed, onBase, input.docsBaseUrl) : undefined,
    appendix: (input.appendix ?? []).map((a) => a.replace(/\n+$/, '')).filter(Boolean)
  }
}

const ALLOWED_TITLE = '**Allowed through the deploy gate:**'

/** The whole report at one SQL detail level, nothing else cut. */
function whole(p: Parts, sql: SqlDetail): string[] {
  return [
    ...p.top,
    ...(p.notes.length ? [p.notes.join('\n')] : []),
    ...(p.key ? [p.key.title, [p.key.head, ...p.key.rows].join('\n')] : []),
    ...(p.migrations
      ? [
          ...(p.migrations.upToDate ? [p.migrations.upToDate] : []),
          '### Migrations',
          [p.migrations.head, ...p.migrations.rows].join('\n')
        ]
      : []),
    ...(p.reviewTitle ? [p.reviewTitle] : []),
    ...(p.allowed.length ? [[ALLOWED_TITLE, ...p.allowed].join('\n')] : []),
    ...p.sections(sql),
    ...(p.rules ? [p.rules] : []),
    ...(sql === 'full' ? [] : [cutNote({ sql })]),
    ...p.appendix
  ]
}

/**
 * Over the limit even without SQL: the top and the appendix whole, then each list in order of importance gets what
 * is left (notes up to half, the destructive and error-level findings all of it, the migrations table and the
 * allowed list up to half), then the migrations' sections while they fit.
 */
function cut(p: Parts, measure: Measure, limit: number): string[] {
  // a document costs the sum of its blocks' costs minus one
  let left = limit + 1 - cost(measure, [...p.top, ...p.appendix, WORST_NOTE])
  const c: Cuts = { sql: 'none' }
  const take = (block: string): boolean => {
    if (!block || measure(block) + SEPARATOR > left) return false
    left -= measure(block) + SEPARATOR
    return true
  }
  const share = (fraction: number): number => Math.max(0, Math.floor(left * fraction) - SEPARATOR)
  const blocks = [...p.top]
  if (p.notes.length) {
    const notes = fitLines(
      '',
      p.notes,
      share(0.5),
      measure,
      (n) => `_${formatCount(n)} more notes are left out._`
    )
    if (notes.omitted) c.notes = [notes.kept, p.notes.length]
    if (take(notes.text)) blocks.push(notes.text)
  }
  if (p.key && take(p.key.title)) {
    blocks.push(p.key.title)
    // most of what is left: the rest only gets a glimpse when these do not fit
    const key = fitLines(p.key.head, p.key.rows, share(0.9), measure, (n) =>
      text(
        `… and ${formatCount(n)} more destructive or error-level findings, in the job summary and the JSON report.`
      )
    )
    if (key.omitted) c.key = [key.kept, p.key.rows.length]
    if (take(key.text)) blocks.push(key.text)
  }
  if (p.migrations) {
    if (p.migrations.upToDate && take(p.migrations.upToDate)) blocks.push(p.migrations.upToDate)
    const title = '### Migrations'
    const table = fitLines(
      p.migrations.head,
      p.migrations.rows,
      share(0.5) - measure(title) - SEPARATOR,
      measure,
      (n) => text(`… and ${formatCount(n)} more migrations.`)
    )
    if (table.omitted) c.status = [table.kept, p.migrations.rows.length]
    if (table.text && take(title) && take(table.text)) blocks.push(title, table.text)
  }
  if (p.reviewTitle && take(p.reviewTitle)) blocks.push(p.reviewTitle)
  if (p.allowed.length) {
    const allowed = fitLines(ALLOWED_TITLE, p.allowed, share(0.5), measure, (n) =>
      text(`… and ${formatCount(n)} more.`)
    )
    if (allowed.omitted) c.allowed = [allowed.kept, p.allowed.length]
    if (take(allowed.text)) blocks.push(allowed.text)
  }
  const sections = p.sections('none')
  let shown = 0
  while (shown < sections.length && take(sections[shown])) blocks.push(sections[shown++])
  if (shown < sections.length) c.sections = [shown, sections.length]
  if (p.rules) {
    if (take(p.rules)) blocks.push(p.rules)
    else c.rules = true
  }
  return [...blocks, cutNote(c), ...p.appendix]
}

/**
 * The job summary (and, with a marker, the PR comment). The headline and the destructive and error-level findings
 * come first, then the migrations table, then each migration's other findings and its SQL. Over the limit, detail
 * goes in a fixed order (SQL away from the findings, all SQL, then the tail of each list by importance) and a note
 * says what went. Every part is rendered and measured once, so a report of thousands of migrations takes
 * milliseconds.
 */
export function renderMigrationReport(input: MigrationReportInput): string {
  const measure = input.limit?.chars !== undefined ? chars : bytes
  const limit = input.limit?.chars ?? input.limit?.bytes ?? MAX_SUMMARY_BYTES
  const p = parts(input)
  const fits = (blocks: string[]): boolean => cost(measure, blocks) - 1 <= limit
  // the smallest whole report first: when even that is over the limit, the SQL levels need not be rendered
  const none = whole(p, 'none')
  if (!fits(none)) return joinBlocks(cut(p, measure, limit))
  for (const sql of ['full', 'flagged'] as const) {
    const blocks = whole(p, sql)
    if (fits(blocks)) return joinBlocks(blocks)
  }
  return joinBlocks(none)
}

/** The PR comment: the marker on its own first line, then the same markdown fitted to 65,536 characters. */
export function renderCommentBody(input: Omit<MigrationReportInput, 'limit'>, marker: string): string {
  const body = renderMigrationReport({ ...input, limit: { chars: MAX_COMMENT_CHARS - marker.length - 1 } })
  return `${marker}\n${body}`
}

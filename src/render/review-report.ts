import { stakeText } from '../review/headline.js'
import { RULES_BY_ID } from '../review/rules/index.js'
import type { Finding, ReviewedMigration, ReviewResult, Severity } from '../review/types.js'
import {
  code,
  details,
  fence,
  htmlCode,
  htmlText,
  inline,
  quote,
  table,
  tableHead,
  tableRow,
  text
} from './markdown.js'

export type SqlDetail = 'full' | 'flagged' | 'none'

export interface ReviewRenderOptions {
  /** How much SQL to show: all of it, only the lines around findings, or none (when cutting to fit). */
  sql: SqlDetail
  /** Absolute URL of docs/rules.md; links are relative to the repository otherwise. */
  docsBaseUrl?: string
}

const ICON: Record<Severity, string> = { error: '🛑 error', warning: '⚠️ warning', notice: 'ℹ️ notice' }
const CONTEXT_LINES = 2
/** Review notes shown at the top; more would only repeat themselves (the JSON report has them all). */
const MAX_REVIEW_NOTES = 10

/** What the top of the report lists in full before anything else: data loss, and whatever stops the deploy. */
export function isKeyFinding(f: Finding): boolean {
  return f.destructive || f.severity === 'error'
}

function ruleLink(f: Finding, base: string | undefined): string {
  const href = base ? `${base}#${f.rule}` : f.docs
  return `[${f.rule}](${href})`
}

function objects(f: Finding): string {
  const parts: string[] = []
  if (f.typeName)
    parts.push(
      `enum ${code(f.typeName)}${f.values?.length ? ` [${f.values.map((v) => code(v)).join(', ')}]` : ''}`
    )
  if (f.table) parts.push(f.column ? `${code(f.table)}.${code(f.column)}` : code(f.table))
  else if (f.schema) parts.push(`schema ${code(f.schema)}`)
  if (f.columns?.length && !f.column) parts.push(`(${f.columns.map((c) => code(c)).join(', ')})`)
  return parts.join(' ')
}

function stakeCell(f: Finding, compared: boolean): string {
  if (f.rowsAtStake && 'error' in f.rowsAtStake) return `not counted: ${quote(f.rowsAtStake.error)}`
  const counted = stakeText(f.rowsAtStake)
  if (counted)
    return f.rowsAtStake && 'count' in f.rowsAtStake && f.rowsAtStake.count > 0 ? `**${counted}**` : counted
  return f.destructive && !compared ? 'not counted (no database)' : ''
}

/** Who allowed an error-level finding, as inline markdown (the reason is the file's text, quoted). */
function allowedCell(f: Finding): string {
  if (!f.acknowledged) return ''
  if (f.acknowledged.by === 'input') return 'allowed by `allow-destructive`'
  return `acknowledged on line ${f.acknowledged.line}${f.acknowledged.reason ? `: ${quote(f.acknowledged.reason)}` : ''}`
}

const FINDING_COLUMNS = ['Severity', 'Rule', 'Line', 'Objects', 'Finding', 'Data at stake', 'Allowed']

function findingCells(f: Finding, result: ReviewResult, options: ReviewRenderOptions): string[] {
  return [
    ICON[f.severity],
    ruleLink(f, options.docsBaseUrl),
    String(f.line),
    objects(f),
    inline(f.message),
    stakeCell(f, result.databaseCompared),
    allowedCell(f)
  ]
}

/**
 * The destructive and error-level findings of every migration, one row each: the part of the report that is never
 * cut before anything else. The fitter may list only the first rows (`head` + `rows`).
 */
export function keyFindingsTable(
  result: ReviewResult,
  options: Pick<ReviewRenderOptions, 'docsBaseUrl'>
): { title: string; head: string; rows: string[] } | undefined {
  const key = result.findings.filter(isKeyFinding)
  if (key.length === 0) return undefined
  return {
    title: `### 🛑 Destructive and error-level findings (${key.length})`,
    head: tableHead(['Migration', ...FINDING_COLUMNS]),
    rows: key.map((f) =>
      tableRow([code(f.migration), ...findingCells(f, result, { sql: 'none', ...options })])
    )
  }
}

/** The file with flagged lines marked: `-` for errors, `!` for warnings and notices (a `diff` block colours them). */
export function markedSql(m: ReviewedMigration, detail: Exclude<SqlDetail, 'none'>): string {
  const lines = m.script.replace(/\n$/, '').split('\n')
  const marks = new Map<number, string>()
  for (const f of m.findings) {
    for (let l = f.line; l <= (f.endLine ?? f.line); l++)
      if (marks.get(l) !== '-') marks.set(l, f.severity === 'error' ? '-' : '!')
  }
  const near = new Set<number>()
  if (detail === 'flagged')
    for (const l of marks.keys()) for (let i = l - CONTEXT_LINES; i <= l + CONTEXT_LINES; i++) near.add(i)
  const out: string[] = []
  let skipped = false
  lines.forEach((line, i) => {
    if (detail === 'flagged' && !near.has(i + 1)) {
      if (!skipped) out.push(' …')
      skipped = true
      return
    }
    skipped = false
    out.push(`${marks.get(i + 1) ?? ' '}${line}`)
  })
  return fence(out.join('\n'), 'diff')
}

/**
 * One migration's section: its other findings (the key ones are listed at the top), Prisma's warnings count and
 * its SQL at the detail asked for.
 */
export function renderMigrationSection(
  m: ReviewedMigration,
  result: ReviewResult,
  options: ReviewRenderOptions
): string {
  const parts: string[] = [`### ${code(m.name)}`]
  const key = m.findings.filter(isKeyFinding).length
  const others = m.findings.filter((f) => !isKeyFinding(f))
  if (m.findings.length === 0) parts.push('No findings.')
  else if (key > 0)
    parts.push(`${key} destructive or error-level finding${key === 1 ? '' : 's'}, listed at the top.`)
  if (others.length)
    parts.push(
      table(
        FINDING_COLUMNS,
        others.map((f) => findingCells(f, result, options))
      )
    )
  if (m.prismaWarnings.length) {
    const matched = m.findings.filter((f) => f.prismaWarning).length
    parts.push(
      `Prisma's warnings header lists ${m.prismaWarnings.length} change(s); ${matched} finding(s) answer them.`
    )
  }
  if (options.sql !== 'none' && m.script) {
    const flagged = new Set(m.findings.map((f) => f.line)).size
    const lines = m.script.replace(/\n$/, '').split('\n').length
    const label = `${htmlCode(m.file)} ${htmlText(`(${lines} lines, ${flagged} flagged${options.sql === 'flagged' ? ', shown around the flagged lines' : ''})`)}`
    parts.push(details(label, markedSql(m, options.sql)))
  }
  return parts.join('\n\n')
}

/** The rules behind the findings, each with why it matters and the safe alternative (our own text). */
export function rulesExplained(result: ReviewResult, base: string | undefined): string | undefined {
  const ids = [...new Set(result.findings.map((f) => f.rule))]
  if (ids.length === 0) return undefined
  const items = ids.map((id) => {
    const f = result.findings.find((x) => x.rule === id)!
    const title = RULES_BY_ID.get(id)?.title ?? id
    return `- **${ruleLink(f, base)}** — ${inline(title)}. ${inline(f.why)}<br>**Safe alternative:** ${inline(f.fix)}`
  })
  return details(htmlText('Why these findings matter, and the safe alternatives'), items.join('\n'))
}

/** The review's verdict for the top of the report: headline, the review's notes, and what the gate will do. */
export function reviewHead(result: ReviewResult): string[] {
  const parts: string[] = [`**${inline(result.headline)}**`]
  const notes = [...result.notes]
  if (!result.databaseCompared && result.migrations.length)
    notes.push('Data at stake was not counted: the review could not compare with a database.')
  if (notes.length) {
    const shown = notes.slice(0, MAX_REVIEW_NOTES).map((n) => `> ${inline(n)}`)
    if (notes.length > MAX_REVIEW_NOTES)
      shown.push(`> ${text(`… and ${notes.length - MAX_REVIEW_NOTES} more notes.`)}`)
    parts.push(shown.join('\n>\n'))
  }
  const open = result.unacknowledgedErrors.length
  if (open)
    parts.push(
      `${open} error-level finding(s) are not acknowledged: \`migrate-deploy\` will refuse to apply these migrations.`
    )
  return parts
}

/** The error-level findings let through the deploy gate, one line each. */
export function allowedLines(result: ReviewResult): string[] {
  return result.findings
    .filter((f) => f.severity === 'error' && f.acknowledged)
    .map((f) => `- ${code(f.rule)} in ${code(f.migration)} line ${f.line}: ${allowedCell(f)}`)
}

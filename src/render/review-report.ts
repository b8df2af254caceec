import { stakeText } from '../review/headline.js'
import { RULES_BY_ID } from '../review/rules/index.js'
import type { Finding, ReviewedMigration, ReviewResult, Severity } from '../review/types.js'
import { details, escapeHtml, escapeTableCell, fence, inlineText, table } from './markdown.js'

export type SqlDetail = 'full' | 'flagged' | 'none'

export interface ReviewRenderOptions {
  /** How much SQL to show: all of it, only the lines around findings, or none (when cutting to fit). */
  sql: SqlDetail
  /** Absolute URL of docs/rules.md; links are relative to the repository otherwise. */
  docsBaseUrl?: string
}

const ICON: Record<Severity, string> = { error: '🛑 error', warning: '⚠️ warning', notice: 'ℹ️ notice' }
const CONTEXT_LINES = 2

function ruleLink(f: Finding, base: string | undefined): string {
  const href = base ? `${base}#${f.rule}` : f.docs
  return `[${f.rule}](${href})`
}

function objects(f: Finding): string {
  const parts: string[] = []
  if (f.typeName) parts.push(`enum \`${f.typeName}\`${f.values?.length ? ` [${f.values.join(', ')}]` : ''}`)
  if (f.table) parts.push(f.column ? `\`${f.table}\`.\`${f.column}\`` : `\`${f.table}\``)
  else if (f.schema) parts.push(`schema \`${f.schema}\``)
  if (f.columns?.length && !f.column) parts.push(`(${f.columns.map((c) => `\`${c}\``).join(', ')})`)
  return parts.join(' ')
}

function stakeCell(f: Finding, compared: boolean): string {
  if (f.rowsAtStake && 'error' in f.rowsAtStake) return `not counted: ${f.rowsAtStake.error}`
  const text = stakeText(f.rowsAtStake)
  if (text) return f.rowsAtStake && 'count' in f.rowsAtStake && f.rowsAtStake.count > 0 ? `**${text}**` : text
  return f.destructive && !compared ? 'not counted (no database)' : ''
}

function allowedCell(f: Finding): string {
  if (!f.acknowledged) return ''
  if (f.acknowledged.by === 'input') return 'allowed by `allow-destructive`'
  return `acknowledged on line ${f.acknowledged.line}: ${f.acknowledged.reason ?? ''}`
}

/** The file with flagged lines marked: `-` for errors, `!` for warnings and notices (a `diff` block colours them). */
export function markedSql(m: ReviewedMigration, detail: Exclude<SqlDetail, 'none'>): string {
  const lines = m.script.replace(/\n$/, '').split('\n')
  const marks = new Map<number, string>()
  for (const f of m.findings) {
    for (let l = f.line; l <= (f.endLine ?? f.line); l++)
      if (marks.get(l) !== '-') marks.set(l, f.severity === 'error' ? '-' : '!')
  }
  const keep = (i: number): boolean =>
    detail === 'full' || [...marks.keys()].some((l) => Math.abs(l - (i + 1)) <= CONTEXT_LINES)
  const out: string[] = []
  let skipped = false
  lines.forEach((line, i) => {
    if (!keep(i)) {
      if (!skipped) out.push(' …')
      skipped = true
      return
    }
    skipped = false
    out.push(`${marks.get(i + 1) ?? ' '}${line}`)
  })
  return fence(out.join('\n'), 'diff')
}

function renderMigration(m: ReviewedMigration, result: ReviewResult, options: ReviewRenderOptions): string {
  const parts: string[] = [`### \`${escapeHtml(m.name)}\``]
  if (m.findings.length === 0) parts.push('No findings.')
  else
    parts.push(
      table(
        ['Severity', 'Rule', 'Line', 'Objects', 'Finding', 'Data at stake', 'Allowed'],
        m.findings.map((f) => [
          ICON[f.severity],
          ruleLink(f, options.docsBaseUrl),
          String(f.line),
          escapeTableCell(objects(f)),
          escapeTableCell(f.message),
          escapeTableCell(stakeCell(f, result.databaseCompared)),
          escapeTableCell(allowedCell(f))
        ])
      )
    )
  if (m.prismaWarnings.length) {
    const matched = m.findings.filter((f) => f.prismaWarning).length
    parts.push(
      `Prisma's warnings header lists ${m.prismaWarnings.length} change(s); ${matched} finding(s) above answer them.`
    )
  }
  if (options.sql !== 'none') {
    const flagged = new Set(m.findings.map((f) => f.line)).size
    const lines = m.script.replace(/\n$/, '').split('\n').length
    const label = `${m.file} (${lines} lines, ${flagged} flagged${options.sql === 'flagged' ? ', shown around the flagged lines' : ''})`
    parts.push(details(label, markedSql(m, options.sql)))
  }
  return parts.join('\n\n')
}

function rulesExplained(result: ReviewResult, base: string | undefined): string {
  const ids = [...new Set(result.findings.map((f) => f.rule))]
  if (ids.length === 0) return ''
  const items = ids.map((id) => {
    const f = result.findings.find((x) => x.rule === id)!
    const title = RULES_BY_ID.get(id)?.title ?? id
    return `- **${ruleLink(f, base)}** — ${inlineText(title)}. ${inlineText(f.why)}<br>**Safe alternative:** ${inlineText(f.fix)}`
  })
  return details('Why these findings matter, and the safe alternatives', items.join('\n'))
}

/** The review part of the report: headline, then per migration its findings and its SQL. */
export function renderReviewSection(result: ReviewResult, options: ReviewRenderOptions): string {
  const parts: string[] = ['## SQL review', `**${inlineText(result.headline)}**`]
  const notes = [...result.notes]
  if (!result.databaseCompared && result.migrations.length)
    notes.push('Data at stake was not counted: the review could not compare with a database.')
  if (notes.length) parts.push(notes.map((n) => `> ${inlineText(n)}`).join('\n>\n'))
  const allowed = result.findings.filter((f) => f.severity === 'error' && f.acknowledged)
  if (allowed.length)
    parts.push(
      `**Allowed through the deploy gate:**\n${allowed
        .map(
          (f) =>
            `- ${inlineText(`\`${f.rule}\` in \`${f.migration}\` line ${f.line}`)}: ${inlineText(allowedCell(f))}`
        )
        .join('\n')}`
    )
  const open = result.unacknowledgedErrors.length
  if (open)
    parts.push(
      `${open} error-level finding(s) are not acknowledged: \`migrate-deploy\` will refuse to apply these migrations.`
    )
  for (const m of result.migrations) parts.push(renderMigration(m, result, options))
  const explained = rulesExplained(result, options.docsBaseUrl)
  if (explained) parts.push(explained)
  return parts.join('\n\n')
}

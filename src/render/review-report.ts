import { changeLabel, stakeText } from '../review/headline.js'
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
  if (f.elsewhere) return `**none in this database, but it ${f.elsewhere}**`
  if (f.rowsAtStake && 'error' in f.rowsAtStake) return `not counted: ${f.rowsAtStake.error}`
  const text = stakeText(f.rowsAtStake)
  if (text) return f.rowsAtStake && 'count' in f.rowsAtStake && f.rowsAtStake.count > 0 ? `**${text}**` : text
  if (f.dataHere?.destroys) return f.dataHere.reason
  return f.destructive && !compared ? 'not counted (no database)' : ''
}

function allowedCell(f: Finding): string {
  if (!f.acknowledged) return ''
  if (f.acknowledged.by === 'input') return 'allowed by `allow-destructive`'
  if (f.acknowledged.by === 'database') return f.acknowledged.reason ?? 'nothing to lose here'
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
    const onNew = m.prismaWarningsOnNewTables
      ? `, and ${m.prismaWarningsOnNewTables} change(s) are made on tables created earlier in the pending migrations (nothing to check there)`
      : ''
    parts.push(
      `Prisma's warnings header lists ${m.prismaWarnings.length} change(s); ${matched} finding(s) above answer them${onNew}.`
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

/** Pending migrations that are already on the base branch: one paragraph, not a finding table each. */
function renderBaseSummary(migrations: ReviewedMigration[], base: string): string {
  const findings = migrations.flatMap((m) => m.findings)
  const harmless = findings.filter((f) => f.acknowledged?.by === 'database').length
  const destroying = findings.filter((f) => f.destructive && f.acknowledged?.by !== 'database')
  const other = findings.filter((f) => !f.destructive)
  const count = (severity: Severity): number => other.filter((f) => f.severity === severity).length
  const names =
    migrations.length === 1
      ? `The migration \`${migrations[0].name}\` is`
      : `The migrations from \`${migrations[0].name}\` to \`${migrations[migrations.length - 1].name}\` are`
  const lines = [
    `### ${migrations.length} pending migration(s) already on ${inlineText(base)}`,
    inlineText(
      `${names} on the base branch (reviewed when they got there) and pending only in this database: summarised here, not flagged again.`
    )
  ]
  const items: string[] = []
  if (harmless)
    items.push(
      `${harmless} destructive statement(s) on objects created earlier in this deploy: nothing to lose in this database.`
    )
  if (destroying.length)
    items.push(
      `Destroys data in this database (\`migrate-deploy\` refuses them unless acknowledged): ${destroying
        .slice(0, 5)
        .map(
          (f) =>
            `${changeLabel(f)} in \`${f.migration}\`${stakeText(f.rowsAtStake) ? ` (${stakeText(f.rowsAtStake)})` : ''}`
        )
        .join(', ')}${destroying.length > 5 ? `, and ${destroying.length - 5} more` : ''}.`
    )
  items.push(
    `${count('error')} other error(s), ${count('warning')} warning(s), ${count('notice')} notice(s).`
  )
  lines.push(items.map((i) => `- ${inlineText(i)}`).join('\n'))
  return lines.join('\n\n')
}

function rulesExplained(findings: Finding[], base: string | undefined): string {
  const ids = [...new Set(findings.map((f) => f.rule))]
  if (ids.length === 0) return ''
  const items = ids.map((id) => {
    const f = findings.find((x) => x.rule === id)!
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
  const allowed = result.findings.filter(
    (f) => f.severity === 'error' && f.acknowledged && f.acknowledged.by !== 'database'
  )
  // Findings of migrations already on the base branch are summarised below, not listed.
  const baseNames = new Set(result.migrations.filter((m) => m.onBase).map((m) => m.name))
  const listed = result.findings.filter((f) => !baseNames.has(f.migration))
  const harmless = listed.filter((f) => f.acknowledged?.by === 'database').length
  if (harmless)
    parts.push(
      `**Nothing to lose in this database:** ${harmless} destructive finding(s) work on objects created earlier in this deploy (see "Allowed", per finding). They do not block the deploy here.`
    )
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
  const elsewhere = result.unacknowledgedErrors.filter((f) => f.elsewhere).length
  if (open)
    parts.push(
      `${open} error-level finding(s) are not acknowledged: \`migrate-deploy\` will refuse to apply these migrations${elsewhere ? ` where they destroy data (${elsewhere} of them only in environments where earlier migrations already ran, not in this database)` : ''}.`
    )
  const scope = result.pullRequest
  if (scope && !scope.known)
    parts.push(
      `> ${inlineText(`Could not tell which pending migrations this pull request adds (compared with ${scope.base}): every pending migration is reviewed as this pull request's, and a destructive change on an object created earlier in this deploy is flagged for environments where that migration already ran.`)}`
    )
  const onBase = result.migrations.filter((m) => m.onBase)
  if (onBase.length) parts.push(renderBaseSummary(onBase, scope?.base ?? 'the base branch'))
  for (const m of result.migrations) if (!m.onBase) parts.push(renderMigration(m, result, options))
  const explained = rulesExplained(listed, options.docsBaseUrl)
  if (explained) parts.push(explained)
  return parts.join('\n\n')
}

import { changeLabel, stakeText } from '../review/headline.js'
import { RULES_BY_ID } from '../review/rules/index.js'
import { labelObject } from '../review/rules/rule.js'
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

/** How much SQL to show: all of it, only the lines around findings, or none (when cutting to fit). */
export type SqlDetail = 'full' | 'flagged' | 'none'

export interface ReviewRenderOptions {
  /** Absolute URL of docs/rules.md; links are relative to the repository otherwise. */
  docsBaseUrl?: string
}

const ICON: Record<Severity, string> = { error: '🛑 error', warning: '⚠️ warning', notice: 'ℹ️ notice' }
const CONTEXT_LINES = 2
/** Review notes shown at the top; more would only repeat themselves (the JSON report has them all). */
const MAX_REVIEW_NOTES = 10

/**
 * What the top of the report lists in full before anything else: data loss, and whatever stops the deploy. A
 * destructive statement on an object this deploy creates destroys nothing here: it is listed with its migration.
 * Findings of migrations already on the base branch are summarised instead.
 */
function isKeyFinding(f: Finding, onBase: Set<string>): boolean {
  if (f.acknowledged?.by === 'database') return false
  if (onBase.has(f.migration)) return false
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
  if (f.table) parts.push(labelObject(f))
  else if (f.schema) parts.push(`schema ${code(f.schema)}`)
  if (f.columns?.length && !f.column) parts.push(`(${f.columns.map((c) => code(c)).join(', ')})`)
  return parts.join(' ')
}

function stakeCell(f: Finding, compared: boolean): string {
  if (f.elsewhere) return `**${inline(`none in this database, but it ${f.elsewhere}`)}**`
  if (f.rowsAtStake && 'error' in f.rowsAtStake) return `not counted: ${quote(f.rowsAtStake.error)}`
  const counted = stakeText(f.rowsAtStake)
  if (counted)
    return f.rowsAtStake && 'count' in f.rowsAtStake && f.rowsAtStake.count > 0 ? `**${counted}**` : counted
  if (f.dataHere?.destroys) return inline(f.dataHere.reason)
  return f.destructive && !compared ? 'not counted (no database)' : ''
}

/** Who allowed an error-level finding, as inline markdown (the reason is the file's text, quoted). */
function allowedCell(f: Finding): string {
  if (!f.acknowledged) return ''
  if (f.acknowledged.by === 'input') return 'allowed by `allow-destructive`'
  if (f.acknowledged.by === 'database') return inline(f.acknowledged.reason ?? 'nothing to lose here')
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
  onBase: Set<string>,
  options: ReviewRenderOptions
): { title: string; head: string; rows: string[] } | undefined {
  const key = result.findings.filter((f) => isKeyFinding(f, onBase))
  if (key.length === 0) return undefined
  return {
    title: `### 🛑 Destructive and error-level findings (${key.length})`,
    head: tableHead(['Migration', ...FINDING_COLUMNS]),
    rows: key.map((f) => tableRow([code(f.migration), ...findingCells(f, result, options)]))
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
 * One migration's section without its SQL: its other findings (the key ones are listed at the top) and Prisma's
 * warnings count. The same at every SQL detail level; `migrationSql` gives the part that is not.
 */
export function renderMigrationSectionHead(
  m: ReviewedMigration,
  result: ReviewResult,
  onBase: Set<string>,
  options: ReviewRenderOptions
): string {
  const parts: string[] = [`### ${code(m.name)}`]
  const key = m.findings.filter((f) => isKeyFinding(f, onBase)).length
  const others = m.findings.filter((f) => !isKeyFinding(f, onBase))
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
    const onNew = m.prismaWarningsOnNewTables
      ? `, and ${m.prismaWarningsOnNewTables} change(s) are made on tables created earlier in the pending migrations (nothing to check there)`
      : ''
    parts.push(
      `Prisma's warnings header lists ${m.prismaWarnings.length} change(s); ${matched} finding(s) answer them${onNew}.`
    )
  }
  return parts.join('\n\n')
}

/** The end of a migration's section: its SQL at the detail asked for, folded; none for 'none' or an empty file. */
export function migrationSql(m: ReviewedMigration, sql: SqlDetail): string | undefined {
  if (sql === 'none' || !m.script) return undefined
  const flagged = new Set(m.findings.map((f) => f.line)).size
  const lines = m.script.replace(/\n$/, '').split('\n').length
  const label = `${htmlCode(m.file)} ${htmlText(`(${lines} lines, ${flagged} flagged${sql === 'flagged' ? ', shown around the flagged lines' : ''})`)}`
  return details(label, markedSql(m, sql))
}

/** Pending migrations that are already on the base branch: one paragraph, not a finding table each. */
export function renderBaseSummary(result: ReviewResult): string | undefined {
  const migrations = result.migrations.filter((m) => m.onBase)
  if (migrations.length === 0) return undefined
  const base = result.pullRequest?.base ?? 'the base branch'
  const findings = migrations.flatMap((m) => m.findings)
  const harmless = findings.filter((f) => f.acknowledged?.by === 'database').length
  const destroying = findings.filter((f) => f.destructive && f.acknowledged?.by !== 'database')
  const other = findings.filter((f) => !f.destructive)
  const count = (severity: Severity): number => other.filter((f) => f.severity === severity).length
  const names =
    migrations.length === 1
      ? `The migration ${code(migrations[0].name)} is`
      : `The migrations from ${code(migrations[0].name)} to ${code(migrations[migrations.length - 1].name)} are`
  const items: string[] = []
  if (harmless)
    items.push(
      text(
        `${harmless} destructive statement(s) on objects created earlier in this deploy: nothing to lose in this database.`
      )
    )
  if (destroying.length)
    items.push(
      `Destroys data in this database (\`migrate-deploy\` refuses them unless acknowledged): ${destroying
        .slice(0, 5)
        .map((f) => {
          const stake = stakeText(f.rowsAtStake)
          return `${changeLabel(f)} in ${code(f.migration)}${stake ? ` (${stake})` : ''}`
        })
        .join(', ')}${destroying.length > 5 ? `, and ${destroying.length - 5} more` : ''}.`
    )
  items.push(
    text(`${count('error')} other error(s), ${count('warning')} warning(s), ${count('notice')} notice(s).`)
  )
  return [
    `### ${text(`${migrations.length} pending migration(s) already on`)} ${inline(base)}`,
    `${names} on the base branch (reviewed when they got there) and pending only in this database: summarised here, not flagged again.`,
    items.map((i) => `- ${i}`).join('\n')
  ].join('\n\n')
}

/** The rules behind the findings, each with why it matters and the safe alternative (our own text). */
export function rulesExplained(
  result: ReviewResult,
  onBase: Set<string>,
  base: string | undefined
): string | undefined {
  const listed = result.findings.filter((f) => !onBase.has(f.migration))
  const firstByRule = new Map<string, (typeof listed)[number]>()
  for (const f of listed) if (!firstByRule.has(f.rule)) firstByRule.set(f.rule, f)
  if (firstByRule.size === 0) return undefined
  const items = [...firstByRule].map(([id, f]) => {
    const title = RULES_BY_ID.get(id)?.title ?? id
    return `- **${ruleLink(f, base)}** — ${inline(title)}. ${inline(f.why)}<br>**Safe alternative:** ${inline(f.fix)}`
  })
  return details(htmlText('Why these findings matter, and the safe alternatives'), items.join('\n'))
}

/** The review's verdict for the top of the report: headline, the review's notes, and what the gate will do. */
export function reviewHead(result: ReviewResult, onBase: Set<string>): string[] {
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
  const scope = result.pullRequest
  if (scope && !scope.known)
    parts.push(
      `> ${inline(`Could not tell which pending migrations this pull request adds (compared with ${scope.base}): every pending migration is reviewed as this pull request's, and a destructive change on an object created earlier in this deploy is flagged for environments where that migration already ran.`)}`
    )
  const harmless = result.findings.filter(
    (f) => f.acknowledged?.by === 'database' && !onBase.has(f.migration)
  ).length
  if (harmless)
    parts.push(
      `**Nothing to lose in this database:** ${harmless} destructive finding(s) work on objects created earlier in this deploy (see "Allowed", per finding). They do not block the deploy here.`
    )
  const open = result.unacknowledgedErrors.length
  const elsewhere = result.unacknowledgedErrors.filter((f) => f.elsewhere).length
  if (open)
    parts.push(
      `${open} error-level finding(s) are not acknowledged: \`migrate-deploy\` will refuse to apply these migrations${elsewhere ? ` where they destroy data (${elsewhere} of them only in environments where earlier migrations already ran, not in this database)` : ''}.`
    )
  return parts
}

/** The error-level findings let through the deploy gate, one line each. */
export function allowedLines(result: ReviewResult): string[] {
  return result.findings
    .filter((f) => f.severity === 'error' && f.acknowledged && f.acknowledged.by !== 'database')
    .map((f) => `- ${code(f.rule)} in ${code(f.migration)} line ${f.line}: ${allowedCell(f)}`)
}

import * as core from '@actions/core'
import { MAX_ANNOTATIONS_PER_LEVEL } from '../constants.js'
import { stakeText } from '../review/headline.js'
import type { Finding, Severity } from '../review/types.js'

const EMIT: Record<Severity, (message: string, props: core.AnnotationProperties) => void> = {
  error: (m, p) => core.error(m, p),
  warning: (m, p) => core.warning(m, p),
  notice: (m, p) => core.notice(m, p)
}

function text(f: Finding): string {
  const stake = stakeText(f.rowsAtStake)
  const allowed = f.acknowledged
    ? ` Allowed: ${f.acknowledged.by === 'input' ? 'allow-destructive' : f.acknowledged.reason}.`
    : ''
  const elsewhere = f.elsewhere ? ` Nothing in this database, but it ${f.elsewhere}.` : ''
  return `${f.message}${stake ? ` Data at stake: ${stake}.` : ''}${elsewhere}${allowed} Safe alternative: ${f.fix} (${f.docs})`
}

/** A finding that destroys nothing in the compared database is shown as a notice, whatever its rule's level. */
const levelOf = (f: Finding): Severity => (f.acknowledged?.by === 'database' ? 'notice' : f.severity)

/**
 * One annotation per finding on its migration.sql line, errors first, at most MAX_ANNOTATIONS_PER_LEVEL per level
 * (GitHub shows about ten per level and step), then a single notice pointing to the job summary.
 */
export function annotateFindings(findings: Finding[], summaryHint = 'the job summary'): void {
  if (findings.length === 0) return
  let shown = 0
  for (const level of ['error', 'warning', 'notice'] as const) {
    // keep room for the closing notice among the notices
    const cap = level === 'notice' ? MAX_ANNOTATIONS_PER_LEVEL - 1 : MAX_ANNOTATIONS_PER_LEVEL
    const chosen = findings.filter((f) => levelOf(f) === level).slice(0, cap)
    for (const f of chosen)
      EMIT[level](text(f), {
        title: `${f.rule} (${f.migration})`,
        file: f.file,
        startLine: f.line,
        endLine: f.endLine ?? f.line
      })
    shown += chosen.length
  }
  const omitted = findings.length - shown
  core.notice(
    omitted > 0
      ? `${findings.length} migration review findings; ${omitted} are not annotated here. See ${summaryHint} for all of them with the SQL.`
      : `${findings.length} migration review finding(s). See ${summaryHint} for the report with the SQL.`,
    { title: 'Migration review' }
  )
}

import type { ReviewResult } from '../review/types.js'

export function reviewOutputs(review: ReviewResult): Record<string, string> {
  return {
    'destructive-count': String(review.destructiveCount),
    'findings-count': String(review.findings.length),
    'has-destructive': String(review.destructiveCount > 0)
  }
}

/** The review section of the JSON report: every finding with the documented kebab-case keys. */
export function reviewReport(review: ReviewResult): Record<string, unknown> {
  return {
    headline: review.headline,
    databaseCompared: review.databaseCompared,
    destructiveCount: review.destructiveCount,
    errorCount: review.errorCount,
    warningCount: review.warningCount,
    notes: review.notes,
    findings: review.findings.map((f) => ({
      migration: f.migration,
      file: f.file,
      line: f.line,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      destructive: f.destructive,
      schema: f.schema,
      table: f.table,
      column: f.column,
      'rows-at-stake': f.rowsAtStake,
      acknowledged: f.acknowledged ?? null,
      docs: f.docs
    }))
  }
}

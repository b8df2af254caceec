import { headlineFor } from './headline.js'
import type { ReviewedMigration, ReviewResult } from './types.js'

/** Totals and headline from reviewed migrations (also used by the offline review, which adds findings). */
export function summarize(
  migrations: ReviewedMigration[],
  databaseCompared: boolean,
  notes: string[]
): ReviewResult {
  const findings = migrations.flatMap((m) => m.findings)
  const result: ReviewResult = {
    migrations,
    findings,
    destructiveCount: findings.filter((f) => f.destructive && f.acknowledged?.by !== 'database').length,
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warning').length,
    headline: '',
    unacknowledgedErrors: findings.filter((f) => f.severity === 'error' && !f.acknowledged),
    databaseCompared,
    notes
  }
  result.headline = headlineFor(result)
  return result
}

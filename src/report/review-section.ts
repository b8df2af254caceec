import type { Finding, ReviewResult } from '../review/types.js'

/** A finding in the JSON report; the keys are documented in the README ("The JSON report"). */
export interface JsonFinding {
  migration: string
  file: string
  line: number
  rule: string
  severity: string
  message: string
  destructive: boolean
  docs: string
  schema?: string
  table?: string
  column?: string
  /** What a live count found: `{ count, estimated, what }`, or `{ error }` when it could not count. */
  'rows-at-stake'?: Finding['rowsAtStake']
  /**
   * Who allowed an error-level finding: the `allow-destructive` input, a comment in the file, or the database (it
   * holds nothing the statement can destroy).
   */
  acknowledged: Finding['acknowledged'] | null
  'prisma-warning'?: string
  /** A pull request's change that destroys nothing in this database but does where earlier migrations ran. */
  elsewhere?: string
}

function toJson(f: Finding): JsonFinding {
  const out: JsonFinding = {
    migration: f.migration,
    file: f.file,
    line: f.line,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    destructive: f.destructive,
    docs: f.docs,
    acknowledged: f.acknowledged ?? null
  }
  if (f.schema) out.schema = f.schema
  if (f.table) out.table = f.table
  if (f.column) out.column = f.column
  if (f.rowsAtStake) out['rows-at-stake'] = f.rowsAtStake
  if (f.prismaWarning) out['prisma-warning'] = f.prismaWarning
  if (f.elsewhere) out.elsewhere = f.elsewhere
  return out
}

/** The review's part of the JSON report. */
export function reviewJson(result: ReviewResult): Record<string, unknown> {
  return {
    headline: result.headline,
    databaseCompared: result.databaseCompared,
    destructiveCount: result.destructiveCount,
    findingsCount: result.findings.length,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    migrations: result.migrations.map((m) => ({
      name: m.name,
      file: m.file,
      parseError: m.parseError,
      prismaWarnings: m.prismaWarnings,
      ...(m.onBase ? { onBase: true } : {})
    })),
    findings: result.findings.map(toJson),
    notes: result.notes,
    ...(result.pullRequest ? { pullRequest: result.pullRequest } : {})
  }
}

/** The action outputs the review sets. */
export function reviewOutputs(result: ReviewResult | undefined): Record<string, string> {
  return {
    'destructive-count': String(result?.destructiveCount ?? 0),
    'findings-count': String(result?.findings.length ?? 0),
    'has-destructive': String((result?.destructiveCount ?? 0) > 0)
  }
}

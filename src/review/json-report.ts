import type { Finding, ReviewResult } from './types.js'

export interface JsonFinding {
  migration: string
  file: string
  line: number
  rule: string
  severity: string
  message: string
  destructive: boolean
  schema?: string
  table?: string
  column?: string
  rowsAtStake?: number | null
  rowsAtStakeEstimated?: boolean
  rowsAtStakeWhat?: string
  rowsAtStakeError?: string
  acknowledged?: { by: 'input' | 'comment'; reason?: string; line?: number }
  prismaWarning?: string
}

function toJson(f: Finding): JsonFinding {
  const out: JsonFinding = {
    migration: f.migration,
    file: f.file,
    line: f.line,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    destructive: f.destructive
  }
  if (f.schema) out.schema = f.schema
  if (f.table) out.table = f.table
  if (f.column) out.column = f.column
  if (f.rowsAtStake && 'count' in f.rowsAtStake) {
    out.rowsAtStake = f.rowsAtStake.count
    out.rowsAtStakeEstimated = f.rowsAtStake.estimated
    out.rowsAtStakeWhat = f.rowsAtStake.what
  } else if (f.rowsAtStake) {
    out.rowsAtStake = null
    out.rowsAtStakeError = f.rowsAtStake.error
  }
  if (f.acknowledged) out.acknowledged = f.acknowledged
  if (f.prismaWarning) out.prismaWarning = f.prismaWarning
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
      prismaWarnings: m.prismaWarnings
    })),
    findings: result.findings.map(toJson),
    notes: result.notes
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

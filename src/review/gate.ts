/** The review's verdicts, pure: whether migrate-deploy may apply, and whether migrate-status fails the check. */
import type { Acknowledgement, Finding, ReviewResult } from './types.js'

export interface GateDecision {
  allowed: boolean
  reason: string
  allowedBy: { finding: Finding; by: Acknowledgement['by']; reason?: string }[]
}

/** "52 destroy nothing in this database (...), 1 acknowledged in the migration file": who allowed what. */
function allowedSummary(findings: Finding[]): string {
  const count = (by: Acknowledgement['by']): number =>
    findings.filter((f) => f.acknowledged?.by === by).length
  const parts: string[] = []
  if (count('database'))
    parts.push(
      `${count('database')} destroy nothing in this database (each works on an object created earlier in this deploy)`
    )
  if (count('comment')) parts.push(`${count('comment')} acknowledged in the migration file`)
  if (count('input')) parts.push(`${count('input')} allowed by \`allow-destructive: true\``)
  return parts.join(', ')
}

/** Whether migrate-deploy may apply the reviewed migrations. Decide before taking the advisory lock. */
export function gateDecision(result: ReviewResult, allowDestructive: boolean): GateDecision {
  const errors = result.findings.filter((f) => f.severity === 'error')
  const allowedBy = errors
    .filter((f) => f.acknowledged || allowDestructive)
    .map((f) => ({
      finding: f,
      by: f.acknowledged?.by ?? ('input' as const),
      reason: f.acknowledged?.reason ?? 'allow-destructive: true'
    }))
  const blocking = errors.filter((f) => !f.acknowledged)
  if (blocking.length === 0)
    return {
      allowed: true,
      reason: errors.length
        ? `No error-level finding blocks the deploy: ${allowedSummary(errors)}.`
        : 'No error-level findings.',
      allowedBy
    }
  if (allowDestructive)
    return {
      allowed: true,
      reason: `${blocking.length} error-level finding(s) allowed by \`allow-destructive: true\`.`,
      allowedBy
    }
  const list = blocking
    .slice(0, 5)
    .map(
      (f) =>
        `${f.rule} in ${f.migration} line ${f.line}${f.dataHere?.destroys ? ` (${f.dataHere.reason})` : ''}`
    )
    .join('; ')
  const others = allowedSummary(errors)
  return {
    allowed: false,
    reason: `Refusing to apply: ${blocking.length} error-level finding(s) are not acknowledged (${list}${blocking.length > 5 ? '; ...' : ''}).${others ? ` Of the others, ${others}.` : ''} Acknowledge each with a \`-- pg-ops:allow <rule> <reason>\` line directly above the statement, or set \`allow-destructive: true\`.`,
    allowedBy
  }
}

/** Pending migrations already on the base branch of a pull request (reviewed when they got there). */
export function baseMigrationNames(result: ReviewResult): Set<string> {
  return new Set(result.migrations.filter((m) => m.onBase).map((m) => m.name))
}

/**
 * Whether migrate-status fails the check for these findings. Acknowledged findings do not count, nor do those of
 * migrations a pull request review summarises as already on the base branch.
 */
export function failOnDecision(result: ReviewResult, failOn: 'error' | 'warning' | 'never'): boolean {
  if (failOn === 'never') return false
  const onBase = baseMigrationNames(result)
  const open = result.findings.filter((f) => !f.acknowledged && !onBase.has(f.migration))
  if (failOn === 'warning') return open.some((f) => f.severity === 'error' || f.severity === 'warning')
  return open.some((f) => f.severity === 'error')
}

/**
 * migrate-deploy's decisions, pure: whether it may apply what is pending, and whether it takes a backup first.
 * Decided before the advisory lock is taken; the mode (src/modes/migrate-deploy.ts) only carries them out.
 */
import type { BackupBeforeDeploy } from '../backup/settings.js'
import { ActionError } from '../errors.js'
import { describeFallback } from '../migrate/execute.js'
import type { Diagnosis } from '../migrate/status.js'
import { code } from '../render/markdown.js'
import type { GateDecision } from '../review/gate.js'

export interface DeployFacts {
  /** The pending plan's id now, and the reviewed one (`expected-plan-id`) when given. */
  planId: string
  expectedPlanId?: string
  /** Statements that cannot run in a transaction, in a file Prisma runs as one, and Prisma 7.4+'s fallbacks. */
  nonTransactional: Diagnosis['nonTransactional']
  fallbacks: Diagnosis['fallbacks']
  /** The review's gate (findings acknowledged, allowed, or blocking). */
  gate: Pick<GateDecision, 'allowed' | 'reason'>
  pendingCount: number
  failedCount: number
  destructiveCount: number
  backupBeforeDeploy: BackupBeforeDeploy
}

export interface DeployDecision {
  /** Why nothing may be applied; undefined: go ahead. */
  refusal?: ActionError
  /** Take the backup before applying. */
  backup: boolean
}

/** The first reason to apply nothing: a changed plan, a file that cannot run as Prisma runs it, the gate. */
function refusalOf(facts: DeployFacts): ActionError | undefined {
  if (facts.expectedPlanId && facts.expectedPlanId !== facts.planId)
    return new ActionError(
      `The pending migrations changed since they were reviewed: plan ${facts.planId} is pending now, but expected-plan-id is ${facts.expectedPlanId}. Nothing was applied.`,
      {
        hint: 'Run the review (migrate-status) again and approve the new plan; pass its plan-id output to expected-plan-id.'
      }
    )
  const first = facts.nonTransactional[0]
  if (first) {
    const fallback = facts.fallbacks.find((f) => f.migration === first.migration)
    const why = fallback
      ? `Prisma 7.4+ sends this file as one batch (one transaction) because ${describeFallback(fallback.fallback)}`
      : 'Prisma runs a migration file as one transaction'
    return new ActionError(
      `Migration ${code(first.migration)} line ${first.line} has ${code(first.statement)}, which cannot run inside a transaction, together with other statements; ${why}, so it would fail (SQLSTATE 25001). Nothing was applied.`,
      { hint: 'Move the statement into a migration directory of its own, as its only statement.' }
    )
  }
  if (!facts.gate.allowed)
    return new ActionError(`Deploy refused: ${facts.gate.reason} Nothing was applied.`, {
      hint: 'Read the findings in the job summary. To go ahead, acknowledge each finding in the migration file (a comment line directly above the statement naming the rule and a reason), or re-run with allow-destructive: true.'
    })
  return undefined
}

/**
 * Pure: what the deploy does. A backup is taken only when something will be applied (pending, no failed
 * migration blocking, nothing refused) and `backup-before-deploy` asks for it: `always`, or `destructive` with a
 * destructive finding.
 */
export function decideDeploy(facts: DeployFacts): DeployDecision {
  const refusal = refusalOf(facts)
  const applies = !refusal && facts.pendingCount > 0 && facts.failedCount === 0
  const wanted =
    facts.backupBeforeDeploy === 'always' ||
    (facts.backupBeforeDeploy === 'destructive' && facts.destructiveCount > 0)
  return { refusal, backup: applies && wanted }
}

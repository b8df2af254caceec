import { describe, expect, it } from '@jest/globals'
import { decideDeploy, type DeployFacts } from '../../src/modes/deploy-decision.js'

const base: DeployFacts = {
  planId: 'p1',
  nonTransactional: [],
  fallbacks: [],
  gate: { allowed: true, reason: 'No error-level findings.' },
  pendingCount: 2,
  failedCount: 0,
  destructiveCount: 0,
  backupBeforeDeploy: 'never'
}

const nonTransactional = [
  { migration: '2_idx', line: 3, statement: 'CREATE INDEX CONCURRENTLY i ON t (a)', reason: 'CONCURRENTLY' }
] as unknown as DeployFacts['nonTransactional']

describe('decideDeploy: the deploy gate and the backup-before-deploy policy', () => {
  const cases: [string, Partial<DeployFacts>, { refusal?: RegExp; backup: boolean }][] = [
    ['nothing wrong, no backup asked for', {}, { backup: false }],
    ['always: a backup before applying', { backupBeforeDeploy: 'always' }, { backup: true }],
    [
      'destructive without a destructive finding: none',
      { backupBeforeDeploy: 'destructive' },
      { backup: false }
    ],
    [
      'destructive with one: a backup',
      { backupBeforeDeploy: 'destructive', destructiveCount: 1 },
      { backup: true }
    ],
    ['nothing pending: no backup', { backupBeforeDeploy: 'always', pendingCount: 0 }, { backup: false }],
    [
      'a failed migration blocks: no backup',
      { backupBeforeDeploy: 'always', failedCount: 1 },
      { backup: false }
    ],
    [
      'the plan changed since the review: refused, no backup',
      { expectedPlanId: 'p0', backupBeforeDeploy: 'always' },
      { refusal: /plan p1 is pending now, but expected-plan-id is p0\. Nothing was applied\./, backup: false }
    ],
    ['the reviewed plan: goes ahead', { expectedPlanId: 'p1' }, { backup: false }],
    [
      'CONCURRENTLY among other statements: refused, naming the line',
      { nonTransactional },
      { refusal: /`2_idx` line 3 has .*Prisma runs a migration file as one transaction/, backup: false }
    ],
    [
      'the gate refuses: refused with its reason',
      {
        gate: { allowed: false, reason: 'Refusing to apply: 1 error-level finding(s).' },
        destructiveCount: 1
      },
      {
        refusal: /^Deploy refused: Refusing to apply: 1 error-level finding\(s\)\. Nothing was applied\.$/,
        backup: false
      }
    ],
    [
      'a changed plan is named before the gate',
      { expectedPlanId: 'p0', gate: { allowed: false, reason: 'x' } },
      { refusal: /changed since they were reviewed/, backup: false }
    ]
  ]
  it.each(cases)('%s', (_name, facts, expected) => {
    const decision = decideDeploy({ ...base, ...facts })
    expect(decision.backup).toBe(expected.backup)
    if (expected.refusal) expect(decision.refusal?.message).toMatch(expected.refusal)
    else expect(decision.refusal).toBeUndefined()
  })
})

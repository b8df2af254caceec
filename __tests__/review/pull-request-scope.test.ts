/**
 * The decisions around the gate on what the database holds: what fails migrate-status in a pull request, and
 * what the deploy gate says about who allowed what.
 */
import { describe, expect, it } from '@jest/globals'
import { failOnDecision, gateDecision } from '../../src/review/gate.js'
import { summarize } from '../../src/review/summary.js'
import type { Finding, ReviewedMigration } from '../../src/review/types.js'

function finding(migration: string, extra: Partial<Finding> = {}): Finding {
  return {
    rule: 'drop-table',
    severity: 'error',
    migration,
    file: `${migration}/migration.sql`,
    line: 3,
    message: 'DROP TABLE `t` deletes the table and all its rows.',
    why: '',
    fix: '',
    docs: '',
    destructive: true,
    table: 't',
    ...extra
  }
}

const migration = (name: string, findings: Finding[], onBase = false): ReviewedMigration => ({
  name,
  file: `${name}/migration.sql`,
  script: '',
  findings,
  prismaWarnings: [],
  ...(onBase ? { onBase: true } : {})
})

describe('migrate-status in a pull request', () => {
  it('fails for what the PR adds, not for migrations already on the base branch', () => {
    const base = summarize(
      [
        migration(
          'base1',
          [finding('base1', { dataHere: { destroys: true, reason: '`t` existed before this deploy' } })],
          true
        ),
        migration('pr1', [])
      ],
      true,
      []
    )
    expect(failOnDecision(base, 'error')).toBe(false)
    expect(failOnDecision(base, 'warning')).toBe(false)
    // The deploy gate is about this database: it refuses the base migration's drop all the same.
    expect(gateDecision(base, false).allowed).toBe(false)

    const pr = summarize(
      [
        migration('base1', [], true),
        migration('pr1', [
          finding('pr1', { elsewhere: 'destroys data in environments where `base1` already ran' })
        ])
      ],
      true,
      []
    )
    expect(failOnDecision(pr, 'error')).toBe(true)
    expect(failOnDecision(pr, 'never')).toBe(false)
  })
})

describe('the deploy gate says who allowed what', () => {
  const reason = 'created by `m1` in this deploy; nothing to lose here'
  it('counts the findings with nothing to lose, the acknowledged ones and the forced ones apart', () => {
    const result = summarize(
      [
        migration('m2', [
          finding('m2', { acknowledged: { by: 'database', reason } }),
          finding('m2', { line: 4, acknowledged: { by: 'database', reason } }),
          finding('m2', { line: 5, acknowledged: { by: 'comment', reason: 'archived in #7', line: 4 } }),
          finding('m2', { line: 6, acknowledged: { by: 'input', reason: 'allow-destructive: true' } })
        ])
      ],
      true,
      []
    )
    const gate = gateDecision(result, true)
    expect(gate.allowed).toBe(true)
    expect(gate.reason).toBe(
      'No error-level finding blocks the deploy: 2 destroy nothing in this database (each works on an object created earlier in this deploy), 1 acknowledged in the migration file, 1 allowed by `allow-destructive: true`.'
    )
    expect(gate.allowedBy.map((a) => [a.by, a.reason])).toEqual([
      ['database', reason],
      ['database', reason],
      ['comment', 'archived in #7'],
      ['input', 'allow-destructive: true']
    ])
    expect(result.destructiveCount).toBe(2)
  })

  it('when refusing, names the blocking findings with why, and what else was allowed', () => {
    const result = summarize(
      [
        migration('m2', [
          finding('m2', { acknowledged: { by: 'database', reason } }),
          finding('m2', {
            line: 9,
            dataHere: { destroys: true, reason: '`orders` existed before this deploy' }
          })
        ])
      ],
      true,
      []
    )
    const gate = gateDecision(result, false)
    expect(gate.allowed).toBe(false)
    expect(gate.reason).toContain(
      'Refusing to apply: 1 error-level finding(s) are not acknowledged (drop-table in m2 line 9 (`orders` existed before this deploy)). Of the others, 1 destroy nothing in this database'
    )
  })
})

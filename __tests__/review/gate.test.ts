import { describe, expect, it } from '@jest/globals'
import { failOnDecision, gateDecision } from '../../src/review/gate.js'
import { defaultRuleSeverities } from '../../src/review/rule-settings.js'
import { reviewSql } from './helpers.js'

const rules = defaultRuleSeverities()
const DROP = '-- DropTable\nDROP TABLE "payers";\n'

describe('deploy gate', () => {
  it('refuses when an error-level finding is not acknowledged, naming it and the two ways out', async () => {
    const result = await reviewSql(DROP, { rules })
    const gate = gateDecision(result, false)
    expect(gate.allowed).toBe(false)
    expect(gate.reason).toContain('drop-table in m1 line 2')
    expect(gate.reason).toContain('-- pg-ops:allow')
    expect(gate.reason).toContain('allow-destructive: true')
    expect(result.unacknowledgedErrors.map((f) => f.rule)).toEqual(['drop-table'])
  })

  it('allows everything with allow-destructive, and says so per finding', async () => {
    const result = await reviewSql(DROP, { rules, allowDestructive: true })
    expect(result.unacknowledgedErrors).toEqual([])
    expect(result.findings[0].acknowledged).toEqual({ by: 'input', reason: 'allow-destructive: true' })
    const gate = gateDecision(result, true)
    expect(gate.allowed).toBe(true)
    expect(gate.allowedBy.map((a) => [a.finding.rule, a.by])).toEqual([['drop-table', 'input']])
  })

  it('allows a statement acknowledged by a comment line directly above it, with the reason', async () => {
    const sql =
      '-- pg-ops:allow drop-table payers moved to the billing service (#123), backup taken\n-- DropTable\nDROP TABLE "payers";\n'
    const result = await reviewSql(sql, { rules })
    expect(result.findings.find((f) => f.rule === 'drop-table')?.acknowledged).toEqual({
      by: 'comment',
      reason: 'payers moved to the billing service (#123), backup taken',
      line: 1
    })
    const gate = gateDecision(result, false)
    expect(gate).toMatchObject({ allowed: true })
    expect(gate.allowedBy[0]).toMatchObject({
      by: 'comment',
      reason: 'payers moved to the billing service (#123), backup taken'
    })
  })

  it('needs an acknowledgement for each finding: one for a statement does not cover the next', async () => {
    const sql = '-- pg-ops:allow drop-table archived\nDROP TABLE "a";\nDROP TABLE "b";\n'
    const gate = gateDecision(await reviewSql(sql, { rules }), false)
    expect(gate.allowed).toBe(false)
    expect(gate.reason).toContain('line 3')
  })

  it('acknowledges several rules at once and every finding of them in the statement', async () => {
    const sql =
      '-- pg-ops:allow drop-column,drop-and-recreate-column legacy columns, values archived in #77\nALTER TABLE "c" DROP COLUMN "a", DROP COLUMN "b", DROP COLUMN "s", ADD COLUMN "s" int;\n'
    const result = await reviewSql(sql, { rules })
    const errors = result.findings.filter((f) => f.severity === 'error')
    expect(errors).toHaveLength(3)
    expect(errors.every((f) => f.acknowledged?.by === 'comment')).toBe(true)
    expect(gateDecision(result, false).allowed).toBe(true)
  })

  it('reports acknowledgements that cannot apply and keeps refusing', async () => {
    const result = await reviewSql('-- pg-ops:allow drop-table\nDROP TABLE "a";\n', { rules })
    expect(result.findings.find((f) => f.rule === 'invalid-acknowledgement')?.message).toContain(
      'a reason is required'
    )
    expect(gateDecision(result, false).allowed).toBe(false)
  })
})

describe('fail-on', () => {
  it('fails on errors by default, on warnings when asked, never when told', async () => {
    const withError = await reviewSql(DROP, { rules })
    const withWarning = await reviewSql('CREATE INDEX "i" ON "t"("a");', { rules })
    const clean = await reviewSql('CREATE TABLE t (id int);', { rules })
    expect([
      failOnDecision(withError, 'error'),
      failOnDecision(withWarning, 'error'),
      failOnDecision(clean, 'error')
    ]).toEqual([true, false, false])
    expect([
      failOnDecision(withError, 'warning'),
      failOnDecision(withWarning, 'warning'),
      failOnDecision(clean, 'warning')
    ]).toEqual([true, true, false])
    expect(failOnDecision(withError, 'never')).toBe(false)
  })

  it('does not fail on acknowledged errors', async () => {
    expect(
      failOnDecision(await reviewSql(`-- pg-ops:allow drop-table archived\n${DROP}`, { rules }), 'error')
    ).toBe(false)
  })
})

describe('headline', () => {
  it('lists the destructive changes', async () => {
    const result = await reviewSql('DROP TABLE "payers";\nALTER TABLE "clients" DROP COLUMN "email";', {
      rules
    })
    expect(result.headline).toBe('2 destructive changes: DROP TABLE `payers`, DROP COLUMN `clients`.`email`')
    expect(result).toMatchObject({ destructiveCount: 2, errorCount: 2, warningCount: 0 })
  })

  it('says when nothing is destructive', async () => {
    expect((await reviewSql('CREATE INDEX "i" ON "t"("a");', { rules })).headline).toBe(
      'No destructive changes; 0 errors and 1 warning in 1 migration.'
    )
    expect((await reviewSql('SELECT 1;', { rules })).headline).toBe('No findings in 1 migration.')
    expect((await reviewSql([], { rules })).headline).toBe('No pending migrations to review.')
  })
})

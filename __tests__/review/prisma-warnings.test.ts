import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { classifyWarning, RULES_FOR_KIND } from '../../src/review/prisma-warnings.js'
import { defaultRuleSeverities } from '../../src/review/rule-settings.js'
import { reviewSql } from './helpers.js'

const DIR = join(import.meta.dirname, '../data/prisma-warnings')
const fixtures = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
const KINDS = Object.keys(RULES_FOR_KIND).filter((k) => k !== 'Unknown')
const DESTRUCTIVE_KINDS = new Set([
  'NonEmptyTableDrop',
  'NonEmptyColumnDrop',
  'DropAndRecreateColumn',
  'RiskyCast',
  'NotCastable',
  'EnumValueRemoval',
  'MadeScalarFieldIntoArrayField',
  'DropAndRecreateRequiredColumn'
])

describe("Prisma's warnings header, on the exact SQL Prisma generates", () => {
  it('has a fixture for each of the 13 kinds of warning and unexecutable step', () => {
    expect(KINDS).toHaveLength(13)
    for (const kind of KINDS) expect(fixtures).toContain(kind)
  })

  it.each(fixtures)(
    '%s: every warning in the header is answered by a finding, destructive ones as errors',
    async (name) => {
      const script = readFileSync(join(DIR, name, 'migration.sql'), 'utf8')
      const result = await reviewSql(script, { rules: defaultRuleSeverities() })
      const m = result.migrations[0]
      expect(m.parseError).toBeUndefined()
      expect(m.prismaWarnings.length).toBeGreaterThan(0)
      for (const text of m.prismaWarnings) {
        const warning = classifyWarning(text)
        expect(warning.kind).not.toBe('Unknown')
        const answering = m.findings.filter((f) => f.prismaWarning === text)
        expect({ text, answered: answering.length > 0 }).toEqual({ text, answered: true })
        if (DESTRUCTIVE_KINDS.has(warning.kind))
          expect(answering.some((f) => f.severity === 'error' && f.destructive)).toBe(true)
        else expect(answering.every((f) => f.severity === 'warning' || f.severity === 'error')).toBe(true)
      }
      expect(m.findings.map((f) => f.rule)).not.toContain('prisma-warning-unmatched')
      expect(m.findings.map((f) => f.rule)).not.toContain('not-in-prisma-warnings')
    }
  )

  it('classifies every kind from its message, with the objects it names', () => {
    expect(
      classifyWarning(
        'The values [A,B] on the enum `E` will be removed. If these variants are still used in the database, this will fail.'
      )
    ).toMatchObject({
      kind: 'EnumValueRemoval',
      enumName: 'E',
      values: ['A', 'B']
    })
    expect(
      classifyWarning(
        'You are about to drop the column `x` on the `T` table, which still contains 3 non-null values.'
      )
    ).toMatchObject({
      kind: 'NonEmptyColumnDrop',
      table: 'T',
      column: 'x'
    })
    expect(
      classifyWarning(
        'A unique constraint covering the columns `[a,b]` on the table `T` will be added. If there are existing duplicate values, this will fail.'
      )
    ).toMatchObject({
      kind: 'UniqueConstraintAddition',
      columns: ['a', 'b']
    })
  })

  it('reports a destructive statement added by hand to a Prisma-generated file', async () => {
    const script =
      readFileSync(join(DIR, 'UniqueConstraintAddition', 'migration.sql'), 'utf8') +
      '\n-- AlterTable\nALTER TABLE "User" DROP COLUMN "legacy_email";\n'
    const result = await reviewSql(script, { rules: defaultRuleSeverities() })
    const extra = result.findings.find((f) => f.rule === 'not-in-prisma-warnings')
    expect(extra).toMatchObject({ severity: 'warning', table: 'User', column: 'legacy_email' })
    expect(extra?.message).toContain('probably added or edited by hand')
    expect(result.findings.find((f) => f.rule === 'drop-column')).toMatchObject({ severity: 'error' })
  })

  it('reports a warning whose statement was removed from the file', async () => {
    const script = readFileSync(join(DIR, 'NonEmptyTableDrop', 'migration.sql'), 'utf8').replace(
      'DROP TABLE "Task";',
      ''
    )
    const result = await reviewSql(script, { rules: defaultRuleSeverities() })
    expect(result.findings.map((f) => f.rule)).toContain('prisma-warning-unmatched')
  })

  it('trusts Prisma on a type change it did not warn about (a safe cast such as varchar(50) → varchar(100))', async () => {
    const script = '-- AlterTable\nALTER TABLE "User" ALTER COLUMN "name" SET DATA TYPE VARCHAR(100);\n'
    expect((await reviewSql(script, { rules: defaultRuleSeverities() })).findings).toEqual([])
    // the same statement in a hand-written file is flagged, since nobody vouched for it
    expect(
      (
        await reviewSql('ALTER TABLE "User" ALTER COLUMN "name" TYPE VARCHAR(100);', {
          rules: defaultRuleSeverities()
        })
      ).findings.map((f) => f.rule)
    ).toEqual(['lossy-type-change'])
  })

  it('fills in the removed enum values from the header', async () => {
    const script = readFileSync(join(DIR, 'EnumValueRemoval', 'migration.sql'), 'utf8')
    const result = await reviewSql(script, { rules: defaultRuleSeverities() })
    expect(result.findings[0]).toMatchObject({
      rule: 'enum-value-removal',
      typeName: 'Faction',
      values: ['NEUTRAL'],
      table: 'Player',
      column: 'faction'
    })
    expect(result.headline).toBe('1 destructive change: enum `Faction` loses [`NEUTRAL`]')
  })
})

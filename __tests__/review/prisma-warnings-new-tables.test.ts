/**
 * The Prisma cross-check on tables created earlier in the pending set: the rules skip them (nothing to lock, no
 * rows to fail on), but the statement Prisma warned about is in the file, so the warning is answered.
 */
import { describe, expect, it } from '@jest/globals'
import { defaultRuleSeverities } from '../../src/review/rule-settings.js'
import { reviewSql, rulesOf } from './helpers.js'

const rules = defaultRuleSeverities()
const header = (...lines: string[]): string =>
  `/*\n  Warnings:\n\n${lines.map((l) => `  - ${l}`).join('\n')}\n\n*/\n`
const CREATE =
  '-- CreateTable\nCREATE TABLE "Session" ("id" TEXT NOT NULL, "token" TEXT, CONSTRAINT "Session_pkey" PRIMARY KEY ("id"));\n'

describe('a warned change made on a table an earlier pending migration created', () => {
  const cases: [string, string, string][] = [
    [
      'AddedRequiredFieldToTable',
      'Added the required column `user_id` to the `Session` table without a default value. This is not possible if the table is not empty.',
      'ALTER TABLE "Session" ADD COLUMN "user_id" TEXT NOT NULL;'
    ],
    [
      'UniqueConstraintAddition',
      'A unique constraint covering the columns `[token]` on the table `Session` will be added. If there are existing duplicate values, this will fail.',
      'CREATE UNIQUE INDEX "Session_token_key" ON "Session"("token");'
    ],
    [
      'MadeOptionalFieldRequired',
      'Made the column `token` on table `Session` required. This step will fail if there are existing NULL values in that column.',
      'ALTER TABLE "Session" ALTER COLUMN "token" SET NOT NULL;'
    ],
    [
      'PrimaryKeyChange',
      'The primary key for the `Session` table will be changed. If it partially fails, the table could be left without primary key constraint.',
      'ALTER TABLE "Session" DROP CONSTRAINT "Session_pkey",\nADD CONSTRAINT "Session_pkey" PRIMARY KEY ("id", "token");'
    ]
  ]

  it.each(cases)('%s: answered, not reported', async (_kind, warning, statement) => {
    const result = await reviewSql([CREATE, `${header(warning)}-- AlterTable\n${statement}\n`], { rules })
    expect(rulesOf(result)).toEqual([])
    expect(result.migrations[1].prismaWarnings).toEqual([warning])
    expect(result.migrations[1].prismaWarningsOnNewTables).toBe(1)
  })

  it('on a table that is not new, the same statement is a finding that answers the warning', async () => {
    const [, warning, statement] = cases[0]
    const result = await reviewSql(`${header(warning)}-- AlterTable\n${statement}\n`, { rules })
    expect(result.findings.map((f) => [f.rule, f.prismaWarning])).toEqual([
      ['add-required-column-without-default', warning]
    ])
    expect(result.migrations[0].prismaWarningsOnNewTables).toBeUndefined()
  })

  it('a warning whose statement is not in the file is still reported, even when the table is new', async () => {
    const [, warning] = cases[0]
    const result = await reviewSql(
      [CREATE, `${header(warning)}-- AlterTable\nALTER TABLE "Session" ADD COLUMN "user_id" TEXT;\n`],
      { rules }
    )
    expect(result.findings.map((f) => f.rule)).toEqual(['prisma-warning-unmatched'])
    expect(result.findings[0].message).toContain('no statement in the file makes that change')
  })

  it('a warning for another table is not answered by a statement on the new one', async () => {
    const [, warning, statement] = cases[1]
    const other = warning.replace('`Session`', '`Account`')
    const result = await reviewSql([CREATE, `${header(other)}${statement}\n`], { rules })
    expect(rulesOf(result)).toEqual(['prisma-warning-unmatched'])
  })

  it('a line in the header that is none of Prisma templates (written by hand) is listed, not cross-checked', async () => {
    const result = await reviewSql(`${header('THIS IS BREAKING')}ALTER TABLE "a" ADD COLUMN "b" TEXT;\n`, {
      rules
    })
    expect(result.migrations[0].prismaWarnings).toEqual(['THIS IS BREAKING'])
    expect(rulesOf(result)).toEqual([])
  })

  it('a quiet statement is never acknowledged or reported, even with the rule disabled', async () => {
    const [, warning, statement] = cases[2]
    const off = new Map(rules)
    off.delete('set-not-null')
    const result = await reviewSql([CREATE, `${header(warning)}${statement}\n`], { rules: off })
    expect(rulesOf(result)).toEqual([])
    expect(result.migrations[1].prismaWarningsOnNewTables).toBe(1)
  })
})

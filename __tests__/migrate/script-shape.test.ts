/** What a failure of a migration file can have committed, decided on the parser's AST. */
import { describe, expect, it } from '@jest/globals'
import { committedAfterFailure, scriptShape } from '../../src/migrate/script-shape.js'

describe('scriptShape', () => {
  it.each([
    ['CREATE TABLE "a" ("id" INT);\nALTER TABLE "b" ADD COLUMN "c" INT;\n'],
    ['ALTER TABLE "b" ADD COLUMN "c" INT;'],
    [
      'BEGIN;\nCREATE TYPE "E_new" AS ENUM (\'x\');\nALTER TABLE "t" ALTER COLUMN "e" TYPE "E_new" USING ("e"::text::"E_new");\nCOMMIT;\n'
    ],
    ['CREATE TABLE "a" ("id" INT);\nSAVEPOINT s;\nROLLBACK TO SAVEPOINT s;\n'],
    ['-- nothing but a comment\n'],
    ['CREATE TABLE "a" ("id" INT);\nDO $$ BEGIN COMMIT; END $$;\n']
  ])('atomic: a failure of %j commits nothing', async (script) => {
    const shape = await scriptShape(script)
    expect(shape.atomic).toBe(true)
    expect(committedAfterFailure(shape, script, {})).toBe('none')
  })

  it.each([
    [
      'CREATE TABLE "a" ("id" INT);\nCOMMIT;\nALTER TABLE "b" ADD COLUMN "c" INT;\n',
      'line 2 ends a transaction'
    ],
    ['CREATE TABLE "a" ("id" INT);\nEND;\nCREATE TABLE "b" ("id" INT);\n', 'line 2 ends a transaction'],
    [
      'BEGIN;\nCREATE TABLE "a" ("id" INT);\nROLLBACK;\nCREATE TABLE "b" ("id" INT);\n',
      'line 3 ends a transaction'
    ],
    ['DO $$ BEGIN COMMIT; END $$;', 'DO block'],
    ['CALL "backfill"();', 'CALL'],
    [
      'CREATE INDEX CONCURRENTLY "i" ON "t" ("a");',
      '`CREATE INDEX CONCURRENTLY`, runs outside a transaction'
    ],
    ['SELEC 1;', 'does not parse']
  ])('not atomic: %j', async (script, reason) => {
    const shape = await scriptShape(script)
    expect(shape.atomic).toBe(false)
    expect(shape.reason).toContain(reason)
  })

  it('a lone non-transactional statement: nothing committed when it fails (its INVALID index aside)', async () => {
    const script = 'CREATE UNIQUE INDEX CONCURRENTLY "u" ON "public"."t" ("a");\n'
    const shape = await scriptShape(script)
    expect(shape.nonTransactional).toBe('CREATE INDEX CONCURRENTLY')
    expect(committedAfterFailure(shape, script, {})).toBe('none')
    expect(shape.indexTargets).toEqual([
      {
        relation: '"public"."t"',
        relationIsIndex: false,
        indexName: 'u',
        line: 1,
        statement: script.trim().slice(0, -1)
      }
    ])
  })

  it('finds the relations of CONCURRENTLY index statements, quoting names safely', async () => {
    const shape = await scriptShape(
      'CREATE INDEX CONCURRENTLY ON "we""ird" (a);\nREINDEX INDEX CONCURRENTLY "s"."i";\nREINDEX TABLE CONCURRENTLY t;\nCREATE INDEX "plain" ON t (a);\n'
    )
    expect(
      shape.indexTargets.map(({ relation, relationIsIndex, indexName }) => ({
        relation,
        relationIsIndex,
        indexName
      }))
    ).toEqual([
      { relation: '"we""ird"', relationIsIndex: false, indexName: undefined },
      { relation: '"s"."i"', relationIsIndex: true, indexName: undefined },
      { relation: '"t"', relationIsIndex: false, indexName: undefined }
    ])
  })

  it('with COMMITs inside and a failing statement PostgreSQL located: the statements up to the last COMMIT before it', async () => {
    const script =
      'CREATE TABLE "é1" ("id" INT);\nCOMMIT;\nCREATE TABLE "a2" ("id" INT);\nCOMMIT;\nCREATE TABLE "a3" ("id" INT);\nSELECT * FROM "nope";\n'
    const shape = await scriptShape(script)
    const position = String(script.indexOf('"nope"') + 1) // 1-based characters, as PostgreSQL reports
    expect(committedAfterFailure(shape, script, { position })).toEqual([
      { line: 1, text: 'CREATE TABLE "é1" ("id" INT)' },
      { line: 3, text: 'CREATE TABLE "a2" ("id" INT)' }
    ])
    // Failing before the first COMMIT: nothing; without a position: unknown.
    expect(committedAfterFailure(shape, script, { position: '3' })).toBe('none')
    expect(committedAfterFailure(shape, script, {})).toBe('unknown')
    // A ROLLBACK before the failing statement: unknown, not guessed.
    const withRollback = 'CREATE TABLE "a" ("id" INT);\nROLLBACK;\nSELECT * FROM "nope";\n'
    expect(
      committedAfterFailure(await scriptShape(withRollback), withRollback, {
        position: String(withRollback.indexOf('"nope"') + 1)
      })
    ).toBe('unknown')
  })
})

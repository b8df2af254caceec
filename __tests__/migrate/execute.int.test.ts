/**
 * Prisma 7.4+ execution on the real database (prisma-engines#5767): each statement of a migration.sql is its own
 * simple query, with Prisma's whole-file fallback where its SQL parser cannot split the file. The oracle tests stay
 * on the 6.19 CLI, which cannot show this; these tests pin our engine's behaviour for 7.x.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { createTestDatabase, query } from '../../__fixtures__/databases.js'
import { MigrationRunError } from '../../src/migrate/deploy.js'
import {
  type ExecutionUnit,
  executePlan,
  newProgress,
  planExecution,
  runUnit
} from '../../src/migrate/execute.js'
import {
  INIT,
  type Scope,
  migrationRows,
  makeMigrationsDir,
  ours,
  removeTempDirs,
  tablesIn,
  withSession
} from './helpers.js'

afterAll(removeTempDirs)

const P74: Scope = { execution: 'per-statement' }

const MIXED =
  '-- AlterTable\nALTER TABLE "User" ADD COLUMN "nick" TEXT;\n\n-- CreateIndex\nCREATE INDEX CONCURRENTLY "User_nick_idx" ON "User"("nick");\n'

async function deployError(url: string, dir: string, scope: Scope = P74): Promise<MigrationRunError> {
  const error = await ours.deploy(url, dir, scope).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(MigrationRunError)
  return error as MigrationRunError
}

describe('planExecution', () => {
  it('Prisma ≤ 7.3: the whole file is one unit', async () => {
    const plan = await planExecution(MIXED, 'whole-file')
    expect(plan).toMatchObject({ mode: 'whole-file', units: [{ text: MIXED, startLine: 1 }] })
    expect(plan.fallback).toBeUndefined()
  })

  it('Prisma 7.4+: one unit per statement, with its lines; an empty or comment-only file has none', async () => {
    const plan = await planExecution(MIXED, 'per-statement')
    expect(plan.mode).toBe('per-statement')
    expect(plan.units.map((u) => [u.startLine, u.text])).toEqual([
      [2, 'ALTER TABLE "User" ADD COLUMN "nick" TEXT'],
      [5, 'CREATE INDEX CONCURRENTLY "User_nick_idx" ON "User"("nick")']
    ])
    expect((await planExecution('', 'per-statement')).units).toEqual([])
    expect((await planExecution('-- nothing\n/* at all */\n', 'per-statement')).units).toEqual([])
    // A semicolon inside a string or a dollar-quoted body does not split (the server's own parser splits).
    const body =
      "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN NEW.a := 'x;y'; RETURN NEW; END $$ LANGUAGE plpgsql;\nSELECT ';';\n"
    expect((await planExecution(body, 'per-statement')).units).toHaveLength(2)
  })

  it.each([
    ['DROP INDEX CONCURRENTLY', 'CREATE TABLE t (a int);\nDROP INDEX CONCURRENTLY "t_a_idx";\n', 2],
    ['DO', 'CREATE TABLE t (a int);\nDO $$ BEGIN PERFORM 1; END $$;\n', 2],
    [
      'ALTER DEFAULT PRIVILEGES',
      'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO PUBLIC;\n',
      1
    ],
    ['REFRESH MATERIALIZED VIEW', 'SELECT 1;\nREFRESH MATERIALIZED VIEW v;\n', 2],
    ['ALTER SEQUENCE', 'ALTER SEQUENCE s RESTART WITH 10;\n', 1],
    ['syntax error', 'CREATE TABLE (;\n', 1]
  ])('falls back to one batch where Prisma’s sqlparser 0.61 fails: %s', async (construct, sql, line) => {
    const plan = await planExecution(sql, 'per-statement')
    expect(plan.mode).toBe('whole-file')
    expect(plan.units).toHaveLength(1)
    expect(plan.fallback).toEqual({ construct, line })
  })

  it.each([
    'CREATE UNIQUE INDEX CONCURRENTLY "i" ON "t"("a");',
    'ALTER TYPE "Role" ADD VALUE \'ADMIN\';',
    'CREATE EXTENSION IF NOT EXISTS pgcrypto;',
    'COMMENT ON TABLE "t" IS \'x\';',
    'ALTER TABLE "t" RENAME COLUMN "a" TO "b";',
    'DROP TYPE "Role";',
    'CREATE POLICY p ON t USING (true);',
    'GRANT SELECT ON "t" TO PUBLIC;'
  ])('splits what sqlparser 0.61 parses: %s', async (sql) => {
    expect((await planExecution(`SELECT 1;\n${sql}\n`, 'per-statement')).mode).toBe('per-statement')
  })
})

describe('deploy, Prisma 7.4+ execution', () => {
  it('a file mixing CREATE INDEX CONCURRENTLY with other statements deploys; the row is Prisma’s (steps 1)', async () => {
    const db = await createTestDatabase('ex_mixed')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_nick': MIXED })
    // Prisma ≤ 7.3 would fail with 25001: refused before anything is applied.
    const refused = await deployError(db.url, dir, { execution: 'whole-file' })
    expect(refused.message).toContain('Nothing was applied')
    expect(await tablesIn(db.name)).toEqual(['_prisma_migrations'])

    expect((await ours.deploy(db.url, dir, P74)).applied.map((a) => a.name)).toEqual([
      '20240101000000_init',
      '20240102000000_nick'
    ])
    const valid = await query<{ indisvalid: boolean }>(
      db.name,
      `SELECT indisvalid FROM pg_index WHERE indexrelid = '"User_nick_idx"'::regclass`
    )
    expect(valid).toEqual([{ indisvalid: true }])
    // applied_steps_count stays 1 per migration: the split is inside the engine's apply_migration_script, and the
    // step is recorded once after it returns (it is not a statement count).
    expect((await migrationRows(db.name)).map((r) => [r.applied_steps_count, r.logs])).toEqual([
      [1, null],
      [1, null]
    ])
  })

  it('a failing statement: the earlier ones stay committed, the row is failed, the error lists them', async () => {
    const db = await createTestDatabase('ex_fail')
    const script =
      'CREATE TABLE "A" ("id" INT);\n' +
      'INSERT INTO "A" VALUES (1);\n' +
      'CREATE INDEX CONCURRENTLY "A_id" ON "A"("id");\n' +
      '-- the next one fails\n' +
      'UPDATE "A"\n  SET "nope" = 1;\n' +
      'CREATE TABLE "B" ("id" INT);\n'
    const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_partial': script })
    const error = await deployError(db.url, dir)
    expect(error.code).toBe('P3018')
    expect(error.execution).toBe('per-statement')
    expect(error.afterFailure?.committedStatements).toEqual([
      { line: 1, text: 'CREATE TABLE "A" ("id" INT)' },
      { line: 2, text: 'INSERT INTO "A" VALUES (1)' },
      { line: 3, text: 'CREATE INDEX CONCURRENTLY "A_id" ON "A"("id")' }
    ])
    expect(error.hint).toContain('The failing statement (line 5)')
    expect(error.hint).not.toContain('rolled back this migration')
    expect(error.message).toContain('Position: line 6 of migration.sql: SET "nope" = 1;')
    expect(await tablesIn(db.name)).toEqual(['A', 'User', '_prisma_migrations'])
    expect(await query(db.name, 'SELECT * FROM "A"')).toEqual([{ id: 1 }])
    const [, failed] = await migrationRows(db.name)
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 })
    expect(failed.logs).toContain('Committed before the failure: line 1: CREATE TABLE "A"')

    // The next deploy says P3009, and its hint says the earlier statements stay.
    const p3009 = await deployError(db.url, dir)
    expect(p3009.code).toBe('P3009')
    expect(p3009.hint).toContain('the statements before the failing one stay committed')
  })

  it('the file’s own BEGIN ... COMMIT: statements of a transaction that failed are not counted as committed', async () => {
    const db = await createTestDatabase('ex_tx')
    const script =
      'CREATE TABLE "Before" ("id" INT);\nBEGIN;\nCREATE TABLE "Inside" ("id" INT);\nALTER TABLE "Nope" ADD COLUMN "x" INT;\nCOMMIT;\n'
    const dir = makeMigrationsDir({ '20240101000000_tx': script })
    const error = await deployError(db.url, dir)
    expect(error.afterFailure?.committedStatements).toEqual([
      { line: 1, text: 'CREATE TABLE "Before" ("id" INT)' }
    ])
    expect(await tablesIn(db.name)).toEqual(['Before', '_prisma_migrations'])
    // The row got its logs: the aborted transaction was ended first.
    expect((await migrationRows(db.name))[0].logs).toContain('42P01')
  })

  it('Prisma ≤ 7.3: a failure leaves nothing of the file (one transaction)', async () => {
    const db = await createTestDatabase('ex_whole')
    const dir = makeMigrationsDir({
      '20240101000000_x': 'CREATE TABLE "A" ("id" INT);\nALTER TABLE "Nope" ADD COLUMN "x" INT;\n'
    })
    const error = await deployError(db.url, dir, { execution: 'whole-file' })
    expect(error.afterFailure?.committedStatements).toBe('none')
    expect(error.hint).toContain('Postgres rolled back')
    expect(await tablesIn(db.name)).toEqual(['_prisma_migrations'])
  })

  it('a 7.4+ file Prisma sends whole (DROP INDEX CONCURRENTLY among others, prisma-engines#5847) is refused like 25001', async () => {
    const db = await createTestDatabase('ex_fallback')
    const dir = makeMigrationsDir({
      '20240101000000_init': INIT,
      '20240102000000_drop':
        'CREATE INDEX "User_email_idx" ON "User"("email");\nDROP INDEX CONCURRENTLY "User_email_idx";\n'
    })
    const error = await deployError(db.url, dir)
    expect(error.code).toBe('P3018')
    expect(error.message).toContain('DROP INDEX CONCURRENTLY')
    expect(error.message).toContain("Prisma's SQL parser (sqlparser 0.61) cannot parse")
    expect(error.message).toContain('Nothing was applied')
    expect(await migrationRows(db.name)).toEqual([])
    // The diagnosis (status, and deploy's pre-check) says the same.
    const diagnosis = await ours.status(db.url, dir, P74)
    expect(diagnosis.fallbacks).toEqual([
      { migration: '20240102000000_drop', fallback: { construct: 'DROP INDEX CONCURRENTLY', line: 2 } }
    ])
    expect(diagnosis.nonTransactional.map((n) => n.migration)).toEqual(['20240102000000_drop'])
    expect(
      (await ours.status(db.url, makeMigrationsDir({ '20240101000000_nick': MIXED }), P74)).nonTransactional
    ).toEqual([])
  })

  it('every unit goes through one function (what lock-timeout retries wrap), once per statement', async () => {
    const db = await createTestDatabase('ex_units')
    const plan = await planExecution('CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n', 'per-statement')
    const seen: ExecutionUnit[] = []
    await withSession(db.url, async (s) => {
      const progress = await executePlan(s.client, plan, newProgress(plan), async (client, unit) => {
        seen.push(unit)
        await runUnit(client, unit)
      })
      expect(progress.committed).toHaveLength(2)
    })
    expect(seen.map((u) => u.text)).toEqual(['CREATE TABLE a (id int)', 'CREATE TABLE b (id int)'])
  })
})

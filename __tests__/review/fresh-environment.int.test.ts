/**
 * The gate on what the target database holds, on a real PostgreSQL: Langfuse's real 434-migration history
 * (__fixtures__/histories/langfuse) reviewed against an empty database, then against the deployed one, and the
 * identity cases (renames, search path, quoted names, tables filled from older ones) with rows in them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { createTestDatabase, dropTestDatabase, query } from '../../__fixtures__/databases.js'
import { reviewMigrations } from '../../src/review/review.js'
import { gateDecision } from '../../src/review/gate.js'
import { defaultRuleSeverities } from '../../src/review/rule-settings.js'
import type { MigrationInput, PullRequestScope, ReviewResult } from '../../src/review/types.js'
import { ours, removeTempDirs } from '../migrate/helpers.js'

const HISTORY = join(import.meta.dirname, '../../__fixtures__/histories/langfuse/migrations')
const NAMES = readdirSync(HISTORY, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort((a, b) => a.localeCompare(b))
const HISTORY_INPUTS: MigrationInput[] = NAMES.map((name) => ({
  name,
  file: `prisma/migrations/${name}/migration.sql`,
  script: readFileSync(join(HISTORY, name, 'migration.sql'), 'utf8')
}))
/**
 * The files whose Prisma header names a change that is really not in the file (edited by hand after Prisma
 * generated it): a nullable column added where Prisma warned about a required one; a unique index moved to the
 * next migration (twice); an enum renamed where Prisma planned to drop and recreate a column.
 */
const HAND_EDITED = [
  '20230809132331_add_project_id_to_observations',
  '20240513082203_scores_unique_id_and_projectid_instead_of_id_and_traceid',
  '20250519093328_media_relax_id_uniqueness_to_project_only',
  '20251218102933_score_configs_rename_score_data_type_enum'
]

const rules = defaultRuleSeverities()

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

function review(
  url: string | undefined,
  migrations: MigrationInput[],
  options: { pullRequest?: PullRequestScope; searchPath?: string } = {}
): Promise<ReviewResult> {
  const run = (client?: pg.Client): Promise<ReviewResult> =>
    reviewMigrations({
      migrations,
      settings: { rules },
      client,
      allowDestructive: false,
      pullRequest: options.pullRequest
    })
  if (!url) return run()
  return withClient(url, async (client) => {
    if (options.searchPath) await client.query(`SET search_path TO ${options.searchPath}`)
    return run(client)
  })
}

const pending = (...scripts: string[]): MigrationInput[] =>
  scripts.map((script, i) => ({ name: `2099010100000${i}_pending`, file: `p${i}/migration.sql`, script }))

afterAll(removeTempDirs)

describe("Langfuse's real history against an empty database", () => {
  let empty: { name: string; url: string }
  let result: ReviewResult

  beforeAll(async () => {
    empty = await createTestDatabase('fresh_review')
    result = await review(empty.url, HISTORY_INPUTS)
  })
  afterAll(() => dropTestDatabase(empty.name))

  it('finds the drops of objects earlier migrations create, and lets every one of them through with its reason', () => {
    expect(result.databaseCompared).toBe(true)
    const destructive = result.findings.filter((f) => f.destructive)
    expect(destructive).toHaveLength(52)
    for (const f of destructive) {
      expect(f.acknowledged?.by).toBe('database')
      expect(f.acknowledged?.reason).toMatch(
        /^created by `\d+_[\w .-]+` in this deploy; nothing to lose here$/
      )
      expect(f.dataHere?.destroys).toBe(false)
      expect(f.rowsAtStake).toBeUndefined()
    }
    expect(result.unacknowledgedErrors).toEqual([])
    expect(result.destructiveCount).toBe(0)
    expect(gateDecision(result, false)).toMatchObject({
      allowed: true,
      reason:
        'No error-level finding blocks the deploy: 52 destroy nothing in this database (each works on an object created earlier in this deploy).'
    })
    // The drop of `traces` is judged against the migration that created it, five files and three years earlier.
    const traces = destructive.find((f) => f.rule === 'drop-table' && f.table === 'traces')
    expect(traces?.acknowledged?.reason).toBe(
      'created by `20230518193415_add_observaionts_and_traces` in this deploy; nothing to lose here'
    )
    // The temporary table filled from `models` holds nothing older: `models` was created by this deploy too.
    expect(destructive.find((f) => f.table === 'temp_prices')?.acknowledged?.by).toBe('database')
  })

  it('answers every Prisma warning whose statement is in the file; only the four hand-edited files keep a note', () => {
    const unmatched = result.findings.filter((f) => f.rule === 'prisma-warning-unmatched')
    expect([...new Set(unmatched.map((f) => f.migration))]).toEqual(HAND_EDITED)
    expect(unmatched).toHaveLength(4)
    const auth = result.migrations.find((m) => m.name === '20230530204241_auth_api_ui')!
    expect(auth.prismaWarnings).toHaveLength(18)
    expect(auth.prismaWarningsOnNewTables).toBe(8)
    expect(auth.findings.filter((f) => f.rule === 'prisma-warning-unmatched')).toEqual([])
  })

  it('without a database the same drops stay destructive: nothing is known about where they run', async () => {
    const offline = await review(undefined, HISTORY_INPUTS)
    expect(offline.databaseCompared).toBe(false)
    expect(offline.destructiveCount).toBe(52)
    expect(offline.unacknowledgedErrors).toHaveLength(52)
    expect(gateDecision(offline, false).allowed).toBe(false)
  })
})

describe('the deployed history: what holds rows is still protected', () => {
  let db: { name: string; url: string }

  beforeAll(async () => {
    db = await createTestDatabase('fresh_deployed')
    await ours.deploy(db.url, HISTORY)
    await query(
      db.name,
      `INSERT INTO organizations (id, name, sfdc_org_id) SELECT 'org' || g, 'Org ' || g, CASE WHEN g < 3 THEN 'sf' || g END FROM generate_series(1, 4) g;
       INSERT INTO surveys (id, survey_name, response, org_id)
         SELECT 's' || g, (enum_range(NULL::"SurveyName"))[1], '{}', 'org1' FROM generate_series(1, 5) g;`
    )
  })
  afterAll(() => dropTestDatabase(db.name))

  it('refuses a pending DROP TABLE of a table with rows, and a DROP COLUMN with values, counted', async () => {
    const result = await review(
      db.url,
      pending('DROP TABLE "surveys";\n', 'ALTER TABLE "organizations" DROP COLUMN "sfdc_org_id";\n')
    )
    expect(result.findings.map((f) => [f.rule, f.rowsAtStake, f.dataHere, f.acknowledged])).toEqual([
      [
        'drop-table',
        { count: 5, estimated: false, what: 'rows' },
        { destroys: true, reason: '`surveys` existed before this deploy' },
        undefined
      ],
      [
        'drop-column',
        { count: 2, estimated: false, what: 'non-null values' },
        { destroys: true, reason: '`organizations.sfdc_org_id` existed before this deploy' },
        undefined
      ]
    ])
    const gate = gateDecision(result, false)
    expect(gate.allowed).toBe(false)
    expect(gate.reason).toContain(
      'drop-table in 20990101000000_pending line 1 (`surveys` existed before this deploy)'
    )
  })

  it('a table renamed and then dropped is the same table: refused, its rows counted under its real name', async () => {
    const result = await review(
      db.url,
      pending('ALTER TABLE "surveys" RENAME TO "surveys_archive";', 'DROP TABLE "surveys_archive";')
    )
    const drop = result.findings.find((f) => f.rule === 'drop-table')
    expect(drop?.rowsAtStake).toEqual({ count: 5, estimated: false, what: 'rows' })
    expect(drop?.dataHere?.reason).toBe('`surveys_archive` existed before this deploy (as `surveys`)')
    expect(gateDecision(result, false).allowed).toBe(false)
  })

  it('a table created, filled from one with rows, and dropped is refused', async () => {
    const result = await review(
      db.url,
      pending(
        'CREATE TABLE "surveys_copy" AS SELECT * FROM "surveys";\nDELETE FROM "surveys";',
        'DROP TABLE "surveys_copy";'
      )
    )
    const drop = result.findings.find((f) => f.rule === 'drop-table')
    expect(drop?.dataHere).toEqual({
      destroys: true,
      reason:
        'created by `20990101000000_pending` in this deploy, but filled from `surveys`, which existed before it: it can hold data that existed before the deploy'
    })
    expect(gateDecision(result, false).allowed).toBe(false)
  })

  it('a table dropped, created again and dropped: the first drop is refused, the second destroys nothing', async () => {
    const result = await review(
      db.url,
      pending('DROP TABLE "surveys";', 'CREATE TABLE "surveys" ("id" TEXT);', 'DROP TABLE "surveys";')
    )
    expect(
      result.findings.filter((f) => f.rule === 'drop-table').map((f) => [f.migration, f.acknowledged?.by])
    ).toEqual([
      ['20990101000000_pending', undefined],
      ['20990101000002_pending', 'database']
    ])
  })

  it("a copy made through the database's own function is refused; built-in and extension functions are not suspects", async () => {
    await query(
      db.name,
      `CREATE FUNCTION export_surveys() RETURNS SETOF surveys LANGUAGE sql AS 'SELECT * FROM surveys';
       CREATE EXTENSION IF NOT EXISTS pgcrypto;`
    )
    const copied = await review(
      db.url,
      pending('CREATE TABLE "copy" AS SELECT * FROM export_surveys();', 'DROP TABLE "copy";')
    )
    expect(copied.findings.find((f) => f.rule === 'drop-table')?.dataHere).toEqual({
      destroys: true,
      reason:
        'created by `20990101000000_pending` in this deploy, but `20990101000000_pending` line 1 (a function that is not built in) may have filled it: it can hold data that existed before the deploy'
    })
    const generated = await review(
      db.url,
      pending(
        'CREATE TABLE "tokens" AS SELECT gen_random_bytes(8) AS token, gen_random_uuid() AS id, now() AS at;',
        'DROP TABLE "tokens";'
      )
    )
    expect(generated.findings.find((f) => f.rule === 'drop-table')?.acknowledged?.by).toBe('database')
  })

  it('quoted names are exact: creating and dropping "Surveys" is harmless, dropping surveys is not', async () => {
    const result = await review(
      db.url,
      pending('CREATE TABLE "Surveys" ("id" TEXT);', 'DROP TABLE "Surveys";\nDROP TABLE Surveys;')
    )
    expect(
      result.findings
        .filter((f) => f.rule === 'drop-table')
        .map((f) => [f.table, f.acknowledged?.by, f.rowsAtStake])
    ).toEqual([
      ['Surveys', 'database', undefined],
      ['surveys', undefined, { count: 5, estimated: false, what: 'rows' }]
    ])
  })
})

describe('names resolve through the search path of the session that deploys', () => {
  let db: { name: string; url: string }

  beforeAll(async () => {
    db = await createTestDatabase('fresh_path')
    await query(
      db.name,
      `CREATE SCHEMA app;
       CREATE TABLE public.events (id int); INSERT INTO public.events SELECT generate_series(1, 7);`
    )
  })
  afterAll(() => dropTestDatabase(db.name))

  it('with ?schema=app an unqualified CREATE and DROP are app.events; public.events keeps its rows at stake', async () => {
    const result = await review(
      db.url,
      pending('CREATE TABLE "events" ("id" INT);', 'DROP TABLE "events";\nDROP TABLE "public"."events";'),
      { searchPath: 'app' }
    )
    expect(
      result.findings.map((f) => [f.line, f.acknowledged?.by, f.rowsAtStake, f.dataHere?.reason])
    ).toEqual([
      [1, 'database', undefined, 'created by `20990101000000_pending` in this deploy; nothing to lose here'],
      [2, undefined, { count: 7, estimated: false, what: 'rows' }, '`events` existed before this deploy']
    ])
  })

  it('with the default path the unqualified name is public.events: refused', async () => {
    const result = await review(db.url, pending('DROP TABLE "events";'))
    expect(result.findings.map((f) => [f.acknowledged, f.rowsAtStake])).toEqual([
      [undefined, { count: 7, estimated: false, what: 'rows' }]
    ])
  })
})

describe('a pull request compared with a fresh database', () => {
  let empty: { name: string; url: string }
  const base = HISTORY_INPUTS
  const prMigration: MigrationInput = {
    name: '20990101000000_drop_prices',
    file: 'prisma/migrations/20990101000000_drop_prices/migration.sql',
    script: '-- DropTable\nDROP TABLE "prices";\n'
  }

  beforeAll(async () => {
    empty = await createTestDatabase('fresh_pr')
  })
  afterAll(() => dropTestDatabase(empty.name))

  it("flags the PR's drop for environments where the base migration that created the table ran; summarises the base", async () => {
    const result = await review(empty.url, [...base, prMigration], {
      pullRequest: { added: [prMigration.name], base: '`main`', known: true }
    })
    const drop = result.findings.find((f) => f.migration === prMigration.name)!
    expect(drop).toMatchObject({
      rule: 'drop-table',
      dataHere: {
        destroys: false,
        reason: 'created by `20241024100928_add_prices_table` in this deploy; nothing to lose here'
      },
      elsewhere: 'destroys data in environments where `20241024100928_add_prices_table` already ran'
    })
    expect(drop.acknowledged).toBeUndefined()
    expect(result.unacknowledgedErrors).toEqual([drop])
    expect(result.headline).toBe('1 destructive change: DROP TABLE `prices` (where earlier migrations ran)')
    expect(result.migrations.filter((m) => m.onBase).map((m) => m.name)).toEqual(NAMES)
    expect(result.pullRequest).toEqual({ added: [prMigration.name], base: '`main`', known: true })
  })

  it('when the PR migrations cannot be told apart, every drop of an object created earlier stays open', async () => {
    const result = await review(empty.url, [...base, prMigration], {
      pullRequest: { added: [], base: '`main`', known: false }
    })
    expect(result.migrations.some((m) => m.onBase)).toBe(false)
    expect(result.unacknowledgedErrors).toHaveLength(53)
    expect(
      result.unacknowledgedErrors.every((f) => f.elsewhere?.startsWith('destroys data in environments where'))
    ).toBe(true)
  })

  it('a migration of the base that the PR edits is reviewed in full and flagged, never summarised', async () => {
    const edited = '20241024100928_add_prices_table'
    const withDrop = base.map((m) =>
      m.name === edited ? { ...m, script: `${m.script}\nDROP TABLE "models";\n` } : m
    )
    const result = await review(empty.url, withDrop, {
      pullRequest: { added: [], modified: [edited], deleted: [], base: '`main`', known: true }
    })
    const m = result.migrations.find((x) => x.name === edited)!
    expect(m.onBase).toBeUndefined()
    expect(m.findings.map((f) => [f.rule, f.severity])).toContainEqual(['modified-migration', 'error'])
    const drop = m.findings.find((f) => f.rule === 'drop-table' && f.table === 'models')!
    // Created by a migration that already ran elsewhere: it destroys data there.
    expect(drop.elsewhere).toBe(
      'destroys data in environments where `20240118204639_add_models_table` already ran'
    )
    // Everything left open is in the edited migration (its temporary copy of `models` too: a copy of older data).
    expect(new Set(result.unacknowledgedErrors.map((f) => f.migration))).toEqual(new Set([edited]))
  })

  it('outside a pull request the same set is judged on this database alone', async () => {
    const result = await review(empty.url, [...base, prMigration])
    expect(result.unacknowledgedErrors).toEqual([])
    expect(result.findings.find((f) => f.migration === prMigration.name)?.acknowledged?.by).toBe('database')
  })
})

/**
 * Which object a destructive statement destroys, named as Postgres resolves names in the target database (search
 * path, schemas, quoting, temporary tables, renames), and whether it can hold data that existed before the deploy.
 * The catalog here is written by hand; __tests__/review/fresh-environment.int.test.ts reads it from a real database.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { dataHere } from '../../src/review/holdings.js'
import { lintMigrations, parseMigrations } from '../../src/review/linter.js'
import { type DatabaseCatalog, relationKey } from '../../src/review/model.js'
import type { StakeRequest } from '../../src/review/rules/rule.js'
import { loadParser } from '../../src/sql/parse.js'

beforeAll(loadParser)

function catalog(
  relations: string[],
  searchPath = ['public'],
  creationSchema = searchPath[0],
  functions: string[] = []
): DatabaseCatalog {
  return {
    searchPath,
    creationSchema,
    functions: new Set(functions),
    relations: new Set(
      relations.map((r) => {
        const [schema, name] = r.split('.')
        return relationKey(schema, name)
      })
    )
  }
}

interface Verdict {
  migration: string
  rule: string
  line: number
  destroys: boolean
  reason: string
  stake?: StakeRequest
}

/** The destructive hits of consecutive migrations m1, m2, ... with what each destroys. */
function verdicts(scripts: string[], db?: DatabaseCatalog): Verdict[] {
  const linted = lintMigrations(
    parseMigrations(scripts.map((script, i) => ({ name: `m${i + 1}`, file: `m${i + 1}.sql`, script }))),
    { catalog: db }
  )
  return linted.flatMap((l) =>
    l.hits
      .filter((h) => h.rule.destructive)
      .map((h) => ({
        migration: l.input.name,
        rule: h.rule.id,
        line: h.stmt.startLine,
        ...dataHere(h.holds),
        ...(h.hit.stake ? { stake: h.hit.stake } : {})
      }))
  )
}

const destroys = (v: Verdict[]): boolean[] => v.map((x) => x.destroys)
/** Only the drops (a backfill `UPDATE` of an existing table is an `update-without-where` finding of its own). */
const drops = (v: Verdict[]): Verdict[] => v.filter((x) => x.rule.startsWith('drop-'))

describe('objects the deploy creates destroy nothing; objects that existed do', () => {
  it('a table created by an earlier migration and dropped later: nothing to lose', () => {
    const v = verdicts(['CREATE TABLE "events" ("id" INT);', 'DROP TABLE "events";'], catalog([]))
    expect(v).toEqual([
      {
        migration: 'm2',
        rule: 'drop-table',
        line: 1,
        destroys: false,
        reason: 'created by `m1` in this deploy; nothing to lose here'
      }
    ])
  })

  it('a table that exists in the database, dropped, created again and dropped: the first drop destroys, the second not', () => {
    const v = verdicts(
      ['DROP TABLE "orders";', 'CREATE TABLE "orders" ("id" INT);', 'DROP TABLE "orders";'],
      catalog(['public.orders'])
    )
    expect(v.map((x) => [x.migration, x.destroys])).toEqual([
      ['m1', true],
      ['m3', false]
    ])
    expect(v[0].reason).toBe('`orders` existed before this deploy')
    expect(v[0].stake).toEqual({ kind: 'table-rows', table: { schema: 'public', name: 'orders' } })
    expect(v[1].stake).toBeUndefined()
  })

  it('CREATE TABLE IF NOT EXISTS on a table the database has creates nothing: a later drop destroys its rows', () => {
    const v = verdicts(
      ['CREATE TABLE IF NOT EXISTS "orders" ("id" INT);', 'DROP TABLE "orders";'],
      catalog(['public.orders'])
    )
    expect(v.map((x) => x.reason)).toEqual(['`orders` existed before this deploy'])
  })

  it('a table renamed by the deploy is the same table: its drop destroys, counted under its database name', () => {
    const v = verdicts(
      ['ALTER TABLE "orders" RENAME TO "orders_archive";', 'DROP TABLE "orders_archive";'],
      catalog(['public.orders'])
    )
    expect(v).toEqual([
      expect.objectContaining({
        destroys: true,
        reason: '`orders_archive` existed before this deploy (as `orders`)',
        stake: { kind: 'table-rows', table: { schema: 'public', name: 'orders' } }
      })
    ])
  })

  it('a table moved to another schema is the same table', () => {
    const v = verdicts(
      [
        'CREATE SCHEMA "archive";\nALTER TABLE "orders" SET SCHEMA "archive";',
        'DROP TABLE "archive"."orders";'
      ],
      catalog(['public.orders'])
    )
    expect(v.map((x) => [x.destroys, x.reason])).toEqual([
      [true, '`archive.orders` existed before this deploy (as `orders`)']
    ])
  })

  it('a new table renamed later is still new', () => {
    const v = verdicts(
      ['CREATE TABLE "draft" ("id" INT);', 'ALTER TABLE "draft" RENAME TO "final";\nDROP TABLE "final";'],
      catalog([])
    )
    expect(destroys(v)).toEqual([false])
  })

  it('a column of an existing table renamed and dropped destroys its values, counted under its database name', () => {
    const v = verdicts(
      ['ALTER TABLE "users" RENAME COLUMN "mail" TO "email";', 'ALTER TABLE "users" DROP COLUMN "email";'],
      catalog(['public.users'])
    )
    expect(v).toEqual([
      expect.objectContaining({
        rule: 'drop-column',
        destroys: true,
        reason: '`users.email` existed before this deploy (as `users.mail`)',
        stake: { kind: 'non-null', table: { schema: 'public', name: 'users' }, column: 'mail' }
      })
    ])
  })

  it('a column the deploy added to an existing table and drops again: nothing to lose, nothing counted', () => {
    const v = verdicts(
      ['ALTER TABLE "users" ADD COLUMN "nickname" TEXT;', 'ALTER TABLE "users" DROP COLUMN "nickname";'],
      catalog(['public.users'])
    )
    expect(v).toEqual([
      {
        migration: 'm2',
        rule: 'drop-column',
        line: 1,
        destroys: false,
        reason: 'created by `m1` in this deploy; nothing to lose here'
      }
    ])
  })

  it('...but once it is backfilled from other columns it holds copies of older data', () => {
    const v = verdicts(
      [
        'ALTER TABLE "users" ADD COLUMN "nickname" TEXT;\nUPDATE "users" SET "nickname" = "name";',
        'ALTER TABLE "users" DROP COLUMN "nickname";'
      ],
      catalog(['public.users'])
    )
    expect(drops(v).map((x) => [x.destroys, x.reason])).toEqual([
      [
        true,
        'created by `m1` in this deploy, but filled from `users`, which existed before it: it can hold data that existed before the deploy'
      ]
    ])
  })

  it('a constant backfill copies nothing', () => {
    const v = verdicts(
      [
        'ALTER TABLE "users" ADD COLUMN "plan" TEXT;\nUPDATE "users" SET "plan" = \'free\', "updated" = now();',
        'ALTER TABLE "users" DROP COLUMN "plan";'
      ],
      catalog(['public.users'])
    )
    expect(destroys(drops(v))).toEqual([false])
  })
})

describe('a table created, filled and dropped', () => {
  const db = catalog(['public.models'])
  it('filled from a table that existed (CREATE TABLE AS, INSERT ... SELECT, SELECT INTO, MERGE): its drop destroys', () => {
    const fills = [
      'CREATE TEMPORARY TABLE "tmp" AS SELECT * FROM "models";',
      'CREATE TABLE "tmp" ("id" TEXT);\nINSERT INTO "tmp" SELECT "id" FROM "models";',
      'SELECT "id" INTO "tmp" FROM "models";',
      'CREATE TABLE "tmp" ("id" TEXT);\nINSERT INTO "tmp" VALUES ((SELECT max("id") FROM "models"));',
      'CREATE TABLE "tmp" ("id" TEXT);\nMERGE INTO "tmp" USING "models" ON "tmp"."id" = "models"."id" WHEN NOT MATCHED THEN INSERT VALUES ("models"."id");',
      'CREATE TABLE "tmp" ("id" TEXT);\nUPDATE "tmp" SET "id" = "models"."id" FROM "models";'
    ]
    for (const fill of fills) {
      const v = verdicts([fill, 'DROP TABLE "tmp";'], db)
      expect([fill, v.map((x) => x.reason)]).toEqual([
        fill,
        [
          'created by `m1` in this deploy, but filled from `models`, which existed before it: it can hold data that existed before the deploy'
        ]
      ])
    }
  })

  it('through a view the deploy created, or a CTE, the source is still the table', () => {
    const v = verdicts(
      [
        'CREATE VIEW "v" AS SELECT * FROM "models";\nCREATE TABLE "tmp" ("id" TEXT);\nINSERT INTO "tmp" SELECT "id" FROM "v";',
        'DROP TABLE "tmp";'
      ],
      db
    )
    expect(destroys(v)).toEqual([true])
    const cte = verdicts(
      [
        'CREATE TABLE "tmp" ("id" TEXT);\nWITH m AS (SELECT "id" FROM "models") INSERT INTO "tmp" SELECT "id" FROM m;',
        'DROP TABLE "tmp";'
      ],
      db
    )
    expect(destroys(cte)).toEqual([true])
  })

  it('a CTE that only shadows a table name reads nothing older', () => {
    const v = verdicts(
      [
        'CREATE TABLE "tmp" ("id" TEXT);\nWITH models AS (SELECT \'x\' AS id) INSERT INTO "tmp" SELECT id FROM models;',
        'DROP TABLE "tmp";'
      ],
      db
    )
    expect(destroys(v)).toEqual([false])
  })

  it('filled with constants, or from tables the deploy created and filled with constants: nothing to lose', () => {
    const v = verdicts(
      [
        'CREATE TABLE "seed" ("id" TEXT);\nINSERT INTO "seed" VALUES (\'a\'), (\'b\');',
        'CREATE TEMPORARY TABLE "tmp" AS SELECT * FROM "seed";\nDROP TABLE "tmp";'
      ],
      db
    )
    expect(v.map((x) => [x.migration, x.destroys])).toEqual([['m2', false]])
  })

  it('anything a DO block, a procedure, COPY, a trigger or a function the deploy defines may have written counts as older data', () => {
    const writers = [
      'DO $$ BEGIN INSERT INTO tmp SELECT id FROM models; END $$;',
      'CALL refill();',
      'COPY "tmp" FROM \'/tmp/rows.csv\';',
      'CREATE FUNCTION fill() RETURNS void LANGUAGE sql AS $$ INSERT INTO tmp SELECT id FROM models $$;\nSELECT fill();',
      'CREATE FUNCTION t() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\nCREATE TRIGGER tr AFTER UPDATE ON "models" FOR EACH ROW EXECUTE FUNCTION t();\nUPDATE "models" SET "id" = "id";'
    ]
    for (const writer of writers) {
      const [v] = drops(verdicts(['CREATE TABLE "tmp" ("id" TEXT);', writer, 'DROP TABLE "tmp";'], db))
      expect([writer, v.destroys, v.reason]).toEqual([writer, true, expect.stringContaining('`m2` line')])
    }
  })
})

describe('names resolve as Postgres resolves them', () => {
  it('unqualified names follow the search path: `?schema=app` creates in app, and public.x is another table', () => {
    const db = catalog(['public.events'], ['app'])
    const v = verdicts(
      ['CREATE TABLE "events" ("id" INT);', 'DROP TABLE "events";\nDROP TABLE public."events";'],
      db
    )
    expect(v.map((x) => [x.line, x.destroys, x.reason])).toEqual([
      [1, false, 'created by `m1` in this deploy; nothing to lose here'],
      [2, true, '`events` existed before this deploy']
    ])
    expect(v[1].stake).toEqual({ kind: 'table-rows', table: { schema: 'public', name: 'events' } })
  })

  it('a qualified create in another schema does not make the unqualified name new', () => {
    const db = catalog(['app.events'], ['app', 'public'])
    const v = verdicts(['CREATE TABLE public."events" ("id" INT);', 'DROP TABLE "events";'], db)
    expect(v.map((x) => x.reason)).toEqual(['`app.events` existed before this deploy'])
  })

  it('quoted names are case-sensitive: "Users" is not users', () => {
    const db = catalog(['public.users'])
    const v = verdicts(['CREATE TABLE "Users" ("id" INT);', 'DROP TABLE "Users";\nDROP TABLE Users;'], db)
    expect(v.map((x) => [x.line, x.destroys])).toEqual([
      [1, false],
      [2, true]
    ])
    expect(v[1].reason).toBe('`users` existed before this deploy')
  })

  it('a temporary table shadows the table of the same name until it is dropped', () => {
    const db = catalog(['public.orders'])
    const v = verdicts(
      ['CREATE TEMPORARY TABLE "orders" ("id" INT);\nDROP TABLE "orders";\nDROP TABLE "orders";'],
      db
    )
    expect(v.map((x) => [x.line, x.destroys])).toEqual([
      [2, false],
      [3, true]
    ])
  })

  it('SET search_path inside a migration changes what later unqualified names mean', () => {
    const db = catalog(['public.events', 'audit.events'])
    const v = verdicts(['SET search_path TO audit;', 'DROP TABLE "events";'], db)
    expect(v.map((x) => x.reason)).toEqual(['`audit.events` existed before this deploy'])
    expect(v[0].stake).toEqual({ kind: 'table-rows', table: { schema: 'audit', name: 'events' } })
    // SET LOCAL ends with its file (Prisma runs each file as one transaction).
    const local = verdicts(['SET LOCAL search_path TO audit;', 'DROP TABLE "events";'], db)
    expect(local.map((x) => x.reason)).toEqual(['`events` existed before this deploy'])
  })

  it('a name that is neither in the database nor created by the deploy is not assumed harmless', () => {
    const v = verdicts(['DROP TABLE IF EXISTS "ghost";'], catalog([]))
    expect(v.map((x) => [x.destroys, x.reason])).toEqual([
      [
        true,
        '`ghost` is not in this database and no earlier statement of this deploy creates it: counted as destructive'
      ]
    ])
  })

  it('without a database nothing is known: every destructive statement counts', () => {
    const v = verdicts(['CREATE TABLE "events" ("id" INT);', 'DROP TABLE "events";\nDROP TABLE "orders";'])
    expect(v.map((x) => [x.destroys, x.reason])).toEqual([
      [false, 'created by `m1` in this deploy; nothing to lose here'],
      [true, 'no database to compare with: counted as destructive']
    ])
  })
})

describe('enum value removal', () => {
  const swap = (table: string): string =>
    `CREATE TYPE "Status_new" AS ENUM ('A');\nALTER TABLE "${table}" ALTER COLUMN "status" TYPE "Status_new" USING ("status"::text::"Status_new");\nALTER TYPE "Status" RENAME TO "Status_old";\nALTER TYPE "Status_new" RENAME TO "Status";\nDROP TYPE "Status_old";`
  it('on an enum and a table the deploy created: nothing to lose', () => {
    const v = verdicts(
      [`CREATE TYPE "Status" AS ENUM ('A', 'B');\nCREATE TABLE "jobs" ("status" "Status");`, swap('jobs')],
      catalog([])
    )
    expect(v.map((x) => [x.rule, x.destroys])).toEqual([['enum-value-removal', false]])
  })
  it('on a column of an existing table: rows may hold the removed values', () => {
    const v = verdicts([swap('jobs')], catalog(['public.jobs']))
    expect(v.map((x) => [x.rule, x.destroys, x.reason])).toEqual([
      ['enum-value-removal', true, '`jobs.status` existed before this deploy']
    ])
  })
})

describe('what someone trying to slip a drop through would try next', () => {
  const db = catalog(['public.users'])
  it('swapping in a new table under the old name: the renamed original is still protected', () => {
    const v = verdicts(
      [
        'CREATE TABLE "users_new" ("id" INT);\nALTER TABLE "users" RENAME TO "users_old";\nALTER TABLE "users_new" RENAME TO "users";',
        'DROP TABLE "users_old";\nDROP TABLE "users";'
      ],
      db
    )
    expect(v.map((x) => [x.line, x.destroys, x.reason])).toEqual([
      [1, true, '`users_old` existed before this deploy (as `users`)'],
      [2, false, 'created by `m1` in this deploy; nothing to lose here']
    ])
    expect(v[0].stake).toEqual({ kind: 'table-rows', table: { schema: 'public', name: 'users' } })
  })

  it('creating the name in another schema through the search path, then dropping it in public', () => {
    const v = verdicts(
      [
        'CREATE SCHEMA "shadow";\nSET search_path TO shadow;\nCREATE TABLE "users" ("id" INT);',
        'SET search_path TO public;\nDROP TABLE "users";'
      ],
      catalog(['public.users'], ['public'])
    )
    expect(v.map((x) => [x.destroys, x.reason])).toEqual([[true, '`users` existed before this deploy']])
  })

  it('naming the temporary table twice in one DROP: both names are resolved before anything is dropped', () => {
    const v = verdicts(['CREATE TEMP TABLE "users" ("id" INT);', 'DROP TABLE "users", "users";'], db)
    expect(destroys(v)).toEqual([false, false])
  })

  it('CREATE TABLE IF NOT EXISTS on the existing name, then dropping it', () => {
    const v = verdicts(['CREATE TABLE IF NOT EXISTS users (id int);\nDROP TABLE users;'], db)
    expect(destroys(v)).toEqual([true])
  })

  it("copying rows out through the database's own function, then dropping the copy", () => {
    const own = catalog(['public.users'], ['public'], 'public', ['export_users'])
    const v = verdicts(['CREATE TABLE "tmp" AS SELECT * FROM export_users();', 'DROP TABLE "tmp";'], own)
    expect(v.map((x) => x.reason)).toEqual([
      'created by `m1` in this deploy, but `m1` line 1 (a function that is not built in) may have filled it: it can hold data that existed before the deploy'
    ])
    // A built-in (or extension) function is not the database's own: constants stay constants.
    const builtin = verdicts(
      ['CREATE TABLE "tmp" AS SELECT gen_random_uuid() AS id;', 'DROP TABLE "tmp";'],
      own
    )
    expect(destroys(builtin)).toEqual([false])
  })

  it('attaching an existing table as a partition of a new one, then dropping the new parent', () => {
    const v = verdicts(
      [
        'CREATE TABLE "p" ("id" INT) PARTITION BY LIST ("id");\nALTER TABLE "p" ATTACH PARTITION "users" FOR VALUES IN (1);',
        'DROP TABLE "p";'
      ],
      db
    )
    expect(v.map((x) => x.reason)).toEqual([
      'created by `m1` in this deploy, but filled from `users`, which existed before it: it can hold data that existed before the deploy'
    ])
  })

  it('making an existing table inherit from a new one, then dropping the new parent with CASCADE', () => {
    const v = verdicts(
      ['CREATE TABLE "p" ("id" INT);\nALTER TABLE "users" INHERIT "p";', 'DROP TABLE "p" CASCADE;'],
      db
    )
    expect(destroys(v)).toEqual([true])
  })

  it('TRUNCATE ... CASCADE of a new table empties the existing tables that reference it: never harmless', () => {
    const v = verdicts(
      [
        'CREATE TABLE "n" ("id" INT PRIMARY KEY);\nALTER TABLE "users" ADD CONSTRAINT "f" FOREIGN KEY ("id") REFERENCES "n"("id");',
        'TRUNCATE "n" CASCADE;\nTRUNCATE "n";'
      ],
      db
    )
    expect(v.map((x) => [x.rule, x.line, x.destroys])).toEqual([['truncate', 1, true]])
  })

  it('several tables in one DROP are judged one by one', () => {
    const v = verdicts(['CREATE TABLE "fresh" ("id" INT);', 'DROP TABLE "fresh", "users";'], db)
    expect(v.map((x) => x.destroys)).toEqual([false, true])
  })
})

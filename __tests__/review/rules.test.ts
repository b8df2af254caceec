import { describe, expect, it } from '@jest/globals'
import { RULES } from '../../src/review/rules/index.js'
import { nameSimilarity } from '../../src/review/rules/probable-rename.js'
import { classifyTypeChange } from '../../src/review/type-change.js'
import { reviewSql, rulesOf } from './helpers.js'
import { expectGolden } from '../render/golden.js'
import { FINDING_OBJECT_KEYS, type Finding } from '../../src/review/types.js'

/** SQL given as several strings runs as consecutive pending migrations (the earlier ones create "new" tables). */
type Sql = string | string[]
const CASES: Record<string, { triggers: Sql[]; passes: Sql[] }> = {
  'parse-error': { triggers: ['ALTER TABLE "a" DROP COLUM "b";', 'SELEC 1;'], passes: ['SELECT 1;'] },
  'drop-table': {
    triggers: [
      'DROP TABLE "payers";',
      'DROP TABLE IF EXISTS a, b CASCADE;',
      ['CREATE TABLE t (id int);', 'DROP TABLE t;']
    ],
    passes: ['DROP VIEW v;', 'DROP INDEX "a_idx";', 'CREATE TABLE t (id int);']
  },
  'drop-column': {
    triggers: ['ALTER TABLE "clients" DROP COLUMN "email";', 'ALTER TABLE t DROP COLUMN a, DROP COLUMN b;'],
    passes: [
      'ALTER TABLE t ADD COLUMN a text;',
      'ALTER TABLE t DROP COLUMN a, ADD COLUMN a integer;',
      'ALTER TABLE t DROP CONSTRAINT c;'
    ]
  },
  'drop-schema': { triggers: ['DROP SCHEMA legacy CASCADE;'], passes: ['CREATE SCHEMA IF NOT EXISTS app;'] },
  'drop-database': { triggers: ['DROP DATABASE railway;'], passes: ['CREATE DATABASE x;'] },
  truncate: {
    triggers: ['TRUNCATE "sales_report_entries";', 'TRUNCATE a, b CASCADE;'],
    passes: [['CREATE TABLE t (id int);', 'TRUNCATE t;']]
  },
  'delete-without-where': {
    triggers: ['DELETE FROM "payers";'],
    passes: ['DELETE FROM payers WHERE id = 1;', ['CREATE TABLE t (id int);', 'DELETE FROM t;']]
  },
  'update-without-where': {
    triggers: ['UPDATE "clients" SET "email" = NULL;'],
    passes: [
      'UPDATE clients SET email = lower(email) WHERE email IS NOT NULL;',
      'UPDATE a SET x = b.x FROM b WHERE a.id = b.id;'
    ]
  },
  'drop-and-recreate-column': {
    triggers: [
      'ALTER TABLE "Alerts" DROP COLUMN "status",\nADD COLUMN     "status" "AlertStatus";',
      'ALTER TABLE t DROP COLUMN c; ALTER TABLE t ADD COLUMN c int;'
    ],
    passes: ['ALTER TABLE t DROP COLUMN a, ADD COLUMN b int;', 'ALTER TABLE t ALTER COLUMN c TYPE bigint;']
  },
  'enum-value-removal': {
    triggers: [
      `CREATE TYPE "S_new" AS ENUM ('A'); ALTER TABLE "t" ALTER COLUMN "s" TYPE "S_new" USING ("s"::text::"S_new"); ALTER TYPE "S" RENAME TO "S_old"; ALTER TYPE "S_new" RENAME TO "S"; DROP TYPE "S_old";`,
      [
        `CREATE TYPE "S" AS ENUM ('A', 'B');`,
        `CREATE TYPE "S_new" AS ENUM ('A'); ALTER TYPE "S" RENAME TO "S_old"; ALTER TYPE "S_new" RENAME TO "S"; DROP TYPE "S_old";`
      ]
    ],
    passes: [
      `CREATE TYPE "S_new" AS ENUM ('A');`,
      [
        `CREATE TYPE "S" AS ENUM ('A');`,
        `CREATE TYPE "S_new" AS ENUM ('A', 'B'); ALTER TYPE "S" RENAME TO "S_old"; ALTER TYPE "S_new" RENAME TO "S";`
      ],
      `ALTER TYPE "S" ADD VALUE 'C';`
    ]
  },
  'lossy-type-change': {
    triggers: [
      'ALTER TABLE t ALTER COLUMN c TYPE varchar(20);',
      'ALTER TABLE t ALTER COLUMN c TYPE integer USING c::integer;',
      ['CREATE TABLE t (c bigint);', 'ALTER TABLE t ALTER COLUMN c TYPE integer;'],
      ['CREATE TABLE t (c numeric(10,2));', 'ALTER TABLE t ALTER COLUMN c TYPE numeric(10,1);'],
      'ALTER TABLE "property" ALTER COLUMN "amenities" SET DATA TYPE "Amenities"[];'
    ],
    passes: [
      'ALTER TABLE t ALTER COLUMN c TYPE text;',
      'ALTER TABLE t ALTER COLUMN c TYPE bigint;',
      ['CREATE TABLE t (c varchar(20));', 'ALTER TABLE t ALTER COLUMN c TYPE varchar(50);'],
      ['CREATE TABLE t (c integer);', 'ALTER TABLE t ALTER COLUMN c TYPE numeric;']
    ]
  },
  'dynamic-sql': {
    // the variants an attacker would try are in dynamic-sql.test.ts
    triggers: [`DO $$ BEGIN EXECUTE 'DR' || 'OP TABLE "Post"'; END $$;`],
    passes: ['CREATE FUNCTION one() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;']
  },
  'drop-table-with-dependent-view': {
    triggers: [['CREATE TABLE e (id int);', 'CREATE VIEW v AS SELECT id FROM e;', 'DROP TABLE e;']],
    passes: [
      ['CREATE TABLE e (id int);', 'CREATE VIEW v AS SELECT id FROM e;', 'DROP VIEW v; DROP TABLE e;'],
      ['CREATE TABLE e (id int);', 'CREATE VIEW v AS SELECT 1;', 'DROP TABLE e;'],
      ['CREATE TABLE e (id int); CREATE VIEW v AS SELECT id FROM e;', 'DROP TABLE e CASCADE;']
    ]
  },
  'modified-migration': { triggers: [], passes: ['SELECT 1;'] },
  'add-required-column-without-default': {
    triggers: ['ALTER TABLE "users" ADD COLUMN     "typeOfUserId" SMALLINT NOT NULL;'],
    passes: [
      'ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0;',
      'ALTER TABLE t ADD COLUMN c int;',
      'ALTER TABLE t ADD COLUMN id bigserial NOT NULL;',
      'ALTER TABLE t ADD COLUMN id int GENERATED ALWAYS AS IDENTITY;',
      ['CREATE TABLE t (id int);', 'ALTER TABLE t ADD COLUMN c int NOT NULL;']
    ]
  },
  'set-not-null': {
    triggers: ['ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;'],
    passes: [
      'ALTER TABLE t ALTER COLUMN c DROP NOT NULL;',
      ['CREATE TABLE t (c int);', 'ALTER TABLE t ALTER COLUMN c SET NOT NULL;']
    ]
  },
  'add-unique': {
    triggers: [
      'CREATE UNIQUE INDEX "User_email_key" ON "User"("email");',
      'ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a);'
    ],
    passes: [
      'CREATE INDEX i ON t (a);',
      'ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i;',
      ['CREATE TABLE t (a int);', 'CREATE UNIQUE INDEX i ON t (a);']
    ]
  },
  'primary-key-change': {
    triggers: [
      'ALTER TABLE "b" DROP CONSTRAINT "b_pkey",\nADD CONSTRAINT "b_pkey" PRIMARY KEY ("id");',
      'ALTER TABLE t ADD PRIMARY KEY (id);'
    ],
    passes: ['ALTER TABLE t DROP CONSTRAINT "t_a_fkey";', 'CREATE TABLE t (id int PRIMARY KEY);']
  },
  'index-not-concurrent': {
    triggers: ['CREATE INDEX "clients_email_idx" ON "clients"("email");'],
    passes: [
      'CREATE INDEX CONCURRENTLY i ON clients (email);',
      'CREATE TABLE t (a int); CREATE INDEX i ON t (a);',
      ['CREATE TABLE t (a int);', 'CREATE INDEX i ON t (a);']
    ]
  },
  'concurrently-in-transaction': {
    triggers: [
      'CREATE INDEX CONCURRENTLY i ON t (a); ANALYZE t;',
      'SELECT 1; DROP INDEX CONCURRENTLY i;',
      'SELECT 1; REINDEX INDEX CONCURRENTLY i;'
    ],
    passes: ['CREATE INDEX CONCURRENTLY i ON t (a);', '-- only statement\nDROP INDEX CONCURRENTLY i;']
  },
  'foreign-key-not-valid': {
    triggers: [
      'ALTER TABLE "tool_executions" ADD CONSTRAINT "fk" FOREIGN KEY ("a") REFERENCES "audit_logs"("id") ON DELETE SET NULL ON UPDATE CASCADE;'
    ],
    passes: [
      'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES b(id) NOT VALID;',
      ['CREATE TABLE t (a int);', 'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES b(id);']
    ]
  },
  'rename-column': {
    triggers: ['ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";'],
    passes: ['ALTER TABLE t RENAME TO u;', ['CREATE TABLE t (a int);', 'ALTER TABLE t RENAME COLUMN a TO b;']]
  },
  'rename-table': {
    triggers: ['ALTER TABLE "Task" RENAME TO "task";'],
    passes: [
      'ALTER TABLE t RENAME COLUMN a TO b;',
      'CREATE TABLE "_prisma_new_T" (a int); ALTER TABLE "_prisma_new_T" RENAME TO "T";'
    ]
  },
  'probable-rename': {
    triggers: [
      'ALTER TABLE "User" DROP COLUMN "name",\nADD COLUMN     "fullName" TEXT NOT NULL;',
      'DROP TABLE "Task";\nCREATE TABLE "task" ("id" SERIAL NOT NULL);',
      'ALTER TABLE t DROP COLUMN user_name, DROP COLUMN age, ADD COLUMN username text, ADD COLUMN city text;'
    ],
    passes: [
      'ALTER TABLE t DROP COLUMN a;',
      'DROP TABLE "Gato";\nCREATE TABLE "Invoice" ("id" SERIAL NOT NULL);',
      'ALTER TABLE t DROP COLUMN c, ADD COLUMN c int;'
    ]
  },
  'enum-value-used-in-same-file': {
    triggers: [
      `ALTER TYPE "Role" ADD VALUE 'AUDITOR';\nALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT 'AUDITOR';`,
      `ALTER TYPE r ADD VALUE 'X'; UPDATE u SET role = 'X' WHERE id = 1;`
    ],
    passes: [
      `ALTER TYPE "Role" ADD VALUE 'AUDITOR';`,
      [`ALTER TYPE "Role" ADD VALUE 'AUDITOR';`, `UPDATE u SET role = 'AUDITOR' WHERE id = 1;`]
    ]
  },
  'identifier-too-long': {
    triggers: [
      `ALTER TABLE "a" ADD CONSTRAINT "${'x'.repeat(64)}" FOREIGN KEY ("b") REFERENCES "c"("id") NOT VALID;`,
      `CREATE TABLE "${'é'.repeat(32)}" (id int);`
    ],
    passes: [`CREATE TABLE "${'x'.repeat(63)}" (id int);`, `SELECT "${'x'.repeat(70)}" FROM t;`]
  },
  'drop-view': {
    triggers: ['DROP VIEW "sales_report_view";', 'DROP MATERIALIZED VIEW mv;'],
    passes: ['DROP TABLE t;', ['CREATE VIEW v AS SELECT 1;', 'DROP VIEW v;']]
  },
  'prisma-warning-unmatched': {
    triggers: [
      '/*\n  Warnings:\n\n  - You are about to drop the `Task` table. If the table is not empty, all the data it contains will be lost.\n\n*/\n-- CreateTable\nCREATE TABLE "a" (id int);'
    ],
    passes: [
      '/*\n  Warnings:\n\n  - You are about to drop the `Task` table. If the table is not empty, all the data it contains will be lost.\n\n*/\n-- DropTable\nDROP TABLE "Task";'
    ]
  },
  'not-in-prisma-warnings': {
    triggers: ['-- DropTable\nDROP TABLE "Task";', '-- AlterTable\nALTER TABLE "a" DROP COLUMN "b";'],
    passes: ['DROP TABLE "Task";', '-- CreateTable\nCREATE TABLE "a" (id int);']
  },
  'invalid-acknowledgement': {
    triggers: [
      '-- pg-ops:allow drop-table\nDROP TABLE t;',
      '-- pg-ops:allow no-such-rule because\nDROP TABLE t;',
      '-- pg-ops:allow drop-table moved to archive\n\nDROP TABLE t;',
      'DROP TABLE t; -- pg-ops:allow drop-table reason'
    ],
    passes: [
      '-- pg-ops:allow drop-table moved to the archive db in #42\nDROP TABLE t;',
      '-- pg-ops:allow drop-table reason\n-- DropTable\nDROP TABLE t;'
    ]
  },
  'unused-acknowledgement': {
    triggers: ['-- pg-ops:allow drop-column not needed\nDROP TABLE t;'],
    passes: ['-- pg-ops:allow drop-table archived\nDROP TABLE t;']
  },
  'prefer-bigint': {
    triggers: ['CREATE TABLE t (id SERIAL NOT NULL, n INTEGER);'],
    passes: ['CREATE TABLE t (id BIGSERIAL NOT NULL, n BIGINT);']
  },
  'prefer-timestamptz': {
    triggers: ['CREATE TABLE t (at TIMESTAMP(3) NOT NULL);'],
    passes: ['CREATE TABLE t (at TIMESTAMPTZ(3) NOT NULL);']
  },
  'prefer-identity': {
    triggers: ['ALTER TABLE t ADD COLUMN id SERIAL;'],
    passes: ['CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY);']
  },
  'prefer-text': {
    triggers: ['CREATE TABLE t (name VARCHAR(191) NOT NULL);'],
    passes: ['CREATE TABLE t (name TEXT NOT NULL, v VARCHAR);']
  }
}

describe('rules', () => {
  it('has trigger and pass cases for every rule', () => {
    for (const rule of RULES) {
      expect({ rule: rule.id, covered: rule.id in CASES }).toEqual({ rule: rule.id, covered: true })
      // modified-migration comes from the offline review (offline.test.ts)
      if (rule.id !== 'modified-migration') expect(CASES[rule.id].triggers.length).toBeGreaterThan(0)
      expect(CASES[rule.id].passes.length).toBeGreaterThan(0)
    }
  })

  for (const [id, { triggers, passes }] of Object.entries(CASES)) {
    describe(id, () => {
      if (triggers.length)
        it.each(triggers.map((s) => [JSON.stringify(s).slice(0, 100), s]))(
          'triggers on %s',
          async (_label, sql) => {
            expect(rulesOf(await reviewSql(sql))).toContain(id)
          }
        )
      it.each(passes.map((s) => [JSON.stringify(s).slice(0, 100), s]))(
        'does not trigger on %s',
        async (_label, sql) => {
          expect(rulesOf(await reviewSql(sql))).not.toContain(id)
        }
      )
    })
  }
})

/** A finding as squawk snapshots a violation: what it says, where, and about which objects. */
function violation(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = { message: f.message, line: f.line }
  if (f.endLine !== undefined && f.endLine !== f.line) out.endLine = f.endLine
  for (const key of FINDING_OBJECT_KEYS) if (f[key] !== undefined) out[key] = f[key]
  return out
}

describe('every trigger case, in full (__tests__/__outputs__/rule-violations.json)', () => {
  it('reports the message, the line and the objects of each finding', async () => {
    const snapshot: Record<string, { sql: Sql; findings: Record<string, unknown>[] }[]> = {}
    for (const [id, { triggers }] of Object.entries(CASES)) {
      snapshot[id] = []
      for (const sql of triggers) {
        const findings = (await reviewSql(sql)).findings.filter((f) => f.rule === id).map(violation)
        snapshot[id].push({ sql, findings })
      }
    }
    expectGolden('rule-violations.json', JSON.stringify(snapshot, null, 2) + '\n')
  })
})

describe('finding details', () => {
  it('names the objects, says why and what to do instead, and links to the docs', async () => {
    const result = await reviewSql('ALTER TABLE "clients" DROP COLUMN "email", DROP COLUMN "phone";')
    const drops = result.findings.filter((f) => f.rule === 'drop-column')
    expect(drops.map((f) => f.column)).toEqual(['email', 'phone'])
    expect(drops[0]).toMatchObject({
      severity: 'error',
      destructive: true,
      table: 'clients',
      line: 1,
      file: 'prisma/migrations/m1/migration.sql',
      migration: 'm1',
      docs: 'docs/rules.md#drop-column'
    })
    expect(drops[0].message).toContain('`clients`.`email`')
    expect(drops[0].why.length).toBeGreaterThan(20)
    expect(drops[0].fix).toContain('RENAME COLUMN')
  })

  it('maps each statement to its line, after comments and blank lines', async () => {
    const result = await reviewSql(
      '-- a comment\n\nCREATE TABLE a (id int);\n\n/* block\n comment */\nDROP TABLE\n  "b";\n'
    )
    expect(result.findings.find((f) => f.rule === 'drop-table')).toMatchObject({ line: 7, endLine: 8 })
  })

  it('reports a parse error at its line and reviews nothing else in that file', async () => {
    const result = await reviewSql('DROP TABLE a;\n\nALTER TABLE b ADD COLUM c int;\n')
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]).toMatchObject({ rule: 'parse-error', severity: 'error', line: 3 })
    expect(result.migrations[0].parseError).toContain('syntax error')
  })

  it('treats a table created earlier in the pending set as new: no lock findings, no data at stake', async () => {
    const { defaultRuleSeverities } = await import('../../src/review/rule-settings.js')
    const result = await reviewSql(
      [
        'CREATE TABLE "t" ("id" SERIAL NOT NULL, "a" TEXT);',
        'CREATE INDEX "i" ON "t"("a");\nALTER TABLE "t" ADD CONSTRAINT "f" FOREIGN KEY ("a") REFERENCES "u"("id");\nDROP TABLE "t";'
      ],
      {
        rules: defaultRuleSeverities()
      }
    )
    expect(rulesOf(result)).toEqual(['drop-table'])
    expect(result.findings[0].message).toContain('(The table is created earlier in the pending migrations.)')
    // Without a database nothing is known about where the deploy runs: the drop still counts as destructive.
    expect(result.findings[0].severity).toBe('error')
    expect(result.findings[0].acknowledged).toBeUndefined()
    expect(result.unacknowledgedErrors).toHaveLength(1)
  })

  it('reads Prisma-style enum swaps inside BEGIN/COMMIT without noise', async () => {
    const result = await reviewSql(
      `-- AlterEnum\nBEGIN;\nCREATE TYPE "S_new" AS ENUM ('A');\nALTER TABLE "t" ALTER COLUMN "s" TYPE "S_new" USING ("s"::text::"S_new");\nALTER TYPE "S" RENAME TO "S_old";\nALTER TYPE "S_new" RENAME TO "S";\nDROP TYPE "S_old";\nCOMMIT;`
    )
    expect(rulesOf(result).filter((r) => r !== 'not-in-prisma-warnings')).toEqual(['enum-value-removal'])
  })

  it('gives a stock Prisma "create tables" migration zero findings by default', async () => {
    const { defaultRuleSeverities } = await import('../../src/review/rule-settings.js')
    const sql = `-- CreateEnum\nCREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');\n\n-- CreateTable\nCREATE TABLE "User" (\n    "id" SERIAL NOT NULL,\n    "email" TEXT NOT NULL,\n    "role" "Role" NOT NULL DEFAULT 'USER',\n    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n\n    CONSTRAINT "User_pkey" PRIMARY KEY ("id")\n);\n\n-- CreateTable\nCREATE TABLE "Post" (\n    "id" SERIAL NOT NULL,\n    "authorId" INTEGER NOT NULL,\n\n    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")\n);\n\n-- CreateIndex\nCREATE UNIQUE INDEX "User_email_key" ON "User"("email");\n\n-- AddForeignKey\nALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;\n`
    expect((await reviewSql(sql, { rules: defaultRuleSeverities() })).findings).toEqual([])
  })
})

describe('helpers', () => {
  it('classifies type changes', () => {
    const t = (name: string, mods: number[] = [], isArray = false) => ({ name, mods, isArray })
    expect(classifyTypeChange(t('int4'), t('int8'), false)).toBe('safe')
    expect(classifyTypeChange(t('int8'), t('int4'), false)).toBe('lossy')
    expect(classifyTypeChange(t('varchar', [50]), t('text'), false)).toBe('safe')
    expect(classifyTypeChange(t('text'), t('varchar', [50]), false)).toBe('lossy')
    expect(classifyTypeChange(t('numeric', [10, 2]), t('numeric', [12, 2]), false)).toBe('safe')
    expect(classifyTypeChange(undefined, t('varchar', [10]), false)).toBe('unknown')
    expect(classifyTypeChange(undefined, t('int8'), true)).toBe('unknown')
  })

  it('scores name similarity for renames', () => {
    expect(nameSimilarity('Task', 'task')).toBe(1)
    expect(nameSimilarity('products', 'product')).toBe(1)
    expect(nameSimilarity('user_name', 'username')).toBe(1)
    expect(nameSimilarity('Gato', 'Invoice')).toBeLessThan(0.5)
  })
})

describe('docs/rules.md', () => {
  it('has a section for every rule, with its severity and an example', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')
    for (const rule of RULES) {
      const section = doc.split(`\n## ${rule.id}\n`)[1]?.split('\n## ')[0]
      expect({ rule: rule.id, documented: section !== undefined }).toEqual({
        rule: rule.id,
        documented: true
      })
      expect(section).toContain('**Safe alternative:**')
      expect(section).toMatch(/```sql\n.+\n/)
    }
  })
})

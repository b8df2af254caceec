import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { createTestDatabase, dropTestDatabase, query } from '../../__fixtures__/databases.js'
import { reviewMigrations } from '../../src/review/review.js'
import { defaultRuleSeverities } from '../../src/review/rule-settings.js'
import type { Finding, ReviewResult } from '../../src/review/types.js'

const STORY = join(import.meta.dirname, '../data/story/migrations')
const M1 = '20251225123806_group_buying_sales_report'
const M2 = '20251225172757_platform_api_tables'
const read = (name: string): string => readFileSync(join(STORY, name, 'migration.sql'), 'utf8')
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

const find = (r: ReviewResult, rule: string, table: string, column?: string): Finding | undefined =>
  r.findings.find(
    (f) => f.rule === rule && f.table === table && (column === undefined || f.column === column)
  )

describe('data at stake, counted on a real Postgres', () => {
  let db: { name: string; url: string }

  beforeAll(async () => {
    db = await createTestDatabase('stake')
    await query(db.name, read(M1))
    await query(
      db.name,
      `INSERT INTO payers (name) SELECT 'payer ' || g FROM generate_series(1, 3) g;
       INSERT INTO reps (name, email) SELECT 'rep ' || g, CASE WHEN g % 2 = 0 THEN 'r' || g || '@x.test' END FROM generate_series(1, 4) g;
       INSERT INTO clients (name, email, payer_id) SELECT 'client ' || g, CASE WHEN g <= 7 THEN 'c' || g || '@x.test' END, 1 + g % 3 FROM generate_series(1, 10) g;
       INSERT INTO payer_client_rep_assignments SELECT 1 + g % 3, g, 1 + g % 4 FROM generate_series(1, 10) g;
       INSERT INTO sales_report_entries (client_id, rep_id, period, amount) SELECT 1 + g % 10, 1 + g % 4, date '2025-01-01' + g, g * 10.5 FROM generate_series(1, 1234) g;
       CREATE TYPE "Status" AS ENUM ('DRAFT', 'SENT', 'PAID', 'VOID');
       CREATE TABLE invoices (id serial PRIMARY KEY, status "Status", code text, label text, cents numeric(12,2), tags text);
       INSERT INTO invoices (status, code, label, cents) VALUES
         ('DRAFT', 'A1', 'short', 1.5), ('VOID', 'A1', 'a much longer label', 2), ('VOID', 'B2', NULL, 99999999.99),
         ('PAID', 'B2', 'x', 3), ('PAID', 'C3', 'y', 4), (NULL, 'C3', 'z', 5), ('SENT', NULL, NULL, NULL);`
    )
  })

  afterAll(async () => {
    await dropTestDatabase(db.name)
  })

  it('counts the rows of every table Prisma wants to drop, and finds the view that makes the drop fail', async () => {
    const result = await withClient(db.url, (client) =>
      reviewMigrations({
        migrations: [{ name: M2, file: `prisma/migrations/${M2}/migration.sql`, script: read(M2) }],
        settings: { rules },
        client,
        allowDestructive: false
      })
    )
    expect(result.databaseCompared).toBe(true)
    const rows = Object.fromEntries(
      result.findings.filter((f) => f.rule === 'drop-table').map((f) => [f.table, f.rowsAtStake])
    )
    expect(rows).toEqual({
      clients: { count: 10, estimated: false, what: 'rows' },
      payer_client_rep_assignments: { count: 10, estimated: false, what: 'rows' },
      payers: { count: 3, estimated: false, what: 'rows' },
      reps: { count: 4, estimated: false, what: 'rows' },
      sales_report_entries: { count: 1234, estimated: false, what: 'rows' }
    })
    expect(
      result.findings
        .filter((f) => f.rule === 'drop-table')
        .every((f) => f.severity === 'error' && f.prismaWarning)
    ).toBe(true)
    const viewFindings = result.findings.filter((f) => f.rule === 'drop-table-with-dependent-view')
    expect(viewFindings.map((f) => f.table).sort()).toEqual([
      'clients',
      'payers',
      'reps',
      'sales_report_entries'
    ])
    // The database half of the rule: asked of the database (a lookup the rule makes), worded by the rule.
    expect(find(result, 'drop-table-with-dependent-view', 'clients')).toMatchObject({
      message: 'DROP TABLE `clients` will fail: the view `sales_report_view` in the database reads it.',
      line: find(result, 'drop-table', 'clients')?.line,
      severity: 'error'
    })
    // Without a database nobody can tell: no finding, and no guess.
    const offline = await reviewMigrations({
      migrations: [{ name: M2, file: `prisma/migrations/${M2}/migration.sql`, script: read(M2) }],
      settings: { rules },
      allowDestructive: false
    })
    expect(offline.findings.filter((f) => f.rule === 'drop-table-with-dependent-view')).toEqual([])
    expect(result.headline).toContain('5 destructive changes: DROP TABLE `clients` (10 rows)')
    expect(result.headline).toContain('DROP TABLE `sales_report_entries` (1,234 rows)')
  })

  it('counts values, NULLs, duplicate groups, removed enum values and failing casts', async () => {
    const script = `ALTER TABLE "clients" DROP COLUMN "email";
ALTER TABLE "reps" ALTER COLUMN "email" SET NOT NULL;
CREATE UNIQUE INDEX "invoices_code_key" ON "invoices"("code");
ALTER TABLE "invoices" ADD COLUMN "owner" TEXT NOT NULL;
BEGIN;
CREATE TYPE "Status_new" AS ENUM ('DRAFT', 'SENT', 'PAID');
ALTER TABLE "invoices" ALTER COLUMN "status" TYPE "Status_new" USING ("status"::text::"Status_new");
ALTER TYPE "Status" RENAME TO "Status_old";
ALTER TYPE "Status_new" RENAME TO "Status";
DROP TYPE "Status_old";
COMMIT;
ALTER TABLE "invoices" ALTER COLUMN "label" TYPE VARCHAR(5);
ALTER TABLE "invoices" ALTER COLUMN "cents" TYPE INTEGER;
ALTER TABLE "invoices" ALTER COLUMN "code" TYPE TEXT;
ALTER TABLE "invoices" ALTER COLUMN "tags" TYPE VARCHAR(500);
DELETE FROM "sales_report_entries";`
    const result = await withClient(db.url, (client) =>
      reviewMigrations({
        migrations: [{ name: 'm', file: 'm/migration.sql', script }],
        settings: { rules },
        client,
        allowDestructive: false
      })
    )
    expect(find(result, 'drop-column', 'clients', 'email')?.rowsAtStake).toEqual({
      count: 7,
      estimated: false,
      what: 'non-null values'
    })
    expect(find(result, 'set-not-null', 'reps', 'email')?.rowsAtStake).toEqual({
      count: 2,
      estimated: false,
      what: 'NULL values'
    })
    expect(find(result, 'add-unique', 'invoices')?.rowsAtStake).toEqual({
      count: 3,
      estimated: false,
      what: 'duplicate groups'
    })
    expect(find(result, 'add-required-column-without-default', 'invoices', 'owner')?.rowsAtStake).toEqual({
      count: 7,
      estimated: false,
      what: 'rows'
    })
    const removal = find(result, 'enum-value-removal', 'invoices', 'status')
    expect(removal?.rowsAtStake).toEqual({ count: 2, estimated: false, what: 'rows holding removed values' })
    expect(removal?.values).toEqual(['VOID'])
    expect(find(result, 'lossy-type-change', 'invoices', 'label')?.rowsAtStake).toEqual({
      count: 1,
      estimated: false,
      what: 'values failing the cast'
    })
    expect(find(result, 'lossy-type-change', 'invoices', 'label')?.message).toContain('(currently text)')
    expect(find(result, 'lossy-type-change', 'invoices', 'cents')?.rowsAtStake).toEqual({
      count: 2,
      estimated: false,
      what: 'values failing the cast'
    })
    // text → text and text → varchar(500) with values that fit are not findings once the live type is known
    expect(find(result, 'lossy-type-change', 'invoices', 'code')).toBeUndefined()
    expect(find(result, 'lossy-type-change', 'invoices', 'tags')?.rowsAtStake).toEqual({
      count: 0,
      estimated: false,
      what: 'values failing the cast'
    })
    expect(find(result, 'delete-without-where', 'sales_report_entries')?.rowsAtStake).toEqual({
      count: 1234,
      estimated: false,
      what: 'rows'
    })
  })

  it('does not count tables created earlier in the pending set, and says when a table does not exist', async () => {
    const result = await withClient(db.url, (client) =>
      reviewMigrations({
        migrations: [
          { name: 'a', file: 'a/migration.sql', script: 'CREATE TABLE "fresh" (id int);' },
          { name: 'b', file: 'b/migration.sql', script: 'DROP TABLE "fresh";\nDROP TABLE "ghost";' }
        ],
        settings: { rules },
        client,
        allowDestructive: false
      })
    )
    expect(find(result, 'drop-table', 'fresh')?.rowsAtStake).toBeUndefined()
    expect(find(result, 'drop-table', 'ghost')?.rowsAtStake).toEqual({
      error: 'table `ghost` does not exist in the database'
    })
  })

  it('runs read-only, and falls back to the catalog estimate when a count cannot get its lock', async () => {
    await query(db.name, 'ANALYZE sales_report_entries; ANALYZE clients')
    const blocker = new pg.Client({ connectionString: db.url })
    await blocker.connect()
    try {
      await blocker.query(
        'BEGIN; LOCK TABLE sales_report_entries IN ACCESS EXCLUSIVE MODE; LOCK TABLE clients IN ACCESS EXCLUSIVE MODE'
      )
      const started = Date.now()
      const result = await withClient(db.url, (client) =>
        reviewMigrations({
          migrations: [
            {
              name: 'm',
              file: 'm/migration.sql',
              script: 'DROP TABLE "sales_report_entries";\nALTER TABLE "clients" DROP COLUMN "email";'
            }
          ],
          settings: { rules },
          client,
          allowDestructive: false,
          stakeOptions: { lockTimeoutMs: 50, statementTimeoutMs: 1000 }
        })
      )
      expect(Date.now() - started).toBeLessThan(5000)
      expect(find(result, 'drop-table', 'sales_report_entries')?.rowsAtStake).toEqual({
        count: 1234,
        estimated: true,
        what: 'rows'
      })
      expect(find(result, 'drop-column', 'clients', 'email')?.rowsAtStake).toEqual({
        count: 7,
        estimated: true,
        what: 'non-null values'
      })
      expect(result.headline).toContain('~1,234 rows, estimated')
    } finally {
      await blocker.query('ROLLBACK')
      await blocker.end()
    }
    const { rows } = await withClient(db.url, (c) =>
      c.query<{ n: string }>('SELECT count(*) AS n FROM sales_report_entries')
    )
    expect(rows[0].n).toBe('1234')
  })
})

import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDatabaseUrl } from '../../src/db/connection-url.js'
import { readerFromMap } from '../../src/settings/input.js'
import type { BackupSettings, DrillSettings } from '../../src/backup/settings.js'
import { readBackupSettings, readDrillSettings } from '../../src/settings/backup-inputs.js'
import { createTestDatabase, query } from '../../__fixtures__/databases.js'

export const PG_BIN = process.env.PG_TEST_CLUSTER_BIN ?? '/usr/lib/postgresql/15/bin'

/** A database with several tables and awkward types: jsonb, numeric, timestamptz, bytea, arrays, enums, unicode. */
export async function createRichDatabase(
  prefix: string,
  rows = 2000
): Promise<{ name: string; url: string }> {
  const db = await createTestDatabase(prefix)
  await query(
    db.name,
    `
    CREATE TYPE mood AS ENUM ('happy', 'sad', 'ok');
    CREATE SCHEMA billing;
    CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL, email text UNIQUE, mood mood, tags text[],
      profile jsonb, created_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE billing.invoices (id serial PRIMARY KEY, user_id bigint REFERENCES users(id), amount numeric(14,4),
      issued timestamptz, pdf bytea, lines int[]);
    CREATE TABLE "Weird Name" ("Col|1" text, "<b>x</b>" int);
    CREATE TABLE empty_table (id int);
    INSERT INTO users (name, email, mood, tags, profile, created_at)
      SELECT 'user ' || g || ' – ñandú 漢字 🐘', 'u' || g || '@example.com', (ARRAY['happy','sad','ok']::mood[])[1 + g % 3],
        ARRAY['a' || g, 'b,"q"', NULL], jsonb_build_object('n', g, 'nested', jsonb_build_object('x', g * 1.5, 's', 'é"\\')),
        timestamptz '2024-01-01 00:00:00+00' + g * interval '37 minutes 13.123456 seconds'
      FROM generate_series(1, ${rows}) g;
    INSERT INTO billing.invoices (user_id, amount, issued, pdf, lines)
      SELECT 1 + g % ${rows}, (g * 12.3456)::numeric(14,4), timestamptz '2024-06-01 12:00:00+02' + g * interval '1 hour',
        decode(md5(g::text) || md5((g * 7)::text), 'hex'), ARRAY[g, g * 2, -g]
      FROM generate_series(1, ${Math.round(rows * 1.5)}) g;
    INSERT INTO "Weird Name" VALUES ('pipe | and <tag>', 1), (NULL, 2);
    ANALYZE;
    `
  )
  return db
}

/** md5 of every table's full contents in a stable order: equal digests mean equal data, not just equal counts. */
export async function tableDigests(database: string): Promise<Record<string, string>> {
  const tables = await query<{ schema: string; table: string }>(
    database,
    `SELECT n.nspname AS schema, c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1, 2`
  )
  const out: Record<string, string> = {}
  for (const t of tables) {
    const ident = `"${t.schema.replace(/"/g, '""')}"."${t.table.replace(/"/g, '""')}"`
    const [row] = await query<{ digest: string; n: string }>(
      database,
      `SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text COLLATE "C"), '')) AS digest, count(*)::text AS n FROM ${ident} x`
    )
    out[`${t.schema}.${t.table}`] = `${row.n}:${row.digest}`
  }
  return out
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A shell script standing in for pg_dump (fault injection, fake versions). */
export function writeScript(dir: string, name: string, body: string): string {
  const path = join(dir, name)
  writeFileSync(path, `#!/bin/bash\n${body}\n`)
  chmodSync(path, 0o755)
  return path
}

/** The settings the action would parse from these inputs for mode backup, or for restore-drill. */
export function settingsFor(inputs: Record<string, string>, mode?: 'backup'): BackupSettings
export function settingsFor(inputs: Record<string, string>, mode: 'restore-drill'): DrillSettings
export function settingsFor(
  inputs: Record<string, string>,
  mode: 'backup' | 'restore-drill' = 'backup'
): BackupSettings | DrillSettings {
  const read = readerFromMap(inputs)
  return mode === 'backup' ? readBackupSettings(read) : readDrillSettings(read)
}

export const connectionOf = parseDatabaseUrl

/** For `.then(mustFail, (e) => e as Error)`: a success where a failure was expected fails the test. */
export function mustFail(): never {
  throw new Error('expected a failure, but the operation succeeded')
}

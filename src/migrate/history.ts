/**
 * The `_prisma_migrations` table: its DDL and every statement Prisma's schema engine runs on it, verbatim
 * (prisma-migrate-compat.md §1, §5, §8). All statements are unqualified, so the session's search_path (set from
 * `?schema=` on connect, like Prisma) decides the schema. Timestamps are client-side and bound as parameters.
 */
import pg from 'pg'

export const MIGRATIONS_TABLE = '_prisma_migrations'

export const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`

export interface MigrationRow {
  id: string
  checksum: string
  finishedAt: Date | null
  migrationName: string
  /** Prisma never reads it; we show it for failed migrations. */
  logs: string | null
  rolledBackAt: Date | null
  startedAt: Date
  /** The microseconds of `started_at` within its second (a Date keeps only milliseconds); Prisma prints them. */
  startedAtMicros: number
  appliedStepsCount: number
}

/** Prisma's definition of a failed migration: started, never finished, never rolled back. */
export function isFailed(row: MigrationRow): boolean {
  return row.finishedAt === null && row.rolledBackAt === null
}

const TIMESTAMPTZ = pg.types.builtins.TIMESTAMPTZ
const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date
// Keep timestamptz as text for this query so the microseconds survive; everything else as usual.
const keepTimestampText = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ
      ? (text: string) => text
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser']
}

/** A timestamptz value as a Date, whether the message parsed it or kept it as text (`HISTORY_TYPES`). */
export function asDate(value: unknown): Date {
  return value instanceof Date ? value : parseTimestamptz(String(value))
}

function microsOf(text: string): number {
  const fraction = /\d\d:\d\d:\d\d\.(\d+)/.exec(text)?.[1] ?? ''
  return fraction ? Number(fraction.slice(0, 6).padEnd(6, '0')) : 0
}

interface RawRow {
  id: string
  checksum: string
  finished_at: string | null
  migration_name: string
  logs: string | null
  rolled_back_at: string | null
  started_at: string
  applied_steps_count: number
}

/** Prisma's read of the history, verbatim (unqualified: the session's search_path decides the schema). */
export const HISTORY_SQL =
  'SELECT "id","checksum","finished_at","migration_name","logs","rolled_back_at","started_at","applied_steps_count" FROM "_prisma_migrations" ORDER BY "started_at" ASC'

/** The history table is missing: Prisma's "not initialized" (42P01); any other error propagates. */
export function isMissingTable(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '42P01'
}

/** The rows of `HISTORY_SQL` run with `HISTORY_TYPES`. */
export function historyRows(result: pg.QueryResult): MigrationRow[] {
  return (result.rows as RawRow[]).map((row) => ({
    id: row.id,
    checksum: row.checksum,
    finishedAt: row.finished_at === null ? null : parseTimestamptz(row.finished_at),
    migrationName: row.migration_name,
    logs: row.logs,
    rolledBackAt: row.rolled_back_at === null ? null : parseTimestamptz(row.rolled_back_at),
    startedAt: parseTimestamptz(row.started_at),
    startedAtMicros: microsOf(row.started_at),
    appliedStepsCount: row.applied_steps_count
  }))
}

/** Type parsers for a message that reads the history: timestamptz stays text (its microseconds survive). */
export const HISTORY_TYPES = keepTimestampText

/**
 * The history (and, without it, the tables) from the reads that travelled with the connection's first message
 * (`HISTORY_SQL`, falling back to `listTablesSql`): `history` null when the table does not exist, undefined when
 * it was not read or failed otherwise (read it again to get that error).
 */
export function historyFromFirstReads(
  read: { results: pg.QueryResult[] } | { error: unknown; fallback: pg.QueryResult[] } | undefined
): { history?: MigrationRow[] | null; tables?: { schema: string; table: string }[] } {
  if (!read) return {}
  if ('error' in read)
    return isMissingTable(read.error)
      ? { history: null, ...(read.fallback[0] ? { tables: tablesOf(read.fallback[0]) } : {}) }
      : {}
  return read.results[0] ? { history: historyRows(read.results[0]) } : {}
}

/** Prisma's read, in `started_at` order; null when the table does not exist (42P01), other errors propagate. */
export async function readHistory(client: pg.Client): Promise<MigrationRow[] | null> {
  try {
    return historyRows(await client.query({ text: HISTORY_SQL, types: HISTORY_TYPES }))
  } catch (error) {
    if (isMissingTable(error)) return null
    throw error
  }
}

export async function createMigrationsTable(client: pg.Client): Promise<void> {
  await client.query(CREATE_MIGRATIONS_TABLE)
}

/**
 * Ordinary tables (relkind 'r') in the given schemas: what Prisma's emptiness check looks at. Literals rather than
 * a parameter, so that it can travel in one message with other reads.
 */
export function listTablesSql(schemas: string[]): string {
  const list = schemas.map((s) => pg.escapeLiteral(s)).join(',')
  return `SELECT tbl.relname, namespace.nspname FROM pg_class tbl JOIN pg_namespace namespace ON namespace.oid = tbl.relnamespace WHERE tbl.relkind = 'r' AND namespace.nspname = ANY(ARRAY[${list}]::text[])`
}

export function tablesOf(result: pg.QueryResult): { schema: string; table: string }[] {
  return (result.rows as { relname: string; nspname: string }[]).map((row) => ({
    schema: row.nspname,
    table: row.relname
  }))
}

export async function listTables(
  client: pg.Client,
  schemas: string[]
): Promise<{ schema: string; table: string }[]> {
  return tablesOf(await client.query(listTablesSql(schemas)))
}

/** A timestamptz literal: the same instant the client-side `Date` parameter would bind. */
function timestampLiteral(at: Date): string {
  return `'${at.toISOString()}'`
}

/**
 * Committed on its own before the script runs, so a crash leaves a failed row behind, as with Prisma. Sent as one
 * simple-protocol message with escaped literals rather than bound parameters: the extended protocol costs five
 * socket writes per statement, which dominated deploys of many small migrations (see bench/migrate-bench.mjs).
 */
export async function insertStartedRow(
  client: pg.Client,
  row: { id: string; checksum: string; startedAt: Date; name: string }
): Promise<void> {
  await client.query(
    `INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES (${client.escapeLiteral(row.id)},${client.escapeLiteral(row.checksum)},${timestampLiteral(row.startedAt)},${client.escapeLiteral(row.name)})`
  )
}

/**
 * The deploy session's lock_timeout/statement_timeout (startup options, lock-timeout input) are for the migrations,
 * not for the bookkeeping: a migration that ran must not end up recorded as failed because an update of its row
 * waited. `SET LOCAL` in the same message lasts for its implicit transaction only; no extra round trip. Two
 * statements, without a final `;`: callers put it before theirs (here, and in the fast path's message).
 */
export const NO_SESSION_TIMEOUTS = 'SET LOCAL lock_timeout = 0; SET LOCAL statement_timeout = 0'

/**
 * Prisma's two updates after a successful script, verbatim and in order, sent in one message. Prisma commits them
 * one by one; here they commit together, so the row goes straight from "started" to "finished". The state in
 * between (steps 1, finished_at NULL) is a failed migration to every command, as is the state before, so no
 * decision of Prisma's or ours can differ.
 */
export async function recordFinished(client: pg.Client, id: string, finishedAt: Date): Promise<void> {
  const where = `WHERE "id" = ${client.escapeLiteral(id)}`
  await client.query(
    `${NO_SESSION_TIMEOUTS}; UPDATE "_prisma_migrations" SET "applied_steps_count" = ("applied_steps_count" + 1) ${where}; UPDATE "_prisma_migrations" SET "finished_at" = ${timestampLiteral(finishedAt)} ${where}`
  )
}

/**
 * Takes back the row `insertStartedRow` committed, when the script was cancelled at lock_timeout and applied
 * nothing: the migration is then pending again rather than failed. Only ever the row this run inserted.
 */
export async function removeStartedRow(client: pg.Client, id: string): Promise<void> {
  await client.query(
    `${NO_SESSION_TIMEOUTS}; DELETE FROM "_prisma_migrations" WHERE "id" = ${client.escapeLiteral(id)} AND "finished_at" IS NULL`
  )
}

export async function setLogs(client: pg.Client, id: string, logs: string): Promise<void> {
  await client.query('UPDATE "_prisma_migrations" SET "logs" = $1 WHERE "id" = $2', [logs, id])
}

export async function setRolledBackAt(client: pg.Client, id: string, rolledBackAt: Date): Promise<void> {
  await client.query('UPDATE "_prisma_migrations" SET "rolled_back_at" = $1 WHERE "id" = $2', [
    rolledBackAt,
    id
  ])
}

/** `resolve --applied`: `logs` is '' (not NULL), started_at = finished_at, applied_steps_count keeps its default 0. */
export async function insertResolvedAppliedRow(
  client: pg.Client,
  row: { id: string; checksum: string; at: Date; name: string }
): Promise<void> {
  await client.query(
    'INSERT INTO "_prisma_migrations" ("id","checksum","logs","started_at","finished_at","migration_name") VALUES ($1,$2,$3,$4,$5,$6)',
    [row.id, row.checksum, '', row.at, row.at, row.name]
  )
}

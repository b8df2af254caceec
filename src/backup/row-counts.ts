import type pg from 'pg'
import { quoteIdent } from '../db/connect.js'
import type { TableRowCount } from './manifest.js'

/** Above this many estimated rows (or this much never-analysed data) counting exactly would slow the backup. */
export const EXACT_ROW_LIMIT = 1_000_000
const UNANALYSED_BYTES_LIMIT = 256 * 1024 * 1024

export interface RowCounts {
  kind: 'exact' | 'estimated'
  method: string
  tables: TableRowCount[]
}

interface TableRow {
  schema: string
  table: string
  reltuples: number
  bytes: string
}

/**
 * Ordinary tables and partitions of user schemas whose data pg_dump writes: not catalogs, not temp/toast, not
 * tables that belong to an extension (pg_dump skips those). Partitioned parents are left out: their rows are
 * counted in their partitions.
 */
const TABLES_SQL = `
SELECT n.nspname AS schema, c.relname AS "table", c.reltuples::float8 AS reltuples, pg_relation_size(c.oid)::text AS bytes
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND c.relpersistence <> 't'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2`

/**
 * Row counts for the manifest: exact `count(*)` when the database is small enough, else the planner's estimate,
 * labelled as such. Run inside the transaction whose snapshot pg_dump uses, the exact counts match the dump.
 */
export async function countRows(client: pg.Client, inSnapshot: boolean): Promise<RowCounts> {
  const { rows } = await client.query<TableRow>(TABLES_SQL)
  const estimated = rows.reduce((sum, r) => sum + Math.max(r.reltuples, 0), 0)
  const unanalysed = rows.filter((r) => r.reltuples < 0).reduce((sum, r) => sum + Number(r.bytes), 0)
  if (estimated < EXACT_ROW_LIMIT && unanalysed < UNANALYSED_BYTES_LIMIT) {
    const tables: TableRowCount[] = []
    for (const r of rows) {
      const result = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM ${quoteIdent(r.schema)}.${quoteIdent(r.table)}`
      )
      tables.push({ schema: r.schema, table: r.table, rows: Number(result.rows[0].n) })
    }
    return {
      kind: 'exact',
      method: inSnapshot ? "count(*) in pg_dump's snapshot" : 'count(*) just before pg_dump started',
      tables
    }
  }
  return {
    kind: 'estimated',
    method: `pg_class.reltuples (the database holds about ${Math.round(estimated)} rows, above the ${EXACT_ROW_LIMIT} limit for exact counts)`,
    tables: rows.map((r) => ({
      schema: r.schema,
      table: r.table,
      rows: r.reltuples < 0 ? null : Math.round(r.reltuples)
    }))
  }
}

/**
 * Open a repeatable-read transaction and export its snapshot for `pg_dump --snapshot`, so that the dump and the
 * row counts see the same data. Undefined where exporting is impossible (e.g. some poolers); the caller then
 * dumps without it.
 */
export async function exportSnapshot(client: pg.Client): Promise<string | undefined> {
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')
    return rows[0].id
  } catch {
    await client.query('ROLLBACK').catch(() => undefined)
    return undefined
  }
}

/** The database's size on disk (pg_database_size), for the upload's part size; undefined when unavailable. */
export async function databaseSize(client: pg.Client): Promise<number | undefined> {
  try {
    const { rows } = await client.query<{ size: string }>(
      'SELECT pg_database_size(current_database())::text AS size'
    )
    const size = Number(rows[0].size)
    return Number.isFinite(size) && size > 0 ? size : undefined
  } catch {
    return undefined
  }
}

export async function releaseSnapshot(client: pg.Client): Promise<void> {
  await client.query('COMMIT').catch(() => undefined)
}

/** Exact row counts of every table of a (restored) database, for the drill's comparison. */
export async function exactCounts(client: pg.Client): Promise<TableRowCount[]> {
  const { rows } = await client.query<TableRow>(TABLES_SQL)
  const out: TableRowCount[] = []
  for (const r of rows) {
    const result = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${quoteIdent(r.schema)}.${quoteIdent(r.table)}`
    )
    out.push({ schema: r.schema, table: r.table, rows: Number(result.rows[0].n) })
  }
  return out
}

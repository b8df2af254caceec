/**
 * A `CREATE INDEX CONCURRENTLY` (or `REINDEX ... CONCURRENTLY`) that fails part-way leaves an INVALID index
 * behind: it is not used by queries but is still maintained on every write, and the same migration run again
 * then fails with "relation already exists". After a failed migration we look for them and say how to clean up.
 */
import type pg from 'pg'
import { quoteIdent } from '../db/connect.js'
import type { IndexTarget } from './script-shape.js'

export interface InvalidIndex {
  schema: string
  name: string
  table: string
  /** The statement of the migration it belongs to. */
  line: number
  statement: string
  /** The SQL that removes it without blocking the table. */
  dropSql: string
}

const INVALID_SQL = `SELECT t.ord, n.nspname AS schema, ic.relname AS name, tc.relname AS "table"
FROM unnest($1::text[], $2::bool[], $3::text[], $4::int[]) AS t(rel, is_index, idx, ord)
JOIN pg_index i ON i.indrelid = CASE
    WHEN t.is_index THEN (SELECT x.indrelid FROM pg_index x WHERE x.indexrelid = to_regclass(t.rel))
    ELSE to_regclass(t.rel) END
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class tc ON tc.oid = i.indrelid
JOIN pg_namespace n ON n.oid = ic.relnamespace
WHERE NOT i.indisvalid AND (t.idx IS NULL OR ic.relname = t.idx)
ORDER BY t.ord, ic.relname`

/** The INVALID indexes on the relations of `targets` (by name when the statement names its index). */
export async function findInvalidIndexes(client: pg.Client, targets: IndexTarget[]): Promise<InvalidIndex[]> {
  if (targets.length === 0) return []
  const { rows } = await client.query<{ ord: number; schema: string; name: string; table: string }>(
    INVALID_SQL,
    [
      targets.map((t) => t.relation),
      targets.map((t) => t.relationIsIndex),
      targets.map((t) => t.indexName ?? null),
      targets.map((_, i) => i)
    ]
  )
  const seen = new Set<string>()
  const found: InvalidIndex[] = []
  for (const row of rows) {
    const key = `${row.schema}.${row.name}`
    if (seen.has(key)) continue
    seen.add(key)
    const target = targets[row.ord]
    found.push({
      schema: row.schema,
      name: row.name,
      table: row.table,
      line: target.line,
      statement: target.statement,
      dropSql: `DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(row.schema)}.${quoteIdent(row.name)};`
    })
  }
  return found
}

/**
 * Prisma's `initialize` before deploy (prisma-migrate-compat.md §6.1 step 3): create `_prisma_migrations` on
 * an empty database, refuse a non-empty one without history (P3005).
 */
import type pg from 'pg'
import { nonEmptyDatabaseError } from './prisma-errors.js'
import { MIGRATIONS_TABLE, createMigrationsTable, listTables } from './history.js'
import type { MigrationsFolder } from './migrations-dir.js'

export interface SchemaScope {
  /** `?schema=` or `public`. */
  defaultSchema: string
  /** The datasource's `schemas = [...]` (multiSchema). */
  schemas?: string[]
  /** `tables.external` of prisma.config, as "schema.table". */
  externalTables?: string[]
}

// PostGIS creates these itself; Prisma does not count them as user tables (schema_differ.rs).
const IGNORED_TABLES = new Set([
  'spatial_ref_sys',
  'geometry_columns',
  'geography_columns',
  'raster_columns',
  'raster_overviews'
])

/** The schemas Prisma's emptiness check looks at: the datasource's `schemas` and the default schema. */
export function scopeSchemas(scope: SchemaScope): string[] {
  return [...new Set([...(scope.schemas ?? []), scope.defaultSchema])]
}

export interface TableInspection {
  hasMigrationsTable: boolean
  userTables: string[]
}

/** From the ordinary tables of `scopeSchemas(scope)`: whether `_prisma_migrations` exists, and the user tables. */
export function judgeTables(
  tables: { schema: string; table: string }[],
  scope: SchemaScope
): TableInspection {
  const external = new Set(scope.externalTables ?? [])
  const counted = tables.filter((t) => !external.has(`${t.schema}.${t.table}`))
  return {
    hasMigrationsTable: counted.some((t) => t.table === MIGRATIONS_TABLE),
    userTables: counted
      .filter((t) => !IGNORED_TABLES.has(t.table.toLowerCase()))
      .map((t) => `${t.schema}.${t.table}`)
  }
}

/** Whether `_prisma_migrations` exists, and the tables that make the database "not empty" for Prisma. */
export async function inspectTables(client: pg.Client, scope: SchemaScope): Promise<TableInspection> {
  return judgeTables(await listTables(client, scopeSchemas(scope)), scope)
}

/** Prisma's decision from the inspection: nothing to do, P3005, or create the table (one more round trip). */
export async function initializeFrom(
  client: pg.Client,
  folder: MigrationsFolder,
  inspection: TableInspection
): Promise<void> {
  if (inspection.hasMigrationsTable) return
  if (inspection.userTables.length > 0) throw nonEmptyDatabaseError(folder.migrations[0]?.name, folder.path)
  await createMigrationsTable(client)
}

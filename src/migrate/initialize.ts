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

/** Whether `_prisma_migrations` exists, and the tables that make the database "not empty" for Prisma. */
export async function inspectTables(
  client: pg.Client,
  scope: SchemaScope
): Promise<{ hasMigrationsTable: boolean; userTables: string[] }> {
  const schemas = [...new Set([...(scope.schemas ?? []), scope.defaultSchema])]
  const external = new Set(scope.externalTables ?? [])
  const tables = (await listTables(client, schemas)).filter((t) => !external.has(`${t.schema}.${t.table}`))
  return {
    hasMigrationsTable: tables.some((t) => t.table === MIGRATIONS_TABLE),
    userTables: tables
      .filter((t) => !IGNORED_TABLES.has(t.table.toLowerCase()))
      .map((t) => `${t.schema}.${t.table}`)
  }
}

export async function initialize(
  client: pg.Client,
  folder: MigrationsFolder,
  scope: SchemaScope
): Promise<void> {
  const { hasMigrationsTable, userTables } = await inspectTables(client, scope)
  if (hasMigrationsTable) return
  if (userTables.length > 0) throw nonEmptyDatabaseError(folder.migrations[0]?.name, folder.path)
  await createMigrationsTable(client)
}

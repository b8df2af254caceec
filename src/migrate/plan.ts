/** A short, stable identifier of "what deploy would apply", so a reviewed plan can be matched to its deploy. */
import { createHash } from 'node:crypto'
import type { MigrationRow } from './history.js'
import type { LocalMigration } from './migrations-dir.js'

export function planId(pending: LocalMigration[]): string {
  const hash = createHash('sha256')
  // The separators cannot occur in directory names or hex checksums, so different lists never collide by
  // concatenation; an unreadable script is part of the plan too.
  for (const migration of pending) hash.update(`${migration.name}\0${migration.checksum ?? 'unreadable'}\n`)
  return `sha256:${hash.digest('hex').slice(0, 16)}`
}

/**
 * What `migrate deploy` applies: local migrations, in order, without a row of the same name that is not rolled
 * back. Checksums and database-only rows are ignored, as in Prisma (compat §6.1 step 6).
 */
export function unappliedMigrations(local: LocalMigration[], rows: MigrationRow[]): LocalMigration[] {
  const present = new Set(rows.filter((row) => row.rolledBackAt === null).map((row) => row.migrationName))
  return local.filter((migration) => !present.has(migration.name))
}

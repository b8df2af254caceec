/**
 * `prisma migrate resolve --applied / --rolled-back` with pg (prisma-migrate-compat.md §8), same checks, same
 * order, same rows.
 */
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { ActionError } from '../errors.js'
import {
  alreadyAppliedError,
  migrationNotFoundError,
  neverAppliedError,
  notFailedError
} from './prisma-errors.js'
import {
  createMigrationsTable,
  insertResolvedAppliedRow,
  isFailed,
  readHistory,
  setRolledBackAt
} from './history.js'
import { acquireMigrateLock } from './lock.js'
import { type MigrationsFolder, checkLockfile } from './migrations-dir.js'

export interface ResolveOptions {
  /** Advisory-lock wait; Prisma's is fixed at 10 s. */
  lockTimeoutMs?: number
}

/**
 * Records `name` as applied without running it: after a hotfix by hand, or to baseline a database that already
 * has the schema (the table is then created without Prisma's emptiness check).
 */
export async function resolveApplied(
  client: pg.Client,
  folder: MigrationsFolder,
  name: string,
  options: ResolveOptions = {}
): Promise<void> {
  checkLockfile(folder)
  const release = await acquireMigrateLock(client, options.lockTimeoutMs)
  try {
    const migration = folder.migrations.find((m) => m.name === name)
    if (!migration || migration.script === null || migration.checksum === null)
      throw migrationNotFoundError(name, folder.path)
    let rows = await readHistory(client)
    if (rows === null) {
      await createMigrationsTable(client)
      rows = []
    }
    const sameName = rows.filter((row) => row.migrationName === name)
    if (sameName.some((row) => row.finishedAt !== null)) throw alreadyAppliedError(name)
    const now = new Date()
    for (const row of sameName.filter(isFailed)) await setRolledBackAt(client, row.id, now)
    await insertResolvedAppliedRow(client, { id: randomUUID(), checksum: migration.checksum, at: now, name })
  } finally {
    await release()
  }
}

/**
 * Marks the failed attempt(s) of `name` as rolled back, so the next deploy applies the migration again. No
 * local directory is needed and the lock file is not checked (as in Prisma).
 */
export async function resolveRolledBack(
  client: pg.Client,
  folder: MigrationsFolder,
  name: string,
  options: ResolveOptions = {}
): Promise<void> {
  void folder
  const release = await acquireMigrateLock(client, options.lockTimeoutMs)
  try {
    const rows = await readHistory(client)
    if (rows === null) {
      throw new ActionError(
        'Invariant violation: called markMigrationRolledBack on a database without migrations table.',
        {
          hint: `This database has no _prisma_migrations table, so no migration can have failed in it. Check \`database-url\` (and its ?schema=), then run \`mode: migrate-status\`.`
        }
      )
    }
    const sameName = rows.filter((row) => row.migrationName === name)
    if (sameName.length === 0) throw neverAppliedError(name)
    if (sameName.every((row) => row.finishedAt !== null)) throw notFailedError(name)
    // Rows already rolled back stay as they are; with none left to mark this is a silent success, like Prisma.
    const now = new Date()
    for (const row of sameName.filter(isFailed)) await setRolledBackAt(client, row.id, now)
  } finally {
    await release()
  }
}

/**
 * What deploy would apply: the pending migrations, how each is sent and what deploy would refuse in it, and a short,
 * stable identifier of them, so a reviewed plan can be matched to its deploy.
 */
import { createHash } from 'node:crypto'
import { type ExecutionPlan, type ExecutionStrategy, planExecution } from './execute.js'
import type { MigrationRow } from './history.js'
import type { LocalMigration } from './migrations-dir.js'
import { type NonTransactionalStatement, findNonTransactional } from './non-transactional.js'

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

/** A pending migration as deploy will send it; no plan when its migration.sql cannot be read. */
export interface PendingInspection {
  migration: LocalMigration
  plan?: ExecutionPlan
  /** When the plan sends the file as one batch: its statements that cannot run inside a transaction block. */
  nonTransactional: NonTransactionalStatement[]
}

/**
 * How deploy will send `migration` under `strategy`, and what it would refuse in it: deploy and status both judge
 * each pending file so. `version` (the server's) is asked only when a file sent as one batch is checked.
 */
export async function inspectPendingFile(
  migration: LocalMigration,
  strategy: ExecutionStrategy,
  version: () => Promise<number>
): Promise<PendingInspection> {
  if (migration.script === null) return { migration, nonTransactional: [] }
  const plan = await planExecution(migration.script, strategy)
  // Sent statement by statement, a non-transactional statement runs outside any transaction block.
  if (plan.mode !== 'whole-file') return { migration, plan, nonTransactional: [] }
  return { migration, plan, nonTransactional: await findNonTransactional(migration.script, await version()) }
}

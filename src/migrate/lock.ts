/**
 * Prisma Migrate's session-level advisory lock (prisma-migrate-compat.md §4), so that this action and
 * `prisma migrate` exclude each other on the same database.
 */
import type pg from 'pg'
import { PRISMA_ADVISORY_LOCK_KEY, PRISMA_ADVISORY_LOCK_TIMEOUT_MS } from '../constants.js'
import { advisoryLockHolders, type BlockingSession } from './blockers.js'
import { lockTimeoutError } from './prisma-errors.js'
import { isLockTimeout } from './lock-retry.js'

/** Prisma's switch, forwarded to its engine: any value but '' or '0' disables the lock. */
export function advisoryLockDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK
  return value !== undefined && value !== '' && value !== '0'
}

export type ReleaseLock = () => Promise<void>

/**
 * Waits for the lock at most `timeoutMs`, then fails with P1002 naming the session that holds it. The wait is
 * bounded by the server (`lock_timeout`, set for this one statement together with `statement_timeout = 0`, in
 * the same message), so it is Prisma's 10 s whatever timeouts the session has, and the connection stays usable
 * afterwards: the caller can still read the history and report. (Ending the connection on a client-side timer,
 * as before, made the deploy's report fail with "Client was closed and is not queryable" instead of P1002.)
 */
export async function acquireMigrateLock(
  client: pg.Client,
  timeoutMs = PRISMA_ADVISORY_LOCK_TIMEOUT_MS
): Promise<ReleaseLock> {
  if (advisoryLockDisabled()) return async () => undefined
  try {
    // One simple query = one implicit transaction: the SET LOCALs end with it; the session-level lock stays.
    await client.query(
      `SET LOCAL lock_timeout = ${Math.max(1, Math.round(timeoutMs))}; SET LOCAL statement_timeout = 0; SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`
    )
  } catch (error) {
    if (!isLockTimeout(error)) throw error
    let holders: BlockingSession[] | undefined
    try {
      holders = await advisoryLockHolders(client)
    } catch {
      holders = undefined
    }
    throw lockTimeoutError(timeoutMs, holders)
  }
  return async () => {
    // Ending the connection would release it too; unlocking explicitly frees it even if the caller keeps the client.
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`).catch(() => undefined)
  }
}

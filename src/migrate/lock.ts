/**
 * Prisma Migrate's session-level advisory lock (prisma-migrate-compat.md §4), so that this action and
 * `prisma migrate` exclude each other on the same database.
 */
import type pg from 'pg'
import { PRISMA_ADVISORY_LOCK_KEY, PRISMA_ADVISORY_LOCK_TIMEOUT_MS } from '../constants.js'
import { queryAll } from '../db/connect.js'
import { advisoryLockHolders, type BlockingSession, prismaLockCondition } from './blockers.js'
import { lockTimeoutError } from './prisma-errors.js'
import { isLockTimeout } from './lock-retry.js'

/** Prisma's switch, forwarded to its engine: any value but '' or '0' disables the lock. */
export function advisoryLockDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK
  return value !== undefined && value !== '' && value !== '0'
}

export type ReleaseLock = () => Promise<void>

/** Releases the lock; sent together with the deploy's last bookkeeping when there is some. */
export const UNLOCK_SQL = `SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`

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
  return (await lockAndRead(client, timeoutMs)).release
}

/** What was read in the lock's message: the results of the reads, or the error that stopped them. */
export type ReadsUnderLock = { results: pg.QueryResult[] } | { error: unknown }

/**
 * `acquireMigrateLock`, with `reads` (statements that need the lock, e.g. the history) in the same message: one
 * round trip. The reads run under the lock's 10 s lock_timeout. When a read fails, the lock is still held (a
 * session-level advisory lock outlives the transaction that took it): the error is returned with `release`.
 */
export async function lockAndRead(
  client: pg.Client,
  timeoutMs = PRISMA_ADVISORY_LOCK_TIMEOUT_MS,
  reads?: { text: string; types?: pg.CustomTypesConfig }
): Promise<{ release: ReleaseLock; reads?: ReadsUnderLock }> {
  const release: ReleaseLock = async () => {
    // Ending the connection would release it too; unlocking explicitly frees it even if the caller keeps the client.
    await client.query(UNLOCK_SQL).catch(() => undefined)
  }
  const run = (text: string): Promise<pg.QueryResult[]> => queryAll(client, text, reads?.types)
  if (advisoryLockDisabled()) {
    if (!reads) return { release: async () => undefined }
    try {
      return { release: async () => undefined, reads: { results: await run(reads.text) } }
    } catch (error) {
      return { release: async () => undefined, reads: { error } }
    }
  }
  // One simple query = one implicit transaction: the SET LOCALs end with it; the session-level lock stays.
  const lock = `SET LOCAL lock_timeout = ${Math.max(1, Math.round(timeoutMs))}; SET LOCAL statement_timeout = 0; SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`
  try {
    const results = await run(reads ? `${lock};\n${reads.text}` : lock)
    return { release, reads: reads ? { results: results.slice(3) } : undefined }
  } catch (error) {
    // The lock statement or one of the reads failed: whether this session holds the lock now tells them apart.
    if (!reads || !(await holdsLock(client).catch(() => false))) {
      if (isLockTimeout(error)) throw await lockTimeout(client, timeoutMs)
      throw error
    }
    return { release, reads: { error } }
  }
}

async function holdsLock(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ held: boolean }>(
    `SELECT EXISTS(SELECT 1 FROM pg_locks l WHERE l.pid = pg_backend_pid() AND ${prismaLockCondition('l')}) AS held`
  )
  return rows[0]?.held === true
}

async function lockTimeout(client: pg.Client, timeoutMs: number): Promise<Error> {
  let holders: BlockingSession[] | undefined
  try {
    holders = await advisoryLockHolders(client)
  } catch {
    holders = undefined
  }
  return lockTimeoutError(timeoutMs, holders)
}

/**
 * Prisma Migrate's session-level advisory lock (prisma-migrate-compat.md §4), so that this action and
 * `prisma migrate` exclude each other on the same database.
 */
import type pg from 'pg'
import { PRISMA_ADVISORY_LOCK_KEY, PRISMA_ADVISORY_LOCK_TIMEOUT_MS } from '../constants.js'
import { lockTimeoutError } from './errors.js'

/** Prisma's switch, forwarded to its engine: any value but '' or '0' disables the lock. */
export function advisoryLockDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK
  return value !== undefined && value !== '' && value !== '0'
}

export type ReleaseLock = () => Promise<void>

/**
 * Waits for the lock at most `timeoutMs` (client-side, like Prisma's tokio timeout). On timeout the connection is
 * closed, because the server would otherwise keep waiting and take the lock later, and P1002 is thrown.
 */
export async function acquireMigrateLock(
  client: pg.Client,
  timeoutMs = PRISMA_ADVISORY_LOCK_TIMEOUT_MS
): Promise<ReleaseLock> {
  if (advisoryLockDisabled()) return async () => undefined
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  const locked = client
    .query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`)
    .then(() => 'locked' as const)
  try {
    const outcome = await Promise.race([locked, timedOut])
    if (outcome === 'timeout') {
      // The pending query rejects once the connection is gone; nobody waits for it any more.
      locked.catch(() => undefined)
      await client.end().catch(() => undefined)
      throw lockTimeoutError(timeoutMs)
    }
  } finally {
    clearTimeout(timer)
  }
  return async () => {
    // Ending the connection would release it too; unlocking explicitly frees it even if the caller keeps the client.
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`).catch(() => undefined)
  }
}

/**
 * Retrying a unit of migration work that PostgreSQL cancelled because it waited longer than `lock_timeout`
 * (SQLSTATE 55P03). A short lock_timeout is what keeps the application running during a deploy: a DDL statement
 * waiting for its lock makes every later query on that table queue behind it, so the wait must stay short, and a
 * blocked attempt is cancelled and tried again later (the approach of strong_migrations, pgroll and GitLab's
 * with_lock_retries; see the README, "Lock safety").
 *
 * One function for every kind of unit: a whole migration file run as one transaction, or one statement of the
 * statement-by-statement mode (Prisma ≥ 7.4), where each statement autocommits. The caller guarantees that a
 * cancelled attempt applied nothing (and removes its own traces, such as a `_prisma_migrations` row) before it
 * rethrows the 55P03; this function decides whether and when to try again, and who was in the way.
 */
import type { BlockerWatcher, BlockingSession } from './blockers.js'

export const LOCK_NOT_AVAILABLE = '55P03'

/** PostgreSQL cancelled the statement at `lock_timeout` (or `NOWAIT` found the lock taken). */
export function isLockTimeout(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === LOCK_NOT_AVAILABLE
}

export interface LockRetryPolicy {
  /** The session's `lock_timeout` in ms, for messages and the sampling pace; 0 when the action sets none. */
  lockTimeoutMs: number
  /**
   * How long after the first attempt started a new attempt may still start, in ms; 0 = no retry. The last delay
   * is shortened so that an attempt starts at the end of the window: a blocker that ends within the window is
   * always outlasted, whatever the jitter.
   */
  retryWindowMs: number
  /** Delay after the first blocked attempt; doubled after each one, up to `maxDelayMs`. */
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_BACKOFF = { baseDelayMs: 500, maxDelayMs: 10_000 } as const

/** What one blocked attempt saw. */
export interface BlockedAttempt {
  /** 1-based. */
  attempt: number
  /** The 55P03 error. */
  error: unknown
  /** The sessions our backend was waiting for, sampled while it waited (may be empty: gone before a sample). */
  blockers: BlockingSession[]
  /** Since the first attempt started. */
  elapsedMs: number
  /** When the next attempt starts; undefined when there is none. */
  retryInMs?: number
}

export interface LockRetryOptions {
  watcher?: BlockerWatcher
  /** Each sample taken while an attempt runs (an empty list when nothing blocks it). */
  onSample?: (blockers: BlockingSession[], attempt: number) => void
  sleep?: (ms: number) => Promise<void>
  /** In [0, 1). */
  random?: () => number
  now?: () => number
}

/** The unit was cancelled at lock_timeout on every attempt the policy allowed. */
export class LockRetriesExhausted extends Error {
  constructor(
    readonly attempts: BlockedAttempt[],
    readonly elapsedMs: number
  ) {
    super(
      `canceled at lock_timeout on ${attempts.length} attempt${attempts.length === 1 ? '' : 's'} (SQLSTATE ${LOCK_NOT_AVAILABLE})`,
      { cause: attempts.at(-1)?.error }
    )
    this.name = 'LockRetriesExhausted'
  }

  /** The blockers of the latest attempt that saw any. */
  get blockers(): BlockingSession[] {
    for (let i = this.attempts.length - 1; i >= 0; i--)
      if (this.attempts[i].blockers.length > 0) return this.attempts[i].blockers
    return []
  }
}

/** The nominal delay after blocked attempt `attempt` (1-based), with jitter in [50 %, 100 %] of it. */
export function backoffDelay(policy: LockRetryPolicy, attempt: number, random: () => number): number {
  const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(nominal * (0.5 + random() * 0.5))
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `run` until it succeeds, fails with something other than 55P03, or the retry window is used up. Each
 * blocked attempt is reported to `onBlocked` (with its blockers and the delay before the next one) before the
 * wait. Other errors pass through unchanged; when the window is used up, `LockRetriesExhausted` is thrown.
 */
export async function retryOnLockTimeout<T>(
  policy: LockRetryPolicy,
  run: (attempt: number) => Promise<T>,
  onBlocked?: (event: BlockedAttempt) => void | Promise<void>,
  options: LockRetryOptions = {}
): Promise<T> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const startedAt = now()
  const blocked: BlockedAttempt[] = []
  for (let attempt = 1; ; attempt++) {
    const watch = options.watcher?.watch((sample) => options.onSample?.(sample, attempt))
    let error: unknown
    try {
      const result = await run(attempt)
      await watch?.stop()
      return result
    } catch (caught) {
      error = caught
    }
    const blockers = (await watch?.stop()) ?? []
    if (!isLockTimeout(error)) throw error
    const elapsedMs = now() - startedAt
    const left = policy.retryWindowMs - elapsedMs
    const retryInMs = left > 0 ? Math.min(backoffDelay(policy, attempt, random), left) : undefined
    const event: BlockedAttempt = { attempt, error, blockers, elapsedMs, retryInMs }
    blocked.push(event)
    await onBlocked?.(event)
    if (retryInMs === undefined) throw new LockRetriesExhausted(blocked, elapsedMs)
    await sleep(retryInMs)
  }
}

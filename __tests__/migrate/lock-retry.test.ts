/**
 * retryOnLockTimeout's decisions, with a virtual clock (no real waiting): which errors are retried, how long it
 * waits, that the window is honoured exactly, and that blockers sampled during an attempt reach the caller.
 */
import { describe, expect, it } from '@jest/globals'
import type { BlockerWatcher, BlockingSession } from '../../src/migrate/blockers.js'
import {
  type BlockedAttempt,
  type LockRetryPolicy,
  LockRetriesExhausted,
  backoffDelay,
  isLockTimeout,
  retryOnLockTimeout
} from '../../src/migrate/lock-retry.js'

const lockTimeout = (): Error & { code: string } =>
  Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' })

/** A clock that only moves when the code under test sleeps or an attempt "takes" time. */
function virtualClock() {
  let t = 0
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms
    },
    sleep: async (ms: number) => {
      t += ms
    }
  }
}

const POLICY: LockRetryPolicy = {
  lockTimeoutMs: 1000,
  retryWindowMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 10_000
}

const session = (pid: number, applicationName: string): BlockingSession => ({
  pid,
  applicationName,
  user: 'app',
  client: '10.0.0.7',
  state: 'idle in transaction',
  transactionAgeSeconds: 12,
  sessionStartedAt: null,
  stateSince: null
})

describe('isLockTimeout', () => {
  it('is SQLSTATE 55P03 only', () => {
    expect(isLockTimeout(lockTimeout())).toBe(true)
    expect(isLockTimeout({ code: '57014' })).toBe(false) // statement_timeout / cancel
    expect(isLockTimeout(new Error('lock timeout'))).toBe(false)
    expect(isLockTimeout(null)).toBe(false)
  })
})

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, jittered between half and all of it', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(POLICY, n, () => 0.999999))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000
    ])
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(POLICY, n, () => 0))).toEqual([
      250, 500, 1000, 2000, 4000, 5000
    ])
  })
})

describe('retryOnLockTimeout', () => {
  it('returns at once when the first attempt succeeds', async () => {
    const clock = virtualClock()
    const blocked: BlockedAttempt[] = []
    const result = await retryOnLockTimeout(
      POLICY,
      async () => 'done',
      (e) => void blocked.push(e),
      clock
    )
    expect(result).toBe('done')
    expect(blocked).toEqual([])
    expect(clock.now()).toBe(0)
  })

  it('passes other errors through untouched, without retrying', async () => {
    let calls = 0
    const failure = Object.assign(new Error('relation "x" does not exist'), { code: '42P01' })
    await expect(
      retryOnLockTimeout(POLICY, async () => {
        calls++
        throw failure
      })
    ).rejects.toBe(failure)
    expect(calls).toBe(1)
  })

  it('retries a lock timeout after a growing jittered delay and reports each blocked attempt', async () => {
    const clock = virtualClock()
    const blocked: BlockedAttempt[] = []
    let calls = 0
    const result = await retryOnLockTimeout(
      POLICY,
      async (attempt) => {
        calls++
        expect(attempt).toBe(calls)
        clock.advance(1000) // each blocked attempt waits its lock_timeout
        if (attempt < 4) throw lockTimeout()
        return attempt
      },
      (e) => void blocked.push(e),
      { ...clock, random: () => 0.5 }
    )
    expect(result).toBe(4)
    expect(blocked.map((b) => [b.attempt, b.elapsedMs, b.retryInMs])).toEqual([
      [1, 1000, 375],
      [2, 2375, 750],
      [3, 4125, 1500]
    ])
  })

  it('outlasts any blocker that ends within the window, whatever the jitter: the last attempt starts at the window end', async () => {
    for (const random of [() => 0, () => 0.999999]) {
      const clock = virtualClock()
      const blocked: BlockedAttempt[] = []
      const blockerEndsAt = 29_999 // "a blocker of up to half a minute", with a 30 s window
      await retryOnLockTimeout(
        { ...POLICY, retryWindowMs: 30_000 },
        async () => {
          const start = clock.now()
          // the lock is granted when the blocker ends, if that happens within lock_timeout
          if (blockerEndsAt <= start + 1000) return clock.advance(Math.max(0, blockerEndsAt - start))
          clock.advance(1000)
          throw lockTimeout()
        },
        (e) => void blocked.push(e),
        { ...clock, random }
      )
      expect(clock.now()).toBeGreaterThanOrEqual(blockerEndsAt)
      expect(clock.now()).toBeLessThanOrEqual(31_000)
    }
  })

  it('gives up with LockRetriesExhausted once the window is used up, keeping every attempt and the latest blockers', async () => {
    const clock = virtualClock()
    const blocked: BlockedAttempt[] = []
    const samples: Record<number, BlockingSession[]> = {
      1: [session(11, 'report')],
      2: [],
      3: [session(12, 'report-2')]
    }
    let attemptNo = 0
    const watcher: BlockerWatcher = {
      watch: (onSample) => {
        attemptNo++
        const mine = samples[attemptNo] ?? []
        onSample?.(mine)
        return { stop: async () => mine }
      }
    }
    const seen: number[] = []
    const error = await retryOnLockTimeout(
      { ...POLICY, retryWindowMs: 3000 },
      async () => {
        clock.advance(1000)
        throw lockTimeout()
      },
      (e) => void blocked.push(e),
      { ...clock, random: () => 0, watcher, onSample: (s, attempt) => seen.push(attempt * 100 + s.length) }
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LockRetriesExhausted)
    const exhausted = error as LockRetriesExhausted
    // 1 s blocked, 250 ms wait, 1 s blocked, 500 ms wait (2750), 1 s blocked (3750): window used up.
    expect(blocked.map((b) => [b.attempt, b.elapsedMs, b.retryInMs])).toEqual([
      [1, 1000, 250],
      [2, 2250, 500],
      [3, 3750, undefined]
    ])
    expect(exhausted.attempts).toHaveLength(3)
    expect(exhausted.elapsedMs).toBe(3750)
    expect(exhausted.blockers.map((b) => b.pid)).toEqual([12])
    expect(isLockTimeout(exhausted.cause)).toBe(true)
    expect(seen).toEqual([101, 200, 301])
  })

  it('with no window it never retries but still names the blockers', async () => {
    const watcher: BlockerWatcher = { watch: () => ({ stop: async () => [session(7, 'psql')] }) }
    const error = (await retryOnLockTimeout(
      { ...POLICY, retryWindowMs: 0 },
      async () => {
        throw lockTimeout()
      },
      undefined,
      { watcher }
    ).catch((e: unknown) => e)) as LockRetriesExhausted
    expect(error.attempts).toHaveLength(1)
    expect(error.blockers).toEqual([session(7, 'psql')])
  })
})

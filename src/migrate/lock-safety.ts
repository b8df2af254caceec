/**
 * The pieces of lock safety that a deploy wires around each unit of migration work (issue 9 §2, §4): the lock
 * monitor's connection, the retry policy a unit gets, and what a failed unit left behind. Shared by the
 * one-transaction execution in deploy.ts and the statement-by-statement mode.
 */
import type pg from 'pg'
import type { ConnectionSettings } from '../db/connection-url.js'
import { BlockerMonitor, type BlockingSession } from './blockers.js'
import type { AfterFailure, DatabaseErrorLike } from './prisma-errors.js'
import { findInvalidIndexes } from './invalid-indexes.js'
import type { BlockedAttempt, LockRetryPolicy } from './lock-retry.js'
import { committedAfterFailure, scriptShape, type ScriptShape } from './script-shape.js'

/** The lock-safety inputs of `migrate-deploy` (src/settings/lock-settings.ts parses them). */
export interface LockSafetySettings {
  /** ms; 0 = the action sets none (the server's setting applies, by default: wait as long as it takes). */
  lockTimeoutMs: number
  /** ms; 0 = the action sets none. */
  statementTimeoutMs: number
  /** ms; how long after a migration's first blocked attempt a new attempt may start. 0 = no retry. */
  retryWindowMs: number
}

/**
 * Lock safety for the migrations themselves. The session's lock_timeout/statement_timeout are set at connect
 * time (startup options); this says how they are handled. Without it, a migration cancelled at lock_timeout
 * fails like any other (P3018), as with Prisma.
 */
export interface LockSafetyOptions {
  policy: LockRetryPolicy
  /** Base directory for the URL's relative TLS files, for the lock monitor's own connection. */
  baseDir: string
  /** After each attempt cancelled at lock_timeout (whether or not another follows). */
  onBlocked?: (migration: string, event: BlockedAttempt) => void | Promise<void>
  /** Each sample of the sessions a running migration waits for (empty: it waits for nobody). */
  onSample?: (migration: string, blockers: BlockingSession[]) => void
}

export interface LockContext {
  options: LockSafetyOptions
  monitor?: BlockerMonitor
}

/** A unit that may not be retried: a 55P03 still names the blockers, then fails like any error. */
export const NO_RETRY: LockRetryPolicy = { lockTimeoutMs: 0, retryWindowMs: 0, baseDelayMs: 0, maxDelayMs: 0 }

/**
 * Starts the lock monitor's connection, once per deploy with pending migrations, in the background (it is only
 * needed for a sample one interval into an attempt). `pid` is the deploy session's backend, asked with
 * `pg_backend_pid()` rather than taken from the connection's BackendKeyData, which a connection pooler makes up.
 */
export function openLockContext(
  pid: number,
  connection: ConnectionSettings,
  safety: LockSafetyOptions | undefined
): LockContext | undefined {
  if (!safety) return undefined
  // Several samples during one lock_timeout wait, at most one a second.
  const interval =
    safety.policy.lockTimeoutMs > 0 ? Math.min(1000, Math.max(50, safety.policy.lockTimeoutMs / 4)) : 1000
  return { options: safety, monitor: BlockerMonitor.start(connection, safety.baseDir, pid, interval) }
}

/** What a failed migration left, for the summary: committed statements and INVALID indexes (best effort). */
export async function describeAfterFailure(
  client: pg.Client,
  migration: { name: string; script: string | null },
  shape: ScriptShape | undefined,
  error: unknown,
  state: AfterFailure['state'],
  blockers: BlockingSession[],
  /** What is known to be committed (the statement-by-statement mode tracks it); else read from the file. */
  committed?: AfterFailure['committedStatements']
): Promise<AfterFailure> {
  const script = migration.script ?? ''
  const resolved = shape ?? (await scriptShape(script).catch(() => undefined))
  const invalidIndexes = resolved?.indexTargets.length
    ? await findInvalidIndexes(client, resolved.indexTargets).catch(() => [])
    : []
  let committedStatements: AfterFailure['committedStatements'] = committed ?? 'unknown'
  if (state === 'pending') committedStatements = 'none'
  else if (committed === undefined && resolved)
    committedStatements = committedAfterFailure(resolved, script, error as DatabaseErrorLike)
  return { migration: migration.name, state, committedStatements, invalidIndexes, blockers }
}

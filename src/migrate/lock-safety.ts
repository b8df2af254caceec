/**
 * The pieces of lock safety that a deploy wires around each unit of migration work (issue 9 §2, §4): the lock
 * monitor's connection, the retry policy a unit gets and the hooks that report its blocked attempts, the
 * lock_timeout a lone CONCURRENTLY statement runs without, and what a failed unit left behind. Shared by the
 * runners of both Prisma strategies (whole-file-runner.ts and per-statement-runner.ts).
 */
import type pg from 'pg'
import type { ConnectionSettings } from '../db/connection-url.js'
import { BlockerMonitor, type BlockingSession } from './blockers.js'
import type { ExecutionProgress, ExecutionUnit } from './execute.js'
import type { AfterFailure, DatabaseErrorLike } from './prisma-errors.js'
import { findInvalidIndexes } from './invalid-indexes.js'
import type { BlockedAttempt, LockRetryOptions, LockRetryPolicy } from './lock-retry.js'
import { nonTransactionalReason } from './non-transactional.js'
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

/** The retry hooks of one migration: its blocked attempts and the blockers' samples, reported under its name. */
export interface MigrationLockHooks {
  onBlocked?: (event: BlockedAttempt) => void | Promise<void>
  retryOptions: Pick<LockRetryOptions, 'watcher' | 'onSample'>
}

export function lockHooks(lock: LockContext | undefined, migration: string): MigrationLockHooks {
  return {
    onBlocked: lock?.options.onBlocked ? (event) => lock.options.onBlocked?.(migration, event) : undefined,
    retryOptions: {
      watcher: lock?.monitor,
      onSample: lock?.options.onSample
        ? (blockers) => lock.options.onSample?.(migration, blockers)
        : undefined
    }
  }
}

/**
 * What a lone statement that cannot run in a transaction block (CREATE INDEX CONCURRENTLY...) runs with: no
 * lock_timeout. It never makes the application's queries wait, but under a short timeout it would fail and leave
 * an INVALID index.
 */
export const LIFT_LOCK_TIMEOUT = 'SET lock_timeout = 0'

/** Whether the session has a short lock_timeout of ours (a policy with a timeout). */
export function shortLockTimeout(policy: LockRetryPolicy | undefined): boolean {
  return policy !== undefined && policy.lockTimeoutMs > 0
}

/** Whether a file sent whole runs without the session's short lock_timeout: it is one CONCURRENTLY statement. */
export function liftsLockTimeout(
  policy: LockRetryPolicy | undefined,
  shape: ScriptShape | undefined
): boolean {
  return shortLockTimeout(policy) && !!shape?.nonTransactional
}

/** Statements PostgreSQL refuses in a transaction block (CREATE INDEX CONCURRENTLY...), by their first line. */
export function nonTransactionalLines(shape: ScriptShape | undefined): Set<number> {
  const lines = new Set<number>()
  for (const statement of shape?.statements ?? [])
    if (nonTransactionalReason(statement.kind, statement.node as unknown as Record<string, unknown>))
      lines.add(statement.startLine)
  return lines
}

/**
 * Whether a statement sent on its own (Prisma 7.4+) and cancelled at lock_timeout is sent again: it commits on its
 * own, so the cancelled attempt applied nothing; not inside the file's own BEGIN block, not a CALL (which may
 * commit inside) and not a statement that runs outside a transaction block.
 */
export function statementRetriable(
  unit: ExecutionUnit,
  progress: ExecutionProgress,
  nonTransactional: Set<number>
): boolean {
  return (
    unit.transaction === undefined &&
    unit.kind !== 'CallStmt' &&
    !nonTransactional.has(unit.startLine) &&
    progress.inOpenTransaction.length === 0
  )
}

/** Runs `run` without lock_timeout when `exempt`, then back to the session's (the startup option). */
export async function withoutLockTimeout<T>(
  client: pg.Client,
  exempt: boolean,
  run: () => Promise<T>
): Promise<T> {
  if (!exempt) return run()
  await client.query(LIFT_LOCK_TIMEOUT)
  try {
    return await run()
  } finally {
    // A lost connection is reported by the caller.
    await client.query('RESET lock_timeout').catch(() => undefined)
  }
}

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

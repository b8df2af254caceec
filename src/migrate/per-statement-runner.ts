/**
 * Prisma 7.4+'s strategy for one migration, on Prisma's protocol (prisma-protocol.ts): its row inserted and
 * committed first, then its plan unit by unit, then the row finished, each its own round trip as Prisma sends them.
 * With lock safety, a unit cancelled at lock_timeout (55P03) that applied nothing is retried:
 * - a file Prisma's parser cannot split is sent as one batch: the whole attempt is retried, and this run's row is
 *   taken back before each wait (same session, still under the migrate lock), so that when retries run out the
 *   migration is pending, not failed;
 * - statement by statement: each statement commits on its own, so only the statement that was cancelled is retried
 *   (not inside the file's own BEGIN block); when retries run out before anything was committed, the row is taken
 *   back too.
 * A lone CONCURRENTLY statement runs without lock_timeout (`LIFT_LOCK_TIMEOUT`).
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type pg from 'pg'
import { type ExecutionPlan, executePlan, runUnit } from './execute.js'
import { insertStartedRow, recordFinished } from './history.js'
import { LockRetriesExhausted, retryOnLockTimeout } from './lock-retry.js'
import {
  type LockContext,
  NO_RETRY,
  liftsLockTimeout,
  lockHooks,
  nonTransactionalLines,
  shortLockTimeout,
  statementRetriable,
  withoutLockTimeout
} from './lock-safety.js'
import type { ReadableMigration } from './migrations-dir.js'
import type { AppliedMigration } from './prisma-errors.js'
import { ProtocolAttempt, type StartedRowTimes } from './prisma-protocol.js'
import { type ScriptShape, scriptShape } from './script-shape.js'

/** How one migration runs: its session, its attempt on Prisma's protocol, and its lock safety. */
interface PerStatementRun {
  client: pg.Client
  attempt: ProtocolAttempt
  shape: ScriptShape | undefined
  lock: LockContext | undefined
  name: string
}

/** A file sent as one batch (Prisma's parser cannot split it): the whole attempt is retried when it is atomic. */
function runAsOneBatch(run: PerStatementRun): Promise<StartedRowTimes> {
  const { client, attempt, shape, lock } = run
  return withoutLockTimeout(client, liftsLockTimeout(lock?.options.policy, shape), () =>
    attempt.wholeFileRetried(shape, lock, run.name)
  )
}

/** Statement by statement: each commits on its own; a cancelled one applied nothing and is sent again. */
async function runStatementByStatement(run: PerStatementRun, plan: ExecutionPlan): Promise<StartedRowTimes> {
  const { client, attempt, shape, lock } = run
  const policy = lock?.options.policy
  const concurrentLines = nonTransactionalLines(shape)
  const hooks = lockHooks(lock, run.name)
  const row = await attempt.insertRow()
  await executePlan(client, plan, attempt.progress, (c, unit) => {
    const retriable = policy !== undefined && statementRetriable(unit, attempt.progress, concurrentLines)
    return withoutLockTimeout(client, shortLockTimeout(policy) && concurrentLines.has(unit.startLine), () =>
      retryOnLockTimeout(
        retriable && policy ? policy : NO_RETRY,
        () => runUnit(c, unit),
        hooks.onBlocked,
        hooks.retryOptions
      )
    )
  })
  return row
}

/** Applies one migration as Prisma 7.4+ sends it (a statement-by-statement plan, or one batch when it falls back). */
export async function applyWithPerStatementStrategy(
  client: pg.Client,
  migration: ReadableMigration,
  plan: ExecutionPlan,
  lock: LockContext | undefined
): Promise<AppliedMigration> {
  const policy = lock?.options.policy
  // Parsed only with lock safety on (the review has parsed the file already, so this is a cache hit).
  const shape = policy ? await scriptShape(migration.script).catch(() => undefined) : undefined
  const attempt = new ProtocolAttempt(client, plan, async () => {
    const started = { id: randomUUID(), startedAt: new Date(), clock: performance.now() }
    await insertStartedRow(client, {
      id: started.id,
      checksum: migration.checksum,
      startedAt: started.startedAt,
      name: migration.name
    })
    return started
  })
  const run = { client, attempt, shape, lock, name: migration.name }
  const perStatement = plan.mode === 'per-statement'
  let row: StartedRowTimes
  try {
    row = perStatement ? await runStatementByStatement(run, plan) : await runAsOneBatch(run)
  } catch (caught) {
    if (
      caught instanceof LockRetriesExhausted &&
      attempt.row !== undefined &&
      perStatement &&
      attempt.nothingCommitted()
    )
      await attempt.takeRowBack().catch(() => undefined)
    return attempt.fail(caught, migration, shape, policy?.lockTimeoutMs ?? 0)
  }
  const finishedAt = new Date()
  await recordFinished(client, row.id, finishedAt)
  return {
    name: migration.name,
    checksum: migration.checksum,
    startedAt: row.startedAt,
    finishedAt,
    durationMs: performance.now() - row.clock
  }
}

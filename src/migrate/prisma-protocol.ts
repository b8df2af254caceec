/**
 * Prisma's protocol for one migration (prisma-migrate-compat.md §6.1): its row inserted and committed first, then
 * the script, then the finish. `ProtocolAttempt` holds what both strategies share: the started row, the plan's
 * progress, taking the row back when a whole-file attempt cancelled at lock_timeout applied nothing (so that retries,
 * or running out of them, leave the migration pending, not failed), and the failure. `applyOnPrismaProtocol` is
 * Prisma ≤ 7.3's version, for the files that may not travel with their row (fast-path.ts): its started row and its
 * finish ride on the neighbouring messages (carried-bookkeeping.ts). Prisma 7.4+'s is per-statement-runner.ts.
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type pg from 'pg'
import type { WholeFileContext } from './carried-bookkeeping.js'
import { type ExecutionPlan, type ExecutionProgress, executePlan, newProgress } from './execute.js'
import { STARTED_MARK, finishStatement, markedRows, startedRowStatement } from './fast-path.js'
import { recordFinished, removeStartedRow } from './history.js'
import { isLockTimeout, retryOnLockTimeout } from './lock-retry.js'
import { LIFT_LOCK_TIMEOUT, type LockContext, NO_RETRY, lockHooks } from './lock-safety.js'
import { recordedFailureError, stillPendingError, unwrapFailure } from './migration-failure.js'
import type { ReadableMigration } from './migrations-dir.js'
import type { ScriptShape } from './script-shape.js'

/** A migration's started row: its id, its started_at, and the runner's clock then (for the duration). */
export interface StartedRowTimes {
  id: string
  startedAt: Date
  clock: number
}

export class ProtocolAttempt {
  /** The started row while it is committed and not taken back. */
  row?: StartedRowTimes
  progress: ExecutionProgress

  /** `insert` writes the started row, each runner its own way. */
  constructor(
    private readonly client: pg.Client,
    private readonly plan: ExecutionPlan,
    private readonly insert: () => Promise<StartedRowTimes>
  ) {
    this.progress = newProgress(plan)
  }

  async insertRow(): Promise<StartedRowTimes> {
    const row = await this.insert()
    this.row = row
    return row
  }

  /** Nothing of the file was applied: take back the row Prisma's protocol committed before the script. */
  async takeRowBack(): Promise<void> {
    await this.client.query('ROLLBACK')
    if (this.row) await removeStartedRow(this.client, this.row.id)
    this.row = undefined
  }

  /** Whether nothing of the plan is committed, nor pending in the file's own open transaction. */
  nothingCommitted(): boolean {
    const progress = this.progress
    return progress.committed.length === 0 && progress.inOpenTransaction.length === 0 && !progress.uncertain
  }

  /**
   * One attempt at a file sent whole: its row, then the file. When `atomic`, a cancelled attempt takes its row back
   * (it applied nothing) before it is retried. Not atomic: the blockers are still named, but a 55P03 fails the
   * migration like any error.
   */
  async wholeFile(atomic: boolean): Promise<StartedRowTimes> {
    const row = await this.insertRow()
    this.progress = newProgress(this.plan)
    try {
      await executePlan(this.client, this.plan, this.progress)
    } catch (error) {
      if (atomic && isLockTimeout(error)) await this.takeRowBack()
      throw error
    }
    return row
  }

  /**
   * The file sent whole under `lock`'s safety: retried as a whole when it is atomic (`shape`) and a policy is set,
   * otherwise one attempt whose blockers are still named. Both runners send a whole file this way.
   */
  wholeFileRetried(
    shape: ScriptShape | undefined,
    lock: LockContext | undefined,
    name: string
  ): Promise<StartedRowTimes> {
    const policy = lock?.options.policy
    const atomic = policy !== undefined && shape?.atomic === true
    const hooks = lockHooks(lock, name)
    return retryOnLockTimeout(
      atomic && policy ? policy : NO_RETRY,
      () => this.wholeFile(atomic),
      hooks.onBlocked,
      hooks.retryOptions
    )
  }

  /**
   * Stops the deploy with what `caught` left: without a row, `tidy` (the runner's clean-up) and the error as it came,
   * or "still pending" when lock retries ran out; with a row, the failure recorded as Prisma records it.
   */
  async fail(
    caught: unknown,
    migration: ReadableMigration,
    shape: ScriptShape | undefined,
    lockTimeoutMs: number,
    tidy?: () => Promise<void>
  ): Promise<never> {
    const failure = unwrapFailure(caught)
    const row = this.row
    if (row === undefined) {
      await tidy?.()
      if (!failure.exhausted) throw caught
      throw await stillPendingError(this.client, migration, shape, failure, failure.exhausted, lockTimeoutMs)
    }
    throw await recordedFailureError(this.client, row.id, migration, failure, this.progress, shape, tidy)
  }
}

/** pg 8.x reports the transaction status of the last ReadyForQuery ('I': idle). */
function transactionStatus(client: pg.Client): string | null | undefined {
  return (client as pg.Client & { getTransactionStatus?: () => string | null }).getTransactionStatus?.()
}

/** lock_timeout lifted for a lone CONCURRENTLY file: whether the file needs it, and whether the session has it already. */
interface LockTimeoutLift {
  needed: boolean
  done: boolean
}

/**
 * The started row of a migration on Prisma ≤ 7.3's protocol: the one the previous message committed for it (once),
 * or its own message, which first commits what waits and lifts lock_timeout when the file needs it.
 */
function startedRowWriter(
  ctx: WholeFileContext,
  migration: ReadableMigration,
  lift: LockTimeoutLift
): () => Promise<StartedRowTimes> {
  const { client, carry } = ctx
  let preInserted = carry.takePreInserted(migration.name)
  if (preInserted) lift.done = preInserted.lockTimeoutLifted
  return async () => {
    if (preInserted) {
      const row = { id: preInserted.id, startedAt: preInserted.startedAt, clock: performance.now() }
      preInserted = undefined
      return row
    }
    const id = randomUUID()
    const results = (await client.query(
      carry.head() +
        startedRowStatement(client, { id, checksum: migration.checksum, name: migration.name }) +
        (lift.needed && !lift.done ? `;\n${LIFT_LOCK_TIMEOUT}` : '')
    )) as unknown as pg.QueryResult[]
    carry.confirm(results)
    if (lift.needed) lift.done = true
    const started = markedRows(results, STARTED_MARK).find((r) => r.id === id)
    return { id, startedAt: started?.startedAt ?? new Date(), clock: performance.now() }
  }
}

/**
 * Prisma ≤ 7.3's protocol for a file that may not travel with its row: the row committed first (or already, by the
 * previous message), the script alone, then the finish, which waits for the next message, unless the file left a
 * transaction open (its bookkeeping then runs now, inside it, as Prisma's does).
 */
export async function applyOnPrismaProtocol(
  ctx: WholeFileContext,
  migration: ReadableMigration,
  plan: ExecutionPlan,
  classified: { shape?: ScriptShape; liftsLockTimeout: boolean }
): Promise<void> {
  const { client, carry } = ctx
  const policy = ctx.lock?.options.policy
  const shape = policy ? classified.shape : undefined
  const lift: LockTimeoutLift = { needed: classified.liftsLockTimeout, done: false }
  const attempt = new ProtocolAttempt(client, plan, startedRowWriter(ctx, migration, lift))
  const restoreLockTimeout = `SET lock_timeout = ${policy?.lockTimeoutMs ?? 0}`
  let row: StartedRowTimes
  try {
    row = await attempt.wholeFileRetried(shape, ctx.lock, migration.name)
  } catch (caught) {
    // Back to the session's lock_timeout, and the previous migration's finish, before the deploy stops.
    return attempt.fail(caught, migration, shape, policy?.lockTimeoutMs ?? 0, async () => {
      if (lift.done) await client.query(restoreLockTimeout).catch(() => undefined)
      await carry.settle().catch(() => undefined)
    })
  }
  const durationMs = performance.now() - row.clock
  if (transactionStatus(client) !== 'I') {
    // The file left a transaction open (or the status is unknown): its bookkeeping runs now, inside it, as Prisma's.
    if (lift.done) await client.query(restoreLockTimeout)
    const finishedAt = new Date(Math.max(Date.now(), row.startedAt.getTime()))
    await recordFinished(client, row.id, finishedAt)
    ctx.applied.push({
      name: migration.name,
      checksum: migration.checksum,
      startedAt: row.startedAt,
      finishedAt,
      durationMs
    })
    return
  }
  carry.defer(migration, row.id, durationMs, [
    finishStatement(client, row.id),
    ...(lift.done ? [restoreLockTimeout] : [])
  ])
}

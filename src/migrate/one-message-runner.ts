/**
 * Prisma ≤ 7.3's whole file at one round trip: a file that may travel with its row (`fastPathBlocker`) is ONE
 * message (fast-path.ts builds it): what waits from earlier migrations, the started row, the script, the finish, and
 * the started row of the next migration when that one keeps Prisma's protocol. PostgreSQL runs it as one
 * transaction, so a cancelled attempt left nothing and is simply sent again, and a failed one is recorded as Prisma
 * records it by one more statement.
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type pg from 'pg'
import { getErrorMessage } from '../errors.js'
import type { WholeFileContext } from './carried-bookkeeping.js'
import { type ExecutionPlan, type ExecutionProgress, isServerError, newProgress } from './execute.js'
import {
  FINISHED_MARK,
  STARTED_MARK,
  type StartedRow,
  failedRowStatement,
  fastMessage,
  markedRows,
  moveErrorPosition
} from './fast-path.js'
import { retryOnLockTimeout } from './lock-retry.js'
import { LIFT_LOCK_TIMEOUT, describeAfterFailure, lockHooks } from './lock-safety.js'
import { failureText, stillPendingError, unwrapFailure } from './migration-failure.js'
import type { ReadableMigration } from './migrations-dir.js'
import { MigrationRunError, applyFailedHint, isConnectionLost } from './prisma-errors.js'
import type { ScriptShape } from './script-shape.js'

/** The next migration's started row, committed with this message, and whether it runs without lock_timeout. */
export interface NextStartedRow {
  row: StartedRow
  liftsLockTimeout: boolean
}

export async function applyInOneMessage(
  ctx: WholeFileContext,
  migration: ReadableMigration,
  plan: ExecutionPlan,
  classified: { shape?: ScriptShape; next?: NextStartedRow }
): Promise<void> {
  const row = { id: randomUUID(), checksum: migration.checksum, name: migration.name }
  const next = classified.next
  const nextSettings = next?.liftsLockTimeout ? [LIFT_LOCK_TIMEOUT] : []
  const progress = newProgress(plan)
  progress.failedUnit = plan.units[0]
  let sentAt = performance.now()
  let results: pg.QueryResult[] = []
  const attempt = async (): Promise<void> => {
    const message = fastMessage(ctx.client, row, migration.script, {
      before: ctx.carry.waiting,
      next: next?.row,
      nextSettings
    })
    sentAt = performance.now()
    try {
      results = (await ctx.client.query(message.text)) as unknown as pg.QueryResult[]
    } catch (error) {
      moveErrorPosition(error, message)
      throw error
    }
  }
  const policy = ctx.lock?.options.policy
  const hooks = lockHooks(ctx.lock, row.name)
  try {
    // The whole message is one transaction: a cancelled attempt left nothing, so it is simply sent again.
    if (policy) await retryOnLockTimeout(policy, attempt, hooks.onBlocked, hooks.retryOptions)
    else await attempt()
  } catch (caught) {
    return oneMessageFailed(ctx, migration, classified.shape, caught, progress, sentAt)
  }
  ctx.carry.confirm(results)
  const done = markedRows(results, FINISHED_MARK).find((r) => r.id === row.id)
  if (!done?.finishedAt) throw new Error(`The finish of migration ${migration.name} returned no row.`)
  ctx.applied.push({
    name: migration.name,
    checksum: migration.checksum,
    startedAt: done.startedAt,
    finishedAt: done.finishedAt,
    durationMs: done.finishedAt.getTime() - done.startedAt.getTime()
  })
  const started = next && markedRows(results, STARTED_MARK).find((r) => r.id === next.row.id)
  if (next && started)
    ctx.carry.preInsert({
      name: next.row.name,
      id: next.row.id,
      startedAt: started.startedAt,
      lockTimeoutLifted: nextSettings.length > 0
    })
}

/**
 * The message of a migration that travelled with its row failed: PostgreSQL rolled all of it back, row included. A
 * script that failed is then recorded as Prisma records it: a row with finished_at NULL, applied_steps_count 0 and
 * the P3018 text in logs (its started_at: when the attempt started, by the server's clock). A cancelled attempt whose
 * retries ran out leaves no row: the migration is pending.
 */
async function oneMessageFailed(
  ctx: WholeFileContext,
  migration: ReadableMigration,
  shape: ScriptShape | undefined,
  caught: unknown,
  progress: ExecutionProgress,
  sentAt: number
): Promise<never> {
  const { client, carry } = ctx
  const failure = unwrapFailure(caught)
  const { error, blockers, exhausted } = failure
  if (exhausted) {
    await carry.settle().catch(() => undefined)
    throw await stillPendingError(
      client,
      migration,
      shape,
      failure,
      exhausted,
      ctx.lock?.options.policy.lockTimeoutMs ?? 0
    )
  }
  let text = failureText(migration, error, progress)
  let state: 'failed' | 'pending' = 'failed'
  if (isConnectionLost(error) || !isServerError(error)) {
    text +=
      '\nThe connection was lost before PostgreSQL answered. The row in _prisma_migrations and the script were one transaction: either all of it was committed (the row says applied) or none of it (no row: the migration is still pending).\n'
  } else {
    const seconds = ((performance.now() - sentAt) / 1000).toFixed(6)
    try {
      const failedRow = { id: randomUUID(), checksum: migration.checksum, name: migration.name }
      const results = await client.query(carry.head() + failedRowStatement(client, failedRow, seconds, text))
      carry.confirm(results as unknown as pg.QueryResult[])
    } catch (writeError) {
      state = 'pending'
      text += `\nThe failure could not be recorded in _prisma_migrations (${getErrorMessage(writeError).split('\n')[0]}): PostgreSQL rolled the migration back with its row, so it is still pending.\n`
    }
  }
  const afterFailure = {
    ...(await describeAfterFailure(client, migration, shape, error, state, blockers)),
    execution: progress.plan.mode
  }
  throw new MigrationRunError(text, {
    code: 'P3018',
    hint:
      state === 'pending'
        ? `Nothing of \`${migration.name}\` was applied and no row was written, so it is still pending: fix the cause above and deploy again.`
        : applyFailedHint(migration.name, afterFailure.committedStatements, progress.plan.mode),
    cause: error,
    failedMigration: migration.name,
    afterFailure,
    execution: progress.plan.mode,
    rowWithScript: true
  })
}

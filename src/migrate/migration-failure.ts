/**
 * What a migration that failed leaves and says, whichever runner sent it: Prisma's P3018 text for
 * `_prisma_migrations.logs` (with the failing line and, statement by statement, what was committed), the row's logs
 * written as Prisma writes them, and the error the deploy stops with. A migration whose lock retries ran out before
 * anything of it was recorded is still pending, and says so.
 */
import type pg from 'pg'
import { loadParser } from '../sql/parse.js'
import type { BlockingSession } from './blockers.js'
import {
  type ExecutionProgress,
  type ExecutionUnit,
  committedStatements,
  describeStatementsForLog
} from './execute.js'
import { setLogs } from './history.js'
import { LockRetriesExhausted } from './lock-retry.js'
import { describeAfterFailure } from './lock-safety.js'
import type { LocalMigration } from './migrations-dir.js'
import {
  type DatabaseErrorLike,
  MigrationRunError,
  applyFailedHint,
  applyFailedMessage,
  lockRetriesExhaustedError
} from './prisma-errors.js'
import type { ScriptShape } from './script-shape.js'

/** The line of migration.sql where Postgres says the failing unit went wrong (its 1-based character offset). */
function failingLine(unit: ExecutionUnit | undefined, position: string | undefined): number | undefined {
  if (!unit) return undefined
  const offset = Number(position)
  if (!Number.isInteger(offset) || offset < 1) return unit.startLine
  return unit.startLine + unit.text.slice(0, offset - 1).split('\n').length - 1
}

/** Prisma's P3018 text for `_prisma_migrations.logs`, with the failing line and what 7.4+ committed. */
export function failureText(migration: LocalMigration, error: unknown, progress: ExecutionProgress): string {
  const dbError = error as DatabaseErrorLike
  const line = failingLine(progress.failedUnit, dbError.position)
  const committed = committedStatements(progress, error)
  return (
    applyFailedMessage(migration.name, dbError) +
    (line !== undefined && dbError.position
      ? `\nPosition: line ${line} of migration.sql: ${(migration.script ?? '').split('\n')[line - 1]?.trim() ?? ''}\n`
      : '') +
    (progress.plan.mode === 'per-statement'
      ? `\nSent statement by statement (Prisma 7.4+). Committed before the failure: ${describeStatementsForLog(committed)}\n`
      : '')
  )
}

async function recordFailure(
  client: pg.Client,
  id: string,
  migration: LocalMigration,
  error: unknown,
  progress: ExecutionProgress
): Promise<string> {
  const text = failureText(migration, error, progress)
  try {
    // A script with its own BEGIN that failed leaves the session in an aborted transaction block, where every
    // statement fails with 25P02; Prisma's `UPDATE ... logs` then fails and its row keeps logs NULL. We end the
    // block first so the row gets its logs (the failed state is the same). Outside a block this is a warning only.
    await client.query('ROLLBACK')
    await setLogs(client, id, text)
    return text
  } catch {
    // The connection is gone (killed, network): the row stays failed without logs, exactly as after a crash.
    return `${text}\nThe connection was lost, so the failure could not be written to _prisma_migrations.logs; the migration is still recorded as failed.\n`
  }
}

/** What stopped a migration: the error itself, and the lock retries that ran out before it (with their blockers). */
export interface CaughtFailure {
  exhausted?: LockRetriesExhausted
  error: unknown
  blockers: BlockingSession[]
}

export function unwrapFailure(caught: unknown): CaughtFailure {
  const exhausted = caught instanceof LockRetriesExhausted ? caught : undefined
  return {
    exhausted,
    error: exhausted ? (exhausted.cause ?? caught) : caught,
    blockers: exhausted?.blockers ?? []
  }
}

/** Lock retries ran out and nothing of the migration is recorded: it is still pending. */
export async function stillPendingError(
  client: pg.Client,
  migration: LocalMigration,
  shape: ScriptShape | undefined,
  failure: CaughtFailure,
  exhausted: LockRetriesExhausted,
  lockTimeoutMs: number
): Promise<MigrationRunError> {
  return lockRetriesExhaustedError(migration.name, exhausted, lockTimeoutMs, {
    afterFailure: await describeAfterFailure(
      client,
      migration,
      shape,
      failure.error,
      'pending',
      failure.blockers
    )
  })
}

/**
 * A script that failed after its row was committed (Prisma's protocol): the P3018 text written to the row's logs,
 * then `tidy` (the runner's own clean-up), then the error the deploy stops with. Statement by statement, it names
 * what was committed and the failing statement's first line (the exact position is in the message).
 */
export async function recordedFailureError(
  client: pg.Client,
  rowId: string,
  migration: LocalMigration,
  failure: CaughtFailure,
  progress: ExecutionProgress,
  shape: ScriptShape | undefined,
  tidy?: () => Promise<void>
): Promise<MigrationRunError> {
  const { error, blockers } = failure
  const mode = progress.plan.mode
  // Whether a failed batch had its own COMMIT is read from the file, only now.
  await loadParser()
  const message = await recordFailure(client, rowId, migration, error, progress)
  await tidy?.()
  const committed = mode === 'per-statement' ? committedStatements(progress, error) : undefined
  const line = mode === 'per-statement' ? progress.failedUnit?.startLine : undefined
  const afterFailure = {
    ...(await describeAfterFailure(client, migration, shape, error, 'failed', blockers, committed)),
    execution: mode
  }
  return new MigrationRunError(message, {
    code: 'P3018',
    hint: applyFailedHint(migration.name, afterFailure.committedStatements, mode, line),
    cause: error,
    failedMigration: migration.name,
    afterFailure,
    execution: mode
  })
}

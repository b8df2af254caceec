import { connect } from '../db/connect.js'
import { getErrorMessage } from '../errors.js'
import {
  type ConnectionLossFacts,
  describeConnectionLoss,
  MigrationRunError,
  serverReason
} from '../migrate/prisma-errors.js'
import type { MigrationsFolder } from '../migrate/migrations-dir.js'
import { diagnose, type Diagnosis } from '../migrate/status.js'
import type { MigrateDeploySettings } from '../settings/settings.js'

export interface AfterConnectionLoss {
  /** The state read again on a new connection; undefined when no new connection could read it. */
  diagnosis?: Diagnosis
  /** The deploy's failure, with what is known about the interrupted migration and how to resolve it. */
  failure: MigrationRunError
}

/**
 * After the deploy's connection broke (a killed backend, a restart, the network): read the state again on a new
 * connection, read-only, and find out whether the session that ran the script is still open on the server (then
 * the script may still commit). Never throws: what cannot be read is said to be unknown.
 */
export async function afterConnectionLoss(opts: {
  settings: Pick<MigrateDeploySettings, 'connection' | 'workingDirectory'>
  folder: MigrationsFolder
  failure: MigrationRunError
  /** Backend pid of the lost session. */
  pid?: number
}): Promise<AfterConnectionLoss> {
  const { settings, folder, failure, pid } = opts
  const name = failure.failedMigration
  const facts: ConnectionLossFacts = {
    migration: name,
    // P3018 comes from the script itself; the row was committed before it ran, or travels with it (rowWithScript).
    duringScript: failure.code === 'P3018',
    reason: serverReason(failure.cause),
    pid,
    rowWithScript: failure.rowWithScript === true
  }
  let diagnosis: Diagnosis | undefined
  try {
    const session = await connect(settings.connection, {
      baseDir: settings.workingDirectory,
      ensureSchema: false,
      attempts: 2,
      baseDelayMs: 500
    })
    try {
      diagnosis = await diagnose(session.client, folder)
      if (pid) {
        const { rows } = await session.client.query<{ state: string | null }>(
          'SELECT state FROM pg_stat_activity WHERE pid = $1',
          [pid]
        )
        if (rows[0]) facts.sessionStillOpen = { pid, state: rows[0].state ?? 'state not visible' }
      }
    } finally {
      await session.close()
    }
    const state = diagnosis.migrations.find((m) => m.name === name)?.state
    facts.row = state === 'failed' ? 'failed' : state === 'applied' ? 'applied' : 'absent'
  } catch (error) {
    facts.rereadError = getErrorMessage(error).split('\n')[0]
  }
  const { text, hint } = describeConnectionLoss(facts)
  return {
    diagnosis,
    failure: new MigrationRunError(`${failure.message.trimEnd()}\n\n${text}`, {
      code: failure.code ?? 'P1017',
      hint,
      cause: failure.cause,
      applied: failure.applied,
      failedMigration:
        facts.row === 'failed' || (facts.row === undefined && facts.duringScript && !facts.rowWithScript)
          ? name
          : undefined,
      rowWithScript: failure.rowWithScript
    })
  }
}

/**
 * When the state could not be read again: the migrations as this run knows them (the state read before the
 * deploy, with what it applied and the migration whose script it lost marked), for the summary's table.
 */
export function knownMigrations(
  before: Diagnosis['migrations'],
  applied: ReadonlySet<string>,
  failed: string | undefined
): Diagnosis['migrations'] {
  return before.map((m) =>
    applied.has(m.name)
      ? { ...m, state: 'applied' as const }
      : m.name === failed
        ? { ...m, state: 'failed' as const }
        : m
  )
}

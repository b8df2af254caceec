/**
 * How lock safety shows up in the log, the job summary and the JSON report: each blocked attempt with the
 * sessions in the way, the sessions a migration waits for when it has no lock_timeout, and what a failed
 * migration left (committed statements, INVALID indexes).
 */
import { formatMs } from '../util/format.js'
import { type BlockingSession, dbText, describeSessions } from './blockers.js'
import type { AfterFailure } from './prisma-errors.js'
import type { BlockedAttempt } from './lock-retry.js'
import type { LockSafetySettings } from './lock-safety.js'

/** The blocked attempts of one migration, as the report keeps them. */
export interface LockWait {
  migration: string
  /** Attempts cancelled at lock_timeout. */
  blockedAttempts: number
  /** From the first attempt's start to the last cancellation. */
  waitedMs: number
  /** The sessions it waited for (latest sample that saw any). */
  blockers: BlockingSession[]
}

/** Collects blocked attempts per migration, logs each one, and says what happened for the summary. */
export class LockWaitLog {
  private readonly waits = new Map<string, LockWait>()
  private readonly lastWaitingLog = new Map<string, number>()

  constructor(
    private readonly settings: LockSafetySettings,
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now
  ) {}

  /** After each attempt cancelled at lock_timeout. */
  blocked(migration: string, event: BlockedAttempt): void {
    const wait = this.waits.get(migration) ?? { migration, blockedAttempts: 0, waitedMs: 0, blockers: [] }
    wait.blockedAttempts = event.attempt
    wait.waitedMs = event.elapsedMs
    if (event.blockers.length > 0) wait.blockers = event.blockers
    this.waits.set(migration, wait)
    const who =
      event.blockers.length > 0
        ? `it was waiting for ${describeSessions(event.blockers)}`
        : 'the sessions it waited for were gone before they could be named'
    const next =
      event.retryInMs === undefined
        ? `no time is left in lock-retry-window (${formatMs(this.settings.retryWindowMs)})`
        : `attempt ${event.attempt + 1} in ${formatMs(event.retryInMs)}`
    this.log(
      `⏳ \`${migration}\`: attempt ${event.attempt} cancelled at lock_timeout${this.settings.lockTimeoutMs > 0 ? ` (${formatMs(this.settings.lockTimeoutMs)})` : ''}, nothing applied; ${who}; ${next}.`
    )
  }

  /** Each blocker sample; without a lock_timeout the wait can be long, so say who is in the way every 10 s. */
  sample(migration: string, blockers: BlockingSession[]): void {
    if (blockers.length === 0 || this.settings.lockTimeoutMs > 0) return
    const last = this.lastWaitingLog.get(migration)
    if (last !== undefined && this.now() - last < 10_000) return
    this.lastWaitingLog.set(migration, this.now())
    this.log(
      `⏳ \`${migration}\` is waiting for a lock (lock-timeout 0: no limit); it waits for ${describeSessions(blockers)}.`
    )
  }

  get all(): LockWait[] {
    return [...this.waits.values()]
  }

  /** Summary lines for the migrations that were applied after waiting. */
  appliedNotes(applied: string[]): string[] {
    return applied.flatMap((name) => {
      const wait = this.waits.get(name)
      if (!wait) return []
      const who = wait.blockers.length > 0 ? ` It waited for ${describeSessions(wait.blockers)}.` : ''
      return [
        `⏳ \`${name}\` was applied on attempt ${wait.blockedAttempts + 1}: ${wait.blockedAttempts} attempt${wait.blockedAttempts === 1 ? ' was' : 's were'} cancelled at lock_timeout first (nothing applied, no row left), over ${formatMs(wait.waitedMs)}.${who}`
      ]
    })
  }
}

/** Summary lines about what a failed migration left behind. */
export function afterFailureNotes(after: AfterFailure): string[] {
  const notes: string[] = []
  const committed = after.committedStatements
  if (after.state === 'pending') {
    notes.push(
      `\`${after.migration}\` is still pending: none of its statements was committed and no failed row was left.`
    )
  } else if (committed === 'none') {
    notes.push(
      `Committed statements of \`${after.migration}\`: none. ${after.invalidIndexes.length > 0 ? 'A failed CONCURRENTLY statement still leaves its INVALID index behind (below).' : 'PostgreSQL rolled back everything the file did.'}`
    )
  } else if (committed === 'unknown') {
    notes.push(
      `Committed statements of \`${after.migration}\`: unknown. The file does not run as one transaction (its own COMMIT, or a lone statement that commits as it goes), so part of it may be committed: inspect the database before resolving.`
    )
  } else {
    const list = committed.map((s) => `line ${s.line} ${dbText(s.text)}`).join('; ')
    notes.push(
      `Committed statements of \`${after.migration}\`: ${committed.length === 0 ? 'none' : list}. ${committed.length === 0 ? '' : after.execution === 'per-statement' ? 'They stay applied; the failing statement and the ones after it did not run.' : 'They stay applied; the rest was rolled back.'}`.trimEnd()
    )
  }
  for (const index of after.invalidIndexes) {
    notes.push(
      `⚠️ Line ${index.line} (${dbText(index.statement)}) left the INVALID index ${dbText(`${index.schema}.${index.name}`)} on ${dbText(index.table)}: queries do not use it, writes still maintain it, and re-running the migration fails with "already exists". ` +
        `Fix: run ${dbText(index.dropSql)} (with psql: it cannot run inside a transaction), then \`mode: migrate-resolve\` with \`resolve-rolled-back: ${after.migration}\`, then deploy again.`
    )
  }
  return notes
}

/** The JSON report's `lockSafety` section. */
export function lockSafetyReport(settings: LockSafetySettings, waits: LockWait[]): Record<string, unknown> {
  return {
    lockTimeoutMs: settings.lockTimeoutMs,
    statementTimeoutMs: settings.statementTimeoutMs,
    retryWindowMs: settings.retryWindowMs,
    waits
  }
}

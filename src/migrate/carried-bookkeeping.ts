/**
 * What Prisma ≤ 7.3's runner (whole-file-runner.ts) carries from one message to the next, so that the bookkeeping
 * of a migration on Prisma's protocol costs no round trip of its own: its finish (and the restore of a lifted
 * lock_timeout), committed at the start of the next message (`BEGIN; ...; COMMIT;`, on its own), and the started row
 * that a one-message migration committed for the migration after it. The finish is idempotent, so that it can be
 * sent again whenever it is not known whether it committed.
 */
import type pg from 'pg'
import { queryAll } from '../db/connect.js'
import { FINISHED_MARK, committedFirst, markedRows } from './fast-path.js'
import type { LockContext } from './lock-safety.js'
import type { LocalMigration } from './migrations-dir.js'
import type { AppliedMigration } from './prisma-errors.js'

/** A started row an earlier message committed, and whether that message lifted lock_timeout for it. */
export interface PreInsertedRow {
  name: string
  id: string
  startedAt: Date
  lockTimeoutLifted: boolean
}

export class CarriedBookkeeping {
  /** Bookkeeping to commit at the start of the next message: the finish of the last migration on Prisma's protocol. */
  private before: string[] = []
  private unfinished?: { migration: LocalMigration; id: string; durationMs: number }
  /** The started row the previous message committed for the next migration. */
  private preInserted?: PreInsertedRow

  constructor(
    private readonly client: pg.Client,
    private readonly applied: AppliedMigration[]
  ) {}

  /** The statements that wait, for a message that commits them first (`fastMessage`'s `before`). */
  get waiting(): string[] {
    return this.before
  }

  /** `BEGIN; <what waits>; COMMIT;`, or nothing: how the next message starts. */
  head(): string {
    return committedFirst(this.before)
  }

  /** Records the finish of the last migration on Prisma's protocol when a message's results show it committed. */
  confirm(results: pg.QueryResult | pg.QueryResult[]): void {
    const waiting = this.unfinished
    if (!waiting) {
      this.before = []
      return
    }
    const row = markedRows(results, FINISHED_MARK).find((r) => r.id === waiting.id)
    if (!row?.finishedAt) return
    this.applied.push({
      name: waiting.migration.name,
      checksum: waiting.migration.checksum ?? '',
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      durationMs: waiting.durationMs
    })
    this.unfinished = undefined
    this.before = []
  }

  /**
   * Commits what waits for the next message, with `extra` after it (the unlock, a read) in the same message;
   * nothing to send, nothing sent. Returns the message's results.
   */
  async settle(extra = '', types?: pg.CustomTypesConfig): Promise<pg.QueryResult[]> {
    if (this.before.length === 0 && !extra) return []
    const results = await queryAll(this.client, this.head() + extra, types)
    this.confirm(results)
    return results
  }

  /** A migration whose script ran alone: its finish (`statements`) waits for the next message. */
  defer(migration: LocalMigration, id: string, durationMs: number, statements: string[]): void {
    this.before.push(...statements)
    this.unfinished = { migration, id, durationMs }
  }

  /** Remembers the started row a message committed for the next migration. */
  preInsert(row: PreInsertedRow): void {
    this.preInserted = row
  }

  /** The started row the previous message committed for `name`, if any; asked once per migration. */
  takePreInserted(name: string): PreInsertedRow | undefined {
    const row = this.preInserted?.name === name ? this.preInserted : undefined
    this.preInserted = undefined
    return row
  }
}

/** What Prisma ≤ 7.3's two ways of sending a file share: the session, its lock safety, and the carried bookkeeping. */
export interface WholeFileContext {
  client: pg.Client
  lock: LockContext | undefined
  /** Each migration once it is known to be applied, in order. */
  applied: AppliedMigration[]
  carry: CarriedBookkeeping
}

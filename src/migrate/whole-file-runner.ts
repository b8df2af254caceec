/**
 * Prisma ≤ 7.3's whole-file strategy at one round trip per migration. A file that may travel with its row
 * (`fastPathBlocker`) is one message: row, script and finish, one transaction (one-message-runner.ts). Any other
 * file keeps Prisma's protocol (row committed before the script, script alone, then the finish:
 * prisma-protocol.ts), and its bookkeeping rides on the neighbouring messages instead of costing round trips of its
 * own (carried-bookkeeping.ts): its started row is committed with the previous migration's message when that one
 * travelled with its row, and its finish is committed at the start of the next message, which is sent as soon as
 * the script's answer arrives, exactly when Prisma would send its update.
 */
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { CarriedBookkeeping, type WholeFileContext } from './carried-bookkeeping.js'
import type { ExecutionPlan } from './execute.js'
import { fastPathBlocker } from './fast-path.js'
import { type LockContext, liftsLockTimeout } from './lock-safety.js'
import { type LocalMigration, type ReadableMigration, isReadable } from './migrations-dir.js'
import { type NextStartedRow, applyInOneMessage } from './one-message-runner.js'
import type { AppliedMigration } from './prisma-errors.js'
import { applyOnPrismaProtocol } from './prisma-protocol.js'
import { type ScriptShape, scriptShape } from './script-shape.js'

interface Classified {
  /** May travel with its row in one message (fast-path.ts). */
  fast: boolean
  shape?: ScriptShape
}

export class WholeFileRunner {
  private constructor(
    private readonly ctx: WholeFileContext,
    private readonly classified: ReadonlyMap<string, Classified>
  ) {}

  /** Reads each pending file once: whether it may travel with its row, and its shape. */
  static async prepare(
    client: pg.Client,
    lock: LockContext | undefined,
    applied: AppliedMigration[],
    pending: LocalMigration[],
    serverVersionNum: number
  ): Promise<WholeFileRunner> {
    const classified = new Map<string, Classified>()
    for (const migration of pending) {
      if (migration.script === null) continue
      const shape = await scriptShape(migration.script, serverVersionNum).catch(() => undefined)
      const fast =
        (await fastPathBlocker(migration.script, migration.name, serverVersionNum, shape)) === undefined
      classified.set(migration.name, { fast, shape })
    }
    const carry = new CarriedBookkeeping(client, applied)
    return new WholeFileRunner({ client, lock, applied, carry }, classified)
  }

  /** A lone CONCURRENTLY statement runs without the session's short lock_timeout. */
  private liftsLockTimeout(name: string): boolean {
    return liftsLockTimeout(this.ctx.lock?.options.policy, this.classified.get(name)?.shape)
  }

  /** The next migration's started row, when it keeps Prisma's protocol: committed with this migration's message. */
  private nextStartedRow(next: LocalMigration | undefined): NextStartedRow | undefined {
    if (!next || !isReadable(next)) return undefined
    if (this.classified.get(next.name)?.fast !== false) return undefined
    return {
      row: { id: randomUUID(), checksum: next.checksum, name: next.name },
      liftsLockTimeout: this.liftsLockTimeout(next.name)
    }
  }

  /** Applies `migration`; `next` is the migration after it, whose started row may ride on its message. */
  async apply(migration: ReadableMigration, plan: ExecutionPlan, next?: LocalMigration): Promise<void> {
    const classified = this.classified.get(migration.name)
    if (classified?.fast)
      await applyInOneMessage(this.ctx, migration, plan, {
        shape: classified.shape,
        next: this.nextStartedRow(next)
      })
    else
      await applyOnPrismaProtocol(this.ctx, migration, plan, {
        shape: classified?.shape,
        liftsLockTimeout: this.liftsLockTimeout(migration.name)
      })
  }

  /**
   * Commits what waits for the next message, with `extra` after it (the unlock, a read) in the same message;
   * nothing to send, nothing sent. Returns the message's results.
   */
  settle(extra = '', types?: pg.CustomTypesConfig): Promise<pg.QueryResult[]> {
    return this.ctx.carry.settle(extra, types)
  }
}

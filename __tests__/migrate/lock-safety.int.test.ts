/**
 * Lock safety on the real database (issue 9 §2, §4): a migration blocked by a real open transaction held by a
 * second client is cancelled at lock_timeout, retried, and applied once the blocker ends; the blockers are named;
 * retries that run out leave the migration pending with no row; non-atomic files are not retried; a lone
 * CONCURRENTLY statement runs without the short timeout; a failed CONCURRENTLY index is reported with its fix.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'
import { type DeployResult, MigrationRunError, deploy } from '../../src/migrate/deploy.js'
import type { BlockingSession } from '../../src/migrate/blockers.js'
import type { BlockedAttempt } from '../../src/migrate/lock-retry.js'
import { createTestDatabase, query, urlFor } from '../../__fixtures__/databases.js'
import {
  INIT,
  addMigration,
  folderOf,
  makeMigrationsDir,
  migrationRows,
  openSession,
  removeTempDirs
} from './helpers.js'

afterAll(removeTempDirs)

const INIT_NAME = '20240101000000_init'
const ADD_COLUMN = 'ALTER TABLE "User" ADD COLUMN "name" TEXT;\n'

interface Recorded {
  blocked: { migration: string; event: BlockedAttempt }[]
  samples: BlockingSession[][]
}

/** A deploy as migrate-deploy runs it: timeouts as startup options, the retry policy, the monitor. */
async function deployWithLockSafety(
  url: string,
  dir: string,
  policy: { lockTimeoutMs: number; retryWindowMs: number },
  recorded: Recorded = { blocked: [], samples: [] }
): Promise<DeployResult> {
  const options = policy.lockTimeoutMs > 0 ? { lock_timeout: String(policy.lockTimeoutMs) } : undefined
  const s = await openSession(url, options)
  try {
    return await deploy(s.client, await folderOf(dir), {
      connection: s.settings,
      lockSafety: {
        policy: { ...policy, baseDelayMs: 100, maxDelayMs: 400 },
        baseDir: process.cwd(),
        onBlocked: (migration, event) => {
          recorded.blocked.push({ migration, event })
        },
        onSample: (_migration, blockers) => {
          if (blockers.length > 0) recorded.samples.push(blockers)
        }
      }
    })
  } finally {
    await s.close()
  }
}

/** A second client that holds a lock on "User" in an open transaction, as a long report would. */
async function blocker(database: string, sql: string, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: urlFor(database), application_name: applicationName })
  await client.connect()
  await client.query('BEGIN')
  await client.query(sql)
  return client
}

async function pidOf(client: pg.Client): Promise<number> {
  return (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid
}

function releaseAfter(client: pg.Client, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      client
        .query('COMMIT')
        .then(() => client.end())
        .then(resolve, reject)
    }, ms)
  })
}

async function initialised(prefix: string): Promise<{ db: { name: string; url: string }; dir: string }> {
  const db = await createTestDatabase(prefix)
  const dir = makeMigrationsDir({ [INIT_NAME]: INIT })
  await deployWithLockSafety(db.url, dir, { lockTimeoutMs: 1000, retryWindowMs: 0 })
  await query(db.name, `INSERT INTO "User" ("email") SELECT 'u' || g FROM generate_series(1, 50) g`)
  return { db, dir }
}

async function columns(database: string, table: string): Promise<string[]> {
  const rows = await query<{ attname: string }>(
    database,
    `SELECT attname FROM pg_attribute WHERE attrelid = '"${table}"'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`
  )
  return rows.map((r) => r.attname)
}

describe('a migration blocked by an open transaction', () => {
  it('is cancelled at lock_timeout, retried, applied once the blocker ends, with one clean row and the blocker named', async () => {
    const { db, dir } = await initialised('ls_retry')
    addMigration(dir, '20240102000000_add_name', ADD_COLUMN)
    const holder = await blocker(db.name, 'SELECT count(*) FROM "User"', 'nightly-report')
    const holderPid = await pidOf(holder)
    const released = releaseAfter(holder, 1500)
    const recorded: Recorded = { blocked: [], samples: [] }
    const result = await deployWithLockSafety(
      db.url,
      dir,
      { lockTimeoutMs: 200, retryWindowMs: 20_000 },
      recorded
    )
    await released
    expect(result.applied.map((m) => m.name)).toEqual(['20240102000000_add_name'])
    expect(await columns(db.name, 'User')).toContain('name')
    // Blocked at least once, each time with the holder named (pid, application_name), never its query.
    expect(recorded.blocked.length).toBeGreaterThanOrEqual(1)
    const named = recorded.blocked.flatMap((b) => b.event.blockers)
    expect(named).toContainEqual(
      expect.objectContaining({
        pid: holderPid,
        applicationName: 'nightly-report',
        state: 'idle in transaction'
      })
    )
    expect(JSON.stringify(recorded)).not.toContain('count(*)')
    expect(recorded.blocked.every((b) => b.event.retryInMs !== undefined)).toBe(true)
    // Exactly one row for it, finished, as Prisma writes it; no trace of the cancelled attempts.
    const rows = (await migrationRows(db.name)).filter((r) => r.migration_name === '20240102000000_add_name')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 })
    expect(rows[0].finished_at).not.toBeNull()
  })

  it('retries that run out: the migration stays pending with no row, later ones are not attempted, and the error names the blocker', async () => {
    const { db, dir } = await initialised('ls_exhaust')
    addMigration(dir, '20240102000000_add_name', ADD_COLUMN)
    addMigration(dir, '20240103000000_later', 'CREATE TABLE "Later" ("id" INT);\n')
    const holder = await blocker(db.name, 'SELECT count(*) FROM "User"', 'stuck-report')
    const holderPid = await pidOf(holder)
    try {
      const error = await deployWithLockSafety(db.url, dir, { lockTimeoutMs: 200, retryWindowMs: 800 }).catch(
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(MigrationRunError)
      const failure = error as MigrationRunError
      expect(failure.code).toBeUndefined()
      expect(failure.failedMigration).toBe('20240102000000_add_name')
      expect(failure.message).toContain('could not get its locks')
      expect(failure.message).toContain('still pending (no failed row is left behind)')
      expect(failure.message).toContain(`pid ${holderPid},`)
      expect(failure.message).toContain('application_name `stuck-report`')
      expect(failure.afterFailure).toMatchObject({
        migration: '20240102000000_add_name',
        state: 'pending',
        committedStatements: 'none',
        invalidIndexes: []
      })
      expect(failure.afterFailure?.blockers.map((b) => b.applicationName)).toEqual(['stuck-report'])
      const names = (await migrationRows(db.name)).map((r) => r.migration_name)
      expect(names).toEqual([INIT_NAME])
      expect(await columns(db.name, 'User')).not.toContain('name')
      const later = await query(db.name, `SELECT to_regclass('"Later"') AS t`)
      expect(later).toEqual([{ t: null }])
    } finally {
      await holder.query('ROLLBACK')
      await holder.end()
    }
  })

  it('lock-timeout 0 sets none and waits, naming the blocker while it waits', async () => {
    const { db, dir } = await initialised('ls_wait')
    addMigration(dir, '20240102000000_add_name', ADD_COLUMN)
    const holder = await blocker(db.name, 'SELECT count(*) FROM "User"', 'slow-report')
    const released = releaseAfter(holder, 2500)
    const recorded: Recorded = { blocked: [], samples: [] }
    const result = await deployWithLockSafety(
      db.url,
      dir,
      { lockTimeoutMs: 0, retryWindowMs: 60_000 },
      recorded
    )
    await released
    expect(result.applied).toHaveLength(1)
    expect(recorded.blocked).toEqual([])
    expect(recorded.samples.flat().map((b) => b.applicationName)).toContain('slow-report')
    expect((await migrationRows(db.name)).filter((r) => r.finished_at === null)).toEqual([])
  })
})

describe('bookkeeping', () => {
  it("the session's short lock_timeout does not apply to the row's updates: an applied migration is never recorded failed for waiting", async () => {
    const { db, dir } = await initialised('ls_books')
    addMigration(dir, '20240102000000_slow', `${ADD_COLUMN}SELECT pg_sleep(1);\n`)
    const deploying = deployWithLockSafety(db.url, dir, { lockTimeoutMs: 200, retryWindowMs: 0 })
    // While the script sleeps (its row already committed), another session locks the history table.
    for (let i = 0; i < 400; i++) {
      const sleeping = await query(
        db.name,
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`
      )
      if (sleeping.length > 0) break
      await new Promise((r) => setTimeout(r, 10))
    }
    const holder = await blocker(db.name, 'LOCK TABLE "_prisma_migrations" IN SHARE MODE', 'auditor')
    const released = releaseAfter(holder, 1500)
    const result = await deploying
    await released
    expect(result.applied.map((m) => m.name)).toEqual(['20240102000000_slow'])
    const row = (await migrationRows(db.name)).find((r) => r.migration_name === '20240102000000_slow')
    expect(row?.finished_at).not.toBeNull()
    expect(row?.applied_steps_count).toBe(1)
  })
})

describe('statement-timeout', () => {
  it('bounds how long a migration file may run: a longer one fails as P3018 (57014) and nothing of it stays', async () => {
    const { db, dir } = await initialised('ls_stmt')
    addMigration(dir, '20240102000000_slow', `${ADD_COLUMN}SELECT pg_sleep(3);\n`)
    const s = await openSession(db.url, { lock_timeout: '1000', statement_timeout: '300' })
    try {
      const error = (await deploy(s.client, await folderOf(dir), {
        connection: s.settings,
        lockSafety: {
          policy: { lockTimeoutMs: 1000, retryWindowMs: 10_000, baseDelayMs: 100, maxDelayMs: 400 },
          baseDir: process.cwd()
        }
      }).catch((e: unknown) => e)) as MigrationRunError
      expect(error.code).toBe('P3018')
      expect(error.message).toContain('Database error code: 57014')
      expect(error.afterFailure).toMatchObject({ state: 'failed', committedStatements: 'none' })
    } finally {
      await s.close()
    }
    expect(await columns(db.name, 'User')).not.toContain('name')
  })
})

describe('files a lock timeout cannot simply retry', () => {
  it('a file with its own COMMIT before the end is not retried: P3018, failed row, blockers named', async () => {
    const { db, dir } = await initialised('ls_commit')
    addMigration(
      dir,
      '20240102000000_two_parts',
      'CREATE TABLE "PartOne" ("id" INT);\nCOMMIT;\nALTER TABLE "User" ADD COLUMN "name" TEXT;\n'
    )
    const holder = await blocker(db.name, 'SELECT count(*) FROM "User"', 'report-x')
    try {
      const error = (await deployWithLockSafety(db.url, dir, {
        lockTimeoutMs: 200,
        retryWindowMs: 10_000
      }).catch((e: unknown) => e)) as MigrationRunError
      expect(error.code).toBe('P3018')
      expect(error.message).toContain('Database error code: 55P03')
      expect(error.afterFailure).toMatchObject({ state: 'failed', committedStatements: 'unknown' })
      expect(error.afterFailure?.blockers.map((b) => b.applicationName)).toEqual(['report-x'])
      // The part before the COMMIT did commit: this is why it is not retried.
      expect(await query(db.name, `SELECT to_regclass('"PartOne"')::text AS t`)).toEqual([{ t: '"PartOne"' }])
      const row = (await migrationRows(db.name)).find((r) => r.migration_name === '20240102000000_two_parts')
      expect(row).toMatchObject({ finished_at: null, rolled_back_at: null })
    } finally {
      await holder.query('ROLLBACK')
      await holder.end()
    }
  })

  it('knows which statements a COMMIT inside the file committed when PostgreSQL names the failing one', async () => {
    const { db, dir } = await initialised('ls_committed')
    addMigration(
      dir,
      '20240102000000_partial',
      'CREATE TABLE "A1" ("id" INT);\nBEGIN;\nCREATE TABLE "A2" ("id" INT);\nCOMMIT;\nCREATE TABLE "A3" ("id" INT);\nSELECT * FROM "Nope";\n'
    )
    const error = (await deployWithLockSafety(db.url, dir, { lockTimeoutMs: 1000, retryWindowMs: 0 }).catch(
      (e: unknown) => e
    )) as MigrationRunError
    expect(error.code).toBe('P3018')
    expect(error.afterFailure?.committedStatements).toEqual([
      { line: 1, text: 'CREATE TABLE "A1" ("id" INT)' },
      { line: 3, text: 'CREATE TABLE "A2" ("id" INT)' }
    ])
    const exists = await query<{ a1: string | null; a2: string | null; a3: string | null }>(
      db.name,
      `SELECT to_regclass('"A1"')::text AS a1, to_regclass('"A2"')::text AS a2, to_regclass('"A3"')::text AS a3`
    )
    expect(exists).toEqual([{ a1: '"A1"', a2: '"A2"', a3: null }])
  })

  it('an ordinary failure of a one-transaction file: committed statements "none"', async () => {
    const { db, dir } = await initialised('ls_none')
    addMigration(
      dir,
      '20240102000000_broken',
      'CREATE TABLE "B" ("id" INT);\nALTER TABLE "Nope" ADD COLUMN "x" INT;\n'
    )
    const error = (await deployWithLockSafety(db.url, dir, { lockTimeoutMs: 1000, retryWindowMs: 0 }).catch(
      (e: unknown) => e
    )) as MigrationRunError
    expect(error.afterFailure).toMatchObject({
      state: 'failed',
      committedStatements: 'none',
      invalidIndexes: []
    })
  })
})

describe('CREATE INDEX CONCURRENTLY', () => {
  it('a lone CONCURRENTLY statement runs without the short lock_timeout: it waits for a writing transaction instead of leaving an INVALID index', async () => {
    const { db, dir } = await initialised('ls_cic')
    addMigration(
      dir,
      '20240102000000_idx',
      'CREATE INDEX CONCURRENTLY "User_email_idx" ON "User" ("email");\n'
    )
    const writer = await blocker(db.name, `INSERT INTO "User" ("email") VALUES ('w')`, 'writer')
    const released = releaseAfter(writer, 1200)
    const result = await deployWithLockSafety(db.url, dir, { lockTimeoutMs: 200, retryWindowMs: 0 })
    await released
    expect(result.applied).toHaveLength(1)
    const index = await query<{ indisvalid: boolean }>(
      db.name,
      `SELECT indisvalid FROM pg_index WHERE indexrelid = '"User_email_idx"'::regclass`
    )
    expect(index).toEqual([{ indisvalid: true }])
    // The session's lock_timeout is back to the startup option for later migrations.
    addMigration(dir, '20240103000000_add_name', ADD_COLUMN)
    const holder = await blocker(db.name, 'SELECT 1 FROM "User" LIMIT 1', 'later-report')
    try {
      const error = (await deployWithLockSafety(db.url, dir, { lockTimeoutMs: 200, retryWindowMs: 0 }).catch(
        (e: unknown) => e
      )) as MigrationRunError
      expect(error.afterFailure?.state).toBe('pending')
    } finally {
      await holder.query('ROLLBACK')
      await holder.end()
    }
  })

  it('a failed CREATE UNIQUE INDEX CONCURRENTLY: the INVALID index it left is reported with the SQL that removes it', async () => {
    const { db, dir } = await initialised('ls_invalid')
    await query(db.name, `INSERT INTO "User" ("email") VALUES ('dup'), ('dup')`)
    addMigration(
      dir,
      '20240102000000_unique_email',
      'CREATE UNIQUE INDEX CONCURRENTLY "User_email_key" ON "User" ("email");\n'
    )
    const error = (await deployWithLockSafety(db.url, dir, { lockTimeoutMs: 1000, retryWindowMs: 0 }).catch(
      (e: unknown) => e
    )) as MigrationRunError
    expect(error.code).toBe('P3018')
    expect(error.message).toContain('Database error code: 23505')
    expect(error.afterFailure).toMatchObject({
      state: 'failed',
      committedStatements: 'none',
      invalidIndexes: [
        {
          schema: 'public',
          name: 'User_email_key',
          table: 'User',
          line: 1,
          dropSql: 'DROP INDEX CONCURRENTLY IF EXISTS "public"."User_email_key";'
        }
      ]
    })
    // The fix works as written.
    await query(db.name, error.afterFailure!.invalidIndexes[0].dropSql)
    expect(await query(db.name, `SELECT to_regclass('"User_email_key"') AS i`)).toEqual([{ i: null }])
  })
})

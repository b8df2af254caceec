import { afterAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { PRISMA_ADVISORY_LOCK_KEY } from '../../src/constants.js'
import { MigrationRunError, deploy } from '../../src/migrate/deploy.js'
import { createTestDatabase, query, urlFor } from '../../__fixtures__/databases.js'
import {
  INIT,
  folderOf,
  makeMigrationsDir,
  migrationRows,
  openSession,
  prisma,
  removeTempDirs,
  tablesIn
} from './helpers.js'

afterAll(removeTempDirs)

async function deployOnce(
  url: string,
  dir: string,
  lockTimeoutMs?: number
): Promise<Awaited<ReturnType<typeof deploy>>> {
  const session = await openSession(url)
  try {
    return await deploy(session.client, await folderOf(dir), { connection: session.settings, lockTimeoutMs })
  } finally {
    await session.close()
  }
}

async function holdLock(database: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: urlFor(database) })
  await client.connect()
  await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`)
  return client
}

describe('advisory lock 72707369', () => {
  it('three deploys started at once apply each migration exactly once', async () => {
    const db = await createTestDatabase('cc_three')
    const migrations: Record<string, string> = {}
    for (let i = 1; i <= 4; i++)
      migrations[`2024010${i}000000_m${i}`] = `CREATE TABLE "T${i}" ("id" INT);\nSELECT pg_sleep(0.1);\n`
    const dir = makeMigrationsDir(migrations)
    const results = await Promise.all([
      deployOnce(db.url, dir),
      deployOnce(db.url, dir),
      deployOnce(db.url, dir)
    ])
    const appliedNames = results.flatMap((r) => r.applied.map((a) => a.name)).sort()
    expect(appliedNames).toEqual(Object.keys(migrations))
    expect(results.filter((r) => r.alreadyUpToDate)).toHaveLength(2)
    const counts = await query<{ migration_name: string; n: string }>(
      db.name,
      'SELECT migration_name, count(*) AS n FROM _prisma_migrations GROUP BY 1 ORDER BY 1'
    )
    expect(counts).toEqual(Object.keys(migrations).map((name) => ({ migration_name: name, n: '1' })))
  })

  it('times out with P1002 and Prisma context when another session holds the lock', async () => {
    const db = await createTestDatabase('cc_timeout')
    const holder = await holdLock(db.name)
    try {
      const started = Date.now()
      const error = await deployOnce(db.url, makeMigrationsDir({ '20240101000000_init': INIT }), 300).catch(
        (e: unknown) => e
      )
      expect(Date.now() - started).toBeLessThan(5000)
      expect(error).toBeInstanceOf(MigrationRunError)
      expect(error).toMatchObject({ code: 'P1002', applied: [] })
      expect((error as Error).message).toContain(
        'Context: Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(72707369)). Timeout: 300ms. See https://pris.ly/d/migrate-advisory-locking for details.'
      )
      expect((error as Error).message).toMatch(/^The database server was reached but timed out\./)
      expect(await tablesIn(db.name)).toEqual([])
    } finally {
      await holder.end()
    }
  })

  it('releases the lock when done, and honours PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK', async () => {
    const db = await createTestDatabase('cc_release')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT })
    const session = await openSession(db.url)
    try {
      await deploy(session.client, await folderOf(dir), { connection: session.settings })
      const held = await query(
        db.name,
        // this database only: other test files hold the same key in their own databases meanwhile
        `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = ${PRISMA_ADVISORY_LOCK_KEY} AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`
      )
      expect(held).toEqual([])
    } finally {
      await session.close()
    }
    const holder = await holdLock(db.name)
    process.env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK = '1'
    try {
      expect((await deployOnce(db.url, dir, 300)).alreadyUpToDate).toBe(true)
      process.env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK = '0'
      await expect(deployOnce(db.url, dir, 300)).rejects.toMatchObject({ code: 'P1002' })
    } finally {
      delete process.env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK
      await holder.end()
    }
  })
})

/** The backend running a query that contains `marker` (once it runs). */
async function backendRunning(database: string, marker: string): Promise<number | undefined> {
  for (let i = 0; i < 400; i++) {
    const rows = await query<{ pid: number }>(
      database,
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND position($1 in query) > 0 AND pid <> pg_backend_pid()`,
      [marker]
    )
    if (rows[0]) return rows[0].pid
    await new Promise((r) => setTimeout(r, 25))
  }
  return undefined
}

describe('connection killed in the middle of a migration', () => {
  it('a file that travels with its row (one transaction) leaves no row: pending for us and for Prisma, and the next deploy applies it', async () => {
    const db = await createTestDatabase('cc_kill')
    const dir = makeMigrationsDir({
      '20240101000000_init': INIT,
      '20240102000000_slow': 'CREATE TABLE "Slow" ("id" INT);\nSELECT pg_sleep(30);\n'
    })
    const running = deployOnce(db.url, dir).catch((e: unknown) => e)
    const pid = await backendRunning(db.name, 'pg_sleep(30)')
    expect(pid).toBeDefined()
    await query(db.name, 'SELECT pg_terminate_backend($1)', [pid])
    const error = await running
    expect(error).toBeInstanceOf(MigrationRunError)
    expect(error).toMatchObject({
      code: 'P3018',
      failedMigration: '20240102000000_slow',
      rowWithScript: true
    })
    expect((error as MigrationRunError).applied.map((a) => a.name)).toEqual(['20240101000000_init'])
    expect((error as Error).message).toContain('The connection was lost')
    expect((error as Error).message).toContain('either all of it was committed')

    // Nothing of it, not even a row: never a row that claims success, and no failed row that blocks deploys.
    const rows = await migrationRows(db.name)
    expect(rows.map((r) => r.migration_name)).toEqual(['20240101000000_init'])
    expect(await tablesIn(db.name)).toEqual(['User', '_prisma_migrations'])
    const oracle = await prisma(['migrate', 'status'], { url: db.url, migrationsPath: dir })
    expect(oracle.code).toBe(1)
    expect(oracle.stdout).toContain('Following migration have not yet been applied:\n20240102000000_slow')

    writeFileSync(join(dir, '20240102000000_slow', 'migration.sql'), 'CREATE TABLE "Slow" ("id" INT);\n')
    expect((await deployOnce(db.url, dir)).applied.map((a) => a.name)).toEqual(['20240102000000_slow'])
    expect((await prisma(['migrate', 'status'], { url: db.url, migrationsPath: dir })).code).toBe(0)
  }, 120_000)

  it("a file on Prisma's protocol (its own BEGIN/COMMIT) leaves the failed state Prisma would leave; our deploy and Prisma deploy then both say P3009", async () => {
    const db = await createTestDatabase('cc_kill_tx')
    const dir = makeMigrationsDir({
      '20240101000000_init': INIT,
      '20240102000000_slow': 'BEGIN;\nCREATE TABLE "Slow" ("id" INT);\nSELECT pg_sleep(30);\nCOMMIT;\n'
    })
    const running = deployOnce(db.url, dir).catch((e: unknown) => e)
    const pid = await backendRunning(db.name, 'pg_sleep(30)')
    expect(pid).toBeDefined()
    await query(db.name, 'SELECT pg_terminate_backend($1)', [pid])
    const error = await running
    expect(error).toBeInstanceOf(MigrationRunError)
    expect(error).toMatchObject({ code: 'P3018', failedMigration: '20240102000000_slow' })
    expect((error as MigrationRunError).rowWithScript).toBeUndefined()
    expect((error as MigrationRunError).applied.map((a) => a.name)).toEqual(['20240101000000_init'])
    expect((error as Error).message).toContain('The connection was lost')

    const rows = await migrationRows(db.name)
    expect(rows.map((r) => r.migration_name)).toEqual(['20240101000000_init', '20240102000000_slow'])
    expect(rows[1]).toMatchObject({
      finished_at: null,
      rolled_back_at: null,
      applied_steps_count: 0,
      logs: null
    })
    expect(await tablesIn(db.name)).toEqual(['User', '_prisma_migrations'])

    await expect(deployOnce(db.url, dir)).rejects.toMatchObject({ code: 'P3009' })
    const oracle = await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
    expect(oracle.code).toBe(1)
    expect(oracle.stderr).toContain('P3009')
    expect(oracle.stderr).toContain('The `20240102000000_slow` migration started at')
    expect(await migrationRows(db.name)).toEqual(rows)
  }, 120_000)
})

/**
 * Lock safety through dist/index.js, as a runner runs it (issue 9 §2-§4), with real sessions in the way: a report
 * transaction held open by a second client, the application's reads from a third client measured while the deploy
 * runs, a `psql` holding Prisma's migrate lock, and a CONCURRENTLY index that fails.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { createTestDatabase, query, serverPassword, urlFor } from '../../__fixtures__/databases.js'
import { addMigration, writeMigrations } from '../../__fixtures__/projects.js'
import { runAction, secretForms, type ActionRun } from '../../__fixtures__/run-action.mjs'

const INIT =
  'CREATE TABLE "Account" (\n    "id" SERIAL NOT NULL,\n    "email" TEXT NOT NULL,\n\n    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")\n);\n'
const ADD_NOTE = 'ALTER TABLE "Account" ADD COLUMN "note" TEXT;\n'
const PSQL_BIN = process.env.PG_TEST_CLUSTER_BIN ? join(process.env.PG_TEST_CLUSTER_BIN, 'psql') : 'psql'

const workspaces: string[] = []
const runs: ActionRun[] = []

afterAll(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true })
})

function workspace(migrations: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-lock-'))
  workspaces.push(dir)
  return writeMigrations(dir, migrations)
}

async function deployRun(url: string, dir: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction({
    inputs: { mode: 'migrate-deploy', 'database-url': url, ...inputs },
    workspace: dir
  })
  runs.push(run)
  return run
}

/** A deployed database with rows in "Account", and the workspace that deployed it. */
async function deployed(prefix: string): Promise<{ db: { name: string; url: string }; dir: string }> {
  const db = await createTestDatabase(prefix)
  const dir = workspace({ '20240101000000_init': INIT })
  const run = await deployRun(db.url, dir)
  expect(run.exitCode).toBe(0)
  await query(
    db.name,
    `INSERT INTO "Account" ("email") SELECT 'user' || g || '@example.com' FROM generate_series(1, 200) g`
  )
  return { db, dir }
}

async function client(database: string, applicationName: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: urlFor(database), application_name: applicationName })
  await c.connect()
  return c
}

async function pidOf(c: pg.Client): Promise<number> {
  return (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid
}

/** The application: plain reads of "Account" in a loop, each one timed, until stopped. */
function applicationReads(c: pg.Client): { stop: () => Promise<number[]> } {
  let running = true
  const waits: number[] = []
  const loop = (async () => {
    while (running) {
      const start = performance.now()
      await c.query('SELECT count(*) FROM "Account"')
      waits.push(performance.now() - start)
      await new Promise((r) => setTimeout(r, 10))
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return waits
    }
  }
}

/** Resolves once the action's session waits for a heavyweight lock in `database`. */
async function deployWaitingForLock(database: string, deadlineMs = 60_000): Promise<void> {
  const until = Date.now() + deadlineMs
  while (Date.now() < until) {
    const rows = await query(
      database,
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'prisma-postgres-ops-action' AND wait_event_type = 'Lock'`
    )
    if (rows.length > 0) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error('the deploy never waited for a lock')
}

async function migrationRows(database: string): Promise<
  {
    migration_name: string
    finished_at: Date | null
    rolled_back_at: Date | null
    logs: string | null
    applied_steps_count: number
  }[]
> {
  return query(database, 'SELECT * FROM "_prisma_migrations" ORDER BY started_at')
}

describe('dist/index.js, migrate-deploy behind a blocking transaction', () => {
  beforeAll(() => {
    expect(serverPassword()).not.toBe('')
  })

  it('the application never waits longer than lock-timeout + 1 s; the deploy succeeds once the blocker ends; the blocker is named; exactly one clean row', async () => {
    const { db, dir } = await deployed('e2e_lock_ok')
    addMigration(dir, '20240102000000_account_note', ADD_NOTE)
    const report = await client(db.name, 'nightly-report')
    await report.query('BEGIN')
    await report.query('SELECT count(*) FROM "Account"')
    const reportPid = await pidOf(report)
    const app = await client(db.name, 'web-app')
    const reads = applicationReads(app)
    try {
      const run = deployRun(db.url, dir) // default lock-timeout (1s) and lock-retry-window
      await deployWaitingForLock(db.name)
      // Long enough for at least one attempt to be cancelled at the 1 s lock_timeout, then the report ends.
      await new Promise((r) => setTimeout(r, 2500))
      await report.query('COMMIT')
      const result = await run
      const waits = await reads.stop()

      expect(result.exitCode).toBe(0)
      expect(result.outputs['applied-count']).toBe('1')
      expect(result.outputs.status).toBe('up-to-date')
      // The property: reads queue behind the pending ALTER, but never longer than lock_timeout (+ a little).
      const longest = Math.max(...waits)
      expect(longest).toBeLessThanOrEqual(1000 + 1000)
      expect(longest).toBeGreaterThan(200) // they did queue: the bound above is not vacuous
      // The blocker is named, in the log and the summary (as markdown: `_` escaped), without its query.
      for (const [text, word] of [
        [result.stdout, 'application_name'],
        [result.summary, 'application\\_name']
      ]) {
        expect(text).toContain(`pid ${reportPid},`)
        expect(text).toContain(`${word} \`nightly-report\``)
      }
      expect(result.stdout).toContain('cancelled at lock_timeout (1.0 s), nothing applied')
      expect(result.everything).not.toContain('SELECT count(*)')
      expect(result.report).toMatchObject({
        lockSafety: { lockTimeoutMs: 1000, statementTimeoutMs: 0, retryWindowMs: 60_000 },
        afterFailure: null
      })
      const wait = (
        result.report as { lockSafety: { waits: { migration: string; blockers: { pid: number }[] }[] } }
      ).lockSafety.waits
      expect(wait.map((w) => w.migration)).toEqual(['20240102000000_account_note'])
      expect(wait[0].blockers.map((b) => b.pid)).toContain(reportPid)
      // Exactly one row for the migration, clean, as Prisma writes it.
      const rows = (await migrationRows(db.name)).filter(
        (r) => r.migration_name === '20240102000000_account_note'
      )
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 })
      expect(rows[0].finished_at).not.toBeNull()
    } finally {
      await reads.stop()
      await app.end()
      await report.end()
    }
  })

  it('retries that run out: the step fails, the migration is still pending, no failed row, and it says so naming the blocker', async () => {
    const { db, dir } = await deployed('e2e_lock_out')
    addMigration(dir, '20240102000000_account_note', ADD_NOTE)
    const report = await client(db.name, 'stuck-report')
    await report.query('BEGIN')
    await report.query('SELECT count(*) FROM "Account"')
    const reportPid = await pidOf(report)
    try {
      const run = await deployRun(db.url, dir, { 'lock-timeout': '500ms', 'lock-retry-window': '2s' })
      expect(run.exitCode).toBe(1)
      expect(run.outputs.status).toBe('pending')
      expect(JSON.parse(run.outputs['pending-migrations'])).toEqual(['20240102000000_account_note'])
      expect(JSON.parse(run.outputs['failed-migrations'])).toEqual([])
      expect(run.stdout).toContain('could not get its locks')
      expect(run.stdout).toContain('still pending (no failed row is left behind)')
      expect(run.summary).toContain(
        'is still pending: none of its statements was committed and no failed row was left'
      )
      expect(run.summary).toContain(`pid ${reportPid},`)
      expect(run.summary).toContain('application\\_name `stuck-report`')
      expect(run.report).toMatchObject({
        outcome: 'failure',
        afterFailure: {
          migration: '20240102000000_account_note',
          state: 'pending',
          committedStatements: 'none'
        }
      })
      expect((await migrationRows(db.name)).map((r) => r.migration_name)).toEqual(['20240101000000_init'])
      // A later deploy, once the blocker is gone, applies it normally.
      await report.query('ROLLBACK')
      const again = await deployRun(db.url, dir)
      expect(again.exitCode).toBe(0)
      expect(again.outputs['applied-count']).toBe('1')
    } finally {
      await report.end()
    }
  })

  it('lock-timeout 0: no timeout is set, the deploy waits for the blocker (and so do the reads), naming it while it waits', async () => {
    const { db, dir } = await deployed('e2e_lock_wait')
    addMigration(dir, '20240102000000_account_note', ADD_NOTE)
    const report = await client(db.name, 'long-report')
    await report.query('BEGIN')
    await report.query('SELECT count(*) FROM "Account"')
    const reportPid = await pidOf(report)
    const app = await client(db.name, 'web-app')
    const reads = applicationReads(app)
    try {
      const run = deployRun(db.url, dir, { 'lock-timeout': '0' })
      await deployWaitingForLock(db.name)
      await new Promise((r) => setTimeout(r, 3000))
      await report.query('COMMIT')
      const result = await run
      const waits = await reads.stop()
      expect(result.exitCode).toBe(0)
      expect(result.outputs['applied-count']).toBe('1')
      expect(result.stdout).not.toContain('cancelled at lock_timeout')
      expect(result.stdout).toContain(
        `is waiting for a lock (lock-timeout 0: no limit); it waits for pid ${reportPid},`
      )
      // Prisma's behaviour: the application's reads wait as long as the blocker lasts.
      expect(Math.max(...waits)).toBeGreaterThan(2500)
    } finally {
      await reads.stop()
      await app.end()
      await report.end()
    }
  })
})

describe('dist/index.js, a blocker with a hostile application_name', () => {
  it('is named inside a code span: no runner command, no HTML, no mention can come out of it', async () => {
    const { db, dir } = await deployed('e2e_lock_hostile')
    addMigration(dir, '20240102000000_account_note', ADD_NOTE)
    const hostile = '##[error]pwned ::warning::x `</code><img src=x>@octocat'
    const report = await client(db.name, hostile)
    await report.query('BEGIN')
    await report.query('SELECT count(*) FROM "Account"')
    try {
      const run = await deployRun(db.url, dir, { 'lock-timeout': '300ms', 'lock-retry-window': '0' })
      expect(run.exitCode).toBe(1)
      const span = '`##[error]pwned ::warning::x \\u0060</code><img src=x>@octocat`'
      expect(run.summary).toContain(`application\\_name ${span}`)
      expect(run.summary).not.toMatch(/<img src=x>@octocat(?!`)/)
      // In the log the runner would read neither a legacy ##[ command nor a :: line.
      // (The step's own ::error:: annotation carries it as data: the runner parses that line as the ::error::
      // command, not as a legacy ##[ one.)
      const lines = run.stdout.split('\n')
      expect(
        lines.filter((line) => line.includes('##[error]pwned') && !line.startsWith('::error::'))
      ).toEqual([])
      expect(lines.some((line) => /^\s*::warning::x/.test(line))).toBe(false)
      expect(run.stdout).toContain('pwned ::warning::x')
    } finally {
      await report.end()
    }
  })
})

describe("dist/index.js, Prisma's migrate lock held by psql", () => {
  let holder: ChildProcess | undefined
  afterAll(() => {
    holder?.kill()
  })

  it('fails with P1002 after 10 s naming the holder, not "Client was closed"', async () => {
    const db = await createTestDatabase('e2e_lock_p1002')
    const dir = workspace({ '20240101000000_init': INIT })
    const url = new URL(urlFor(db.name))
    holder = spawn(
      PSQL_BIN,
      ['-X', '-q', '-c', 'SELECT pg_advisory_lock(72707369)', '-c', 'SELECT pg_sleep(120)'],
      {
        env: {
          PATH: process.env.PATH,
          PGHOST: url.hostname,
          PGPORT: url.port,
          PGUSER: decodeURIComponent(url.username),
          PGPASSWORD: serverPassword(),
          PGDATABASE: db.name,
          PGAPPNAME: 'lock-holder'
        },
        stdio: 'ignore'
      }
    )
    let holderPid: number | undefined
    for (let i = 0; i < 200 && holderPid === undefined; i++) {
      const rows = await query<{ pid: number }>(
        db.name,
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`
      )
      holderPid = rows[0]?.pid
      if (holderPid === undefined) await new Promise((r) => setTimeout(r, 50))
    }
    expect(holderPid).toBeDefined()
    try {
      const run = await deployRun(db.url, dir)
      expect(run.exitCode).toBe(1)
      expect(run.everything).not.toContain('Client was closed')
      expect(run.report).toMatchObject({ outcome: 'failure', error: { code: 'P1002' } })
      // The same text in the log and, as markdown (`_` escaped), in the summary.
      for (const [text, md] of [
        [run.stdout, (t: string) => t],
        [run.summary, (t: string) => t.replace(/_/g, '\\_')]
      ] as const) {
        expect(text).toContain('P1002')
        expect(text).toContain(
          md(
            'Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(72707369)). Timeout: 10000ms.'
          )
        )
        expect(text).toContain(`pid ${holderPid},`)
        expect(text).toContain(`${md('application_name')} \`lock-holder\``)
      }
      expect(run.outputs.status).toBe('pending')
      expect(await query(db.name, `SELECT to_regclass('"Account"') AS t`)).toEqual([{ t: null }])
    } finally {
      holder.kill()
      await query(db.name, 'SELECT pg_terminate_backend($1)', [holderPid])
    }
  }, 90_000)
})

describe('dist/index.js, a failed CREATE INDEX CONCURRENTLY', () => {
  it('reports the INVALID index it left with its fix, and that nothing else was committed', async () => {
    const { db, dir } = await deployed('e2e_lock_invalid')
    await query(
      db.name,
      `INSERT INTO "Account" ("email") VALUES ('twice@example.com'), ('twice@example.com')`
    )
    addMigration(
      dir,
      '20240102000000_unique_email',
      'CREATE UNIQUE INDEX CONCURRENTLY "Account_email_key" ON "Account" ("email");\n'
    )
    const run = await deployRun(db.url, dir)
    expect(run.exitCode).toBe(1)
    expect(JSON.parse(run.outputs['failed-migrations'])).toEqual(['20240102000000_unique_email'])
    expect(run.summary).toContain('Committed statements of `20240102000000_unique_email`: none.')
    expect(run.summary).toContain('left the INVALID index `public.Account_email_key` on `Account`')
    expect(run.summary).toContain('`DROP INDEX CONCURRENTLY IF EXISTS "public"."Account_email_key";`')
    expect(run.summary).toContain('`resolve-rolled-back: 20240102000000_unique_email`')
    expect(run.report).toMatchObject({
      afterFailure: {
        state: 'failed',
        committedStatements: 'none',
        invalidIndexes: [
          {
            schema: 'public',
            name: 'Account_email_key',
            table: 'Account',
            dropSql: 'DROP INDEX CONCURRENTLY IF EXISTS "public"."Account_email_key";'
          }
        ]
      }
    })
  })
})

describe('secrets', () => {
  it('no run above printed the password in any form', () => {
    expect(runs.length).toBeGreaterThanOrEqual(10)
    for (const run of runs)
      for (const form of secretForms(serverPassword())) expect(run.everything).not.toContain(form)
  })
})

/**
 * Deploy at one round trip per migration (issue 10), on the real database: a file PostgreSQL runs as one
 * transaction travels with its row in one message; other files keep Prisma's protocol with their bookkeeping on
 * the neighbouring messages. Round trips are counted at the latency proxy (exchanges of the deploy's own
 * connection, no timing); the rows are compared with what the real Prisma 6.19 CLI writes; the concatenation
 * hazards, failures and settings-changing files are run for real.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'
import { migrationChecksum } from '../../src/migrate/checksum.js'
import { type DeployOptions, type DeployResult, MigrationRunError, deploy } from '../../src/migrate/deploy.js'
import { fastMessage, fastPathBlocker } from '../../src/migrate/fast-path.js'
import { CREATE_MIGRATIONS_TABLE } from '../../src/migrate/history.js'
import { createTestDatabase, query, serverUrl, urlFor } from '../../__fixtures__/databases.js'
import { type LatencyProxy, startLatencyProxy } from '../../__fixtures__/latency-proxy.mjs'
import {
  BROKEN,
  INIT,
  UUID_V4,
  type RawRow,
  folderOf,
  makeMigrationsDir,
  migrationRows,
  prisma,
  openSession,
  removeTempDirs,
  tablesIn
} from './helpers.js'

let proxy: LatencyProxy
beforeAll(async () => {
  const url = new URL(serverUrl())
  proxy = await startLatencyProxy({ host: url.hostname, port: Number(url.port), delayMs: 0 })
})
afterAll(async () => {
  await proxy.stop()
  removeTempDirs()
})

const CLI_TIMEOUT = 120_000
const name = (i: number, what: string): string => `2024010${Math.floor(i / 10)}${i % 10}0000_${what}`
const table = (i: number): string => `CREATE TABLE "T${i}" ("id" INT, "email" TEXT);\n`
const concurrent = (i: number, on: number): string =>
  `CREATE INDEX CONCURRENTLY "T${on}_email_${i}_idx" ON "T${on}" ("email");\n`
const ownTransaction = (i: number): string => `BEGIN;\nCREATE TABLE "Tx${i}" ("id" INT);\nCOMMIT;\n`

/**
 * Deploys `dir` into a fresh database through the proxy; the exchanges of the deploy's own connection (the lock
 * monitor's connection, opened in the background, is the second one and not counted).
 */
async function deployCounted(
  prefix: string,
  dir: string,
  options: Partial<DeployOptions> = {}
): Promise<{ db: { name: string; url: string }; exchanges: number; result: DeployResult }> {
  const db = await createTestDatabase(prefix)
  proxy.reset()
  const s = await openSession(proxy.urlThrough(urlFor(db.name, 'sslmode=disable')))
  try {
    const result = await deploy(s.client, await folderOf(dir), { connection: s.settings, ...options })
    return { db, exchanges: proxy.stats().perConnection[0], result }
  } finally {
    await s.close()
  }
}

const lockSafety = {
  policy: { lockTimeoutMs: 1000, retryWindowMs: 0, baseDelayMs: 100, maxDelayMs: 400 },
  baseDir: process.cwd()
}

function expectFinishedAsPrismaWrites(rows: RawRow[], scripts: Record<string, string>): void {
  expect(rows.map((r) => r.migration_name)).toEqual(Object.keys(scripts))
  for (const row of rows) {
    expect(row.id).toMatch(UUID_V4)
    expect(row).toMatchObject({
      checksum: migrationChecksum(scripts[row.migration_name]),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1
    })
    expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime())
  }
  for (let i = 1; i < rows.length; i++)
    expect(rows[i].started_at.getTime()).toBeGreaterThanOrEqual(rows[i - 1].finished_at!.getTime())
}

describe('round trips per migration, counted at the proxy', () => {
  it('a file that runs as one transaction costs one round trip: 12 migrations cost 8 exchanges more than 4', async () => {
    const scripts = (n: number): Record<string, string> =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [name(i, `t${i}`), table(i)]))
    const four = await deployCounted('rt_four', makeMigrationsDir(scripts(4)), { lockSafety })
    const twelve = await deployCounted('rt_twelve', makeMigrationsDir(scripts(12)), { lockSafety })
    expect(twelve.result.applied).toHaveLength(12)
    expect(twelve.exchanges - four.exchanges).toBe(8)
    expectFinishedAsPrismaWrites(await migrationRows(twelve.db.name), scripts(12))
    // ... and the rest of a deploy is a handful of exchanges (connect, lock with the reads, table, unlock).
    expect(four.exchanges - 4).toBeLessThanOrEqual(9)
  })

  it("files on Prisma's protocol ride on their neighbours: a lone CONCURRENTLY after such a file costs one round trip, the next one two, a file after them one", async () => {
    const base = { [name(0, 't0')]: table(0), [name(1, 't1')]: table(1) }
    const sequences = [
      base,
      { ...base, [name(2, 'idx_a')]: concurrent(2, 0) },
      { ...base, [name(2, 'idx_a')]: concurrent(2, 0), [name(3, 'idx_b')]: concurrent(3, 1) },
      {
        ...base,
        [name(2, 'idx_a')]: concurrent(2, 0),
        [name(3, 'idx_b')]: concurrent(3, 1),
        [name(4, 't4')]: table(4)
      },
      { ...base, [name(2, 'tx_a')]: ownTransaction(2), [name(3, 'tx_b')]: ownTransaction(3) }
    ]
    const counted: Awaited<ReturnType<typeof deployCounted>>[] = []
    for (const [i, scripts] of sequences.entries())
      counted.push(await deployCounted(`rt_seq${i}`, makeMigrationsDir(scripts), { lockSafety }))
    const extra = counted.map((c) => c.exchanges - counted[0].exchanges)
    expect(extra).toEqual([0, 1, 3, 4, 3])
    for (const [i, c] of counted.entries()) {
      expect(c.result.applied.map((m) => m.name)).toEqual(Object.keys(sequences[i]))
      expectFinishedAsPrismaWrites(await migrationRows(c.db.name), sequences[i])
    }
  })
})

describe('the rows and the schema are what the real Prisma 6.19 CLI leaves', () => {
  it(
    'a history mixing one-transaction files, files with their own BEGIN/COMMIT and lone CONCURRENTLY statements',
    async () => {
      const scripts = {
        [name(0, 'init')]: INIT,
        [name(1, 't1')]: table(1),
        [name(2, 'tx')]: ownTransaction(2),
        [name(3, 'idx')]: concurrent(3, 1),
        [name(4, 'idx2')]: concurrent(4, 1),
        [name(5, 't5')]: `${table(5)}-- a last comment without a newline`,
        [name(6, 'do')]: `DO $$ BEGIN PERFORM 1; END $$;\nCREATE TABLE "T6" ("id" INT)`
      }
      const dir = makeMigrationsDir(scripts)
      const ours = await deployCounted('rt_ours', dir, { lockSafety })
      const theirs = await createTestDatabase('rt_prisma')
      const cli = await prisma(['migrate', 'deploy'], { url: theirs.url, migrationsPath: dir })
      expect(cli.code).toBe(0)
      const strip = (rows: RawRow[]): Partial<RawRow>[] =>
        rows.map(({ checksum, migration_name, logs, rolled_back_at, applied_steps_count }) => ({
          checksum,
          migration_name,
          logs,
          rolled_back_at,
          applied_steps_count
        }))
      const ourRows = await migrationRows(ours.db.name)
      expect(strip(ourRows)).toEqual(strip(await migrationRows(theirs.name)))
      expectFinishedAsPrismaWrites(ourRows, scripts)
      expect(await tablesIn(ours.db.name)).toEqual(await tablesIn(theirs.name))
      const indexes = (db: string): Promise<unknown[]> =>
        query(db, `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`)
      expect(await indexes(ours.db.name)).toEqual(await indexes(theirs.name))
      const status = await prisma(['migrate', 'status'], { url: ours.db.url, migrationsPath: dir })
      expect(status.code).toBe(0)
      expect(status.stdout).toContain('Database schema is up to date!')
    },
    CLI_TIMEOUT
  )
})

describe('what is appended to a script', () => {
  it('a trailing -- comment without a newline and a last statement without ; travel with their row', async () => {
    for (const script of ['CREATE TABLE "A" ("id" INT);\n-- done', 'CREATE TABLE "A" ("id" INT)'])
      expect(await fastPathBlocker(script, 'm')).toBeUndefined()
    const scripts = {
      [name(0, 'comment')]: 'CREATE TABLE "A" ("id" INT);\n-- done, no newline',
      [name(1, 'no_semicolon')]: 'CREATE TABLE "B" ("id" INT)',
      [name(2, 'both')]: 'CREATE TABLE "C" ("id" INT) -- no semicolon, a comment'
    }
    const { db } = await deployCounted('ap_ok', makeMigrationsDir(scripts))
    expect(await tablesIn(db.name)).toEqual(['A', 'B', 'C', '_prisma_migrations'])
    expectFinishedAsPrismaWrites(await migrationRows(db.name), scripts)
  })

  it.each([
    ['an unterminated /* comment', 'CREATE TABLE "Open" ("id" INT);\n/* never closed\n'],
    ['an unterminated dollar quote', 'CREATE TABLE "Open" ("id" INT);\nSELECT $x$ never closed\n'],
    ['an unterminated string', 'CREATE TABLE "Open" ("id" INT);\nSELECT \'never closed\n']
  ])(
    "%s does not parse: it keeps Prisma's protocol and fails as with Prisma (failed row, nothing of it applied)",
    async (_what, script) => {
      expect(await fastPathBlocker(script, 'm')).toMatch(/^it does not parse/)
      const dir = makeMigrationsDir({ [name(0, 'init')]: INIT, [name(1, 'open')]: script })
      const db = await createTestDatabase('ap_open')
      const s = await openSession(db.url)
      const error = await deploy(s.client, await folderOf(dir), { connection: s.settings })
        .catch((e: unknown) => e)
        .finally(() => s.close())
      expect(error).toBeInstanceOf(MigrationRunError)
      expect((error as MigrationRunError).code).toBe('P3018')
      expect((error as MigrationRunError).message).toContain('Database error code: 42601')
      const rows = await migrationRows(db.name)
      expect(rows.map((r) => [r.migration_name, r.finished_at === null, r.applied_steps_count])).toEqual([
        [name(0, 'init'), false, 1],
        [name(1, 'open'), true, 0]
      ])
      expect(rows[1].logs).toContain('Database error code: 42601')
      expect(await tablesIn(db.name)).toEqual(['User', '_prisma_migrations'])
    }
  )

  it.each([
    ['a /* comment', 'CREATE TABLE "X" ("id" INT);\n/* open', 'unterminated /* comment'],
    ['a dollar quote', 'CREATE TABLE "X" ("id" INT);\nSELECT $$ open', 'unterminated dollar-quoted string'],
    [
      'a tagged dollar quote',
      'CREATE TABLE "X" ("id" INT);\nSELECT $t$ open',
      'unterminated dollar-quoted string'
    ],
    ['a string', 'CREATE TABLE "X" ("id" INT);\nSELECT \'open', 'unterminated quoted string'],
    ['a quoted identifier', 'CREATE TABLE "X" ("id" INT);\nSELECT "open', 'unterminated quoted identifier'],
    [
      "a string the server reads on (standard_conforming_strings off: \\' is a quote)",
      'CREATE TABLE "X" ("id" INT);\nSELECT \'a\\\';',
      'unterminated quoted string'
    ],
    [
      'a dollar quote the server sees where the parser saw a string',
      'CREATE TABLE "X" ("id" INT);\nSELECT \'a\\\', \'$$\';',
      'unterminated dollar-quoted string'
    ],
    [
      'an identifier the server sees where the parser saw a string',
      'CREATE TABLE "X" ("id" INT);\nSELECT \'a\\\', \'"\';',
      'unterminated quoted identifier'
    ],
    [
      'a comment the server sees where the parser saw a string',
      'CREATE TABLE "X" ("id" INT);\nSELECT \'a\\\', \'/*\';',
      'unterminated /* comment'
    ]
  ])(
    'left open by the script, %s swallows what follows (to the end of the message, which fails): no row, no table',
    async (_what, script, unterminated) => {
      const db = await createTestDatabase('ap_swallow')
      await query(db.name, CREATE_MIGRATIONS_TABLE)
      const client = new pg.Client({ connectionString: urlFor(db.name) })
      await client.connect()
      try {
        // The server's lexer, not the parser's, decides: with this setting `\'` is an escaped quote.
        await client.query("SET standard_conforming_strings = off; SET lock_timeout = '5s'")
        const message = fastMessage(
          client,
          { id: '00000000-0000-4000-8000-000000000001', checksum: 'c'.repeat(64), name: 'm' },
          script,
          {
            before: [`UPDATE "_prisma_migrations" SET "logs" = 'x' WHERE false`],
            next: { id: '00000000-0000-4000-8000-000000000002', checksum: 'd'.repeat(64), name: 'n' },
            nextSettings: ['SET lock_timeout = 0']
          }
        )
        const error = (await client.query(message.text).catch((e: unknown) => e)) as Error & { code?: string }
        expect(error).toBeInstanceOf(Error)
        expect(error.code).toBe('42601')
        // Still open at the end of the message: nothing we appended closed it (the server quotes it all).
        expect(error.message.startsWith(`${unterminated} at or near `)).toBe(true)
        expect(error.message.endsWith('SET lock_timeout = 0"')).toBe(true)
        const lockTimeout = await client.query<{ lock_timeout: string }>('SHOW lock_timeout')
        expect(lockTimeout.rows[0].lock_timeout).toBe('5s')
      } finally {
        await client.end()
      }
      expect(await migrationRows(db.name)).toEqual([])
      expect(await tablesIn(db.name)).toEqual(['_prisma_migrations'])
    }
  )
})

describe('a failure on the one-round-trip path', () => {
  it(
    "leaves Prisma's failed state: a row with finished_at NULL, applied_steps_count 0 and the P3018 text; our deploy and Prisma's then say P3009",
    async () => {
      const scripts = { [name(0, 'init')]: INIT, [name(1, 'broken')]: BROKEN }
      expect(await fastPathBlocker(BROKEN, 'm')).toBeUndefined()
      const dir = makeMigrationsDir(scripts)
      const db = await createTestDatabase('fp_fail')
      const s = await openSession(db.url)
      const error = (await deploy(s.client, await folderOf(dir), { connection: s.settings })
        .catch((e: unknown) => e)
        .finally(() => s.close())) as MigrationRunError
      expect(error).toBeInstanceOf(MigrationRunError)
      expect(error).toMatchObject({ code: 'P3018', failedMigration: name(1, 'broken'), rowWithScript: true })
      expect(error.applied.map((m) => m.name)).toEqual([name(0, 'init')])
      expect(error.afterFailure).toMatchObject({ state: 'failed', committedStatements: 'none' })
      const rows = await migrationRows(db.name)
      expect(rows).toHaveLength(2)
      expect(rows[1].id).toMatch(UUID_V4)
      expect(rows[1]).toMatchObject({
        migration_name: name(1, 'broken'),
        checksum: migrationChecksum(BROKEN),
        finished_at: null,
        rolled_back_at: null,
        applied_steps_count: 0
      })
      expect(rows[1].logs).toContain('A migration failed to apply.')
      expect(rows[1].logs).toContain('Database error code: 42P01')
      expect(rows[1].started_at.getTime()).toBeGreaterThanOrEqual(rows[0].finished_at!.getTime() - 1)
      expect(await tablesIn(db.name)).toEqual(['User', '_prisma_migrations'])

      const again = (await (async () => {
        const t = await openSession(db.url)
        return deploy(t.client, await folderOf(dir), { connection: t.settings })
          .catch((e: unknown) => e)
          .finally(() => t.close())
      })()) as MigrationRunError
      expect(again.code).toBe('P3009')
      const cli = await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
      expect(cli.code).toBe(1)
      expect(cli.stderr).toContain('P3009')
      expect(cli.stderr).toContain(`The \`${name(1, 'broken')}\` migration started at`)
    },
    CLI_TIMEOUT
  )

  it('an error position PostgreSQL reports in the message is the one it reports for the file alone', async () => {
    const script = 'CREATE TABLE "Fine" ("id" INT);\nSELECT "nope" FROM "Fine";\n'
    expect(await fastPathBlocker(script, 'm')).toBeUndefined()
    const db = await createTestDatabase('fp_position')
    const alone = (await query(db.name, script).catch((e: unknown) => e)) as { position?: string }
    const s = await openSession(db.url)
    const error = (await deploy(s.client, await folderOf(makeMigrationsDir({ [name(0, 'bad')]: script })), {
      connection: s.settings
    })
      .catch((e: unknown) => e)
      .finally(() => s.close())) as MigrationRunError
    expect((error.cause as { position?: string }).position).toBe(alone.position)
    expect(error.message).toContain('Position: line 2 of migration.sql: SELECT "nope" FROM "Fine";')
  })

  it("a migration on Prisma's protocol before it is finished all the same (its finish is committed first, on its own)", async () => {
    const scripts = {
      [name(0, 'init')]: INIT,
      [name(1, 'tx')]: ownTransaction(1),
      [name(2, 'broken')]: BROKEN
    }
    const dir = makeMigrationsDir(scripts)
    const db = await createTestDatabase('fp_after_tx')
    const s = await openSession(db.url)
    const error = (await deploy(s.client, await folderOf(dir), { connection: s.settings })
      .catch((e: unknown) => e)
      .finally(() => s.close())) as MigrationRunError
    expect(error.code).toBe('P3018')
    expect(error.applied.map((m) => m.name)).toEqual([name(0, 'init'), name(1, 'tx')])
    const rows = await migrationRows(db.name)
    expect(rows.map((r) => [r.migration_name, r.finished_at !== null, r.applied_steps_count])).toEqual([
      [name(0, 'init'), true, 1],
      [name(1, 'tx'), true, 1],
      [name(2, 'broken'), false, 0]
    ])
    expect(await tablesIn(db.name)).toEqual(['Tx1', 'User', '_prisma_migrations'])
  })
})

describe("files that change the transaction's own settings keep Prisma's protocol", () => {
  it('SET TRANSACTION, SET LOCAL and set_config(..., true) apply as with Prisma', async () => {
    const scripts = {
      [name(0, 'isolation')]:
        'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;\nCREATE TABLE "Iso" ("id" INT);\n',
      [name(1, 'local_path')]: 'SET LOCAL search_path = other;\nCREATE TABLE "InOther" ("id" INT);\n',
      [name(2, 'set_config')]:
        'SELECT set_config(\'search_path\', \'other\', true);\nCREATE TABLE "AlsoInOther" ("id" INT);\n',
      [name(3, 'after')]: 'CREATE TABLE "After" ("id" INT);\n'
    }
    expect(await fastPathBlocker(scripts[name(0, 'isolation')], 'm')).toContain('current transaction only')
    expect(await fastPathBlocker(scripts[name(1, 'local_path')], 'm')).toContain('current transaction only')
    expect(await fastPathBlocker(scripts[name(2, 'set_config')], 'm')).toContain('set_config')
    const db = await createTestDatabase('fp_settings')
    await query(db.name, 'CREATE SCHEMA other')
    const s = await openSession(db.url)
    try {
      await deploy(s.client, await folderOf(makeMigrationsDir(scripts)), { connection: s.settings })
    } finally {
      await s.close()
    }
    expect(await tablesIn(db.name)).toEqual(['After', 'Iso', '_prisma_migrations'])
    expect(await tablesIn(db.name, 'other')).toEqual(['AlsoInOther', 'InOther'])
    expectFinishedAsPrismaWrites(await migrationRows(db.name), scripts)
  })

  it('which files travel with their row, decided on the parser’s AST', async () => {
    const fast = [
      'CREATE TABLE "A" ("id" INT);',
      'SET search_path = other;\nCREATE TABLE "A" ("id" INT);',
      'DO $$ BEGIN PERFORM 1; END $$;\nCREATE TABLE "A" ("id" INT);',
      'CREATE INDEX "A_idx" ON "A" ("id");',
      '-- only a comment',
      ''
    ]
    for (const script of fast) expect(await fastPathBlocker(script, 'm')).toBeUndefined()
    const slow: [string, RegExp][] = [
      ['CREATE INDEX CONCURRENTLY "A_idx" ON "A" ("id");', /CREATE INDEX CONCURRENTLY/],
      ['DO $$ BEGIN COMMIT; END $$;', /DO block/],
      ['CALL do_it();', /CALL/],
      ['BEGIN;\nCREATE TABLE "A" ("id" INT);\nCOMMIT;', /controls the transaction/],
      ['CREATE TABLE "A" ("id" INT);\nCOMMIT;\nCREATE TABLE "B" ("id" INT);', /ends a transaction/],
      ['SAVEPOINT s;\nCREATE TABLE "A" ("id" INT);', /controls the transaction/],
      ['CREATE TABLE "A" ("id" INT', /does not parse/]
    ]
    for (const [script, reason] of slow) expect(await fastPathBlocker(script, 'm')).toMatch(reason)
    expect(await fastPathBlocker('CREATE TABLE "A" ("id" INT);', 'n'.repeat(256))).toMatch(/longer than 255/)
    // Before PostgreSQL 12, ALTER TYPE ... ADD VALUE cannot run in a transaction block.
    expect(await fastPathBlocker(`ALTER TYPE "E" ADD VALUE 'x';`, 'm', 110000)).toMatch(/ADD VALUE/)
    expect(await fastPathBlocker(`ALTER TYPE "E" ADD VALUE 'x';`, 'm', 150000)).toBeUndefined()
  })
})

describe('lock safety around files that ride on their neighbours', () => {
  it('a lone CONCURRENTLY whose row came with the previous message runs without the short lock_timeout, which is back for the next migration', async () => {
    const db = await createTestDatabase('fp_lift')
    await query(
      db.name,
      `CREATE TABLE "User" ("id" SERIAL PRIMARY KEY, "email" TEXT); INSERT INTO "User" ("email") VALUES ('a')`
    )
    await query(db.name, CREATE_MIGRATIONS_TABLE)
    const scripts = {
      [name(0, 'other')]: 'CREATE TABLE "Other" ("id" INT);\n',
      [name(1, 'idx')]: 'CREATE INDEX CONCURRENTLY "User_email_idx" ON "User" ("email");\n',
      [name(2, 'add_name')]: 'ALTER TABLE "User" ADD COLUMN "name" TEXT;\n'
    }
    // A writer the index waits for (released after 1.2 s), and a reader that blocks only the ALTER.
    const writer = new pg.Client({ connectionString: urlFor(db.name) })
    await writer.connect()
    await writer.query(`BEGIN; INSERT INTO "User" ("email") VALUES ('w')`)
    const reader = new pg.Client({ connectionString: urlFor(db.name) })
    await reader.connect()
    const released = new Promise((resolve) => setTimeout(resolve, 1200)).then(() =>
      writer.query('COMMIT').then(() => writer.end())
    )
    const s = await openSession(db.url, { lock_timeout: '200' })
    let error: unknown
    try {
      // the reader takes its lock once the deploy is running, so that only the ALTER meets it
      const reading = new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
        reader.query('BEGIN; SELECT 1 FROM "User" LIMIT 1')
      )
      error = await deploy(s.client, await folderOf(makeMigrationsDir(scripts)), {
        connection: s.settings,
        lockSafety: { ...lockSafety, policy: { ...lockSafety.policy, lockTimeoutMs: 200 } }
      }).catch((e: unknown) => e)
      await reading
      const { rows } = await s.client.query<{ lock_timeout: string }>('SHOW lock_timeout')
      expect(rows[0].lock_timeout).toBe('200ms')
    } finally {
      await s.close()
      await released
      await reader.query('ROLLBACK')
      await reader.end()
    }
    expect(error).toBeInstanceOf(MigrationRunError)
    expect(error).toMatchObject({ failedMigration: name(2, 'add_name'), afterFailure: { state: 'pending' } })
    expect((error as MigrationRunError).applied.map((m) => m.name)).toEqual([
      name(0, 'other'),
      name(1, 'idx')
    ])
    const index = await query(
      db.name,
      `SELECT indisvalid FROM pg_index WHERE indexrelid = '"User_email_idx"'::regclass`
    )
    expect(index).toEqual([{ indisvalid: true }])
    expect((await migrationRows(db.name)).map((r) => [r.migration_name, r.finished_at !== null])).toEqual([
      [name(0, 'other'), true],
      [name(1, 'idx'), true]
    ])
  })
})

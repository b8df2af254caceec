import { describe, expect, it } from '@jest/globals'
import { connect, startConnecting } from '../../src/db/connect.js'
import { parseDatabaseUrl } from '../../src/db/connection-url.js'
import { adminQuery, createTestDatabase, serverUrl, urlFor } from '../../__fixtures__/databases.js'

const opts = { baseDir: process.cwd(), ensureSchema: true, attempts: 1 }

describe('connect (real Postgres)', () => {
  it('connects with a Prisma URL, sets search_path and creates the ?schema= schema like Prisma', async () => {
    const db = await createTestDatabase('conn')
    const session = await connect(parseDatabaseUrl(`${db.url}?schema=tenant_a&sslmode=prefer`), opts)
    try {
      expect(session.serverVersionNum).toBeGreaterThan(100000)
      // Sent as a startup option, quoted as Prisma's native engine sends it: SHOW keeps the quotes.
      const { rows } = await session.client.query<{ search_path: string; schema: string; path: string[] }>(
        'SELECT current_setting($1) AS search_path, current_schema() AS schema, current_schemas(false)::text[] AS path',
        ['search_path']
      )
      expect(rows[0]).toEqual({ search_path: '"tenant_a"', schema: 'tenant_a', path: ['tenant_a'] })
      const ns = await adminQuery(`SELECT 1 FROM pg_namespace WHERE nspname = 'tenant_a'`, [], db.name)
      expect(ns).toHaveLength(1)
    } finally {
      await session.close()
    }
  })

  it('reports a wrong password as P1000 without the password', async () => {
    const url = new URL(serverUrl())
    url.password = 'definitely-wrong-pw'
    const error = await connect(parseDatabaseUrl(url.toString()), opts).catch(
      (e: unknown) => e as Error & { code?: string }
    )
    expect(error).toMatchObject({ code: 'P1000' })
    expect((error as Error).message).not.toContain('definitely-wrong-pw')
  })

  it('reports a missing database as P1003', async () => {
    const error = await connect(parseDatabaseUrl(urlFor('no_such_db_xyz')), opts).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'P1003' })
    expect((error as Error).message).toContain('no_such_db_xyz')
  })

  it('reports a closed port as P1001 after retrying', async () => {
    const error = await connect(parseDatabaseUrl('postgresql://u:p@127.0.0.1:1/db'), {
      ...opts,
      attempts: 2,
      baseDelayMs: 10
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'P1001' })
    expect((error as Error).message).toContain('127.0.0.1:1')
  })

  it('explains that *.railway.internal is unreachable from hosted runners', async () => {
    const error = await connect(
      parseDatabaseUrl('postgresql://u:p@postgres-og9n.railway.internal:5432/railway'),
      { ...opts, attempts: 1 }
    ).catch((e: unknown) => e as { hint?: string; code?: string })
    expect(error).toMatchObject({ code: 'P1001' })
    expect((error as { hint: string }).hint).toContain('DATABASE_PUBLIC_URL')
  })
})

/** The backends connected with this application_name: pid, and the last query each sent ('' when none). */
async function backends(app: string): Promise<{ pid: number; query: string }[]> {
  return adminQuery<{ pid: number; query: string }>(
    'SELECT pid, query FROM pg_stat_activity WHERE application_name = $1 ORDER BY pid',
    [app]
  )
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await read()
    if (done(value) || i >= 100) return value
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('a connection request sent early (startConnecting), taken by connect (real Postgres)', () => {
  const appUrl = (db: { url: string }, app: string, params = ''): string =>
    `${db.url}?application_name=${app}&sslmode=disable${params}`

  it('is the session: one backend, which had sent no statement before connect took it', async () => {
    const db = await createTestDatabase('early')
    const app = `early_taken_${process.pid}`
    const settings = parseDatabaseUrl(appUrl(db, app, '&schema=tenant_e'))
    const early = startConnecting(settings, { baseDir: process.cwd() })
    const before = await eventually(
      () => backends(app),
      (rows) => rows.length === 1
    )
    expect(before).toEqual([{ pid: expect.any(Number), query: '' }])
    const session = await connect(settings, { ...opts, early })
    try {
      expect((session.client as unknown as { processID: number }).processID).toBe(before[0].pid)
      expect((await backends(app)).map((b) => b.pid)).toEqual([before[0].pid])
      // search_path travelled with the early request; the schema was created by connect, not before.
      const { rows } = await session.client.query<{ schema: string }>('SELECT current_schema() AS schema')
      expect(rows[0].schema).toBe('tenant_e')
      expect(early.take()).toBeUndefined()
    } finally {
      await session.close()
    }
  })

  it('opened with other startup options, it is closed and the session opened with the right ones', async () => {
    const db = await createTestDatabase('early')
    const app = `early_other_${process.pid}`
    const settings = parseDatabaseUrl(appUrl(db, app))
    const early = startConnecting(settings, { baseDir: process.cwd() })
    const first = await eventually(
      () => backends(app),
      (rows) => rows.length === 1
    )
    const session = await connect(settings, {
      ...opts,
      early,
      sessionSettings: { lock_timeout: '1234' }
    })
    try {
      const { rows } = await session.client.query<{ lock_timeout: string }>(
        "SELECT current_setting('lock_timeout') AS lock_timeout"
      )
      expect(rows[0].lock_timeout).toBe('1234ms')
      const after = await eventually(
        () => backends(app),
        (rows) => rows.length === 1
      )
      expect(after.map((b) => b.pid)).not.toContain(first[0].pid)
    } finally {
      await session.close()
    }
  })

  it('discarded (the run stopped before connecting), it leaves no backend and is never taken', async () => {
    const db = await createTestDatabase('early')
    const app = `early_discarded_${process.pid}`
    const early = startConnecting(parseDatabaseUrl(appUrl(db, app)), { baseDir: process.cwd() })
    expect(
      await eventually(
        () => backends(app),
        (rows) => rows.length === 1
      )
    ).toHaveLength(1)
    early.discard()
    expect(early.take()).toBeUndefined()
    expect(
      await eventually(
        () => backends(app),
        (rows) => rows.length === 0
      )
    ).toEqual([])
  })

  it('failing (a wrong password, a closed port), it fails connect as usual: P1000 without the password, P1001 after retrying', async () => {
    const url = new URL(serverUrl())
    url.password = 'early-wrong-pw'
    const wrong = parseDatabaseUrl(url.toString())
    const early = startConnecting(wrong, { baseDir: process.cwd() })
    // Nothing is reported before connect takes it (no unhandled rejection either: jest would fail the test).
    await new Promise((resolve) => setTimeout(resolve, 200))
    const error = await connect(wrong, { ...opts, early }).catch((e: unknown) => e as Error)
    expect(error).toMatchObject({ code: 'P1000' })
    expect((error as Error).message).not.toContain('early-wrong-pw')

    const closed = parseDatabaseUrl('postgresql://u:p@127.0.0.1:1/db')
    const refused = await connect(closed, {
      ...opts,
      attempts: 2,
      baseDelayMs: 10,
      early: startConnecting(closed, { baseDir: process.cwd() })
    }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 'P1001' })
  })
})

describe('firstReads: read in the set-up message (real Postgres)', () => {
  const reads = (session: Awaited<ReturnType<typeof connect>>): unknown =>
    session.firstReads && 'results' in session.firstReads
      ? session.firstReads.results.map((r) => r.rows)
      : session.firstReads && session.firstReads.fallback.map((r) => r.rows)

  // Prisma's ?schema= through a pooler: the search_path a startup option would give, and the schema created in it.
  for (const params of ['?schema=tenant_p', '?schema=tenant_p&pgbouncer=true']) {
    it(`sets search_path to the ?schema= schema as Prisma does (${params})`, async () => {
      const db = await createTestDatabase('pooler_schema')
      const session = await connect(parseDatabaseUrl(urlFor(db.name, params)), opts)
      try {
        const { rows } = await session.client.query<{ search_path: string; schema: string }>(
          "SELECT current_setting('search_path') AS search_path, current_schema() AS schema"
        )
        expect(rows[0]).toEqual({ search_path: '"tenant_p"', schema: 'tenant_p' })
        await session.client.query('CREATE TABLE made_here (id int)')
        const where = await adminQuery<{ schema: string }>(
          `SELECT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'made_here'`,
          [],
          db.name
        )
        expect(where).toEqual([{ schema: 'tenant_p' }])
      } finally {
        await session.close()
      }
    })
  }

  // Through a pooler the settings are SETs at the head of the message: the reads' results come after them.
  for (const params of ['', '?pgbouncer=true']) {
    it(`gives the reads' results apart from the set-up's, with the settings applied (${params || 'startup options'})`, async () => {
      const db = await createTestDatabase('reads')
      const session = await connect(parseDatabaseUrl(urlFor(db.name, params)), {
        ...opts,
        sessionSettings: { lock_timeout: '4321' },
        firstReads: { text: "SELECT 1 AS one; SELECT current_setting('lock_timeout') AS lock_timeout" }
      })
      try {
        expect(session.serverVersionNum).toBeGreaterThan(100000)
        expect(reads(session)).toEqual([[{ one: 1 }], [{ lock_timeout: '4321ms' }]])
      } finally {
        await session.close()
      }
    })

    it(`sends the set-up again with the fallback when a read fails, and keeps the error (${params || 'startup options'})`, async () => {
      const db = await createTestDatabase('reads')
      const session = await connect(parseDatabaseUrl(urlFor(db.name, params)), {
        ...opts,
        sessionSettings: { lock_timeout: '4321' },
        firstReads: { text: 'SELECT * FROM no_such_table', fallback: 'SELECT 2 AS two' }
      })
      try {
        expect(session.firstReads).toMatchObject({ error: { code: '42P01' } })
        expect(reads(session)).toEqual([[{ two: 2 }]])
        const { rows } = await session.client.query<{ lock_timeout: string }>(
          "SELECT current_setting('lock_timeout') AS lock_timeout"
        )
        expect(rows[0].lock_timeout).toBe('4321ms')
      } finally {
        await session.close()
      }
      const bare = await connect(parseDatabaseUrl(urlFor(db.name, params)), {
        ...opts,
        firstReads: { text: 'SELECT * FROM no_such_table' }
      })
      try {
        expect(bare.firstReads).toMatchObject({ error: { code: '42P01' }, fallback: [] })
        expect(bare.serverVersion).toMatch(/^\d+\.\d+/)
      } finally {
        await bare.close()
      }
    })
  }
})

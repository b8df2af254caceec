/**
 * Prisma's migrate lock held by another session (issue 9 §3): a real `psql` holds `pg_advisory_lock(72707369)`.
 * Our deploy and resolve wait Prisma's 10 s, whatever lock_timeout the session has, then fail with P1002 naming the
 * holder; the connection stays usable. The real Prisma 6.19 CLI says P1002 with the same context.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { type ChildProcess, spawn } from 'node:child_process'
import { type AddressInfo, type Server, type Socket, connect as tcpConnect, createServer } from 'node:net'
import { join } from 'node:path'
import { MigrationRunError, deploy } from '../../src/migrate/deploy.js'
import { resolveRolledBack } from '../../src/migrate/resolve.js'
import { createTestDatabase, query, serverPassword, urlFor } from '../../__fixtures__/databases.js'
import {
  INIT,
  folderOf,
  makeMigrationsDir,
  openSession,
  prisma,
  removeTempDirs,
  tablesIn
} from './helpers.js'

afterAll(removeTempDirs)

const PSQL_BIN = process.env.PG_TEST_CLUSTER_BIN ? join(process.env.PG_TEST_CLUSTER_BIN, 'psql') : 'psql'
const CONTEXT =
  'Context: Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(72707369)). Timeout: 10000ms. See https://pris.ly/d/migrate-advisory-locking for details.'

/** `psql` taking Prisma's lock and sleeping, the password in the environment, as an operator's shell would. */
async function psqlHoldingTheLock(
  database: string,
  applicationName: string
): Promise<{ child: ChildProcess; pid: number }> {
  const url = new URL(urlFor(database))
  const child = spawn(
    PSQL_BIN,
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      'SELECT pg_advisory_lock(72707369)',
      '-c',
      'SELECT pg_sleep(120)'
    ],
    {
      env: {
        PATH: process.env.PATH,
        PGHOST: url.hostname,
        PGPORT: url.port,
        PGUSER: decodeURIComponent(url.username),
        PGPASSWORD: serverPassword(),
        PGDATABASE: database,
        PGAPPNAME: applicationName
      },
      stdio: 'ignore'
    }
  )
  for (let i = 0; i < 200; i++) {
    const rows = await query<{ pid: number }>(
      database,
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`
    )
    if (rows.length > 0) return { child, pid: rows[0].pid }
    await new Promise((r) => setTimeout(r, 50))
  }
  child.kill()
  throw new Error('psql did not take the lock')
}

/** Ends psql and its backend (which would otherwise sleep on, holding the lock, until it next talks to psql). */
async function release(database: string, holder: { child: ChildProcess; pid: number }): Promise<void> {
  holder.child.kill()
  await query(database, 'SELECT pg_terminate_backend($1)', [holder.pid])
}

describe("Prisma's migrate lock held by a psql session", () => {
  it('our deploy waits 10 s despite a 200 ms lock_timeout and a 300 ms statement_timeout, says P1002 naming the holder, and keeps its connection; Prisma 6.19 says P1002 too', async () => {
    const db = await createTestDatabase('al_psql')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT })
    const holder = await psqlHoldingTheLock(db.name, 'release-script')
    try {
      const ours = (async () => {
        const s = await openSession(db.url, { lock_timeout: '200', statement_timeout: '300' })
        try {
          const started = Date.now()
          const error = await deploy(s.client, await folderOf(dir), { connection: s.settings }).catch(
            (e: unknown) => e
          )
          const waited = Date.now() - started
          // The connection is still there for the report that follows.
          const alive = (await s.client.query<{ one: number }>('SELECT 1 AS one')).rows[0].one
          return { error, waited, alive }
        } finally {
          await s.close()
        }
      })()
      const [our, cli] = await Promise.all([
        ours,
        prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
      ])

      expect(our.error).toBeInstanceOf(MigrationRunError)
      const error = our.error as MigrationRunError
      expect(error.code).toBe('P1002')
      expect(error.message).toMatch(/^The database server was reached but timed out\./)
      expect(error.message).toContain(CONTEXT)
      expect(our.waited).toBeGreaterThanOrEqual(9500)
      expect(our.alive).toBe(1)
      expect(error.hint).toContain(`pid ${holder.pid},`)
      expect(error.hint).toContain('application_name `release-script`')
      expect(error.hint).toMatch(/connected since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/)
      expect(error.hint).not.toContain('pg_sleep')

      expect(cli.code).toBe(1)
      expect(cli.stderr).toContain('Error: P1002')
      expect(cli.stderr).toContain(CONTEXT)

      expect(await tablesIn(db.name)).toEqual([])
    } finally {
      await release(db.name, holder)
    }
  }, 90_000)

  it('resolve says P1002 naming the holder too', async () => {
    const db = await createTestDatabase('al_resolve')
    await query(db.name, 'CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY)')
    const holder = await psqlHoldingTheLock(db.name, 'other-deploy')
    try {
      const s = await openSession(db.url)
      try {
        const error = (await resolveRolledBack(s.client, await folderOf(makeMigrationsDir({})), 'x', {
          lockTimeoutMs: 300
        }).catch((e: unknown) => e)) as MigrationRunError
        expect(error.code).toBe('P1002')
        expect(error.message).toContain('Timeout: 300ms.')
        expect(error.hint).toContain(`pid ${holder.pid},`)
        expect(error.hint).toContain('application_name `other-deploy`')
      } finally {
        await s.close()
      }
    } finally {
      await release(db.name, holder)
    }
  })
})

describe('session timeouts as startup options', () => {
  it('are in force from the first statement and override the same names in the URL options, keeping the others', async () => {
    const db = await createTestDatabase('al_options')
    const url = urlFor(db.name, `?options=${encodeURIComponent('-c lock_timeout=5s -c work_mem=8MB')}`)
    const s = await openSession(url, { lock_timeout: '1234', statement_timeout: '60000' })
    try {
      const { rows } = await s.client.query<{ lt: string; st: string; wm: string }>(
        `SELECT current_setting('lock_timeout') AS lt, current_setting('statement_timeout') AS st, current_setting('work_mem') AS wm`
      )
      expect(rows).toEqual([{ lt: '1234ms', st: '1min', wm: '8MB' }])
    } finally {
      await s.close()
    }
    // Without session options the URL's own setting stays (what lock-timeout: 0 means).
    const plain = await openSession(url)
    try {
      expect(
        (await plain.client.query<{ lock_timeout: string }>('SHOW lock_timeout')).rows[0].lock_timeout
      ).toBe('5s')
    } finally {
      await plain.close()
    }
  })
})

/**
 * A stand-in for PgBouncer in front of the real server: it answers SSLRequest with "no", refuses a startup packet
 * that carries `options` the way PgBouncer does (FATAL 08P01 "unsupported startup parameter: options"), and
 * otherwise relays the connection.
 */
async function refusingPooler(
  upstream: URL
): Promise<{ url: (database: string) => string; refused: () => number; stop: () => Promise<void> }> {
  let refused = 0
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    sockets.add(client)
    let buffer = Buffer.alloc(0)
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk])
      while (buffer.length >= 8) {
        const length = buffer.readInt32BE(0)
        if (buffer.length < length) return
        const packet = buffer.subarray(0, length)
        buffer = buffer.subarray(length)
        if (packet.readInt32BE(4) === 80877103) {
          client.write('N') // no TLS here
          continue
        }
        client.off('data', onData)
        const keys = packet
          .subarray(8)
          .toString('utf8')
          .split('\0')
          .filter((_, i) => i % 2 === 0)
        if (keys.includes('options')) {
          refused++
          const fields = Buffer.from(
            'SFATAL\0VFATAL\0C08P01\0Munsupported startup parameter: options\0\0',
            'utf8'
          )
          const header = Buffer.alloc(5)
          header.write('E', 0)
          header.writeInt32BE(fields.length + 4, 1)
          client.end(Buffer.concat([header, fields]))
          return
        }
        const server = tcpConnect(Number(upstream.port), upstream.hostname, () => {
          server.write(packet)
          if (buffer.length > 0) server.write(buffer)
          client.pipe(server).pipe(client)
        })
        sockets.add(server)
        server.on('error', () => client.destroy())
        client.on('error', () => server.destroy())
        return
      }
    }
    client.on('data', onData)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: (database) => {
      const url = new URL(urlFor(database))
      url.port = String(port)
      return url.toString()
    },
    refused: () => refused,
    stop: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

describe('session timeouts through a connection pooler', () => {
  it('pgbouncer=true: set with one SET after connecting instead of startup options', async () => {
    const db = await createTestDatabase('al_bouncer')
    const s = await openSession(urlFor(db.name, '?pgbouncer=true'), {
      lock_timeout: '1500',
      statement_timeout: '90000'
    })
    try {
      const { rows } = await s.client.query<{ lt: string; st: string }>(
        `SELECT current_setting('lock_timeout') AS lt, current_setting('statement_timeout') AS st`
      )
      expect(rows).toEqual([{ lt: '1500ms', st: '90s' }])
    } finally {
      await s.close()
    }
  })

  it('a pooler that refuses the options startup parameter: connects again without them and sets them with SET', async () => {
    const db = await createTestDatabase('al_refuse')
    const pooler = await refusingPooler(new URL(urlFor(db.name)))
    try {
      const s = await openSession(pooler.url(db.name), { lock_timeout: '1700' })
      try {
        expect(
          (await s.client.query<{ lock_timeout: string }>('SHOW lock_timeout')).rows[0].lock_timeout
        ).toBe('1700ms')
      } finally {
        await s.close()
      }
      expect(pooler.refused()).toBe(1)
      // Without session settings nothing is refused: the stand-in does refuse only `options`.
      const plain = await openSession(pooler.url(db.name))
      await plain.close()
      expect(pooler.refused()).toBe(1)
    } finally {
      await pooler.stop()
    }
  })
})

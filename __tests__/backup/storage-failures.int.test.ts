/**
 * Whatever the storage does wrong, and whenever it does it, the backup fails promptly with the storage's reason,
 * pg_dump and the verifying pg_restore are gone, and the run leaves nothing pending (a hang here once kept
 * `destination: /proc/…` runs alive forever). The failure injector is a storage adapter (the BackupStorage
 * interface) in front of a real directory; pg_dump, pg_restore and Postgres are real.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { runDumpPipeline } from '../../src/backup/dump-pipeline.js'
import { makeDirectory } from '../../src/backup/fs-util.js'
import { findClient } from '../../src/backup/pg-client.js'
import { runBackup } from '../../src/modes/backup.js'
import { LocalStorage } from '../../src/backup/storage/local.js'
import type { BackupStorage } from '../../src/backup/storage/types.js'
import { InputError } from '../../src/errors.js'
import { createTestDatabase, query } from '../../__fixtures__/databases.js'
import { connectionOf, mustFail, settingsFor, tempDir } from './helpers.js'

const MiB = 1024 * 1024
let db: { name: string; url: string }

beforeAll(async () => {
  db = await createTestDatabase('storage_faults')
  // ≈ 13 MB uncompressed: with --compress=0 the stream is long enough to fail in the middle of it.
  await query(
    db.name,
    `CREATE TABLE big AS SELECT g AS id, md5(g::text) || md5((g + 1)::text) || md5((g + 2)::text) AS payload
     FROM generate_series(1, 120000) g; ANALYZE`
  )
})

/** A storage that behaves like a local directory except where `upload` is replaced. */
function faultyStorage(upload: BackupStorage['upload']): BackupStorage {
  const real = new LocalStorage(tempDir('pgops-faulty-'))
  return Object.assign(Object.create(real) as BackupStorage, { upload })
}

/** pg_dump / pg_restore processes that are children of this test process. */
function ourClients(): string[] {
  const out: string[] = []
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const comm = /\((.*)\)/.exec(stat)?.[1] ?? ''
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === process.pid && /^pg_(dump|restore)$/.test(comm)) out.push(`${comm} ${pid}`)
    } catch {
      // gone meanwhile
    }
  }
  return out
}

async function dumpInto(storage: BackupStorage, stallTimeoutMs?: number): Promise<Error> {
  const [pgDump, verifier] = await Promise.all([
    findClient('pg_dump', 15, { installClient: false }),
    findClient('pg_restore', 15, { installClient: false })
  ])
  return runDumpPipeline({
    pgDump,
    verifier,
    connection: connectionOf(db.url),
    baseDir: process.cwd(),
    format: 'custom',
    extraArgs: ['--compress=0'],
    recipients: [],
    storage,
    key: `${db.name}/x.dump`,
    contentType: 'application/octet-stream',
    stallTimeoutMs
  }).then(mustFail, (e: unknown) => e as Error)
}

async function readSome(source: Readable, bytes: number): Promise<number> {
  let seen = 0
  for await (const chunk of source) {
    seen += (chunk as Buffer).length
    if (seen >= bytes) break
  }
  return seen
}

describe('a storage that fails ends the dump promptly and leaves no child behind', () => {
  const cases: [string, BackupStorage['upload'], RegExp][] = [
    [
      'throws at once, before reading anything',
      async () => {
        throw new Error('bucket is gone')
      },
      /Storing the backup failed: bucket is gone/
    ],
    [
      'throws synchronously',
      () => {
        throw new Error('no such destination')
      },
      /Storing the backup failed: no such destination/
    ],
    [
      'throws midway, after reading 2 MiB',
      async (_key, source) => {
        expect(await readSome(source, 2 * MiB)).toBeGreaterThanOrEqual(2 * MiB)
        throw new Error('disk on fire')
      },
      /Storing the backup failed: disk on fire/
    ],
    [
      'throws after reading everything (the final commit fails)',
      async (_key, source) => {
        for await (const chunk of source) void chunk
        throw new Error('rename failed')
      },
      /Storing the backup failed: rename failed/
    ],
    [
      'claims success without reading',
      async () => undefined,
      /reported success before it had read the whole backup/
    ]
  ]
  it.each(cases)('%s', async (_label, upload, message) => {
    const started = Date.now()
    const error = await dumpInto(faultyStorage(upload))
    expect(error.message).toMatch(message)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(ourClients()).toEqual([])
  })

  it('never reads and never settles: the stall timeout ends it', async () => {
    const started = Date.now()
    const error = await dumpInto(
      faultyStorage(() => new Promise<void>(() => undefined)),
      300
    )
    expect(error.message).toMatch(/stalled: the storage read nothing/)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(ourClients()).toEqual([])
  })

  it('and pg_dump is gone from the server, too', async () => {
    await dumpInto(
      faultyStorage(async (_key, source) => {
        await readSome(source, MiB)
        throw new Error('lost')
      })
    )
    const deadline = Date.now() + 5_000
    let sessions = 1
    while (Date.now() < deadline) {
      const rows = await query<{ n: string }>(
        'postgres',
        `SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = '${db.name}' AND application_name = 'pg_dump'`
      )
      sessions = Number(rows[0].n)
      if (sessions === 0) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(sessions).toBe(0)
  })
})

describe('local directories that cannot be created', () => {
  it('mkdir -p under /proc and through a dangling symlink fails instead of spinning (Node`s recursive mkdir does)', async () => {
    await expect(makeDirectory('/proc/pg-ops-test/a/b')).rejects.toMatchObject({ code: 'ENOENT' })
    const dir = tempDir('pgops-dangling-')
    symlinkSync(join(dir, 'unmounted-disk'), join(dir, 'backups'))
    await expect(makeDirectory(join(dir, 'backups', 'db'))).rejects.toMatchObject({ code: 'ENOENT' })
    await makeDirectory(join(dir, 'real', 'a', 'b'))
    await makeDirectory(join(dir, 'real', 'a', 'b'))
    expect(existsSync(join(dir, 'real', 'a', 'b'))).toBe(true)
  })

  it('the local storage rejects an upload under /proc', async () => {
    const { Readable } = await import('node:stream')
    const source = Readable.from([Buffer.from('x')])
    await expect(new LocalStorage('/proc/pg-ops-test').upload('db/x.dump', source)).rejects.toThrow(/ENOENT/)
  })

  it('runBackup refuses an unwritable destination before connecting or dumping', async () => {
    const started = Date.now()
    const error = await runBackup({
      // Nothing listens on port 1: reaching the connection would fail differently.
      connection: connectionOf('postgresql://u:p@127.0.0.1:1/db'),
      workingDirectory: process.cwd(),
      settings: settingsFor({ destination: '/proc/pg-ops-backups', 'database-url': db.url })
    }).then(mustFail, (e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('destination')
    expect((error as InputError).describe()).toMatch(
      /cannot be created or written.*\n.*a directory this job can write/
    )
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(ourClients()).toEqual([])
  })

  it('runBackup refuses a pg-dump-path that does not exist, before connecting', async () => {
    const error = await runBackup({
      connection: connectionOf('postgresql://u:p@127.0.0.1:1/db'),
      workingDirectory: process.cwd(),
      settings: settingsFor({
        destination: tempDir('pgops-dest-'),
        'database-url': db.url,
        'pg-dump-path': '/nonexistent/bin'
      })
    }).then(mustFail, (e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('pg-dump-path')
    expect((error as InputError).message).toMatch(/does not exist/)
  })
})

afterAll(() => {
  expect(ourClients()).toEqual([])
})

describe('restore-drill checks its inputs before downloading anything', () => {
  const drill = async (identity: string): Promise<unknown> => {
    const { runRestoreDrill } = await import('../../src/modes/restore-drill.js')
    return runRestoreDrill({
      connection: connectionOf(db.url),
      workingDirectory: process.cwd(),
      settings: settingsFor(
        {
          destination: tempDir('pgops-drill-empty-'),
          'backup-uri': 'latest',
          'database-url': db.url,
          'target-database-url': 'postgresql://u:p@127.0.0.1:1/scratch',
          'age-identity': identity
        },
        'restore-drill'
      )
    }).then(mustFail, (e: unknown) => e)
  }

  it('a malformed age-identity is an InputError that does not show the key', async () => {
    for (const bad of [
      'AGE-SECRET-KEY-1NOPE',
      '# comment only\n',
      'age1qqqq',
      'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ'
    ]) {
      const error = await drill(bad)
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).input).toBe('age-identity')
      expect((error as InputError).describe()).not.toContain('NOPE')
    }
  })

  it('a well-formed identity (with comments) passes the check and the drill goes on', async () => {
    const { generateX25519Identity } = await import('age-encryption')
    const identity = `# created: 2026-01-01\n# public key: age1…\n${await generateX25519Identity()}\n`
    const error = await drill(identity)
    // The next step is proving the target is not the source, which needs the (here unreachable) target.
    expect((error as Error).message).toMatch(/connecting to `target-database-url` failed/)
  })
})

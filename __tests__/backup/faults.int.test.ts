import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GetObjectCommand } from '@aws-sdk/client-s3'
import type { BackupSettings } from '../../src/backup/settings.js'
import { runBackup } from '../../src/modes/backup.js'
import { runBackupMode } from '../../src/modes/backup.js'
import { createTestDatabase, query } from '../../__fixtures__/databases.js'
import { type FaultProxy, isPut, startFaultProxy } from '../../__fixtures__/fault-proxy.js'
import { type TestS3, startS3, useS3Credentials } from '../../__fixtures__/s3.js'
import { PG_BIN, connectionOf, mustFail, settingsFor, tempDir, writeScript } from './helpers.js'

const REAL_PG_DUMP = join(PG_BIN, 'pg_dump')
const MiB = 1024 * 1024
const PART = 5 * MiB

let s3: TestS3
let proxy: FaultProxy
let restoreEnv: () => void
let db: { name: string; url: string }
let scripts: string

beforeAll(async () => {
  s3 = await startS3('faults')
  proxy = await startFaultProxy(s3.endpoint)
  restoreEnv = useS3Credentials(s3)
  db = await createTestDatabase('faults')
  // ≈ 14 MB of hard-to-compress rows: with --compress=0 and 5 MiB parts the dump spans three parts.
  await query(
    db.name,
    `CREATE TABLE big AS SELECT g AS id, md5(g::text) || md5((g + 1)::text) || md5((g + 2)::text) || md5((g + 3)::text) AS payload
     FROM generate_series(1, 100000) g; CREATE TABLE small (x int); INSERT INTO small VALUES (1), (2); ANALYZE`
  )
  scripts = tempDir('pgops-fault-scripts-')
})

afterAll(async () => {
  restoreEnv()
  await proxy.stop()
  await s3.stop()
})

/** A pg_dump stand-in: answers --version like the real one, then misbehaves as told. */
function fakePgDump(name: string, behaviour: string): string {
  return writeScript(
    scripts,
    name,
    `REAL=${REAL_PG_DUMP}\nif [ "$1" = "--version" ]; then exec "$REAL" --version; fi\n${behaviour}`
  )
}

function s3Settings(prefix: string, extra: Record<string, string> = {}): BackupSettings {
  return settingsFor({
    destination: `s3://faults/${prefix}`,
    's3-endpoint': proxy.endpoint,
    's3-force-path-style': 'true',
    'pg-dump-args': '--compress=0',
    'database-url': db.url,
    ...extra
  })
}

async function backupTo(
  prefix: string,
  extra: Record<string, string> = {},
  s3MaxAttempts = 3
): ReturnType<typeof runBackup> {
  return runBackup({
    connection: connectionOf(db.url),
    workingDirectory: process.cwd(),
    settings: s3Settings(prefix, extra),
    s3PartSize: PART,
    s3MaxAttempts
  })
}

describe('pg_dump dies: the step fails and nothing becomes visible', () => {
  const cases: [string, string, RegExp][] = [
    ['at the start', 'kill -9 $$', /pg_dump was killed by SIGKILL/],
    [
      'in the middle, after a part was uploaded',
      `"$REAL" "$@" | head -c ${7 * MiB}\nkill -9 $$`,
      /pg_dump was killed by SIGKILL/
    ],
    ['at the end, after all its output', '"$REAL" "$@"\nkill -9 $$', /pg_dump was killed by SIGKILL/],
    ['with exit 1 after all its output', '"$REAL" "$@"\nexit 1', /pg_dump exited with code 1/]
  ]
  it.each(cases)('%s (S3, multipart)', async (label, behaviour, message) => {
    const prefix = `killed-${label.split(' ')[1].replace(/\W/g, '')}`
    const before = proxy.requests().length
    const error = await backupTo(prefix, { 'pg-dump-path': fakePgDump(`${prefix}.sh`, behaviour) }).then(
      mustFail,
      (e: unknown) => e as Error
    )
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toMatch(message)
    expect(await s3.keys(`${prefix}/`)).toEqual([])
    if (label.includes('middle')) {
      // The first part really went up: the failure happened mid-multipart, and still no object exists.
      expect(
        proxy
          .requests()
          .slice(before)
          .some((r) => /^PUT .*partNumber=1/.test(r))
      ).toBe(true)
    }
  })

  it('a truncated archive with exit 0 is caught by the read-back verification', async () => {
    const pgDumpPath = fakePgDump('truncate.sh', `"$REAL" "$@" | head -c ${9 * MiB}\nexit 0`)
    const error = await backupTo('truncated', { 'pg-dump-path': pgDumpPath }).then(
      mustFail,
      (e: unknown) => e as Error
    )
    expect(error.message).toMatch(/Verification failed/)
    expect(await s3.keys('truncated/')).toEqual([])
  })

  it('a truncated plain dump with exit 0 is caught by the completion-line check', async () => {
    const pgDumpPath = fakePgDump('truncate-plain.sh', `"$REAL" "$@" | head -c ${3 * MiB}\nexit 0`)
    const error = await backupTo('truncated-plain', {
      'pg-dump-path': pgDumpPath,
      format: 'plain',
      'pg-dump-args': ''
    }).then(mustFail, (e: unknown) => e as Error)
    expect(error.message).toMatch(/does not end with pg_dump's completion line/)
    expect(await s3.keys('truncated-plain/')).toEqual([])
  })

  it('leaves no file (not even .partial) in a local directory when pg_dump is killed mid-stream', async () => {
    const dir = tempDir('pgops-fault-local-')
    const result = await runBackupMode({
      connection: connectionOf(db.url),
      workingDirectory: process.cwd(),
      backup: settingsFor({
        destination: dir,
        'database-url': db.url,
        'pg-dump-path': fakePgDump('local-mid.sh', `"$REAL" "$@" | head -c ${2 * MiB}\nkill -9 $$`)
      })
    })
    expect(result.failure?.message).toMatch(/killed by SIGKILL/)
    expect(result.outputs).toEqual({})
    expect(result.markdown).toContain('No backup object and no manifest were stored')
    const dbDir = join(dir, db.name)
    expect(existsSync(dbDir) ? readdirSync(dbDir) : []).toEqual([])
  })
})

describe('storage faults', () => {
  it('retries transient 500s with backoff and stores a correct object', async () => {
    proxy.failNext(3, isPut)
    const injectedBefore = proxy.injected()
    const result = await backupTo('transient', {}, 6)
    proxy.heal()
    expect(proxy.injected() - injectedBefore).toBe(3)
    const object = await s3.client.send(
      new GetObjectCommand({ Bucket: 'faults', Key: result.uri.replace('s3://faults/', '') })
    )
    const bytes = Buffer.from(await object.Body!.transformToByteArray())
    expect(bytes.length).toBe(result.size)
    expect(bytes.length).toBeGreaterThan(2 * PART)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(result.sha256)
    expect(await s3.keys('transient/')).toHaveLength(2)
  })

  it('fails the step and leaves nothing when the store keeps failing', async () => {
    proxy.failAlways(isPut)
    try {
      const error = await backupTo('outage', {}, 2).then(mustFail, (e: unknown) => e as Error)
      expect(error).toBeInstanceOf(Error)
      expect(error.message).toMatch(/Storage error/)
    } finally {
      proxy.heal()
    }
    expect(await s3.keys('outage/')).toEqual([])
  })
})

describe('client version', () => {
  it('refuses a pg_dump older than the server before dumping or uploading anything', async () => {
    const marker = join(scripts, 'old-client-ran')
    const old = writeScript(
      scripts,
      'old-pg_dump',
      `if [ "$1" = "--version" ]; then echo "pg_dump (PostgreSQL) 12.22 (Ubuntu 12.22-1.pgdg22.04+1)"; exit 0; fi\ntouch ${marker}\nexit 0`
    )
    const before = proxy.requests().length
    const error = await backupTo('old-client', { 'pg-dump-path': old }).then(
      mustFail,
      (e: unknown) => e as Error & { hint?: string }
    )
    expect(error.message).toMatch(/12\.22, older than the server's major 15/)
    expect(error.hint).toMatch(/install-client: true/)
    expect(error.hint).toMatch(/postgresql-client-15/)
    expect(existsSync(marker)).toBe(false)
    expect(proxy.requests().slice(before)).toEqual([])
    writeFileSync(join(scripts, 'unused'), '')
  })
})

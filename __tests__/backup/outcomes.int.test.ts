/**
 * Outcomes that tell the truth: once the object and its manifest are stored the backup is reported as stored,
 * whatever fails after it (retention stopping halfway), and a manifest that cannot be stored takes its object
 * with it. Real Postgres, pg_dump, s3rver behind a proxy that denies chosen requests, a real directory.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { safeName, timestampName } from '../../src/backup/manifest.js'
import { runBackup } from '../../src/modes/backup.js'
import { runBackupMode } from '../../src/modes/backup.js'
import { ActionError } from '../../src/errors.js'
import { createTestDatabase, query } from '../../__fixtures__/databases.js'
import { ACCESS_DENIED, type FaultProxy, startFaultProxy } from '../../__fixtures__/fault-proxy.js'
import { type TestS3, startS3, useS3Credentials } from '../../__fixtures__/s3.js'
import { connectionOf, settingsFor, tempDir } from './helpers.js'

let db: { name: string; url: string }
let s3: TestS3
let proxy: FaultProxy
let restoreEnv: () => void

beforeAll(async () => {
  db = await createTestDatabase('outcomes')
  await query(db.name, 'CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 50)')
  s3 = await startS3('outcomes')
  proxy = await startFaultProxy(s3.endpoint)
  restoreEnv = useS3Credentials(s3)
})

afterAll(async () => {
  restoreEnv()
  await proxy.stop()
  await s3.stop()
})

describe('a manifest that cannot be stored', () => {
  it('takes its object with it: nothing is left, and the report says nothing was stored', async () => {
    const destination = tempDir('pgops-outcomes-')
    const now = new Date('2026-03-04T05:06:07.890Z')
    // A directory where the manifest's temporary file must go: writing it fails with EISDIR.
    mkdirSync(join(destination, safeName(db.name), `${timestampName(now)}.dump.manifest.json.partial`), {
      recursive: true
    })
    const error = await runBackup({
      connection: connectionOf(db.url),
      workingDirectory: process.cwd(),
      settings: settingsFor({ 'database-url': db.url, destination }),
      now: () => now
    }).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toMatch(/^Storing the manifest .+\.manifest\.json failed: .*EISDIR/)
    expect((error as Error).message).toMatch(/The backup object was deleted again: nothing was stored\.$/)
    expect(readdirSync(join(destination, safeName(db.name)))).toEqual([
      `${timestampName(now)}.dump.manifest.json.partial`
    ])
  })
})

describe('retention that stops halfway', () => {
  it('reports the stored backup, what was deleted, and what failed; the step fails naming retention', async () => {
    const inputs = {
      'database-url': db.url,
      destination: 's3://outcomes/halfway',
      's3-endpoint': proxy.endpoint,
      's3-force-path-style': 'true'
    }
    const run = (extra: Record<string, string> = {}): ReturnType<typeof runBackupMode> =>
      runBackupMode({
        connection: connectionOf(db.url),
        workingDirectory: process.cwd(),
        backup: settingsFor({ ...inputs, ...extra })
      })
    const oldest = await run()
    const middle = await run()
    // Retention deletes the newest of the old ones first: its object can go, its manifest may not (an
    // allow-list that forgot *.manifest.json), so it stops there and the oldest stays whole.
    proxy.failAlways(
      (req) => req.method === 'DELETE' && (req.url ?? '').includes('.manifest.json'),
      ACCESS_DENIED
    )
    try {
      const result = await run({ 'keep-last': '1' })
      expect(result.outputs['backup-uri']).toMatch(/^s3:\/\/outcomes\/halfway\/.+\.dump$/)
      expect(result.outputs['manifest-uri']).toBe(`${result.outputs['backup-uri']}.manifest.json`)
      expect(result.outputs['backup-sha256']).toMatch(/^[0-9a-f]{64}$/)
      expect(
        result.failure?.message.startsWith(
          `Backup stored as ${result.outputs['backup-uri']} with its manifest ${result.outputs['manifest-uri']}, but retention failed: deleting ${middle.outputs['manifest-uri']} failed: Storage error during delete`
        )
      ).toBe(true)
      expect(result.failure?.message).toMatch(/\(HTTP 403\): AccessDenied/)
      expect(result.markdown).toContain('### ⚠️ Backup of')
      expect(result.markdown).toContain('Deleted before the failure: 1.')
      expect(result.markdown).toContain(middle.outputs['backup-uri'])
      expect(result.completed).toMatch(/^Backup stored as s3:\/\/outcomes\/halfway\//)
      const keys = await s3.keys('halfway/')
      const key = (uri: string): string => uri.slice('s3://outcomes/'.length)
      expect(keys).not.toContain(key(middle.outputs['backup-uri']))
      expect(keys.sort()).toEqual(
        [
          key(oldest.outputs['backup-uri']),
          key(oldest.outputs['manifest-uri']),
          key(middle.outputs['manifest-uri']),
          key(result.outputs['backup-uri']),
          key(result.outputs['manifest-uri'])
        ].sort()
      )
    } finally {
      proxy.heal()
    }
  })
})

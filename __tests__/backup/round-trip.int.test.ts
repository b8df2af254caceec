import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { runBackupMode } from '../../src/modes/backup.js'
import { runRestoreDrillMode } from '../../src/modes/restore-drill.js'
import { createTestDatabase, query } from '../../__fixtures__/databases.js'
import { type TestS3, startS3, useS3Credentials } from '../../__fixtures__/s3.js'
import { connectionOf, createRichDatabase, settingsFor, tableDigests, tempDir } from './helpers.js'

let s3: TestS3
let restoreEnv: () => void

beforeAll(async () => {
  s3 = await startS3('roundtrip')
  restoreEnv = useS3Credentials(s3)
})

afterAll(async () => {
  restoreEnv()
  await s3.stop()
})

const s3Inputs = (): Record<string, string> => ({
  destination: 's3://roundtrip/nightly',
  's3-endpoint': s3.endpoint,
  's3-force-path-style': 'true'
})

describe('backup → restore-drill round trip (real pg_dump, pg_restore, s3rver)', () => {
  it('restores identical table contents from an unencrypted custom dump on S3', async () => {
    const source = await createRichDatabase('rt_plain', 3000)
    const target = await createTestDatabase('rt_plain_target')
    const backup = await runBackupMode({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      backup: settingsFor({ ...s3Inputs(), 'database-url': source.url })
    })
    expect(backup.failure).toBeUndefined()
    expect(backup.outputs['backup-uri']).toMatch(
      new RegExp(`^s3://roundtrip/nightly/${source.name}/\\d{4}-\\d{2}-\\d{2}T.*Z\\.dump$`)
    )
    expect(backup.outputs['manifest-uri']).toBe(`${backup.outputs['backup-uri']}.manifest.json`)
    expect(Number(backup.outputs['backup-size'])).toBeGreaterThan(1000)
    const keys = await s3.keys(`nightly/${source.name}/`)
    expect(keys).toHaveLength(2)

    const drill = await runRestoreDrillMode({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      drill: settingsFor(
        {
          ...s3Inputs(),
          'database-url': source.url,
          'backup-uri': backup.outputs['backup-uri'],
          'target-database-url': target.url
        },
        'restore-drill'
      )
    })
    expect(drill.failure).toBeUndefined()
    expect(drill.outputs['drill-status']).toBe('passed')
    expect(Number(drill.outputs['tables-compared'])).toBe(4)
    expect(drill.outputs.mismatches).toBe('[]')
    expect(await tableDigests(target.name)).toEqual(await tableDigests(source.name))
    expect(drill.markdown).toContain('Restore drill passed')
  })

  it('restores identical contents from an age-encrypted backup found as `latest`, and needs age-identity to do so', async () => {
    const identity = await generateX25519Identity()
    const recipient = await identityToRecipient(identity)
    const other = await identityToRecipient(await generateX25519Identity())
    const source = await createRichDatabase('rt_age', 2500)
    const target = await createTestDatabase('rt_age_target')
    const backup = await runBackupMode({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      backup: settingsFor({
        ...s3Inputs(),
        'database-url': source.url,
        'encrypt-to': `${recipient}\n${other}`
      })
    })
    expect(backup.failure).toBeUndefined()
    expect(backup.outputs['backup-uri']).toMatch(/\.dump\.age$/)
    const manifest = (
      backup.report.backup as {
        manifest: {
          encryption: { recipients: { fingerprint: string }[] }
          object: { sha256: string }
          dump: { sha256: string }
        }
      }
    ).manifest
    expect(manifest.encryption.recipients).toHaveLength(2)
    expect(manifest.object.sha256).not.toBe(manifest.dump.sha256)

    const drillSettings = (extra: Record<string, string>): ReturnType<typeof settingsFor> =>
      settingsFor(
        {
          ...s3Inputs(),
          'database-url': source.url,
          'backup-uri': 'latest',
          'target-database-url': target.url,
          ...extra
        },
        'restore-drill'
      )
    const withoutKey = await runRestoreDrillMode({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      drill: drillSettings({})
    })
    expect(withoutKey.failure?.message).toMatch(/age-identity/)

    const drill = await runRestoreDrillMode({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      drill: drillSettings({ 'age-identity': identity })
    })
    expect(drill.failure).toBeUndefined()
    expect(drill.outputs['backup-uri']).toBe(backup.outputs['backup-uri'])
    expect(await tableDigests(target.name)).toEqual(await tableDigests(source.name))
  })

  it('round-trips a plain-format dump through a local directory', async () => {
    const source = await createRichDatabase('rt_sql', 1000)
    const target = await createTestDatabase('rt_sql_target')
    const dir = tempDir('pgops-rt-sql-')
    const backup = await runBackupMode({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      backup: settingsFor({
        destination: dir,
        format: 'plain',
        'pg-dump-args': '--no-owner --no-privileges',
        'database-url': source.url
      })
    })
    expect(backup.failure).toBeUndefined()
    expect(backup.outputs['backup-uri']).toMatch(/\.sql$/)
    const drill = await runRestoreDrillMode({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      drill: settingsFor(
        {
          'database-url': source.url,
          'backup-uri': backup.outputs['backup-uri'],
          'target-database-url': target.url
        },
        'restore-drill'
      )
    })
    expect(drill.failure).toBeUndefined()
    expect(await tableDigests(target.name)).toEqual(await tableDigests(source.name))
  })

  it('refuses a target that holds tables unless target-clean, and detects a tampered object', async () => {
    const source = await createRichDatabase('rt_guard', 200)
    const target = await createTestDatabase('rt_guard_target')
    await query(target.name, 'CREATE TABLE leftover (x int); INSERT INTO leftover VALUES (1)')
    const dir = tempDir('pgops-rt-guard-')
    const backup = await runBackupMode({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      backup: settingsFor({ destination: dir, 'database-url': source.url })
    })
    const drillWith = (extra: Record<string, string>): ReturnType<typeof runRestoreDrillMode> =>
      runRestoreDrillMode({
        connection: connectionOf(source.url),
        workingDirectory: process.cwd(),
        drill: settingsFor(
          {
            'database-url': source.url,
            'backup-uri': backup.outputs['backup-uri'],
            'target-database-url': target.url,
            ...extra
          },
          'restore-drill'
        )
      })
    const refused = await drillWith({})
    expect(refused.failure?.message).toMatch(/already holds 1 tables/)
    expect((await query(target.name, 'SELECT count(*)::int AS n FROM leftover'))[0].n).toBe(1)

    const cleaned = await drillWith({ 'target-clean': 'true' })
    expect(cleaned.failure).toBeUndefined()
    expect(await tableDigests(target.name)).toEqual(await tableDigests(source.name))

    const { appendFileSync } = await import('node:fs')
    appendFileSync(backup.outputs['backup-uri'], 'x')
    const tampered = await drillWith({ 'target-clean': 'true' })
    expect(tampered.failure?.message).toMatch(/does not match its manifest/)
  })
})

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { runBackup } from '../../src/modes/backup.js'
import { runRestoreDrillMode } from '../../src/modes/restore-drill.js'
import { parseManifest } from '../../src/backup/manifest.js'
import { type ArtifactApi, startArtifactApi } from '../../__fixtures__/artifact-api.js'
import { createTestDatabase } from '../../__fixtures__/databases.js'
import {
  PG_BIN,
  connectionOf,
  createRichDatabase,
  mustFail,
  settingsFor,
  tempDir,
  writeScript
} from './helpers.js'

let api: ArtifactApi
let restoreEnv: () => void
let identity: string
let recipient: string

beforeAll(async () => {
  api = await startArtifactApi()
  restoreEnv = api.useEnv()
  identity = await generateX25519Identity()
  recipient = await identityToRecipient(identity)
})

afterAll(async () => {
  restoreEnv()
  await api.stop()
})

describe('destination: artifact (stand-in of the artifact service on 127.0.0.1)', () => {
  it('uploads the encrypted dump and then its manifest as two artifacts, and a drill restores identical data from them', async () => {
    const source = await createRichDatabase('art', 800)
    const target = await createTestDatabase('art_target')
    const temp = tempDir('pgops-art-temp-')
    const result = await runBackup({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      settings: settingsFor({
        destination: 'artifact',
        'encrypt-to': recipient,
        'retention-days': '7',
        'database-url': source.url
      }),
      tempDir: temp
    })
    expect(result.uri).toMatch(new RegExp(`^artifact://${source.name}__.*Z\\.dump\\.age$`))
    expect(result.manifestUri).toBe(`${result.uri}.manifest.json`)
    const dump = api.artifacts().find((a) => `artifact://${a.name}` === result.uri)!
    const manifest = api.artifacts().find((a) => `artifact://${a.name}` === result.manifestUri)!
    expect(dump.finalized && manifest.finalized).toBe(true)
    expect(dump.id).toBeLessThan(manifest.id)
    expect(dump.expiresAt).toBeDefined()
    expect(createHash('sha256').update(dump.data!).digest('hex')).toBe(result.sha256)
    expect(parseManifest(manifest.data!)?.object.sha256).toBe(result.sha256)
    expect(readdirSync(temp)).toEqual([])

    const drill = await runRestoreDrillMode({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      drill: settingsFor(
        {
          'database-url': source.url,
          'backup-uri': result.uri,
          'target-database-url': target.url,
          'age-identity': identity
        },
        'restore-drill'
      )
    })
    expect(drill.failure).toBeUndefined()
    expect(drill.outputs['drill-status']).toBe('passed')
    expect(drill.outputs['tables-compared']).toBe('4')
  })

  it('creates no artifact at all when pg_dump dies', async () => {
    const source = await createRichDatabase('art_fail', 300)
    const before = api.calls().length
    const script = writeScript(
      tempDir('pgops-art-fail-'),
      'pg_dump',
      `if [ "$1" = "--version" ]; then exec ${PG_BIN}/pg_dump --version; fi\n${PG_BIN}/pg_dump "$@" | head -c 5000\nkill -9 $$`
    )
    const temp = tempDir('pgops-art-temp-')
    const error = await runBackup({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      settings: settingsFor({
        destination: 'artifact',
        'encrypt-to': recipient,
        'database-url': source.url,
        'pg-dump-path': script
      }),
      tempDir: temp
    }).then(mustFail, (e: unknown) => e as Error)
    expect(error.message).toMatch(/killed by SIGKILL/)
    expect(api.calls().slice(before)).toEqual([])
    expect(readdirSync(temp)).toEqual([])
  })

  it('fails without a finalized artifact or manifest when the blob upload is refused', async () => {
    const source = await createRichDatabase('art_refused', 100)
    api.failUploads()
    try {
      const error = await runBackup({
        connection: connectionOf(source.url),
        workingDirectory: process.cwd(),
        settings: settingsFor({
          destination: 'artifact',
          'encrypt-to': recipient,
          'database-url': source.url
        }),
        tempDir: tempDir('pgops-art-temp-')
      }).then(mustFail, (e: unknown) => e as Error)
      expect(error.message).toMatch(/Uploading the artifact .* failed/)
    } finally {
      api.heal()
    }
    expect(api.artifacts().filter((a) => a.name.startsWith(source.name) && a.finalized)).toEqual([])
  })
})

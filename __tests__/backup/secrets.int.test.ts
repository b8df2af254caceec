import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { runBackupMode } from '../../src/modes/backup.js'
import { runRestoreDrillMode } from '../../src/modes/restore-drill.js'
import { createTestDatabase, serverPassword } from '../../__fixtures__/databases.js'
import { type TestS3, startS3 } from '../../__fixtures__/s3.js'
import { PG_BIN, connectionOf, createRichDatabase, settingsFor, tempDir, writeScript } from './helpers.js'

const AWS_SECRET = 'aws-Secret/Key+For=Tests-123'
let s3: TestS3
const saved: Record<string, string | undefined> = {}

beforeAll(async () => {
  s3 = await startS3('secrets')
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'INPUT_DATABASE-URL'])
    saved[k] = process.env[k]
  // s3rver accepts any secret for its one key id; this one has characters that URL-encode.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER'
  process.env.AWS_SECRET_ACCESS_KEY = AWS_SECRET
})

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  await s3.stop()
})

function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret)]
}

describe('secret hygiene', () => {
  it('keeps the database password, the AWS secret and the age identity out of argv, child env, logs, outputs, reports, names and the manifest', async () => {
    const identity = await generateX25519Identity()
    const recipient = await identityToRecipient(identity)
    const source = await createRichDatabase('secrets', 100)
    const target = await createTestDatabase('secrets_target')
    process.env['INPUT_DATABASE-URL'] = source.url
    const spy = tempDir('pgops-spy-')
    const pgDump = writeScript(
      spy,
      'pg_dump',
      `printf '%s\\n' "$@" >> ${join(spy, 'argv.log')}\nenv >> ${join(spy, 'env.log')}\nexec ${join(PG_BIN, 'pg_dump')} "$@"`
    )
    const written: string[] = []
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(chunk.toString())
      return true
    })
    let texts: string[]
    try {
      const inputs = {
        destination: 's3://secrets/p',
        's3-endpoint': s3.endpoint,
        's3-force-path-style': 'true',
        'database-url': source.url,
        'encrypt-to': recipient,
        'pg-dump-path': pgDump
      }
      const backup = await runBackupMode({
        connection: connectionOf(source.url),
        workingDirectory: process.cwd(),
        backup: settingsFor(inputs)
      })
      expect(backup.failure).toBeUndefined()
      const drill = await runRestoreDrillMode({
        connection: connectionOf(source.url),
        workingDirectory: process.cwd(),
        drill: settingsFor(
          { ...inputs, 'backup-uri': 'latest', 'target-database-url': target.url, 'age-identity': identity },
          'restore-drill'
        )
      })
      expect(drill.failure).toBeUndefined()
      // A failing run too: its error text must be as clean.
      const failed = await runBackupMode({
        connection: connectionOf(source.url.replace(/\/[^/]+$/, '/no_such_db')),
        workingDirectory: process.cwd(),
        backup: settingsFor(inputs)
      })
      expect(failed.failure).toBeDefined()
      const manifest = (
        await s3.client.send(
          new (await import('@aws-sdk/client-s3')).GetObjectCommand({
            Bucket: 'secrets',
            Key: `${backup.outputs['manifest-uri'].replace('s3://secrets/', '')}`
          })
        )
      ).Body!
      texts = [
        JSON.stringify(backup),
        JSON.stringify(drill),
        JSON.stringify(failed),
        failed.failure!.describe(),
        await manifest.transformToString(),
        (await s3.keys()).join('\n'),
        readFileSync(join(spy, 'argv.log'), 'utf8'),
        written.filter((w) => !w.startsWith('::add-mask::')).join('')
      ]
    } finally {
      stdout.mockRestore()
    }
    for (const secret of [...forms(serverPassword()), ...forms(AWS_SECRET), identity]) {
      for (const text of texts) expect(text).not.toContain(secret)
    }
    const env = readFileSync(join(spy, 'env.log'), 'utf8')
    expect(env).toContain(`PGPASSWORD=${serverPassword()}`)
    for (const leaked of [AWS_SECRET, 'INPUT_', 'AWS_ACCESS_KEY_ID', identity])
      expect(env).not.toContain(leaked)
    expect(readdirSync(spy)).toEqual(expect.arrayContaining(['argv.log', 'env.log']))
  })
})

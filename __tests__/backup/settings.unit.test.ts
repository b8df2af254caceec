import { describe, expect, it } from '@jest/globals'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { parseDumpArgs, splitArgs } from '../../src/backup/dump-args.js'
import { parseDestination } from '../../src/backup/destination.js'
import { checkRecipients } from '../../src/backup/encryption.js'
import { partSizeFor } from '../../src/backup/storage/s3.js'
import { InputError } from '../../src/errors.js'
import { resetSecrets, scrub } from '../../src/util/secrets.js'
import type { PreDeployBackupPolicy } from '../../src/backup/settings.js'
import { registerSecretInputs } from '../../src/settings/get-settings.js'
import { readPreDeployBackup } from '../../src/settings/backup-inputs.js'
import { readerFromMap } from '../../src/settings/input.js'
import { settingsFor } from './helpers.js'

const SOURCE = 'postgresql://app:s3cr3t-pw@db.example.com:5432/app'

describe('readBackupSettings', () => {
  it('applies the defaults for mode backup', () => {
    const s = settingsFor({ destination: 's3://bucket/some/prefix/', 'database-url': SOURCE })
    expect(s).toMatchObject({
      destination: { kind: 's3', bucket: 'bucket', prefix: 'some/prefix' },
      format: 'custom',
      verify: true,
      installClient: false,
      s3ForcePathStyle: false,
      encryptTo: [],
      pgDumpArgs: []
    })
  })

  it('requires a destination for backup and for backup-before-deploy, but not for a plain deploy', () => {
    expect(() => settingsFor({})).toThrow(/Input `destination`: is required for mode backup/)
    const deploy = (inputs: Record<string, string>): PreDeployBackupPolicy =>
      readPreDeployBackup(readerFromMap(inputs))
    expect(() => deploy({ 'backup-before-deploy': 'destructive' })).toThrow(
      /when backup-before-deploy is destructive/
    )
    expect(deploy({})).toEqual({ when: 'never' })
    expect(deploy({ 'backup-before-deploy': 'always', destination: '/tmp/x' })).toMatchObject({
      when: 'always',
      settings: { destination: { kind: 'local', directory: '/tmp/x' } }
    })
    expect(() => deploy({ 'backup-before-deploy': 'sometimes' })).toThrow(/never, always, destructive/)
  })

  it('refuses an unencrypted artifact unless allow-unencrypted, and keep-* for artifacts', async () => {
    expect(() => settingsFor({ destination: 'artifact' })).toThrow(/anyone with read access/)
    expect(settingsFor({ destination: 'artifact', 'allow-unencrypted': 'true' }).destination).toEqual({
      kind: 'artifact'
    })
    const recipient = await identityToRecipient(await generateX25519Identity())
    expect(settingsFor({ destination: 'artifact', 'encrypt-to': recipient }).encryptTo).toEqual([recipient])
    expect(() => settingsFor({ destination: 'artifact', 'encrypt-to': recipient, 'keep-last': '3' })).toThrow(
      /retention-days/
    )
  })

  it('accepts several age recipients and rejects anything else, masking a pasted secret key', async () => {
    const a = await identityToRecipient(await generateX25519Identity())
    const b = await identityToRecipient(await generateX25519Identity())
    expect(settingsFor({ destination: '/tmp/x', 'encrypt-to': `${a}, ${b}\n${a}` }).encryptTo).toEqual([a, b])
    expect(() => settingsFor({ destination: '/tmp/x', 'encrypt-to': 'age1notakey' })).toThrow(
      /not an age public key/
    )
    const identity = await generateX25519Identity()
    resetSecrets()
    const error = (() => {
      try {
        settingsFor({ destination: '/tmp/x', 'encrypt-to': identity })
      } catch (e) {
        return e as InputError
      }
    })()
    expect(error?.message).toMatch(/holds a secret key/)
    expect(error?.message).not.toContain(identity)
    expect(scrub(identity)).toBe('***')
  })

  it('has age-encryption itself check a recipient whose shape is right (a wrong checksum) before connecting', async () => {
    const good = await identityToRecipient(await generateX25519Identity())
    const bad = good.slice(0, -1) + (good.endsWith('q') ? 'p' : 'q')
    expect(settingsFor({ destination: '/tmp/x', 'encrypt-to': bad }).encryptTo).toEqual([bad])
    await expect(checkRecipients([good])).resolves.toBeUndefined()
    await expect(checkRecipients([good, bad])).rejects.toMatchObject({
      input: 'encrypt-to',
      message: expect.stringMatching(/not an age public key/)
    })
  })

  it('validates numbers, booleans and formats with the accepted values in the message', () => {
    expect(() => settingsFor({ destination: '/tmp/x', 'keep-last': '0' })).toThrow(/keep-last.*≥ 1/)
    expect(() => settingsFor({ destination: '/tmp/x', 'retention-days': '500' })).toThrow(/from 1 to 400/)
    expect(() => settingsFor({ destination: '/tmp/x', verify: 'maybe' })).toThrow(/true or false/)
    expect(() => settingsFor({ destination: '/tmp/x', format: 'tar' })).toThrow(/custom, plain/)
    expect(() => settingsFor({ destination: '/tmp/x', 'pg-dump-path': 'pg_dump' })).toThrow(/absolute path/)
    expect(() =>
      settingsFor({ destination: '/tmp/x', 's3-endpoint': 'https://key:secret@r2.example.com' })
    ).toThrow(/must not contain credentials/)
  })

  it('restore-drill: needs backup-uri and a target, and registers the secrets', () => {
    resetSecrets()
    expect(() => settingsFor({ 'database-url': SOURCE }, 'restore-drill')).toThrow(/backup-uri/)
    expect(() => settingsFor({ 'database-url': SOURCE, 'backup-uri': 'latest' }, 'restore-drill')).toThrow(
      /destination/
    )
    expect(() =>
      settingsFor({ 'database-url': SOURCE, 'backup-uri': 's3://b/k.dump' }, 'restore-drill')
    ).toThrow(/target-database-url/)
    // Whether the target is the source is proven by connecting to both (identity.ts), never by the URLs' spelling:
    // even the very same URL passes here and is refused by the drill before anything is dropped.
    expect(
      settingsFor(
        { 'database-url': SOURCE, 'backup-uri': 's3://b/k.dump', 'target-database-url': SOURCE },
        'restore-drill'
      ).target
    ).toMatchObject({ host: 'db.example.com', database: 'app' })
    const inputs = {
      'database-url': SOURCE,
      'backup-uri': 's3://b/k.dump',
      'target-database-url': 'postgresql://drill:tgt-Pw-2@127.0.0.1:5433/scratch',
      'age-identity':
        '# created: 2026\nAGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ'
    }
    // Secrets are registered once, before any input is parsed (src/settings/get-settings.ts).
    registerSecretInputs(readerFromMap(inputs))
    const s = settingsFor(inputs, 'restore-drill')
    expect(s.target).toMatchObject({ host: '127.0.0.1', port: 5433, database: 'scratch' })
    expect(
      scrub('pw tgt-Pw-2 key AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ')
    ).toBe('pw *** key ***')
  })
})

describe('pg-dump-args', () => {
  it('splits like a shell without expanding anything', () => {
    expect(splitArgs(`--schema 'my schema' -t "a \\"b\\"" $HOME`)).toEqual([
      '--schema',
      'my schema',
      '-t',
      'a "b"',
      '$HOME'
    ])
  })

  it('canonicalises allowed options', () => {
    expect(
      parseDumpArgs('-n app --exclude-table-data=audit.* -T "big log" -O --no-privileges -Z9', 'custom')
    ).toEqual([
      '--schema=app',
      '--exclude-table-data=audit.*',
      '--exclude-table=big log',
      '--no-owner',
      '--no-privileges',
      '--compress=9'
    ])
  })

  it.each([
    ['-f /tmp/x', '-f'],
    ['--file=/tmp/x', '--file=/tmp/x'],
    ['-Fd', '-Fd'],
    ['--dbname=postgres://u:p@h/db', '--dbname=postgres://u:p@h/db'],
    ['-h evil.example.com', '-h'],
    ['--snapshot=x', '--snapshot=x'],
    ['-j 4', '-j'],
    ['schema', 'schema']
  ])('refuses %s', (text, shown) => {
    expect(() => parseDumpArgs(text, 'custom')).toThrow(`does not accept "${shown}"`)
  })

  it('knows which options belong to which format', () => {
    expect(() => parseDumpArgs('--inserts', 'custom')).toThrow(/does not accept/)
    expect(parseDumpArgs('--inserts --clean --if-exists', 'plain')).toEqual([
      '--inserts',
      '--clean',
      '--if-exists'
    ])
    expect(() => parseDumpArgs('-Z 5', 'plain')).toThrow(/does not accept/)
    expect(() => parseDumpArgs('--schema', 'plain')).toThrow(/needs a value/)
  })
})

describe('destination', () => {
  it('parses the three kinds and rejects other schemes', () => {
    expect(parseDestination('artifact')).toEqual({ kind: 'artifact' })
    expect(parseDestination('s3://b-1')).toEqual({ kind: 's3', bucket: 'b-1', prefix: '' })
    expect(parseDestination('backups/db')).toEqual({ kind: 'local', directory: 'backups/db' })
    expect(parseDestination('file:///var/backups')).toEqual({ kind: 'local', directory: '/var/backups' })
    expect(() => parseDestination('gs://bucket/x')).toThrow(/unsupported scheme "gs"/)
    expect(() => parseDestination('s3://Bad_Bucket/x')).toThrow(/not a valid bucket name/)
  })

  it('keeps a trailing slash off the prefix and refuses keys that are not plain paths, naming the input', () => {
    expect(parseDestination('s3://b-1/nightly/app/')).toEqual({
      kind: 's3',
      bucket: 'b-1',
      prefix: 'nightly/app'
    })
    expect(parseDestination('s3://b-1/a.b/..c/%41')).toEqual({
      kind: 's3',
      bucket: 'b-1',
      prefix: 'a.b/..c/%41'
    })
    const refused: [string, RegExp][] = [
      ['s3://bucket/../..', /segment "\.\."/],
      ['s3://bucket/x/./y', /segment "\."/],
      ['s3://bucket/x/../../other', /segment "\.\."/],
      ['s3://bucket/%2e%2e/x', /segment "%2e%2e"/],
      ['s3://bucket/%2E%2e', /segment "%2E%2e"/],
      ['s3://bucket/a%2F..%2Fb', /decodes to a path separator/],
      ['s3://bucket/x//y', /empty segment/],
      ['s3://bucket//abs', /starts with "\/"/],
      ['s3://bucket/x\\..\\y', /backslash/],
      ['s3://bucket/x%zz', /invalid percent-encoding/],
      ['s3://bucket/x\ny', /control character/]
    ]
    for (const [destination, why] of refused) {
      expect(() => parseDestination(destination)).toThrow(InputError)
      expect(() => parseDestination(destination)).toThrow(/^Input `destination`: has the key prefix/)
      expect(() => parseDestination(destination)).toThrow(why)
    }
  })

  it('refuses backup-uri keys that are not plain paths before anything connects', () => {
    const drill = (uri: string): unknown =>
      settingsFor(
        { 'database-url': SOURCE, 'backup-uri': uri, 'target-database-url': 'postgresql://u:p@h/scratch' },
        'restore-drill'
      )
    for (const uri of [
      's3://bucket/../..',
      's3://bucket/./k.dump',
      's3://bucket/p/%2e%2e/k.dump',
      's3://bucket//etc/k.dump',
      's3://bucket/p//k.dump',
      's3://bucket/p\\k.dump',
      'artifact://..__..__k.dump'
    ])
      expect(() => drill(uri)).toThrow(/^Input `backup-uri`: has the (key|artifact name) /)
    expect(() => drill('s3://bucket/')).toThrow(/^Input `backup-uri`: names no object key/)
    expect(drill('s3://bucket/p/app/2026-01-01T00-00-00.000Z.dump')).toMatchObject({
      backupUri: 's3://bucket/p/app/2026-01-01T00-00-00.000Z.dump'
    })
  })
})

describe('S3 part size', () => {
  const MiB = 1024 * 1024
  it('streams small objects in 8 MiB parts and keeps 500 GiB and more within 10,000 parts', () => {
    expect(partSizeFor(undefined)).toBe(64 * MiB)
    expect(partSizeFor(2 * 800 * MiB)).toBe(8 * MiB)
    const big = 2 * 500 * 1024 * MiB
    expect(partSizeFor(big) * 10_000).toBeGreaterThanOrEqual(big)
    expect(partSizeFor(big) % MiB).toBe(0)
    expect(partSizeFor(2 * 1024 ** 5)).toBe(5 * 1024 * MiB)
  })
})

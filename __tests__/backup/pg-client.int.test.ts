import { describe, expect, it } from '@jest/globals'
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { findClient, parseClientVersion } from '../../src/backup/pg-client.js'
import { PG_BIN, mustFail, tempDir, writeScript } from './helpers.js'

function fakeTool(dir: string, tool: string, version: string): string {
  mkdirSync(dir, { recursive: true })
  return writeScript(dir, tool, `echo "${tool} (PostgreSQL) ${version}"`)
}

function fakeDebianRoot(majors: Record<string, string>): string {
  const root = tempDir('pgops-debian-')
  for (const [major, version] of Object.entries(majors))
    fakeTool(join(root, major, 'bin'), 'pg_dump', version)
  return root
}

describe('parseClientVersion', () => {
  it.each([
    ['pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)', '15.18', 15],
    ['pg_dump (PostgreSQL) 17.2', '17.2', 17],
    ['pg_restore (PostgreSQL) 18beta1', '18.0', 18],
    ['pg_dump (PostgreSQL) 9.6.24', '9.6.24', 9]
  ])('%s', (text, version, major) => {
    expect(parseClientVersion(text)).toEqual({ version, major })
  })
})

describe('findClient', () => {
  it('picks the smallest Debian-layout major that is at least the server major', async () => {
    const root = fakeDebianRoot({ '14': '14.10', '16': '16.4', '17': '17.2' })
    const found = await findClient('pg_dump', 15, { installClient: false, debianRoot: root, searchPath: '' })
    expect(found).toMatchObject({
      path: join(root, '16', 'bin', 'pg_dump'),
      version: '16.4',
      major: 16,
      source: 'debian-layout'
    })
  })

  it('believes --version, not the directory name', async () => {
    const root = fakeDebianRoot({ '16': '14.3', '17': '17.0' })
    expect(
      (await findClient('pg_dump', 16, { installClient: false, debianRoot: root, searchPath: '' })).version
    ).toBe('17.0')
  })

  it('falls back to PATH but never to pg_wrapper', async () => {
    const root = fakeDebianRoot({ '14': '14.10' })
    const share = tempDir('pgops-share-')
    fakeTool(join(share, 'postgresql-common'), 'pg_wrapper', '18.1')
    const usrBin = tempDir('pgops-usrbin-')
    symlinkSync(join(share, 'postgresql-common', 'pg_wrapper'), join(usrBin, 'pg_dump'))
    const other = tempDir('pgops-otherbin-')
    fakeTool(other, 'pg_dump', '18.0')
    const found = await findClient('pg_dump', 18, {
      installClient: false,
      debianRoot: root,
      searchPath: `${usrBin}:${other}`
    })
    expect(found).toMatchObject({ path: join(other, 'pg_dump'), source: 'path', major: 18 })
    const error = await findClient('pg_dump', 18, {
      installClient: false,
      debianRoot: root,
      searchPath: usrBin
    }).then(mustFail, (e: unknown) => e as Error & { hint: string })
    expect(error.message).toMatch(/No pg_dump of major 18 or newer/)
    expect(error.message).toContain('14')
    expect(error.hint).toMatch(/install-client: true.*postgresql-client-18/s)
  })

  it('uses pg-dump-path and looks for pg_restore beside it, else by discovery', async () => {
    const dir = tempDir('pgops-explicit-')
    const pgDump = fakeTool(dir, 'pg_dump', '17.1')
    fakeTool(dir, 'pg_restore', '17.1')
    expect(await findClient('pg_dump', 15, { installClient: false, explicitPath: pgDump })).toMatchObject({
      source: 'input',
      path: pgDump
    })
    expect(await findClient('pg_restore', 17, { installClient: false, explicitPath: pgDump })).toMatchObject({
      path: join(dir, 'pg_restore')
    })
    const lonely = fakeTool(tempDir('pgops-lonely-'), 'pg_dump', '15.2')
    const restore = await findClient('pg_restore', 15, { installClient: false, explicitPath: lonely })
    expect(restore.path).toBe(join(PG_BIN, 'pg_restore'))
  })

  it('refuses a pg-dump-path that does not run', async () => {
    const broken = writeScript(tempDir('pgops-broken-'), 'pg_dump', 'exit 3')
    await expect(findClient('pg_dump', 15, { installClient: false, explicitPath: broken })).rejects.toThrow(
      /does not run as pg_dump/
    )
  })
})

/**
 * A restore drill against a confused operator and an attacker with write access to the backup storage: the
 * source named another way is refused before anything is dropped (its tables, rows and oid unchanged), and a
 * plain-format backup with planted psql meta-commands runs nothing on the runner. Real Postgres, psql, pg_dump.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runBackup } from '../../src/modes/backup.js'
import {
  checkTargetIsNotSource,
  identityGuardSql,
  readIdentity,
  sameServer
} from '../../src/backup/identity.js'
import { plainDumpStream, psqlHasRestrict, scanPlainDump } from '../../src/backup/plain-restore.js'
import { runRestoreDrillMode } from '../../src/modes/restore-drill.js'
import { ActionError, InputError } from '../../src/errors.js'
import { adminQuery, createTestDatabase, query, serverPassword } from '../../__fixtures__/databases.js'
import { type ServerAliases, startServerAliases, tcpUrl } from '../../__fixtures__/server-aliases.js'
import { connectionOf, createRichDatabase, settingsFor, tableDigests, tempDir } from './helpers.js'

let source: { name: string; url: string }
let aliases: ServerAliases

/** Everything that would show a dropped or restored source: schemas, tables, every row, the database's oid. */
async function sourceState(): Promise<string> {
  const [db] = await adminQuery<{ oid: string }>('SELECT oid::text FROM pg_database WHERE datname = $1', [
    source.name
  ])
  const schemas = await query(
    source.name,
    `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1`
  )
  return JSON.stringify({ oid: db.oid, schemas, tables: await tableDigests(source.name) })
}

async function drill(
  inputs: Record<string, string>,
  sourceUrl = source.url
): ReturnType<typeof runRestoreDrillMode> {
  return runRestoreDrillMode({
    connection: connectionOf(sourceUrl),
    workingDirectory: process.cwd(),
    drill: settingsFor({ 'database-url': sourceUrl, ...inputs }, 'restore-drill')
  })
}

let customBackup: string

beforeAll(async () => {
  source = await createRichDatabase('hd_src', 300)
  aliases = await startServerAliases(`drill_other_${process.pid}`, 'Other-R0le_pw')
  const backup = await runBackup({
    connection: connectionOf(source.url),
    workingDirectory: process.cwd(),
    settings: settingsFor({ 'database-url': source.url, destination: tempDir('pgops-hd-custom-') })
  })
  customBackup = backup.uri
})

afterAll(async () => {
  await aliases.stop()
})

describe('restore-drill refuses the source database however its URL names it', () => {
  const spellings = (): [string, string][] => {
    const pw = serverPassword()
    return [
      ['the same URL', source.url],
      [
        'its unix socket directory in ?host=',
        `postgresql://postgres@localhost:${aliases.port}/${source.name}?host=${aliases.socketDir}`
      ],
      ['localhost instead of 127.0.0.1', tcpUrl('postgres', pw, 'localhost', aliases.port, source.name)],
      ['an upper-case host name', tcpUrl('postgres', pw, 'LOCALHOST', aliases.port, source.name)],
      ['the short IPv4 form 127.1', tcpUrl('postgres', pw, '127.1', aliases.port, source.name)],
      ['the IPv4 address as one number', tcpUrl('postgres', pw, '2130706433', aliases.port, source.name)],
      ['another user', tcpUrl(aliases.role, aliases.password, '127.0.0.1', aliases.port, source.name)],
      [
        'another port forwarded to the server',
        tcpUrl('postgres', pw, '127.0.0.1', aliases.forward.port, source.name)
      ],
      [
        'a ?host= that overrides a harmless-looking host',
        `${tcpUrl('postgres', pw, 'scratch-db.invalid', aliases.port, source.name)}?host=127.0.0.1`
      ]
    ]
  }

  it('refuses every spelling with target-clean: true, naming the input, before anything is dropped', async () => {
    for (const [how, target] of spellings()) {
      const before = await sourceState()
      const result = await drill({
        'backup-uri': customBackup,
        'target-database-url': target,
        'target-clean': 'true'
      })
      expect([how, result.failure]).toEqual([how, expect.any(InputError)])
      expect((result.failure as InputError).input).toBe('target-database-url')
      expect(result.failure!.message).toMatch(
        /reaches the source database: database "hd_src_\w+" \(oid \d+\)/
      )
      expect(result.failure!.describe()).toMatch(/nothing was dropped or restored/)
      expect(result.failure!.describe()).toMatch(/Point `target-database-url` at a scratch database/)
      expect(result.outputs).toMatchObject({ 'drill-status': 'failed', 'tables-compared': '0' })
      expect([how, await sourceState()]).toEqual([how, before])
    }
  })

  it('a percent-encoded database name is another, missing database (Prisma does not decode it): nothing is dropped', async () => {
    const encodedName = [...source.name].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')
    const before = await sourceState()
    const result = await drill({
      'backup-uri': customBackup,
      'target-database-url': tcpUrl('postgres', serverPassword(), '127.0.0.1', aliases.port, encodedName),
      'target-clean': 'true'
    })
    expect(result.failure?.code).toBe('P1003')
    expect(result.failure!.describe()).toMatch(/nothing was dropped or restored/)
    expect(result.failure!.describe()).toContain(`Database \`${encodedName}\` does not exist`)
    expect(result.outputs).toMatchObject({ 'drill-status': 'failed', 'tables-compared': '0' })
    expect(await sourceState()).toEqual(before)
  })

  it('refuses a template database (template1 is copied into every new database), touching nothing', async () => {
    const [before] = await adminQuery<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`,
      [],
      'template1'
    )
    const result = await drill({
      'backup-uri': customBackup,
      'target-database-url': tcpUrl('postgres', serverPassword(), '127.0.0.1', aliases.port, 'template1'),
      'target-clean': 'true'
    })
    expect((result.failure as InputError).input).toBe('target-database-url')
    expect(result.failure!.message).toMatch(/reaches the template database "template1"/)
    const [after] = await adminQuery<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`,
      [],
      'template1'
    )
    expect(after).toEqual(before)
  })

  it('restores into another database on the same server, and says so', async () => {
    const before = await sourceState()
    const scratch = await createTestDatabase('hd_scratch')
    await query(scratch.name, 'CREATE TABLE leftover (id int); INSERT INTO leftover VALUES (1)')
    const result = await drill({
      'backup-uri': customBackup,
      'target-database-url': tcpUrl('postgres', serverPassword(), 'localhost', aliases.port, scratch.name),
      'target-clean': 'true'
    })
    expect(result.failure).toBeUndefined()
    expect(result.outputs['drill-status']).toBe('passed')
    expect(result.report).toMatchObject({
      restoreDrill: { targetIdentity: { sameServerAsSource: true, target: { databaseName: scratch.name } } }
    })
    expect(result.markdown).toContain("on the source's own server")
    expect(await tableDigests(scratch.name)).toEqual(await tableDigests(source.name))
    expect(await sourceState()).toBe(before)
  })

  it('fails closed when the source cannot be reached: nothing is dropped or restored in the target', async () => {
    const scratch = await createTestDatabase('hd_unreach')
    await query(scratch.name, 'CREATE TABLE keep_me (id int); INSERT INTO keep_me VALUES (7)')
    const unreachable = tcpUrl('postgres', serverPassword(), '127.0.0.1', 1, source.name)
    const result = await drill(
      { 'backup-uri': customBackup, 'target-database-url': scratch.url, 'target-clean': 'true' },
      unreachable
    )
    expect(result.failure).toBeInstanceOf(ActionError)
    expect(result.failure!.message).toMatch(
      /connecting to `database-url` failed, so nothing was dropped or restored/
    )
    expect(result.failure!.describe()).toMatch(/the source must be reachable from this job/)
    expect(await query(scratch.name, 'SELECT id FROM keep_me')).toEqual([{ id: 7 }])
  })
})

describe('restore-drill of an artifact outside a job', () => {
  it('fails naming the input before it connects to anything', async () => {
    const saved = { token: process.env.ACTIONS_RUNTIME_TOKEN, url: process.env.ACTIONS_RESULTS_URL }
    delete process.env.ACTIONS_RUNTIME_TOKEN
    delete process.env.ACTIONS_RESULTS_URL
    try {
      // An unreachable target: had the drill connected first, the error would be about that connection.
      const result = await drill({
        'backup-uri': 'artifact://app__2026-01-01T00-00-00.000Z.dump',
        'target-database-url': tcpUrl('postgres', 'x', '127.0.0.1', 1, 'scratch')
      })
      expect((result.failure as InputError).input).toBe('backup-uri')
      expect(result.failure!.message).toMatch(/ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set/)
    } finally {
      if (saved.token !== undefined) process.env.ACTIONS_RUNTIME_TOKEN = saved.token
      if (saved.url !== undefined) process.env.ACTIONS_RESULTS_URL = saved.url
    }
  })
})

describe('identity rules', () => {
  const id = (over: Partial<Parameters<typeof sameServer>[0]>): Parameters<typeof sameServer>[0] => ({
    systemIdentifier: '7000',
    startedAt: '2026-01-01T00:00:00.000001Z',
    databaseOid: '16384',
    databaseName: 'app',
    isTemplate: false,
    ...over
  })

  it('compares system identifiers when both are readable, else the postmaster start time', () => {
    expect(sameServer(id({}), id({ startedAt: 'restarted' }))).toBe(true)
    expect(sameServer(id({}), id({ systemIdentifier: '7001' }))).toBe(false)
    expect(sameServer(id({ systemIdentifier: null }), id({}))).toBe(true)
    expect(sameServer(id({ systemIdentifier: null }), id({ startedAt: 'other' }))).toBe(false)
  })

  it('refuses the same database (by oid or by name) on the same server, allows another database there', () => {
    expect(() => checkTargetIsNotSource(id({}), id({}))).toThrow(InputError)
    // A physical copy (same system identifier): the same name is refused too, to be safe.
    expect(() => checkTargetIsNotSource(id({}), id({ databaseOid: '99999' }))).toThrow(/reaches the source/)
    expect(checkTargetIsNotSource(id({}), id({ databaseOid: '20000', databaseName: 'drill' }))).toBe(true)
    expect(checkTargetIsNotSource(id({}), id({ systemIdentifier: '8000' }))).toBe(false)
    expect(() =>
      checkTargetIsNotSource(
        id({}),
        id({ systemIdentifier: '8000', databaseName: 'template1', isTemplate: true })
      )
    ).toThrow(/reaches the template database "template1"/)
  })

  it('the guard that opens a psql restore fails in any session but the checked database', async () => {
    const scratch = await createTestDatabase('hd_guard')
    const pg = (await import('pg')).default
    const identityOf = async (url: string): Promise<Parameters<typeof identityGuardSql>[0]> => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        return await readIdentity(client)
      } finally {
        await client.end()
      }
    }
    const checked = await identityOf(scratch.url)
    expect(checked.systemIdentifier).toMatch(/^\d+$/)
    await expect(query(scratch.name, identityGuardSql(checked))).resolves.toBeDefined()
    await expect(query(source.name, identityGuardSql(checked))).rejects.toThrow(
      /did not reach the checked target database/
    )
    await expect(
      query(scratch.name, identityGuardSql({ ...checked, startedAt: '2000-01-01T00:00:00.000000Z' }))
    ).rejects.toThrow(/did not reach the checked target database/)
  })
})

describe('plain-format backups run no psql meta-command', () => {
  let work: string
  let legit: { uri: string; text: string; manifest: Record<string, unknown> }
  const MARKER_DIR = (): string => join(work, 'markers')

  /** What an attacker with write access to the storage does: new object, manifest made to agree with it. */
  function plant(name: string, text: string): string {
    const body = Buffer.from(text)
    const sha = createHash('sha256').update(body).digest('hex')
    const dir = join(work, 'planted')
    mkdirSync(dir, { recursive: true })
    const file = join(dir, `${name}.sql`)
    writeFileSync(file, body)
    const manifest = structuredClone(legit.manifest) as {
      object: { key: string; size: number; sha256: string }
      dump: { size: number; sha256: string }
    }
    manifest.object = { ...manifest.object, key: `${name}.sql`, size: body.length, sha256: sha }
    manifest.dump = { ...manifest.dump, size: body.length, sha256: sha }
    writeFileSync(`${file}.manifest.json`, JSON.stringify(manifest))
    return file
  }

  beforeAll(async () => {
    work = tempDir('pgops-hd-plain-')
    mkdirSync(join(work, 'markers'))
    const backup = await runBackup({
      connection: connectionOf(source.url),
      workingDirectory: process.cwd(),
      settings: settingsFor({ 'database-url': source.url, destination: join(work, 'legit'), format: 'plain' })
    })
    legit = {
      uri: backup.uri,
      text: readFileSync(backup.uri, 'utf8'),
      manifest: JSON.parse(readFileSync(backup.manifestUri, 'utf8')) as Record<string, unknown>
    }
  })

  /**
   * The legit dump as an attacker edits it: pg_dump's own `\restrict`/`\unrestrict` lines deleted (they would
   * restrict the file itself), `planted` inserted just before the closing comment, after all data is loaded.
   */
  const withPlanted = (planted: string): string =>
    legit.text
      .replace(/^\\(un)?restrict [A-Za-z0-9]+$/gm, '')
      .replace(
        '--\n-- PostgreSQL database dump complete',
        `${planted}\n--\n-- PostgreSQL database dump complete`
      )

  it("the installed psql knows \\restrict, and our own plain backups (with pg_dump's \\restrict lines) restore", async () => {
    expect(psqlHasRestrict('15.18')).toBe(true)
    expect(psqlHasRestrict('15.13')).toBe(false)
    expect(psqlHasRestrict('12.22')).toBe(false)
    expect(psqlHasRestrict('17.6')).toBe(true)
    expect(psqlHasRestrict('18.0')).toBe(true)
    expect(legit.text).toMatch(/^\\restrict [A-Za-z0-9]+$/m)
    const target = await createTestDatabase('hd_plain_ok')
    const result = await drill({ 'backup-uri': legit.uri, 'target-database-url': target.url })
    expect(result.failure).toBeUndefined()
    expect(await tableDigests(target.name)).toEqual(await tableDigests(source.name))
  })

  const metaCommands: [string, (marker: string) => string][] = [
    ['\\!', (m) => `\\! touch ${m}`],
    ['\\o |command', (m) => `\\o |touch ${m}\nSELECT 1;`],
    ['\\copy ... to program', (m) => `\\copy (SELECT 1) TO PROGRAM 'touch ${m}'`],
    ['\\i of another file', (m) => `\\i ${m}.sql`],
    ['\\setenv then \\!', (m) => `\\setenv X 1\n\\! touch ${m}`],
    ['\\gexec', (m) => `SELECT 'SELECT 1 \\\\! touch ${m}' \\gexec`],
    ['a meta-command after a quoted string', (m) => `SELECT 'it''s' \\! touch ${m}`],
    ['a meta-command after a statement on the same line', (m) => `SELECT 1; \\! touch ${m}`],
    ['\\set ON_ERROR_STOP off first', (m) => `\\set ON_ERROR_STOP off\n\\! touch ${m}`],
    ['\\connect to another database', (m) => `\\connect postgres\n\\! touch ${m}`],
    ['backticks in \\echo', (m) => `\\echo \`touch ${m}\``],
    ['a CRLF line', (m) => `\\! touch ${m}\r`],
    ['after \\\\', (m) => `SELECT 1 \\\\ \\! touch ${m}`],
    ["pg_dump's \\restrict header repeated", (m) => `\\restrict abc\n\\! touch ${m}`]
  ]

  it.each(metaCommands)(
    '%s: nothing runs, the drill fails naming the line and rolls back',
    async (_name, make) => {
      const marker = join(MARKER_DIR(), `m${Math.random().toString(36).slice(2)}`)
      // For \i: a file that would run the command if psql read it.
      writeFileSync(`${marker}.sql`, `\\! touch ${marker}\n`)
      const file = plant(`meta${Math.random().toString(36).slice(2)}`, withPlanted(make(marker)))
      const target = await createTestDatabase('hd_plant')
      const result = await drill({ 'backup-uri': file, 'target-database-url': target.url })
      expect(existsSync(marker)).toBe(false)
      expect(result.failure?.message).toMatch(
        /^The plain-format backup holds a psql meta-command at line \d+ .*ran nothing, stopped there and rolled the restore back/
      )
      expect(result.outputs['drill-status']).toBe('failed')
      // Rolled back: the data before the planted line is not in the target either.
      expect(await tableDigests(target.name)).toEqual({})
    }
  )

  it.each([
    ['backticks in \\unrestrict (CVE-2026-18408)', (m: string) => `\\unrestrict \`touch ${m}\``],
    ["\\unrestrict with the dump's own key, then \\!", (m: string) => `\\unrestrict KEY\n\\! touch ${m}`],
    ['\\unrestrict hidden after a statement', (m: string) => `SELECT 1; \\unrestrict \`touch ${m}\``]
  ])('%s: refused before psql starts', async (_name, make) => {
    const marker = join(MARKER_DIR(), `u${Math.random().toString(36).slice(2)}`)
    const key = /^\\restrict ([A-Za-z0-9]+)$/m.exec(legit.text)![1]
    const planted = legit.text.replace(
      '--\n-- PostgreSQL database dump complete',
      `${make(marker).replace('KEY', key)}\n--\n-- PostgreSQL database dump complete`
    )
    const file = plant(`unr${Math.random().toString(36).slice(2)}`, planted)
    const target = await createTestDatabase('hd_unr')
    const result = await drill({ 'backup-uri': file, 'target-database-url': target.url })
    expect(existsSync(marker)).toBe(false)
    expect(result.failure?.message).toMatch(/holds the psql meta-command `\\unrestrict` at line \d+/)
    expect(await tableDigests(target.name)).toEqual({})
  })

  it('text that only looks like a command (in COPY data, a dollar quote, a comment) stays data', async () => {
    const marker = join(MARKER_DIR(), 'data-only')
    const planted = [
      'CREATE TABLE public.planted (a text);',
      'COPY public.planted (a) FROM stdin;',
      `\\! touch ${marker}`,
      '\\.',
      `SELECT $q$`,
      `\\! touch ${marker}`,
      `$q$;`,
      `/* \\! touch ${marker} */ SELECT 1;`
    ].join('\n')
    const file = plant('data-only', withPlanted(planted))
    const target = await createTestDatabase('hd_data')
    const result = await drill({ 'backup-uri': file, 'target-database-url': target.url })
    expect(existsSync(marker)).toBe(false)
    expect(result.failure).toBeUndefined()
    expect(await query(target.name, 'SELECT a FROM public.planted')).toEqual([{ a: `! touch ${marker}` }])
  })
})

describe('scanPlainDump', () => {
  it("finds pg_dump's own lines, keeps line numbers, and names the line of a stray \\unrestrict across chunks", async () => {
    const dir = tempDir('pgops-scan-')
    const ok = join(dir, 'ok.sql')
    writeFileSync(ok, '--\n-- dump\n--\n\n\\restrict K1\n\nSELECT 1;\n\n\\unrestrict K1\n\n')
    const scan = await scanPlainDump(ok)
    expect(scan.header).toMatchObject({ key: 'K1' })
    expect(scan.trailer).toBeDefined()
    let streamed = ''
    for await (const chunk of plainDumpStream(ok, scan)) streamed += String(chunk)
    expect(streamed).toBe('--\n-- dump\n--\n\n\n\nSELECT 1;\n\n\n\n')

    // 64 KiB reads: put the needle across the first boundary, on line 3.
    const straddle = join(dir, 'straddle.sql')
    const filler = 'x'.repeat(65536 - 5 - 2)
    writeFileSync(straddle, `a\nb\n${filler}\\unrestrict \`id\`\nSELECT 1;\n`)
    await expect(scanPlainDump(straddle)).rejects.toThrow(/`\\unrestrict` at line 3,/)

    // A trailer whose key differs from the header's is no trailer.
    const wrong = join(dir, 'wrong.sql')
    writeFileSync(wrong, '\\restrict K1\nSELECT 1;\n\\unrestrict K2\n')
    await expect(scanPlainDump(wrong)).rejects.toThrow(/at line 3/)
    // Content after the trailer makes it a stray one.
    const after = join(dir, 'after.sql')
    writeFileSync(after, '\\restrict K1\nSELECT 1;\n\\unrestrict K1\n\\! id\n')
    await expect(scanPlainDump(after)).rejects.toThrow(/at line 3/)
  })
})

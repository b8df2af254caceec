/**
 * backup and restore-drill through dist/index.js against a confused operator, an attacker with write access to
 * the backup bucket, and a bad day: the source named another way is never restored into, a planted plain backup
 * runs no command on the runner, a stored backup is reported as stored whatever fails after it, keys that are
 * not plain paths and an artifact destination outside a job fail before anything is dumped. No run shows a
 * secret in any form.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { createHash } from 'node:crypto'
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { adminQuery, createTestDatabase, query, serverPassword } from '../../__fixtures__/databases.js'
import { ACCESS_DENIED, type FaultProxy, isDelete, startFaultProxy } from '../../__fixtures__/fault-proxy.js'
import { type ActionRun, runAction, secretForms } from '../../__fixtures__/run-action.mjs'
import { type TestS3, startS3 } from '../../__fixtures__/s3.js'
import { type ServerAliases, startServerAliases, tcpUrl } from '../../__fixtures__/server-aliases.js'

const BUCKET = 'hostile'
const EXAMPLE = join(process.cwd(), 'examples', 'prisma')
const LAST = '20260105093000_tool_execution_status'
const OTHER_PASSWORD = 'Hostile-0ther_R0le-pw'

describe('dist/index.js against hostile backups and bad days', () => {
  let workspace: string
  let s3: TestS3
  let proxy: FaultProxy
  let source: { name: string; url: string }
  let aliases: ServerAliases
  const runs: { title: string; run: ActionRun }[] = []

  const s3Inputs = (prefix: string): Record<string, string> => ({
    destination: `s3://${BUCKET}/${prefix}`,
    's3-endpoint': proxy.endpoint,
    's3-force-path-style': 'true',
    's3-region': 'us-east-1'
  })

  async function action(
    title: string,
    inputs: Record<string, string>,
    env: Record<string, string> = {},
    project = workspace
  ): Promise<ActionRun> {
    const run = await runAction({
      inputs,
      workspace: project,
      env: { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, ...env }
    })
    runs.push({ title, run })
    return run
  }

  /** The one `::error` line of a run, decoded. */
  function errorOf(run: ActionRun): string {
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    return errors[0].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
  }

  /** Everything a drop or restore would change: the oid, the schemas, every table's rows. */
  async function sourceState(): Promise<string> {
    const [db] = await adminQuery<{ oid: string }>('SELECT oid::text FROM pg_database WHERE datname = $1', [
      source.name
    ])
    const tables = await query<{ t: string }>(
      source.name,
      `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`
    )
    const rows: Record<string, unknown> = {}
    for (const { t } of tables) {
      const [r] = await query<{ n: string; digest: string }>(
        source.name,
        `SELECT count(*)::text AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS digest FROM ${t} x`
      )
      rows[t] = r
    }
    return JSON.stringify({ oid: db.oid, tables, rows })
  }

  async function getObject(key: string): Promise<Buffer> {
    const object = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
    return Buffer.from(await object.Body!.transformToByteArray())
  }

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'e2e-hostile-'))
    s3 = await startS3(BUCKET)
    proxy = await startFaultProxy(s3.endpoint)
    source = await createTestDatabase('hostile_src')
    await query(
      source.name,
      `CREATE TABLE accounts (id serial PRIMARY KEY, email text NOT NULL);
       INSERT INTO accounts (email) SELECT 'user' || g || '@example.com' FROM generate_series(1, 250) g;
       CREATE TABLE ledger (id bigserial PRIMARY KEY, account_id int REFERENCES accounts, amount numeric(12,2));
       INSERT INTO ledger (account_id, amount) SELECT 1 + g % 250, g * 0.25 FROM generate_series(1, 900) g;`
    )
    aliases = await startServerAliases(`hostile_other_${process.pid}`, OTHER_PASSWORD)
  })

  afterAll(async () => {
    await aliases.stop()
    await proxy.stop()
    await s3.stop()
    rmSync(workspace, { recursive: true, force: true })
  })

  describe('restore-drill proves the target is not the source', () => {
    beforeAll(async () => {
      const backup = await action('backup for the drills', {
        mode: 'backup',
        'database-url': source.url,
        ...s3Inputs('drills')
      })
      expect(backup.exitCode).toBe(0)
    })

    const drillInto = (title: string, target: string): Promise<ActionRun> =>
      action(title, {
        mode: 'restore-drill',
        'database-url': source.url,
        ...s3Inputs('drills'),
        'backup-uri': 'latest',
        'target-database-url': target,
        'target-clean': 'true'
      })

    it('refuses the source named through its socket directory, localhost, another user, another aliases.port, an upper-case host', async () => {
      const pw = serverPassword()
      const spellings: [string, string][] = [
        [
          'socket directory',
          `postgresql://postgres@localhost:${aliases.port}/${source.name}?host=${aliases.socketDir}`
        ],
        ['localhost', tcpUrl('postgres', pw, 'localhost', aliases.port, source.name)],
        ['another user', tcpUrl(aliases.role, aliases.password, '127.0.0.1', aliases.port, source.name)],
        ['a forwarded port', tcpUrl('postgres', pw, '127.0.0.1', aliases.forward.port, source.name)],
        ['an upper-case host', tcpUrl('postgres', pw, 'LOCALHOST', aliases.port, source.name)]
      ]
      for (const [how, target] of spellings) {
        const before = await sourceState()
        const run = await drillInto(`drill into the source via ${how}`, target)
        expect([how, run.exitCode]).toEqual([how, 1])
        const error = errorOf(run)
        expect(error).toContain('Input `target-database-url`: reaches the source database')
        expect(error).toContain('nothing was dropped or restored')
        expect(error).toContain('Point `target-database-url` at a scratch database')
        expect(run.outputs).toMatchObject({ 'drill-status': 'failed', 'tables-compared': '0' })
        expect([how, await sourceState()]).toEqual([how, before])
      }
    })

    it('a percent-encoded database name names another database (Prisma does not decode it): it fails before anything is dropped', async () => {
      const encoded = [...source.name].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('')
      const before = await sourceState()
      const run = await drillInto(
        'drill into a percent-encoded name',
        tcpUrl('postgres', serverPassword(), 'LOCALHOST', aliases.port, encoded)
      )
      expect(run.exitCode).toBe(1)
      const error = errorOf(run)
      expect(error).toContain('P1003')
      expect(error).toContain('nothing was dropped or restored')
      expect(run.outputs).toMatchObject({ 'drill-status': 'failed', 'tables-compared': '0' })
      expect(await sourceState()).toEqual(before)
    })

    it('restores into another database on the same server, with a warning', async () => {
      const scratch = await createTestDatabase('hostile_scratch')
      const before = await sourceState()
      const run = await drillInto('drill into another database on the same server', scratch.url)
      expect(run.exitCode).toBe(0)
      expect(run.outputs).toMatchObject({
        'drill-status': 'passed',
        'tables-compared': '2',
        mismatches: '[]'
      })
      expect(run.stdout).toMatch(
        /^::warning::target-database-url is another database on the source's own server/m
      )
      expect(run.summary).toContain("on the source's own server")
      expect(await sourceState()).toBe(before)
    })
  })

  describe('a planted plain backup runs nothing on the runner', () => {
    let key: string
    let legit: Buffer
    let legitManifest: Record<string, unknown>

    beforeAll(async () => {
      const backup = await action('plain backup', {
        mode: 'backup',
        'database-url': source.url,
        ...s3Inputs('plain'),
        format: 'plain'
      })
      expect(backup.exitCode).toBe(0)
      key = backup.outputs['backup-uri'].slice(`s3://${BUCKET}/`.length)
      legit = await getObject(key)
      legitManifest = JSON.parse((await getObject(`${key}.manifest.json`)).toString()) as Record<
        string,
        unknown
      >
    })

    /** What an attacker with write access to the bucket does: replace the newest backup, make its manifest agree. */
    async function forge(text: string): Promise<void> {
      const body = Buffer.from(text)
      const sha256 = createHash('sha256').update(body).digest('hex')
      const manifest = structuredClone(legitManifest) as {
        object: { size: number; sha256: string }
        dump: { size: number; sha256: string }
      }
      manifest.object = { ...manifest.object, size: body.length, sha256 }
      manifest.dump = { ...manifest.dump, size: body.length, sha256 }
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }))
      await s3.client.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: `${key}.manifest.json`, Body: JSON.stringify(manifest) })
      )
    }

    it.each([
      [
        '\\! and \\o |command',
        (m: string) => `\\! touch ${m}\n\\o |touch ${m}-o\nSELECT 1;`,
        /holds a psql meta-command at line \d+/
      ],
      [
        'backticks in \\unrestrict',
        (m: string) => `\\unrestrict \`touch ${m}\``,
        /holds the psql meta-command `\\unrestrict` at line \d+/
      ]
    ])(
      '%s, with a manifest made to agree: nothing runs, the drill fails clearly',
      async (name, plant, why) => {
        const marker = join(workspace, `planted-${name.length}`)
        // The attacker deletes pg_dump's own \restrict lines and plants the command after the data.
        const text = legit
          .toString()
          .replace(/^\\(un)?restrict [A-Za-z0-9]+$/gm, '')
          .replace(
            '--\n-- PostgreSQL database dump complete',
            `${plant(marker)}\n--\n-- PostgreSQL database dump complete`
          )
        await forge(text)
        const target = await createTestDatabase('hostile_plant')
        const run = await action(`drill of a planted plain backup (${name})`, {
          mode: 'restore-drill',
          'database-url': source.url,
          ...s3Inputs('plain'),
          'backup-uri': 'latest',
          'target-database-url': target.url
        })
        expect(existsSync(marker)).toBe(false)
        expect(existsSync(`${marker}-o`)).toBe(false)
        expect(run.exitCode).toBe(1)
        expect(errorOf(run)).toMatch(why)
        expect(run.outputs).toMatchObject({ 'drill-status': 'failed' })
        expect(
          await query(target.name, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)
        ).toEqual([{ n: 0 }])
      }
    )
  })

  describe('a stored backup is reported as stored whatever fails after it', () => {
    it('retention that may not delete (403): outputs set, summary says stored, the step fails naming retention', async () => {
      for (const n of [1, 2]) {
        const earlier = await action(`earlier backup ${n}`, {
          mode: 'backup',
          'database-url': source.url,
          ...s3Inputs('retention')
        })
        expect(earlier.exitCode).toBe(0)
      }
      proxy.failAlways(isDelete, ACCESS_DENIED)
      try {
        const run = await action('backup whose retention gets 403', {
          mode: 'backup',
          'database-url': source.url,
          ...s3Inputs('retention'),
          'keep-last': '1'
        })
        expect(run.exitCode).toBe(1)
        const uri = run.outputs['backup-uri']
        expect(uri).toMatch(new RegExp(`^s3://${BUCKET}/retention/hostile_src_\\w+/.+\\.dump$`))
        expect(run.outputs['manifest-uri']).toBe(`${uri}.manifest.json`)
        expect(run.outputs['backup-sha256']).toMatch(/^[0-9a-f]{64}$/)
        expect(Number(run.outputs['backup-size'])).toBeGreaterThan(0)
        const stored = await s3.keys('retention/')
        const objectKey = uri.slice(`s3://${BUCKET}/`.length)
        expect(stored).toEqual(expect.arrayContaining([objectKey, `${objectKey}.manifest.json`]))
        expect(stored.filter((k) => k.endsWith('.manifest.json'))).toHaveLength(3)
        expect(
          createHash('sha256')
            .update(await getObject(objectKey))
            .digest('hex')
        ).toBe(run.outputs['backup-sha256'])
        expect(run.summary).toContain('stored; retention failed')
        expect(run.summary).toContain('Retention failed')
        expect(run.summary).not.toContain('No backup object')
        const error = errorOf(run)
        expect(error).toContain(
          `Backup stored as ${uri} with its manifest ${uri}.manifest.json, but retention failed`
        )
        expect(error).toMatch(/HTTP 403/)
        expect(run.report).toMatchObject({
          outcome: 'failure',
          backup: { uri, retention: { failed: expect.stringMatching(/AccessDenied/) } }
        })
      } finally {
        proxy.heal()
      }
    })

    it('migrate-deploy: retention after the backup before deploy gets 403: a warning, and the deploy goes on', async () => {
      const project = mkdtempSync(join(tmpdir(), 'e2e-hostile-deploy-'))
      cpSync(EXAMPLE, project, { recursive: true })
      rmSync(join(project, 'prisma', 'migrations', LAST), { recursive: true })
      const db = await createTestDatabase('hostile_deploy')
      for (const n of [1, 2])
        expect(
          (
            await action(`earlier backup of the deploy database ${n}`, {
              mode: 'backup',
              'database-url': db.url,
              ...s3Inputs('deploy')
            })
          ).exitCode
        ).toBe(0)
      proxy.failAlways(isDelete, ACCESS_DENIED)
      try {
        const run = await action(
          'deploy whose backup retention gets 403',
          {
            mode: 'migrate-deploy',
            'database-url': db.url,
            'backup-before-deploy': 'always',
            ...s3Inputs('deploy'),
            'keep-last': '1'
          },
          {},
          project
        )
        expect(run.exitCode).toBe(0)
        expect(run.outputs['applied-count']).toBe('2')
        expect(run.outputs['backup-uri']).toMatch(/^s3:\/\/hostile\/deploy\/.+\.dump$/)
        expect(run.stdout).toMatch(
          /^::warning::Backup before deploy stored as s3:\/\/hostile\/deploy\/.+, but retention failed: deleting .+ \(HTTP 403\)/m
        )
        expect(run.summary).toContain('Retention failed')
        expect((await s3.keys('deploy/')).filter((k) => k.endsWith('.manifest.json'))).toHaveLength(3)
      } finally {
        proxy.heal()
        rmSync(project, { recursive: true, force: true })
      }
    })

    it('RUNNER_TEMP that is not a directory: outputs and summary say stored, the failing report is named', async () => {
      const notADirectory = join(workspace, 'runner-temp-is-a-file')
      writeFileSync(notADirectory, 'not a directory')
      const run = await action(
        'backup with an unwritable RUNNER_TEMP',
        { mode: 'backup', 'database-url': source.url, ...s3Inputs('temp') },
        { RUNNER_TEMP: notADirectory }
      )
      expect(run.exitCode).toBe(1)
      const uri = run.outputs['backup-uri']
      expect(uri).toMatch(/^s3:\/\/hostile\/temp\/.+\.dump$/)
      expect(run.outputs['manifest-uri']).toBe(`${uri}.manifest.json`)
      expect(run.outputs['report-path']).toBeUndefined()
      expect(await s3.keys('temp/')).toHaveLength(2)
      expect(run.summary).toContain('Backup of `hostile_src')
      expect(run.summary).toContain('stored')
      expect(run.summary).toMatch(/⚠️ writing the JSON report \(report-path in RUNNER_TEMP\) failed: EEXIST/)
      expect(errorOf(run)).toMatch(
        new RegExp(
          `^::error::Backup stored as ${uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ bytes, sha256 [0-9a-f]{64}\\) with its manifest .*; but writing the JSON report`
        )
      )
    })

    it('a full disk under the job summary (ENOSPC): outputs and report are written, the summary failure is named', async () => {
      const run = await action(
        'backup with a full summary file',
        { mode: 'backup', 'database-url': source.url, ...s3Inputs('full') },
        { GITHUB_STEP_SUMMARY: '/dev/full' }
      )
      expect(run.exitCode).toBe(1)
      expect(run.outputs['backup-uri']).toMatch(/^s3:\/\/hostile\/full\/.+\.dump$/)
      expect(run.report).toMatchObject({ outcome: 'success', backup: { uri: run.outputs['backup-uri'] } })
      expect(errorOf(run)).toMatch(
        /^::error::Backup stored as s3:\/\/hostile\/full\/.+; but writing the job summary \(GITHUB_STEP_SUMMARY\) failed: ENOSPC/
      )
    })

    it('a full disk under the output file (ENOSPC): the log still names the stored backup', async () => {
      const run = await action(
        'backup with a full output file',
        { mode: 'backup', 'database-url': source.url, ...s3Inputs('full-outputs') },
        { GITHUB_OUTPUT: '/dev/full' }
      )
      expect(run.exitCode).toBe(1)
      const [objectKey] = (await s3.keys('full-outputs/')).filter((k) => !k.endsWith('.manifest.json'))
      expect(errorOf(run)).toContain(`::error::Backup stored as s3://${BUCKET}/${objectKey} (`)
      expect(errorOf(run)).toContain('but writing the step outputs (GITHUB_OUTPUT) failed: ENOSPC')
      expect(run.summary).toContain('stored')
    })
  })

  describe('weak inputs fail before anything is dumped', () => {
    let pgDumpLog: string
    let pgDumpWrapper: string

    beforeAll(() => {
      pgDumpLog = join(workspace, 'pg_dump.log')
      pgDumpWrapper = join(workspace, 'pg_dump')
      const real = join(process.env.PG_TEST_CLUSTER_BIN ?? '/usr/lib/postgresql/15/bin', 'pg_dump')
      writeFileSync(pgDumpWrapper, `#!/bin/sh\necho "$*" >> '${pgDumpLog}'\nexec '${real}' "$@"\n`)
      chmodSync(pgDumpWrapper, 0o755)
    })

    /** The invocations of pg_dump other than `--version`: a dump. */
    const dumps = (): string[] =>
      existsSync(pgDumpLog)
        ? readFileSync(pgDumpLog, 'utf8')
            .split('\n')
            .filter((l) => l !== '' && l !== '--version')
        : []

    it.each([
      ['s3://hostile/../..', 'segment ".."'],
      ['s3://hostile/nightly/./app', 'segment "."'],
      ['s3://hostile/%2e%2e/x', 'segment "%2e%2e"'],
      ['s3://hostile//etc', 'starts with "/"'],
      ['s3://hostile/a//b', 'empty segment'],
      ['s3://hostile/a\\..\\b', 'backslash']
    ])(
      'destination %s is refused naming the input; nothing is dumped or stored',
      async (destination, why) => {
        const keys = await s3.keys()
        const run = await action(`backup to ${destination}`, {
          mode: 'backup',
          'database-url': source.url,
          ...s3Inputs('x'),
          destination,
          'pg-dump-path': pgDumpWrapper
        })
        expect(run.exitCode).toBe(1)
        const error = errorOf(run)
        expect(error).toContain('Input `destination`: has the key prefix')
        expect(error).toContain(why)
        expect(dumps()).toEqual([])
        expect(await s3.keys()).toEqual(keys)
      }
    )

    it('a backup-uri with ".." is refused naming the input; the target is untouched', async () => {
      const target = await createTestDatabase('hostile_uri')
      await query(target.name, 'CREATE TABLE keep (id int); INSERT INTO keep VALUES (1)')
      const run = await action('drill of s3://hostile/drills/../../x', {
        mode: 'restore-drill',
        'database-url': source.url,
        ...s3Inputs('drills'),
        'backup-uri': `s3://${BUCKET}/drills/../../x.dump`,
        'target-database-url': target.url,
        'target-clean': 'true'
      })
      expect(run.exitCode).toBe(1)
      expect(errorOf(run)).toContain('Input `backup-uri`: has the key "drills/../../x.dump"')
      expect(await query(target.name, 'SELECT id FROM keep')).toEqual([{ id: 1 }])
    })

    it('destination: artifact without the runtime token fails before pg_dump runs', async () => {
      const run = await action(
        'artifact backup outside a job',
        {
          mode: 'backup',
          'database-url': source.url,
          destination: 'artifact',
          'allow-unencrypted': 'true',
          'pg-dump-path': pgDumpWrapper
        },
        { ACTIONS_RUNTIME_TOKEN: '', ACTIONS_RESULTS_URL: '' }
      )
      expect(run.exitCode).toBe(1)
      const error = errorOf(run)
      expect(error).toContain(
        'Input `destination`: uses GitHub artifacts, but ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set'
      )
      expect(dumps()).toEqual([])
      // The wrapper is the pg_dump a backup uses: with a destination that works, it records the dump.
      const control = await action('backup through the pg_dump wrapper', {
        mode: 'backup',
        'database-url': source.url,
        ...s3Inputs('wrapper'),
        'pg-dump-path': pgDumpWrapper
      })
      expect(control.exitCode).toBe(0)
      expect(dumps()).toEqual([expect.stringContaining('--format=custom')])
    })
  })

  it('shows no secret in any form in any run', () => {
    expect(runs.length).toBeGreaterThanOrEqual(20)
    const secrets = [serverPassword(), OTHER_PASSWORD, s3.secretAccessKey]
    for (const { title, run } of runs)
      for (const secret of secrets)
        for (const form of secretForms(secret))
          expect([title, run.everything.includes(form)]).toEqual([title, false])
  })
})

/**
 * The gate against what an attacker or a bad day brings, through dist/index.js as the runner runs it (issue 8 §3,
 * §7 deploy part and the weak settings cases): SQL the review cannot read, a connection lost mid-deploy, a
 * misspelt input, passwords with unencoded delimiters, a database named `..`, and secrets in base64.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  adminQuery,
  createTestDatabase,
  query,
  serverPassword,
  serverUrl
} from '../../__fixtures__/databases.js'
import { startGitHubApi, type GitHubApiStandIn } from '../../__fixtures__/github-api.js'
import { addMigration, pullRequestEvent, writeMigrations } from '../../__fixtures__/projects.js'
import { runAction, secretForms, type ActionRun } from '../../__fixtures__/run-action.mjs'

const TOKEN = 'ghs_HostileGateToken0123456789abcdefXYZ'
const BASELINE = '20260101000000_post'
const workspaces: string[] = []

/** A project whose prisma/migrations holds exactly these migrations. */
function project(migrations: Record<string, string>): string {
  const workspace = mkdtempSync(join(tmpdir(), 'hostile-gate-'))
  workspaces.push(workspace)
  return writeMigrations(workspace, migrations)
}

function removeMigration(workspace: string, name: string): void {
  rmSync(join(workspace, 'prisma', 'migrations', name), { recursive: true })
}

const run = (
  inputs: Record<string, string>,
  workspace: string,
  extra: Partial<Parameters<typeof runAction>[0]> = {}
): Promise<ActionRun> =>
  runAction({ inputs: { 'migrations-dir': 'prisma/migrations', ...inputs }, workspace, ...extra })

async function rowsOf(
  database: string,
  migration: string
): Promise<{ finished: boolean; rolledBack: boolean }[]> {
  const rows = await query<{ finished_at: Date | null; rolled_back_at: Date | null }>(
    database,
    'SELECT finished_at, rolled_back_at FROM _prisma_migrations WHERE migration_name = $1',
    [migration]
  )
  return rows.map((r) => ({ finished: r.finished_at !== null, rolledBack: r.rolled_back_at !== null }))
}

async function tableExists(database: string, table: string): Promise<boolean> {
  const [row] = await query<{ oid: string | null }>(database, 'SELECT to_regclass($1)::text AS oid', [
    `"${table}"`
  ])
  return row.oid !== null
}

/** Every form of each secret, and of each piece of it between URL delimiters (3 characters or more). */
function leakForms(secret: string): string[] {
  const pieces = secret.split(/[@/?#:%]/).filter((piece) => piece.length >= 3)
  return [...new Set([secret, ...pieces].flatMap((s) => secretForms(s)))]
}

function expectNoLeak(text: string, secrets: string[]): void {
  for (const secret of secrets) for (const form of leakForms(secret)) expect(text).not.toContain(form)
}

afterAll(() => {
  for (const workspace of workspaces) rmSync(workspace, { recursive: true, force: true })
})

describe('dynamic SQL is an error-level finding the deploy gate refuses', () => {
  let db: { name: string; url: string }
  let workspace: string
  let api: GitHubApiStandIn
  const hostile = '20260102000000_cleanup'

  beforeAll(async () => {
    db = await createTestDatabase('hostile_dynamic')
    workspace = project({ [BASELINE]: 'CREATE TABLE "Post" ("id" INTEGER PRIMARY KEY, "title" TEXT);\n' })
    expect((await run({ mode: 'migrate-deploy', 'database-url': db.url }, workspace)).exitCode).toBe(0)
    await query(db.name, `INSERT INTO "Post" VALUES (1, 'a'), (2, 'b'), (3, 'c')`)
    // The pull request adds the hostile migration; the baseline is on its base branch.
    api = await startGitHubApi({
      login: null,
      prFiles: [{ filename: `prisma/migrations/${hostile}/migration.sql`, status: 'added' }]
    })
  })

  afterAll(async () => {
    await api.close()
  })

  const postRows = async (): Promise<number> =>
    Number((await query<{ n: string }>(db.name, 'SELECT count(*) AS n FROM "Post"'))[0].n)

  it('the issue case: the PR comment and the summary show it, the deploy refuses it, "Post" keeps its rows', async () => {
    addMigration(workspace, hostile, `DO $$ BEGIN EXECUTE 'DR' || 'OP TABLE "Post"'; END $$;\n`)
    try {
      const status = await run({ mode: 'migrate-status', 'database-url': db.url }, workspace, {
        githubToken: TOKEN,
        env: { GITHUB_API_URL: api.url },
        event: pullRequestEvent(7)
      })
      expect(status.exitCode).toBe(1)
      expect(status.outputs['has-destructive']).toBe('true')
      expect(status.summary).toContain('dynamic-sql')
      expect(status.summary).toContain('EXECUTE of a string built at run time')
      expect(api.comments).toHaveLength(1)
      expect(api.comments[0].body).toContain('dynamic-sql')
      expect(api.comments[0].body).toContain('SQL the review cannot read')

      const deploy = await run({ mode: 'migrate-deploy', 'database-url': db.url }, workspace)
      expect(deploy.exitCode).toBe(1)
      expect(deploy.stdout).toContain(`dynamic-sql in ${hostile} line 1`)
      expect(deploy.outputs['applied-count']).toBe('0')
      expect(deploy.outputs['destructive-count']).toBe('1')
      expect((deploy.report!.gate as { allowed: boolean }).allowed).toBe(false)
      expect(await postRows()).toBe(3)
      expect(await rowsOf(db.name, hostile)).toEqual([])
    } finally {
      removeMigration(workspace, hostile)
    }
  })

  it.each([
    [
      'a lower-case DO with LANGUAGE and a named quote',
      `do LANGUAGE plpgsql $x$ begin execute 'drop table "Post"'; end $x$;`
    ],
    ['a DO block without EXECUTE', `DO $$ BEGIN DELETE FROM "Post"; END $$;`],
    [
      'a function defined, then called',
      `CREATE FUNCTION tidy() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE "Post"; END $$;\nSELECT tidy();`
    ],
    [
      'a trigger created, then fired by an INSERT',
      `CREATE TABLE "Log" (id int);\nCREATE FUNCTION wipe() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM "Post"; RETURN NEW; END $$;\nCREATE TRIGGER wipe AFTER INSERT ON "Log" FOR EACH ROW EXECUTE FUNCTION wipe();\nINSERT INTO "Log" VALUES (1);`
    ],
    [
      'a rule, then an INSERT',
      `CREATE TABLE "Log" (id int);\nCREATE RULE wipe AS ON INSERT TO "Log" DO ALSO DELETE FROM "Post";\nINSERT INTO "Log" VALUES (1);`
    ],
    [
      'a column default calling a function the file defines',
      `CREATE FUNCTION wipe() RETURNS int LANGUAGE plpgsql AS $$ BEGIN DELETE FROM "Post"; RETURN 1; END $$;\nCREATE TABLE "Log" (id int);\nALTER TABLE "Log" ALTER COLUMN id SET DEFAULT wipe();\nINSERT INTO "Log" DEFAULT VALUES;`
    ],
    ['PREPARE and EXECUTE', `PREPARE wipe AS DELETE FROM "Post";\nEXECUTE wipe;`],
    [
      'query_to_xml running a function',
      `CREATE FUNCTION wipe() RETURNS int LANGUAGE plpgsql AS $$ BEGIN DELETE FROM "Post"; RETURN 1; END $$;\nSELECT query_to_xml('SELECT wipe()', true, false, '');`
    ]
  ])('%s: refused, changing nothing', async (_name, sql) => {
    addMigration(workspace, hostile, `${sql}\n`)
    try {
      const deploy = await run({ mode: 'migrate-deploy', 'database-url': db.url }, workspace)
      expect(deploy.exitCode).toBe(1)
      expect(deploy.stdout).toContain('Deploy refused')
      expect(deploy.stdout).toContain('dynamic-sql')
      expect(deploy.outputs['applied-count']).toBe('0')
      expect(await postRows()).toBe(3)
      expect(await tableExists(db.name, 'Log')).toBe(false)
      expect(await rowsOf(db.name, hostile)).toEqual([])
    } finally {
      removeMigration(workspace, hostile)
    }
  })

  it('acknowledged in the file, the same block is applied', async () => {
    addMigration(
      workspace,
      hostile,
      `-- pg-ops:allow dynamic-sql the Post table moved to the CMS (#7); backup in s3://backups/post.dump\nDO $$ BEGIN EXECUTE 'DR' || 'OP TABLE "Post"'; END $$;\n`
    )
    const deploy = await run({ mode: 'migrate-deploy', 'database-url': db.url }, workspace)
    expect(deploy.exitCode).toBe(0)
    expect(JSON.parse(deploy.outputs['applied-migrations'])).toEqual([hostile])
    expect(deploy.summary).toContain('the Post table moved to the CMS')
    expect(await tableExists(db.name, 'Post')).toBe(false)
    expect(await rowsOf(db.name, hostile)).toEqual([{ finished: true, rolledBack: false }])
  })
})

/** The database's backend running a query that contains `marker`, once it runs. */
async function backendRunning(marker: string, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const rows = await adminQuery<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE state = 'active' AND position($1 in query) > 0 AND pid <> pg_backend_pid()`,
      [marker]
    )
    if (rows[0]) return rows[0].pid
    await sleep(100)
  }
  throw new Error(`no backend ran ${marker}`)
}

const lingering: Socket[] = []

/** A TCP pass-through to the database whose client connections can be cut while the server sessions go on. */
async function startCutProxy(): Promise<{
  port: number
  cut: (refuseNew: boolean) => void
  stop: () => Promise<void>
}> {
  const upstream = new URL(serverUrl())
  const pairs: { client: Socket; server: Socket }[] = []
  const server: Server = createServer((client) => {
    const toServer = createConnection(Number(upstream.port), upstream.hostname)
    client.pipe(toServer)
    toServer.pipe(client)
    client.on('error', () => undefined)
    toServer.on('error', () => undefined)
    pairs.push({ client, server: toServer })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    port,
    cut: (refuseNew) => {
      for (const pair of pairs.splice(0)) {
        pair.server.unpipe(pair.client)
        // The server's session keeps its socket: it does not notice, and goes on (and commits) as after a network cut.
        pair.server.resume()
        pair.client.destroy()
        lingering.push(pair.server)
      }
      if (refuseNew) server.close()
    },
    stop: async () => {
      for (const socket of lingering.splice(0)) socket.destroy()
      for (const pair of pairs.splice(0)) pair.client.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

describe('a connection lost mid-deploy: outputs, summary, report and the resolve hint', () => {
  const kept = '20260101000000_kept'
  const slow = '20260102000000_audit'

  it('a backend killed with pg_terminate_backend while the script runs: its row travelled with it, so nothing of it stays and it is pending again', async () => {
    const db = await createTestDatabase('hostile_killed')
    const workspace = project({
      [kept]: 'CREATE TABLE "Kept" ("id" INTEGER);\n',
      [slow]: 'CREATE TABLE "Audit" ("id" INTEGER);\nSELECT pg_sleep(60);\n'
    })
    const running = run({ mode: 'migrate-deploy', 'database-url': db.url }, workspace)
    const pid = await backendRunning('pg_sleep(60)')
    await adminQuery('SELECT pg_terminate_backend($1)', [pid])
    const deploy = await running

    expect(deploy.exitCode).toBe(1)
    expect(deploy.stdout).not.toContain('Client has encountered a connection error')
    expect(deploy.outputs).toMatchObject({
      status: 'pending',
      'applied-count': '1',
      'applied-migrations': JSON.stringify([kept]),
      'pending-migrations': JSON.stringify([slow]),
      'failed-migrations': '[]'
    })
    for (const text of [deploy.stdout, deploy.summary]) {
      expect(text).toContain('57P01')
      expect(text).toContain('one transaction')
      expect(text).toContain('nothing of it is in the database, and the next deploy applies it')
      expect(text).not.toContain('P3009')
      expect(text).not.toContain('resolve-rolled-back')
    }
    expect(deploy.report).toMatchObject({ outcome: 'failure', status: 'pending', failed: [] })
    // No row claims success, and none blocks the next deploy: the first applied, the second not even started.
    expect(await rowsOf(db.name, kept)).toEqual([{ finished: true, rolledBack: false }])
    expect(await rowsOf(db.name, slow)).toEqual([])
    expect(await tableExists(db.name, 'Kept')).toBe(true)
    expect(await tableExists(db.name, 'Audit')).toBe(false)

    const status = await run(
      { mode: 'migrate-status', 'database-url': db.url, 'fail-on': 'never' },
      workspace
    )
    expect(status.outputs).toMatchObject({ status: 'pending', 'pending-migrations': JSON.stringify([slow]) })
  })

  it("a file on Prisma's protocol (its own BEGIN/COMMIT) killed mid-script: the failed row Prisma leaves, P3009 and both resolve hints", async () => {
    const db = await createTestDatabase('hostile_killed_tx')
    const workspace = project({
      [kept]: 'CREATE TABLE "Kept" ("id" INTEGER);\n',
      [slow]: 'BEGIN;\nCREATE TABLE "Audit" ("id" INTEGER);\nSELECT pg_sleep(60);\nCOMMIT;\n'
    })
    const running = run({ mode: 'migrate-deploy', 'database-url': db.url }, workspace)
    const pid = await backendRunning('pg_sleep(60)')
    await adminQuery('SELECT pg_terminate_backend($1)', [pid])
    const deploy = await running

    expect(deploy.exitCode).toBe(1)
    expect(deploy.outputs).toMatchObject({
      status: 'failed',
      'applied-count': '1',
      'applied-migrations': JSON.stringify([kept]),
      'failed-migrations': JSON.stringify([slow])
    })
    for (const text of [deploy.stdout, deploy.summary]) {
      expect(text).toContain('57P01')
      expect(text).toContain('P3009')
      expect(text).toContain(`resolve-rolled-back: "${slow}"`)
      expect(text).toContain(`resolve-applied: "${slow}"`)
      expect(text).toContain('cannot be known from here')
    }
    expect(deploy.report).toMatchObject({ outcome: 'failure', status: 'failed', failed: [{ name: slow }] })
    // The state is what Prisma's protocol leaves: the first applied, the second's row started and not finished,
    // and Postgres rolled its transaction back.
    expect(await rowsOf(db.name, kept)).toEqual([{ finished: true, rolledBack: false }])
    expect(await rowsOf(db.name, slow)).toEqual([{ finished: false, rolledBack: false }])
    expect(await tableExists(db.name, 'Kept')).toBe(true)
    expect(await tableExists(db.name, 'Audit')).toBe(false)

    const next = await run({ mode: 'migrate-deploy', 'database-url': db.url }, workspace)
    expect(next.exitCode).toBe(1)
    expect(next.stdout).toContain('P3009')
  })

  it('a network cut: the session goes on at the server, so the report says the script may still commit, all of it with its row (and it does)', async () => {
    const db = await createTestDatabase('hostile_cut')
    const proxy = await startCutProxy()
    try {
      const url = new URL(db.url)
      url.host = `127.0.0.1:${proxy.port}`
      url.search = 'sslmode=disable'
      const workspace = project({ [slow]: 'CREATE TABLE "Late" ("id" INTEGER);\nSELECT pg_sleep(6);\n' })
      const running = run({ mode: 'migrate-deploy', 'database-url': url.toString() }, workspace)
      const pid = await backendRunning('pg_sleep(6)')
      proxy.cut(false)
      const deploy = await running

      expect(deploy.exitCode).toBe(1)
      expect(deploy.outputs).toMatchObject({ status: 'pending', 'failed-migrations': '[]' })
      expect(deploy.summary).toContain(`the session that ran it (pid ${pid}) is still open on the server`)
      expect(deploy.summary).toContain(`pg_cancel_backend(${pid})`)
      expect(deploy.summary).toContain(`the deploy applies \`${slow}\` only if it has no row`)
      expect(deploy.summary).not.toContain('resolve-applied')
      // ... and it does commit once the sleep ends, its row with it: applied, nothing to resolve.
      const deadline = Date.now() + 30_000
      while (!(await tableExists(db.name, 'Late')) && Date.now() < deadline) await sleep(200)
      expect(await tableExists(db.name, 'Late')).toBe(true)
      expect(await rowsOf(db.name, slow)).toEqual([{ finished: true, rolledBack: false }])
    } finally {
      await proxy.stop()
    }
  })

  it('when no new connection can read the state, it says what the run knows and that the status is unknown', async () => {
    const db = await createTestDatabase('hostile_gone')
    const proxy = await startCutProxy()
    try {
      const url = new URL(db.url)
      url.host = `127.0.0.1:${proxy.port}`
      url.search = 'sslmode=disable&connect_timeout=2'
      const workspace = project({ [slow]: 'CREATE TABLE "Gone" ("id" INTEGER);\nSELECT pg_sleep(3);\n' })
      const running = run({ mode: 'migrate-deploy', 'database-url': url.toString() }, workspace)
      await backendRunning('pg_sleep(3)')
      proxy.cut(true)
      const deploy = await running

      expect(deploy.exitCode).toBe(1)
      expect(deploy.outputs).toMatchObject({
        status: 'unknown',
        'applied-count': '0',
        'failed-migrations': '[]'
      })
      expect(deploy.summary).toContain('The state could not be read again')
      expect(deploy.summary).toContain('may still be open there')
      expect(deploy.summary).toContain('either all of it is in the database')
      expect(deploy.summary).toContain(`The deploy applies \`${slow}\` only if it has no row`)
      expect(deploy.report).toMatchObject({ status: 'unknown', failed: [] })
    } finally {
      await proxy.stop()
    }
  })
})

describe('settings, URLs and secrets', () => {
  it('a misspelt input name (`database_url:`) fails before anything runs, naming database-url, showing no value', async () => {
    const db = await createTestDatabase('hostile_input')
    const workspace = project({ [BASELINE]: 'CREATE TABLE "Post" ("id" INTEGER);\n' })
    const status = await run({ mode: 'migrate-status', database_url: db.url }, workspace)
    expect(status.exitCode).toBe(1)
    expect(status.stdout).toContain(
      'Input `database_url`: is not an input of this action; did you mean `database-url`?'
    )
    expect(status.summary).toContain('did you mean `database-url`?')
    // nothing ran: no group (migrations folder, connection, review) was opened
    expect(status.stdout).not.toContain('::group::')
    expectNoLeak(status.everything, [serverPassword()])
    for (const form of secretForms(db.url)) expect(status.everything).not.toContain(form)

    const deploy = await run(
      { mode: 'migrate-deploy', 'database-url': db.url, backup_before_deploy: 'always' },
      workspace
    )
    expect(deploy.exitCode).toBe(1)
    expect(deploy.stdout).toContain('did you mean `backup-before-deploy`?')
    expect(await query(db.name, `SELECT 1 FROM pg_tables WHERE tablename = '_prisma_migrations'`)).toEqual([])
  })

  describe('a password with unencoded URL delimiters', () => {
    const PASSWORD = 'Hunter2#Frag7?Tail9/Path8@Mid5:End6%Pct4'
    const NUMERIC = '6543/Tail9@Mid5'
    let host: string
    let database: string
    let destination: string

    beforeAll(async () => {
      host = new URL(serverUrl()).host
      database = (await createTestDatabase('hostile_password')).name
      for (const [role, password] of [
        ['gate8_hostile', PASSWORD],
        ['gate8_numeric', NUMERIC]
      ]) {
        await adminQuery(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined)
        await adminQuery(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`)
        await adminQuery(`GRANT ALL ON DATABASE "${database}" TO ${role}`)
        await adminQuery(`GRANT ALL ON SCHEMA public TO ${role}`, [], database)
      }
      destination = mkdtempSync(join(tmpdir(), 'hostile-dest-'))
      workspaces.push(destination)
    })

    it('percent-encoded, it connects, and the "Connect to" line holds no piece of it', async () => {
      const workspace = project({ [BASELINE]: 'CREATE TABLE "Post" ("id" INTEGER);\n' })
      const url = `postgresql://gate8_hostile:${encodeURIComponent(PASSWORD)}@${host}/${database}`
      const status = await run(
        { mode: 'migrate-status', 'database-url': url, 'fail-on-pending': 'false' },
        workspace
      )
      expect(status.exitCode).toBe(0)
      expect(status.stdout).toContain(`Connect to ${host}/${database}`)
      expectNoLeak(status.everything, [PASSWORD])
    })

    it.each([
      ['migrate-status', 'gate8_hostile', PASSWORD],
      ['migrate-deploy', 'gate8_hostile', PASSWORD],
      ['backup', 'gate8_hostile', PASSWORD],
      ['migrate-status', 'gate8_numeric', NUMERIC],
      ['backup', 'gate8_numeric', NUMERIC]
    ])(
      'written raw, %s (%s) is refused before connecting, naming database-url, with no piece of it anywhere',
      async (mode, role, password) => {
        const workspace = project({ [BASELINE]: 'CREATE TABLE "Post" ("id" INTEGER);\n' })
        const url = `postgresql://${role}:${password}@${host}/${database}`
        const result = await run({ mode, 'database-url': url, destination }, workspace)
        expect(result.exitCode).toBe(1)
        expect(result.stdout).toContain('Input `database-url`')
        expect(result.stdout).toMatch(/percent-encode/i)
        expect(result.stdout).not.toContain('Connect to')
        expectNoLeak(result.everything, [password])
        expect(readdirSync(destination)).toEqual([])
        expect(
          await query(database, `SELECT 1 FROM pg_tables WHERE tablename = '_prisma_migrations'`)
        ).toEqual([])
      }
    )
  })

  describe('a database named `..` (or `.`, `%2e%2e`, `%2F`)', () => {
    const base = (): string => {
      const url = new URL(serverUrl())
      return `postgresql://${url.username}:${url.password}@${url.host}`
    }

    it.each(['/..', '/.', '/%2e%2e', '/%2E.', '/postgres/..'])(
      'backup of %s is refused: it would have backed up another database',
      async (path) => {
        const destination = mkdtempSync(join(tmpdir(), 'hostile-dotdot-'))
        workspaces.push(destination)
        const backup = await run(
          { mode: 'backup', 'database-url': `${base()}${path}`, destination },
          project({})
        )
        expect(backup.exitCode).toBe(1)
        expect(backup.stdout).toContain('Input `database-url`')
        expect(backup.stdout).toContain('path segment')
        expect(readdirSync(destination)).toEqual([])
        expectNoLeak(backup.everything, [serverPassword()])
      }
    )

    it('%2F is the database Prisma would use, literally: it does not exist, nothing is backed up', async () => {
      const destination = mkdtempSync(join(tmpdir(), 'hostile-dotdot-'))
      workspaces.push(destination)
      const backup = await run({ mode: 'backup', 'database-url': `${base()}/%2F`, destination }, project({}))
      expect(backup.exitCode).toBe(1)
      expect(backup.summary).toContain('Backup of `%2F` failed')
      expect(backup.summary).toContain('Database `%2F` does not exist')
      expect(readdirSync(destination)).toEqual([])
    })
  })

  it('secrets in base64 (at any alignment, either alphabet) are scrubbed from the summary, the comment and the report', async () => {
    const db = await createTestDatabase('hostile_base64')
    const password = serverPassword()
    const header = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
    const lines = [
      `-- extraheader = AUTHORIZATION: basic ${header}`,
      `-- ${Buffer.from(`p=${password};`).toString('base64url')}`,
      `-- ${Buffer.from(`pw:${encodeURIComponent(password)}`).toString('base64')}`,
      'CREATE TABLE "Note" ("id" INTEGER);'
    ]
    const workspace = project({ [BASELINE]: `${lines.join('\n')}\n` })
    // the pull request adds the migration whose comments hold the encoded secrets
    const api = await startGitHubApi({
      login: null,
      prFiles: [{ filename: 'prisma/migrations/20260101000000_post/migration.sql', status: 'added' }]
    })
    try {
      const status = await run({ mode: 'migrate-status', 'database-url': db.url }, workspace, {
        githubToken: TOKEN,
        env: { GITHUB_API_URL: api.url },
        event: pullRequestEvent(8)
      })
      expect(status.exitCode).toBe(0)
      // the SQL, comments included, is in the summary and the comment: scrubbed, not left out
      expect(status.summary).toContain('extraheader = AUTHORIZATION: basic ')
      expect(status.summary).toContain('***')
      expect(api.comments).toHaveLength(1)
      const texts = [status.everything, ...api.comments.map((c) => c.body)]
      for (const text of texts)
        for (const secret of [TOKEN, password])
          for (const form of secretForms(secret)) expect(text).not.toContain(form)
    } finally {
      await api.close()
    }
  })
})

/**
 * Hostile repository files through dist/index.js, as a pull request would plant them (issue 8 §1, §5, NUL bytes,
 * runner-command injection): links to the runner's environment, to planted secrets, to .git/config, FIFOs,
 * special paths in the inputs, NUL bytes, and migration directory names that are runner commands. Every run must
 * fail with one error naming the file, show no secret in any form (stdout, summary, outputs, report, the PR
 * comment and every request the GitHub API stand-in recorded), leave the database as it was, and print no line
 * the runner would execute.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, query, serverPassword } from '../../__fixtures__/databases.js'
import { startGitHubApi, type GitHubApiStandIn, type PrFile } from '../../__fixtures__/github-api.js'
import { gitIn, pullRequestEvent } from '../../__fixtures__/projects.js'
import { runAction, secretForms, type ActionRun } from '../../__fixtures__/run-action.mjs'

// Fake credentials in the runner's environment (so in /proc/self/environ) and in a planted file.
const AWS_KEY_ID = 'AKIAHOSTILEFILES0001'
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYHOSTILE0001'
const PLANTED_TOKEN = 'ghp_PlantedInAFile0123456789abcdefghijkl'
const CHECKOUT_TOKEN = 'ghs_CheckoutExtraHeader0123456789abcdefgh'
const INPUT_TOKEN = 'ghs_HostileFilesInputToken0123456789abcd'
const LOCKFILE = 'provider = "postgresql"\n'
const INIT = '20240101000000_init'
const INIT_SQL = 'CREATE TABLE "Post" ("id" SERIAL PRIMARY KEY, "title" TEXT NOT NULL);\n'
const EVIL = '20240102000000_evil'
const PR_HEAD = 'b'.repeat(40)

type Mode = 'status' | 'deploy' | 'offline'

const scratch: string[] = []
const runs: { title: string; run: ActionRun }[] = []
let api: GitHubApiStandIn
let secretsFile: string

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  scratch.push(dir)
  return dir
}

function pullRequest(baseSha = 'a'.repeat(40)): ReturnType<typeof pullRequestEvent> {
  return pullRequestEvent(8, { baseSha, headSha: PR_HEAD })
}

/** A small Prisma project: prisma/migrations with a lock file and one migration creating "Post". */
function project(): string {
  const ws = tempDir('hostile-ws-')
  mkdirSync(join(ws, 'prisma', 'migrations', INIT), { recursive: true })
  writeFileSync(join(ws, 'prisma', 'migrations', 'migration_lock.toml'), LOCKFILE)
  writeFileSync(join(ws, 'prisma', 'migrations', INIT, 'migration.sql'), INIT_SQL)
  return ws
}

async function action(
  title: string,
  workspace: string,
  inputs: Record<string, string>,
  event?: { name: string; payload: unknown }
): Promise<ActionRun> {
  const run = await runAction({
    inputs,
    workspace,
    event,
    githubToken: INPUT_TOKEN,
    env: { GITHUB_API_URL: api.url, AWS_ACCESS_KEY_ID: AWS_KEY_ID, AWS_SECRET_ACCESS_KEY: AWS_SECRET }
  })
  runs.push({ title, run })
  return run
}

/** The runner's commands that @actions/core writes; any other `::` line (or `##[` anywhere) would be injected. */
const OWN_COMMAND = /^::(add-mask|debug|notice|warning|error|group|endgroup)(::| )/

function commandLines(stdout: string, injected: string[] = []): string[] {
  return stdout.split(/\r\n|\r|\n/).filter((line) => {
    const trimmed = line.replace(/^[\s\u0085]+/, '')
    if (line.includes('##[')) return true
    if (!trimmed.startsWith('::')) return false
    return !OWN_COMMAND.test(trimmed) || injected.some((payload) => trimmed.startsWith(payload))
  })
}

/** Exactly one error annotation, decoded. */
function theError(run: ActionRun): string {
  const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
  expect(errors).toHaveLength(1)
  return errors[0].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
}

async function databaseState(name: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    name,
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`
  )
  return rows.map((r) => r.name)
}

/**
 * The action's sessions still on the database once the run exited: the connection request it sends while loading
 * (src/modes/early-connection.ts) must be closed when a file is refused. A backend leaves pg_stat_activity a moment
 * after its client has gone; a request left open would keep it (and the process) alive.
 */
async function sessionsLeft(name: string): Promise<number> {
  for (let i = 0; ; i++) {
    const rows = await query<{ n: number }>(
      name,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`
    )
    if (rows[0].n === 0 || i >= 50) return rows[0].n
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

beforeAll(async () => {
  api = await startGitHubApi({ login: null })
  secretsFile = join(tempDir('hostile-secrets-'), 'credentials')
  writeFileSync(
    secretsFile,
    `AWS_ACCESS_KEY_ID=${AWS_KEY_ID}\nAWS_SECRET_ACCESS_KEY=${AWS_SECRET}\nGITHUB_TOKEN=${PLANTED_TOKEN}\n`
  )
})

afterAll(async () => {
  await api.close()
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

interface HostileCase {
  title: string
  /** Plants the hostile file in a fresh project; returns extra inputs. */
  plant: (ws: string) => Record<string, string> | void
  /** What the one error must say (the file or input it names). */
  names: string[]
  modes: Mode[]
  /** For the offline review through the API: the files the pull request changes. */
  prFiles?: PrFile[]
  /** Refused while the common settings are read, before the report path exists (as for any bad common input). */
  beforeReport?: boolean
}

const evilSql = (ws: string): string => {
  mkdirSync(join(ws, 'prisma', 'migrations', EVIL))
  return join(ws, 'prisma', 'migrations', EVIL, 'migration.sql')
}
const EVIL_FILE = `prisma/migrations/${EVIL}/migration.sql`
const evilAdded: PrFile[] = [{ filename: EVIL_FILE, status: 'added' }]

const cases: HostileCase[] = [
  {
    title: 'migration.sql -> /proc/self/environ (the runner environment holds AWS keys)',
    plant: (ws) => symlinkSync('/proc/self/environ', evilSql(ws)),
    names: [EVIL_FILE, 'is a symbolic link'],
    modes: ['status', 'deploy', 'offline'],
    prFiles: evilAdded
  },
  {
    title: 'migration.sql -> a planted credentials file outside the workspace (relative link)',
    plant: (ws) => symlinkSync(`../../../../../../../../../..${secretsFile}`, evilSql(ws)),
    names: [EVIL_FILE, 'is a symbolic link'],
    modes: ['status', 'deploy', 'offline'],
    prFiles: evilAdded
  },
  {
    title: 'migration.sql -> another migration inside the workspace (still a link, still refused)',
    plant: (ws) => symlinkSync(`../${INIT}/migration.sql`, evilSql(ws)),
    names: [EVIL_FILE, 'is a symbolic link'],
    modes: ['status', 'deploy', 'offline'],
    prFiles: evilAdded
  },
  {
    title: 'migration.sql -> a directory',
    plant: (ws) => symlinkSync(join(ws, 'prisma'), evilSql(ws)),
    names: [EVIL_FILE, 'is a symbolic link'],
    modes: ['status', 'deploy', 'offline'],
    prFiles: evilAdded
  },
  {
    title: 'migration.sql is a FIFO (opening it would block forever)',
    plant: (ws) => void execFileSync('mkfifo', [evilSql(ws)]),
    names: [EVIL_FILE, 'named pipe (FIFO)'],
    modes: ['status', 'deploy', 'offline'],
    prFiles: evilAdded
  },
  {
    title: 'migration.sql holds a NUL byte that hides a DROP from the review',
    plant: (ws) => writeFileSync(evilSql(ws), 'SELECT 1;\n-- \u0000\nDROP TABLE "Post";\n'),
    names: [`${EVIL_FILE} line 2 contains a NUL byte`],
    modes: ['status', 'deploy', 'offline'],
    prFiles: evilAdded
  },
  {
    title: 'prisma/migrations is a link to a folder outside the workspace',
    plant: (ws) => {
      const elsewhere = tempDir('hostile-elsewhere-')
      mkdirSync(join(elsewhere, EVIL))
      symlinkSync(secretsFile, join(elsewhere, EVIL, 'migration.sql'))
      rmSync(join(ws, 'prisma', 'migrations'), { recursive: true })
      symlinkSync(elsewhere, join(ws, 'prisma', 'migrations'))
    },
    names: ['prisma/migrations is a symbolic link'],
    modes: ['status', 'deploy', 'offline'],
    prFiles: evilAdded
  },
  {
    title: 'migration_lock.toml -> the planted credentials',
    plant: (ws) => {
      rmSync(join(ws, 'prisma', 'migrations', 'migration_lock.toml'))
      symlinkSync(secretsFile, join(ws, 'prisma', 'migrations', 'migration_lock.toml'))
    },
    names: ['prisma/migrations/migration_lock.toml is a symbolic link'],
    modes: ['status', 'deploy']
  },
  {
    title: 'prisma.config.ts -> the planted credentials',
    plant: (ws) => symlinkSync(secretsFile, join(ws, 'prisma.config.ts')),
    names: ['prisma.config.ts is a symbolic link'],
    modes: ['status', 'deploy', 'offline']
  },
  {
    title: 'package.json -> the planted credentials',
    plant: (ws) => symlinkSync(secretsFile, join(ws, 'package.json')),
    names: ['package.json is a symbolic link'],
    modes: ['status', 'deploy', 'offline']
  },
  {
    title: 'prisma.config.ts names a schema outside the workspace',
    plant: (ws) =>
      writeFileSync(join(ws, 'prisma.config.ts'), `export default { schema: '${secretsFile}' }\n`),
    names: ['is outside the workspace', 'named in prisma.config.ts'],
    modes: ['status', 'deploy']
  },
  {
    title: 'working-directory outside the workspace',
    plant: () => ({ 'working-directory': '..' }),
    names: ['Input `working-directory`', 'is outside the workspace'],
    modes: ['status', 'deploy', 'offline'],
    beforeReport: true
  },
  {
    title: 'working-directory is a link (to the project itself)',
    plant: (ws) => {
      symlinkSync(ws, join(ws, 'app'))
      return { 'working-directory': 'app' }
    },
    names: ['Input `working-directory`', 'app is a symbolic link'],
    modes: ['status', 'deploy'],
    beforeReport: true
  },
  {
    title: 'migrations-dir is a link to a folder outside the workspace',
    plant: (ws) => {
      symlinkSync(tempDir('hostile-migrations-'), join(ws, 'linked-migrations'))
      return { 'migrations-dir': 'linked-migrations' }
    },
    names: ['Input `migrations-dir`', 'linked-migrations is a symbolic link'],
    modes: ['status', 'deploy']
  },
  {
    title: 'migrations-dir through the .git folder',
    plant: (ws) => {
      mkdirSync(join(ws, '.git', 'refs'), { recursive: true })
      return { 'migrations-dir': '.git/refs' }
    },
    names: ['Input `migrations-dir`', 'is inside a .git folder'],
    modes: ['status', 'deploy']
  }
]

describe('hostile repository files, through dist/index.js', () => {
  let statusDb: { name: string; url: string }

  beforeAll(async () => {
    statusDb = await createTestDatabase('hostile_status')
  })

  for (const c of cases)
    for (const mode of c.modes)
      it(`${mode}: ${c.title}`, async () => {
        const ws = project()
        const extra = c.plant(ws) ?? {}
        api.options.prFiles = c.prFiles ?? []
        const commentsBefore = api.comments.length
        let run: ActionRun
        if (mode === 'deploy') {
          const db = await createTestDatabase('hostile_deploy')
          run = await action(`${mode}: ${c.title}`, ws, {
            mode: 'migrate-deploy',
            'database-url': db.url,
            ...extra
          })
          // Refused before any statement: not even _prisma_migrations or the first migration's table exists.
          expect(await databaseState(db.name)).toEqual([])
          expect(await sessionsLeft(db.name)).toBe(0)
        } else {
          run = await action(
            `${mode}: ${c.title}`,
            ws,
            { mode: 'migrate-status', 'database-url': mode === 'status' ? statusDb.url : '', ...extra },
            pullRequest()
          )
          expect(await databaseState(statusDb.name)).toEqual([])
          expect(await sessionsLeft(statusDb.name)).toBe(0)
        }
        expect(run.exitCode).toBe(1)
        const error = theError(run)
        for (const text of c.names) expect(error).toContain(text)
        if (c.beforeReport) expect(run.outputs['report-path']).toBeUndefined()
        else expect(run.report).toMatchObject({ outcome: 'failure' })
        expect(api.comments.length).toBe(commentsBefore)
        expect(commandLines(run.stdout)).toEqual([])
      }, 30_000)
})

describe('a linked migration directory', () => {
  it('is skipped as Prisma skips it, with a warning, and never read: status and deploy see only real directories', async () => {
    const ws = project()
    const elsewhere = tempDir('hostile-linked-dir-')
    symlinkSync(secretsFile, join(elsewhere, 'migration.sql'))
    symlinkSync(elsewhere, join(ws, 'prisma', 'migrations', EVIL))
    const db = await createTestDatabase('hostile_linked_dir')
    const status = await action(
      'linked migration directory: status',
      ws,
      { mode: 'migrate-status', 'database-url': db.url },
      pullRequest()
    )
    expect(status.exitCode).toBe(0)
    expect(JSON.parse(status.outputs['pending-migrations'])).toEqual([INIT])
    expect(status.stdout).toMatch(new RegExp(`^::warning::prisma/migrations/${EVIL} is a symbolic link`, 'm'))
    const deploy = await action('linked migration directory: deploy', ws, {
      mode: 'migrate-deploy',
      'database-url': db.url
    })
    expect(deploy.exitCode).toBe(0)
    expect(JSON.parse(deploy.outputs['applied-migrations'])).toEqual([INIT])
    expect(await databaseState(db.name)).toEqual([
      'public.Post',
      'public.Post_id_seq',
      'public._prisma_migrations'
    ])
  }, 30_000)
})

describe('offline review of a pull request that links migration.sql to .git/config (checkout credentials)', () => {
  it('refuses the link and shows the token in no form', async () => {
    const ws = tempDir('hostile-git-')
    const git = (...args: string[]): string => gitIn(ws, ...args)
    git('init', '-q', '-b', 'main')
    // What actions/checkout writes: the token as a base64 basic-auth header.
    const header = Buffer.from(`x-access-token:${CHECKOUT_TOKEN}`).toString('base64')
    git('config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${header}`)
    mkdirSync(join(ws, 'prisma', 'migrations', INIT), { recursive: true })
    writeFileSync(join(ws, 'prisma', 'migrations', 'migration_lock.toml'), LOCKFILE)
    writeFileSync(join(ws, 'prisma', 'migrations', INIT, 'migration.sql'), INIT_SQL)
    git('add', '.')
    git('commit', '-q', '-m', 'base')
    const base = git('rev-parse', 'HEAD')
    git('checkout', '-q', '-b', 'pr')
    mkdirSync(join(ws, 'prisma', 'migrations', EVIL))
    symlinkSync('../../../.git/config', join(ws, 'prisma', 'migrations', EVIL, 'migration.sql'))
    git('add', '.')
    git('commit', '-q', '-m', 'evil')
    const commentsBefore = api.comments.length
    const listingsBefore = api.requests.filter((r) => r.path.endsWith('/files')).length
    const run = await action(
      'offline: link to .git/config',
      ws,
      { mode: 'migrate-status' },
      pullRequest(base)
    )
    expect(run.exitCode).toBe(1)
    expect(theError(run)).toContain(`${EVIL_FILE} is a symbolic link`)
    expect(api.comments.length).toBe(commentsBefore)
    // The base came from the event and git history found the change: the API's file list was not needed.
    expect(api.requests.filter((r) => r.path.endsWith('/files')).length).toBe(listingsBefore)
  }, 30_000)
})

describe('migration directory names that are runner commands', () => {
  const PAYLOADS: [name: string, command: string][] = [
    ['20260301000001_a\n::warning title=pwned::INJECTED-1', '::warning title=pwned'],
    ['20260301000002_b\n::add-mask::2026', '::add-mask::2026'],
    ['::error::INJECTED-3', '::error::INJECTED-3'],
    ['20260301000004_d\r::notice::INJECTED-4', '::notice::INJECTED-4'],
    ['20260301000005_e\n\t::stop-commands::pwnedtoken', '::stop-commands::pwnedtoken'],
    ['20260301000006_f\u0085::debug::INJECTED-6', '::debug::INJECTED-6'],
    ['20260301000007_g ##[warning]INJECTED-7', '##[']
  ]
  const injected = PAYLOADS.map(([, command]) => command)
  let ws: string
  let db: { name: string; url: string }

  beforeAll(async () => {
    ws = project()
    for (const [name] of PAYLOADS) {
      mkdirSync(join(ws, 'prisma', 'migrations', name))
      writeFileSync(join(ws, 'prisma', 'migrations', name, 'migration.sql'), 'SELECT 1;\n')
    }
    db = await createTestDatabase('hostile_names')
  })

  it('status, deploy, status again and the offline review print no line the runner would execute', async () => {
    api.options.prFiles = PAYLOADS.map(([name]) => ({
      filename: `prisma/migrations/${name}/migration.sql`,
      status: 'added' as const
    }))
    const status = await action(
      'names: status',
      ws,
      { mode: 'migrate-status', 'database-url': db.url },
      pullRequest()
    )
    expect(status.exitCode).toBe(0)
    expect(JSON.parse(status.outputs['pending-migrations'])).toHaveLength(PAYLOADS.length + 1)
    const deploy = await action('names: deploy', ws, { mode: 'migrate-deploy', 'database-url': db.url })
    expect(deploy.exitCode).toBe(0)
    expect(deploy.outputs['applied-count']).toBe(String(PAYLOADS.length + 1))
    const recorded = await query<{ migration_name: string }>(
      db.name,
      'SELECT migration_name FROM _prisma_migrations'
    )
    expect(recorded.map((r) => r.migration_name).sort()).toEqual([INIT, ...PAYLOADS.map(([n]) => n)].sort())
    const again = await action('names: status after deploy', ws, {
      mode: 'migrate-status',
      'database-url': db.url
    })
    expect(again.outputs.status).toBe('up-to-date')
    const offline = await action('names: offline', ws, { mode: 'migrate-status' }, pullRequest())
    expect(JSON.parse(offline.outputs['pending-migrations'])).toHaveLength(PAYLOADS.length)
    // The names did reach the log (neutralised) in status and deploy, so the check below looked at them.
    for (const run of [status, deploy]) expect(run.stdout).toContain('INJECTED-')
    for (const run of [status, deploy, again, offline]) expect(commandLines(run.stdout, injected)).toEqual([])
  }, 60_000)
})

describe('offline review of a project in a subdirectory, through dist/index.js', () => {
  const DROP_NAME = '20260401000000_zahlungsempfänger_löschen'
  const DROP_SQL = '-- DropTable\nDROP TABLE "Post";\n'

  function repository(app: string): { ws: string; base: string } {
    const ws = tempDir('hostile-mono-')
    const git = (...args: string[]): string => gitIn(ws, ...args)
    git('init', '-q', '-b', 'main')
    mkdirSync(join(ws, app, 'prisma', 'migrations', INIT), { recursive: true })
    writeFileSync(join(ws, app, 'prisma', 'migrations', 'migration_lock.toml'), LOCKFILE)
    writeFileSync(join(ws, app, 'prisma', 'migrations', INIT, 'migration.sql'), INIT_SQL)
    git('add', '.')
    git('commit', '-q', '-m', 'base')
    const base = git('rev-parse', 'HEAD')
    git('checkout', '-q', '-b', 'pr')
    mkdirSync(join(ws, app, 'prisma', 'migrations', DROP_NAME))
    writeFileSync(join(ws, app, 'prisma', 'migrations', DROP_NAME, 'migration.sql'), DROP_SQL)
    git('add', '.')
    git('commit', '-q', '-m', 'drop')
    return { ws, base }
  }

  function expectDropFound(run: ActionRun, how: string): void {
    expect(run.exitCode).toBe(1)
    expect(run.outputs['has-destructive']).toBe('true')
    expect(JSON.parse(run.outputs['pending-migrations'])).toEqual([DROP_NAME])
    expect(run.report).toMatchObject({ changed: { added: [DROP_NAME], source: how } })
    const findings = (run.report!.review as { findings: Record<string, unknown>[] }).findings
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'drop-table',
        migration: DROP_NAME,
        file: `prisma/migrations/${DROP_NAME}/migration.sql`
      })
    )
  }

  it.each(['app', 'services/caisse-été'])(
    'working-directory %s: git history (base from the event) finds the DROP in a non-ASCII migration',
    async (app) => {
      const { ws, base } = repository(app)
      const run = await action(
        `offline in ${app}`,
        ws,
        { mode: 'migrate-status', 'working-directory': app },
        pullRequest(base)
      )
      expectDropFound(run, 'git')
    },
    30_000
  )

  it('working-directory app: the pull request files API (base not in the checkout) finds it too', async () => {
    const { ws } = repository('app')
    api.options.prFiles = [
      { filename: `app/prisma/migrations/${DROP_NAME}/migration.sql`, status: 'added' },
      { filename: `prisma/migrations/20260402000000_not_this_project/migration.sql`, status: 'added' }
    ]
    const run = await action(
      'offline in app via the API',
      ws,
      { mode: 'migrate-status', 'working-directory': 'app' },
      pullRequest()
    )
    expectDropFound(run, 'api')
  }, 30_000)
})

describe('every run above', () => {
  it('shows no secret, in any form, in anything it produced or sent to the GitHub API', () => {
    expect(runs.length).toBeGreaterThanOrEqual(40)
    const produced = [
      ...runs.map(({ title, run }) => `${title}\n${run.everything}`),
      JSON.stringify(api.requests.map((r) => ({ path: r.path, query: r.query, body: r.body }))),
      JSON.stringify(api.comments)
    ]
    const secrets = [AWS_KEY_ID, AWS_SECRET, PLANTED_TOKEN, CHECKOUT_TOKEN, INPUT_TOKEN, serverPassword()]
    for (const text of produced)
      for (const secret of secrets) for (const form of secretForms(secret)) expect(text).not.toContain(form)
  })
})

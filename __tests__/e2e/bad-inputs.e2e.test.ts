/**
 * Every input a user can get wrong, run through dist/index.js: one clear message that names the input (or file)
 * and the fix, a non-zero exit, and nothing changed in the database or at the destination.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, query, serverUrl, urlFor } from '../../__fixtures__/databases.js'
import { runAction } from '../../__fixtures__/run-action.mjs'

const EXAMPLE = join(process.cwd(), 'examples', 'prisma')
const FIRST = '20251225123806_group_buying_sales_report'
const APPLIED = '20251225172757_platform_api_tables'

interface Case {
  name: string
  inputs: (ctx: Ctx) => Record<string, string>
  /** Text the error must contain: the input or file it names, and words of the fix. */
  expect: string[]
}

interface Ctx {
  url: string
  workspace: string
  destination: string
}

const wrongPassword = (): string => {
  const url = new URL(urlFor('postgres'))
  url.password = 'not-the-password'
  return url.toString()
}

const cases: Case[] = [
  {
    name: 'unknown mode',
    inputs: ({ url }) => ({ mode: 'migrate-dev', 'database-url': url }),
    expect: ['`mode`', 'migrate-status, migrate-deploy']
  },
  { name: 'missing mode', inputs: ({ url }) => ({ 'database-url': url }), expect: ['`mode`', 'is required'] },
  {
    name: 'deploy without database-url',
    inputs: () => ({ mode: 'migrate-deploy' }),
    expect: ['`database-url`', 'secrets.']
  },
  {
    name: 'malformed URL',
    inputs: () => ({ mode: 'migrate-deploy', 'database-url': 'postgresql//nope' }),
    expect: ['`database-url`', 'postgresql://USER:PASSWORD@HOST']
  },
  {
    name: 'not a Postgres URL',
    inputs: () => ({ mode: 'migrate-deploy', 'database-url': 'mysql://u:p@127.0.0.1/db' }),
    expect: ['`database-url`', 'postgresql://']
  },
  {
    name: 'bad connect_timeout',
    inputs: () => ({
      mode: 'migrate-status',
      'database-url': 'postgresql://u:p@127.0.0.1/db?connect_timeout=soon'
    }),
    expect: ['`database-url`', 'connect_timeout']
  },
  {
    name: 'unreachable host',
    inputs: () => ({ mode: 'migrate-deploy', 'database-url': 'postgresql://u:p@127.0.0.1:1/db' }),
    expect: ['P1001', '127.0.0.1:1', 'port']
  },
  {
    name: 'railway internal host',
    inputs: () => ({
      mode: 'migrate-deploy',
      'database-url': 'postgresql://u:p@postgres-og9n.railway.internal:5432/railway'
    }),
    expect: ['P1001', 'DATABASE_PUBLIC_URL']
  },
  {
    name: 'wrong password',
    inputs: () => ({ mode: 'migrate-deploy', 'database-url': wrongPassword() }),
    expect: ['P1000', 'password']
  },
  {
    name: 'missing database',
    inputs: () => ({ mode: 'migrate-deploy', 'database-url': urlFor('no_such_database') }),
    expect: ['P1003', 'no_such_database']
  },
  {
    name: 'working-directory missing',
    inputs: ({ url }) => ({
      mode: 'migrate-deploy',
      'database-url': url,
      'working-directory': 'nope/platform-api'
    }),
    expect: ['`working-directory`', 'actions/checkout']
  },
  {
    name: 'migrations-dir missing',
    inputs: ({ url }) => ({ mode: 'migrate-deploy', 'database-url': url, 'migrations-dir': 'db/migrations' }),
    expect: ['`migrations-dir`', 'does not exist']
  },
  {
    name: 'migrations-dir is a file',
    inputs: ({ url }) => ({ mode: 'migrate-deploy', 'database-url': url, 'migrations-dir': 'package.json' }),
    expect: ['`migrations-dir`', 'is a file']
  },
  {
    name: 'lock file for another provider',
    inputs: ({ url }) => ({
      mode: 'migrate-deploy',
      'database-url': url,
      'migrations-dir': 'mysql-migrations'
    }),
    expect: ['P3019', 'migration_lock.toml']
  },
  {
    name: 'resolve with both names',
    inputs: ({ url }) => ({
      mode: 'migrate-resolve',
      'database-url': url,
      'resolve-applied': FIRST,
      'resolve-rolled-back': FIRST
    }),
    expect: ['`resolve-applied`', 'exactly one']
  },
  {
    name: 'resolve with no name',
    inputs: ({ url }) => ({ mode: 'migrate-resolve', 'database-url': url }),
    expect: ['`resolve-applied`', 'resolve-rolled-back']
  },
  {
    name: 'resolve an unknown migration',
    inputs: ({ url }) => ({
      mode: 'migrate-resolve',
      'database-url': url,
      'resolve-applied': '20990101000000_nope'
    }),
    expect: ['P3017', '20990101000000_nope']
  },
  {
    name: 'resolve-applied on an applied migration',
    inputs: ({ url }) => ({ mode: 'migrate-resolve', 'database-url': url, 'resolve-applied': APPLIED }),
    expect: ['P3008', APPLIED]
  },
  {
    name: 'roll back a migration that did not fail',
    inputs: ({ url }) => ({ mode: 'migrate-resolve', 'database-url': url, 'resolve-rolled-back': APPLIED }),
    expect: ['P3012', APPLIED]
  },
  {
    name: 'resolve input on another mode',
    inputs: ({ url }) => ({ mode: 'migrate-deploy', 'database-url': url, 'resolve-applied': FIRST }),
    expect: ['`resolve-applied`', 'migrate-resolve']
  },
  {
    name: 'fail-on-pending not a boolean',
    inputs: ({ url }) => ({ mode: 'migrate-status', 'database-url': url, 'fail-on-pending': 'maybe' }),
    expect: ['`fail-on-pending`', 'true or false']
  },
  {
    name: 'fail-on unknown',
    inputs: ({ url }) => ({ mode: 'migrate-status', 'database-url': url, 'fail-on': 'sometimes' }),
    expect: ['`fail-on`', 'error, warning, never']
  },
  {
    name: 'unknown rule',
    inputs: ({ url }) => ({ mode: 'migrate-status', 'database-url': url, rules: 'no-such-rule=off' }),
    expect: ['`rules`', 'no-such-rule']
  },
  {
    name: 'allow-destructive not a boolean',
    inputs: ({ url }) => ({ mode: 'migrate-deploy', 'database-url': url, 'allow-destructive': 'perhaps' }),
    expect: ['`allow-destructive`', 'true or false']
  },
  {
    name: 'expected-plan-id on status',
    inputs: ({ url }) => ({ mode: 'migrate-status', 'database-url': url, 'expected-plan-id': 'x' }),
    expect: ['`expected-plan-id`', 'migrate-deploy']
  },
  {
    name: 'backup-before-deploy unknown',
    inputs: ({ url }) => ({
      mode: 'migrate-deploy',
      'database-url': url,
      'backup-before-deploy': 'sometimes'
    }),
    expect: ['`backup-before-deploy`', 'never']
  },
  {
    name: 'backup without destination',
    inputs: ({ url }) => ({ mode: 'backup', 'database-url': url }),
    expect: ['`destination`']
  },
  {
    name: 'backup to an unknown scheme',
    inputs: ({ url }) => ({ mode: 'backup', 'database-url': url, destination: 'ftp://host/backups' }),
    expect: ['`destination`', 's3://']
  },
  {
    name: 'backup format unknown',
    inputs: ({ url, destination }) => ({
      mode: 'backup',
      'database-url': url,
      destination,
      format: 'tar',
      'allow-unencrypted': 'true'
    }),
    expect: ['`format`', 'custom']
  },
  {
    name: 'pg-dump-args not allowed',
    inputs: ({ url, destination }) => ({
      mode: 'backup',
      'database-url': url,
      destination,
      'pg-dump-args': '--file=/tmp/x.dump'
    }),
    expect: ['`pg-dump-args`', '--file']
  },
  {
    name: 'pg-dump-args with a shell',
    inputs: ({ url, destination }) => ({
      mode: 'backup',
      'database-url': url,
      destination,
      'pg-dump-args': '--schema=public; rm -rf /'
    }),
    expect: ['`pg-dump-args`']
  },
  {
    name: 'bad age key',
    inputs: ({ url, destination }) => ({
      mode: 'backup',
      'database-url': url,
      destination,
      'encrypt-to': 'age1notarealkey'
    }),
    expect: ['`encrypt-to`', 'age1']
  },
  {
    name: 'artifact without encryption',
    inputs: ({ url }) => ({ mode: 'backup', 'database-url': url, destination: 'artifact' }),
    expect: ['`encrypt-to`', 'allow-unencrypted']
  },
  {
    name: 'keep-last negative',
    inputs: ({ url, destination }) => ({
      mode: 'backup',
      'database-url': url,
      destination,
      'keep-last': '-1'
    }),
    expect: ['`keep-last`']
  },
  {
    name: 'keep-days not a number',
    inputs: ({ url, destination }) => ({
      mode: 'backup',
      'database-url': url,
      destination,
      'keep-days': 'a week'
    }),
    expect: ['`keep-days`']
  },
  {
    name: 'unwritable local destination',
    inputs: ({ url }) => ({ mode: 'backup', 'database-url': url, destination: '/proc/pg-ops-backups' }),
    expect: ['`destination`']
  },
  {
    name: 'pg-dump-path missing',
    inputs: ({ url, destination }) => ({
      mode: 'backup',
      'database-url': url,
      destination,
      'pg-dump-path': '/nonexistent/bin'
    }),
    expect: ['`pg-dump-path`']
  },
  {
    name: 's3-force-path-style not a boolean',
    inputs: ({ url }) => ({
      mode: 'backup',
      'database-url': url,
      destination: 's3://b/p',
      's3-force-path-style': 'sure'
    }),
    expect: ['`s3-force-path-style`']
  },
  {
    name: 'restore-drill into the source database',
    inputs: ({ url, destination }) => ({
      mode: 'restore-drill',
      'database-url': url,
      destination,
      'target-database-url': url
    }),
    expect: ['`target-database-url`', 'source']
  },
  {
    name: 'restore-drill without a target',
    inputs: ({ url, destination }) => ({ mode: 'restore-drill', 'database-url': url, destination }),
    expect: ['`target-database-url`']
  },
  {
    name: 'restore-drill with a bad age identity',
    inputs: ({ url, destination }) => ({
      mode: 'restore-drill',
      'database-url': url,
      destination,
      'target-database-url': urlFor('postgres'),
      'age-identity': 'AGE-SECRET-KEY-1NOPE'
    }),
    expect: ['`age-identity`']
  }
]

describe('bad inputs, through dist/index.js', () => {
  const ctx = {} as Ctx
  let dbName = ''

  beforeAll(async () => {
    ctx.workspace = mkdtempSync(join(tmpdir(), 'bad-inputs-'))
    cpSync(EXAMPLE, ctx.workspace, { recursive: true })
    rmSync(join(ctx.workspace, 'prisma', 'migrations', '20260105093000_tool_execution_status'), {
      recursive: true
    })
    mkdirSync(join(ctx.workspace, 'mysql-migrations'))
    writeFileSync(join(ctx.workspace, 'mysql-migrations', 'migration_lock.toml'), 'provider = "mysql"\n')
    ctx.destination = join(ctx.workspace, 'backups')
    mkdirSync(ctx.destination)
    writeFileSync(join(ctx.destination, 'keep-me.txt'), 'not ours')
    const db = await createTestDatabase('bad_inputs')
    dbName = db.name
    ctx.url = db.url
    // A database with history: the team's first two migrations, applied through the action itself.
    const seed = await runAction({
      inputs: { mode: 'migrate-deploy', 'database-url': db.url },
      workspace: ctx.workspace
    })
    expect(seed.exitCode).toBe(0)
  })

  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
    expect(serverUrl()).toBeTruthy()
  })

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const snapshot = async (): Promise<string> =>
      JSON.stringify([
        await query(
          dbName,
          'SELECT id, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY id'
        ),
        await query(
          dbName,
          `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`
        ),
        readdirSync(ctx.destination).sort()
      ])
    const before = await snapshot()
    const run = await runAction({ inputs: c.inputs(ctx), workspace: ctx.workspace })
    expect(run.exitCode).not.toBe(0)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    const message = errors[0].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
    for (const text of c.expect) expect(message).toContain(text)
    expect(await snapshot()).toBe(before)
  })
})

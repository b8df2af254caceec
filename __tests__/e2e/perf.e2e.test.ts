/**
 * Round trips of dist/index.js as a runner runs it (issue 10), counted at the latency proxy (exchanges, no timing),
 * so that a regression fails CI: migrate-status makes exactly the round trips of node + pg connecting and running
 * one query, with or without `?schema=`; migrate-deploy makes one per migration of Langfuse's real history on the
 * one-transaction path.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { createTestDatabase, serverPassword, serverUrl, urlFor } from '../../__fixtures__/databases.js'
import { type LatencyProxy, startLatencyProxy } from '../../__fixtures__/latency-proxy.mjs'
import { runAction, secretForms, type ActionRun } from '../../__fixtures__/run-action.mjs'

const HISTORY = join(process.cwd(), '__fixtures__', 'histories', 'langfuse', 'migrations')
const NAMES = readdirSync(HISTORY, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort((a, b) => a.localeCompare(b))
const workspaces: string[] = []
const runs: ActionRun[] = []
let proxy: LatencyProxy

beforeAll(async () => {
  const url = new URL(serverUrl())
  proxy = await startLatencyProxy({ host: url.hostname, port: Number(url.port), delayMs: 0 })
})
afterAll(async () => {
  await proxy.stop()
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true })
})

/** A project with the first `count` migrations of the real history. */
function project(count: number): string {
  const workspace = mkdtempSync(join(tmpdir(), 'perf-e2e-'))
  workspaces.push(workspace)
  const dir = join(workspace, 'prisma', 'migrations')
  mkdirSync(dir, { recursive: true })
  cpSync(join(HISTORY, 'migration_lock.toml'), join(dir, 'migration_lock.toml'))
  for (const name of NAMES.slice(0, count)) cpSync(join(HISTORY, name), join(dir, name), { recursive: true })
  return workspace
}

/** The run's exchanges per connection, in the order it opened them (the first is its session). */
async function counted(
  mode: string,
  database: string,
  workspace: string,
  params = 'sslmode=disable'
): Promise<{ run: ActionRun; perConnection: number[] }> {
  proxy.reset()
  const run = await runAction({
    inputs: {
      mode,
      'database-url': proxy.urlThrough(urlFor(database, params)),
      'migrations-dir': 'prisma/migrations',
      'fail-on': 'never',
      'allow-destructive': 'true',
      comment: 'false'
    },
    workspace
  })
  runs.push(run)
  return { run, perConnection: proxy.stats().perConnection }
}

/** node + pg through the same proxy: connect, one query, end. */
async function floor(database: string, params = ''): Promise<number> {
  proxy.reset()
  const client = new pg.Client({ connectionString: proxy.urlThrough(urlFor(database, params)) })
  await client.connect()
  await client.query('SELECT * FROM "_prisma_migrations" ORDER BY "started_at"')
  await client.end()
  return proxy.stats().roundTrips
}

describe('dist/index.js through the latency proxy', () => {
  it('migrate-deploy: one round trip per migration on the one-transaction path (30 migrations cost 10 more than 20)', async () => {
    const twenty = await createTestDatabase('perf_d20')
    const thirty = await createTestDatabase('perf_d30')
    const small = await counted('migrate-deploy', twenty.name, project(20))
    const large = await counted('migrate-deploy', thirty.name, project(30))
    for (const { run } of [small, large]) expect(run.exitCode).toBe(0)
    // Two connections: the session, which is the request sent while the mode loads (src/modes/early-connection.ts,
    // a request opened for nothing would be one more), and the lock monitor's (src/migrate/blockers.ts).
    for (const { perConnection } of [small, large]) expect(perConnection).toHaveLength(2)
    expect(large.run.outputs['applied-count']).toBe('30')
    // The 10 more (migrations 21 to 30) all run as one transaction each.
    expect(large.perConnection[0] - small.perConnection[0]).toBe(10)
    // The rest of the deploy (connect, read, review, lock, table, unlock) is a fixed handful.
    expect(small.perConnection[0] - 20).toBeLessThanOrEqual(12)
  })

  it('migrate-status on the deployed database: the round trips of node + pg connecting and running one query', async () => {
    const db = await createTestDatabase('perf_status')
    const workspace = project(30)
    expect((await counted('migrate-deploy', db.name, workspace)).run.exitCode).toBe(0)
    const status = await counted('migrate-status', db.name, workspace)
    expect(status.run.exitCode).toBe(0)
    expect(status.run.outputs.status).toBe('up-to-date')
    expect(status.perConnection).toHaveLength(1)
    expect(status.perConnection[0]).toBe(await floor(db.name, 'sslmode=disable'))
  })

  it('with ?schema=, search_path travels with the connection request: still no round trip more', async () => {
    const db = await createTestDatabase('perf_schema')
    const workspace = project(5)
    const params = 'sslmode=disable&schema=tenant_a'
    expect((await counted('migrate-deploy', db.name, workspace, params)).run.exitCode).toBe(0)
    const status = await counted('migrate-status', db.name, workspace, params)
    expect(status.run.outputs.status).toBe('up-to-date')
    expect(status.perConnection).toEqual([
      await floor(db.name, 'sslmode=disable&options=-c%20search_path%3Dtenant_a')
    ])
  })

  it('start-up loads what the mode needs: no source-map support and no YAML parser for a status run', async () => {
    const db = await createTestDatabase('perf_load')
    const workspace = project(5)
    expect((await counted('migrate-deploy', db.name, workspace)).run.exitCode).toBe(0)
    // Every module the run resolves, through a loader hook.
    const hooks = mkdtempSync(join(tmpdir(), 'perf-hooks-'))
    workspaces.push(hooks)
    const log = join(hooks, 'loaded.txt')
    writeFileSync(log, '')
    writeFileSync(
      join(hooks, 'hooks.mjs'),
      "import { appendFileSync } from 'node:fs'\nexport async function resolve(specifier, context, next) {\n  const resolved = await next(specifier, context)\n  appendFileSync(process.env.PERF_LOADED_LOG, resolved.url + '\\n')\n  return resolved\n}\n"
    )
    writeFileSync(
      join(hooks, 'register.mjs'),
      "import { register } from 'node:module'\nregister('./hooks.mjs', import.meta.url)\n"
    )
    const run = await runAction({
      inputs: {
        mode: 'migrate-status',
        'database-url': urlFor(db.name),
        'migrations-dir': 'prisma/migrations'
      },
      workspace,
      env: {
        NODE_OPTIONS: `--import ${pathToFileURL(join(hooks, 'register.mjs')).href}`,
        PERF_LOADED_LOG: log
      }
    })
    runs.push(run)
    expect(run.exitCode).toBe(0)
    const dist = join(process.cwd(), 'dist')
    const loaded = readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.includes('/dist/'))
      .map((url) => url.slice(url.lastIndexOf('/') + 1))
    expect(loaded).toContain('index.js')
    expect(loaded.length).toBeGreaterThan(3)
    // The chunk that holds the YAML parser (read from the source maps), and source-map support, are not among them.
    const yamlChunks = readdirSync(dist)
      .filter((f) => f.endsWith('.index.js'))
      .filter((f) => readFileSync(join(dist, `${f}.map`), 'utf8').includes('node_modules/yaml/'))
    expect(yamlChunks).toHaveLength(1)
    expect(loaded).not.toContain(yamlChunks[0])
    expect(loaded).not.toContain('sourcemap-register.cjs')
    // ... which is in dist/, for a bug's stack (src/main.ts).
    expect(readdirSync(dist)).toContain('sourcemap-register.cjs')
  })

  it('no run printed the password in any form', () => {
    const everything = runs.map((r) => r.everything).join('\n')
    for (const form of secretForms(serverPassword())) expect(everything).not.toContain(form)
  })
})

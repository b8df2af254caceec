// A brand-new environment: Langfuse's real 434-migration history (__fixtures__/histories/langfuse) reviewed and
// deployed into an empty database through the bundled action, whole processes timed (spawn to exit), median of
// several runs. Floor: node + pg running every file with Prisma's bookkeeping statements (what any tool that is
// interchangeable with `prisma migrate deploy` must do); one psql session running the files alone and the real
// Prisma 6.19 CLI deploying the same folder are shown for information. Also prints what the review finds.
//
//   node bench/fresh-history-bench.mjs        (needs dist/index.js: npm run build)
//
// Prints a table and one line `BENCH_RESULT {...}`. Goal: migrate-deploy (review + gate + apply) <= 1.5x the
// bookkeeping floor.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startCluster, stopCluster } from '../__fixtures__/pg-cluster.mjs'
import { parseOutputFile } from '../__fixtures__/run-action.mjs'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ACTION = process.env.BENCH_ACTION ? resolve(process.env.BENCH_ACTION) : join(REPO, 'dist', 'index.js')
const HISTORY = join(REPO, '__fixtures__', 'histories', 'langfuse', 'migrations')
const ORACLE = join(REPO, '__fixtures__', 'prisma-oracle', 'bin', 'prisma')
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const GOAL = 1.5

// The files, each behind the row Prisma inserts and commits first and the two updates after, bound as Prisma binds them.
const BOOKKEEPING_FLOOR = `
import pg from 'pg'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
const files = JSON.parse(process.env.BENCH_FILES)
const client = new pg.Client({ connectionString: process.env.BENCH_URL })
await client.connect()
await client.query('CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)')
for (const file of files) {
  const id = randomUUID()
  await client.query('INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES ($1,$2,$3,$4)', [id, 'x'.repeat(64), new Date(), file.slice(-80)])
  await client.query(readFileSync(file, 'utf8'))
  await client.query('UPDATE "_prisma_migrations" SET "applied_steps_count" = ("applied_steps_count" + 1) WHERE "id" = $1', [id])
  await client.query('UPDATE "_prisma_migrations" SET "finished_at" = $1 WHERE "id" = $2', [new Date(), id])
}
await client.end()
`

if (!existsSync(ACTION)) {
  console.error(`fresh-history-bench: ${ACTION} does not exist. Build the action first (npm run build).`)
  process.exit(2)
}

const files = readdirSync(HISTORY, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort((a, b) => a.localeCompare(b))
  .map((name) => join(HISTORY, name, 'migration.sql'))

function run(command, args, env, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (code !== 0 && !options.allowFailure)
        reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${out.slice(-4000)}`))
      else resolvePromise(ms)
    })
  })
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

function urlFor(serverUrl, database) {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

async function main() {
  const cluster = await startCluster()
  const work = mkdtempSync(join(tmpdir(), 'fresh-history-bench-'))
  try {
    const server = new URL(cluster.url)
    const psqlBin = existsSync(join(cluster.binDir, 'psql')) ? join(cluster.binDir, 'psql') : 'psql'
    const includeAll = join(work, 'all.sql')
    writeFileSync(includeAll, files.map((f) => `\\i '${f.replace(/'/g, "''")}'`).join('\n') + '\n')
    let counter = 0
    const freshDb = async (prefix) => {
      const name = `${prefix}_${counter++}`
      await admin(cluster.url, `CREATE DATABASE "${name}"`)
      return name
    }
    const actionEnv = (mode, db, tag) => {
      const runDir = join(work, `run-${tag}`)
      mkdirSync(runDir, { recursive: true })
      const env = {
        INPUT_MODE: mode,
        'INPUT_DATABASE-URL': `${urlFor(cluster.url, db)}?sslmode=disable`,
        'INPUT_MIGRATIONS-DIR': HISTORY,
        'INPUT_WORKING-DIRECTORY': REPO,
        INPUT_COMMENT: 'false',
        GITHUB_OUTPUT: join(runDir, 'output'),
        GITHUB_STEP_SUMMARY: join(runDir, 'summary.md'),
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_WORKSPACE: REPO,
        RUNNER_TEMP: runDir
      }
      writeFileSync(env.GITHUB_OUTPUT, '')
      writeFileSync(env.GITHUB_STEP_SUMMARY, '')
      return env
    }
    const outputs = (env) => parseOutputFile(readFileSync(env.GITHUB_OUTPUT, 'utf8'))

    const times = { status: [], deploy: [], bookkeeping: [], psql: [], prisma: [] }
    let findings
    for (let i = -1; i < RUNS; i++) {
      const statusEnv = actionEnv('migrate-status', await freshDb('status'), `status-${i}`)
      const status = await run(process.execPath, [ACTION], statusEnv, { allowFailure: true })
      const deployEnv = actionEnv('migrate-deploy', await freshDb('deploy'), `deploy-${i}`)
      const deploy = await run(process.execPath, [ACTION], deployEnv)
      const out = outputs(deployEnv)
      if (out['applied-count'] !== String(files.length))
        throw new Error(`the action applied ${out['applied-count']} of ${files.length} migrations`)
      const bookkeeping = await run(process.execPath, ['--input-type=module', '-e', BOOKKEEPING_FLOOR], {
        BENCH_URL: urlFor(cluster.url, await freshDb('bookkeeping')),
        BENCH_FILES: JSON.stringify(files)
      })
      const psqlDb = await freshDb('psql')
      const psql = await run(
        psqlBin,
        [
          '-X',
          '-q',
          '-v',
          'ON_ERROR_STOP=1',
          '-h',
          server.hostname,
          '-p',
          server.port,
          '-U',
          'postgres',
          '-d',
          psqlDb,
          '-f',
          includeAll
        ],
        { PGPASSWORD: cluster.password }
      )
      let prisma
      if (existsSync(ORACLE)) {
        const prismaDb = await freshDb('prisma')
        prisma = await run(ORACLE, ['migrate', 'deploy'], {
          DATABASE_URL: urlFor(cluster.url, prismaDb),
          MIGRATIONS_PATH: HISTORY
        })
      }
      if (i === -1) {
        const report = JSON.parse(readFileSync(outputs(deployEnv)['report-path'], 'utf8'))
        const all = report.review.findings
        findings = {
          total: all.length,
          destructive: all.filter((f) => f.destructive).length,
          blocking: all.filter((f) => f.severity === 'error' && !f.acknowledged).length,
          nothingToLose: all.filter((f) => f.acknowledged?.by === 'database').length,
          prismaWarningUnmatched: all.filter((f) => f.rule === 'prisma-warning-unmatched').length
        }
        continue
      }
      times.status.push(status)
      times.deploy.push(deploy)
      times.bookkeeping.push(bookkeeping)
      times.psql.push(psql)
      if (prisma !== undefined) times.prisma.push(prisma)
    }

    const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.length ? median(v) : undefined]))
    const row = (label, ms, floor, goal) =>
      `${label.padEnd(52)} ${ms.toFixed(0).padStart(8)} ms ${floor === undefined ? '' : `${(ms / floor).toFixed(2).padStart(6)}x`}${goal ? `  (goal <= ${goal}x)` : ''}`
    console.log(
      `\nfresh-history bench: ${files.length} real migrations into an empty database, median of ${RUNS} runs (whole processes)\n`
    )
    console.log(row('migrate-status: review of the whole history', m.status))
    console.log(
      row('migrate-deploy: review + gate + apply, no allow-destructive', m.deploy, m.bookkeeping, GOAL)
    )
    console.log(row('floor: node + pg, files + Prisma bookkeeping', m.bookkeeping))
    console.log(row('(info) one psql session running the files alone', m.psql, m.bookkeeping))
    if (m.prisma !== undefined)
      console.log(row('(info) Prisma 6.19 CLI migrate deploy (wasm engine)', m.prisma, m.bookkeeping))
    console.log(`\nreview findings on the empty database: ${JSON.stringify(findings)}`)
    const summary = {
      bench: 'fresh-history',
      rows: [
        {
          metric: `migrate-deploy of ${files.length} real migrations into an empty database, vs node + pg with Prisma's bookkeeping`,
          value: m.deploy / m.bookkeeping,
          goal: `<= ${GOAL}`,
          ok: m.deploy / m.bookkeeping <= GOAL
        },
        {
          metric: `(info) migrate-status (review of ${files.length} pending migrations), vs the same floor`,
          value: m.status / m.bookkeeping,
          goal: '-',
          ok: true
        },
        ...(m.prisma === undefined
          ? []
          : [
              {
                metric: '(info) migrate-deploy vs the Prisma 6.19 CLI deploying the same folder',
                value: m.deploy / m.prisma,
                goal: '-',
                ok: true
              }
            ])
      ],
      detail: { migrations: files.length, medianMs: m, findings }
    }
    console.log(`\nBENCH_RESULT ${JSON.stringify(summary)}`)
  } finally {
    stopCluster(cluster)
    rmSync(work, { recursive: true, force: true })
  }
}

await main()

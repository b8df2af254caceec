// Backup throughput and memory: the bundled action (mode backup → local s3rver) against `pg_dump -Fc > /dev/null`
// on the same pgbench database. Goals: ≥ 0.9× pg_dump's speed (≥ 0.75× with age encryption), peak RSS ≤ 150 MB.
//
//   node bench/backup-bench.mjs [--scale 50] [--runs 3] [--verify-cost]
//   --verify-cost also times the unencrypted backup with `verify: false` (informational: verify stays on by default)
//   BENCH_ACTION_ENTRY=/path/to/index.js overrides dist/index.js (e.g. a temporary ncc bundle)
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import S3rver from 's3rver'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { startCluster, stopCluster } from '../__fixtures__/pg-cluster.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? fallback : Number(process.argv[i + 1])
}
const scale = arg('scale', 50)
const runs = arg('runs', 3)
const verifyCost = process.argv.includes('--verify-cost')
const entry = process.env.BENCH_ACTION_ENTRY ?? join(root, 'dist', 'index.js')
if (!existsSync(entry)) {
  console.error(`No bundle at ${entry}: run npm run build, or set BENCH_ACTION_ENTRY`)
  process.exit(2)
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1)

function pgEnv(cluster, database) {
  return {
    ...process.env,
    PGHOST: '127.0.0.1',
    PGPORT: String(cluster.port),
    PGUSER: 'postgres',
    PGPASSWORD: cluster.password,
    PGDATABASE: database
  }
}

function timeProcess(command, args, options) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(command, args, options)
    let stderr = ''
    child.stderr?.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) =>
      resolvePromise({ code, ms: Number(process.hrtime.bigint() - started) / 1e6, stderr })
    )
  })
}

/** Peak RSS: /usr/bin/time -v reports it exactly; otherwise poll VmRSS every 50 ms. */
async function runAction(env) {
  const useTime = existsSync('/usr/bin/time')
  const [command, args] = useTime
    ? ['/usr/bin/time', ['-v', process.execPath, entry]]
    : [process.execPath, [entry]]
  const started = process.hrtime.bigint()
  const child = spawn(command, args, { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let polledPeak = 0
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const poll = useTime
    ? undefined
    : setInterval(() => {
        try {
          const kb = Number(
            /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0
          )
          polledPeak = Math.max(polledPeak, kb * 1024)
        } catch {
          // process gone
        }
      }, 50)
  const code = await new Promise((r) => child.on('close', r))
  if (poll) clearInterval(poll)
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const peak = useTime
    ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0) * 1024
    : polledPeak
  return { code, ms, peak, stdout, stderr }
}

const cluster = await startCluster()
const work = mkdtempSync(join(tmpdir(), 'pgops-bench-'))
let s3
try {
  const pgbench = join(cluster.binDir, 'pgbench')
  const createdb = join(cluster.binDir, 'createdb')
  spawnSync(createdb, ['bench'], { env: pgEnv(cluster, 'postgres'), stdio: 'inherit' })
  console.log(`pgbench -i -s ${scale} …`)
  const init = spawnSync(pgbench, ['-i', '-s', String(scale), '-q'], {
    env: pgEnv(cluster, 'bench'),
    stdio: ['ignore', 'ignore', 'pipe']
  })
  if (init.status !== 0) throw new Error(`pgbench failed: ${init.stderr}`)

  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(work, 's3'),
    configureBuckets: [{ name: 'bench' }]
  })
  const { port } = await s3.run()

  const pgDump = join(cluster.binDir, 'pg_dump')
  const baseline = []
  let dumpBytes = 0
  for (let i = 0; i < runs; i++) {
    const devnull = openSync('/dev/null', 'w')
    const r = await timeProcess(pgDump, ['-Fc'], {
      env: pgEnv(cluster, 'bench'),
      stdio: ['ignore', devnull, 'pipe']
    })
    closeSync(devnull)
    if (r.code !== 0) throw new Error(`pg_dump failed: ${r.stderr}`)
    baseline.push(r.ms)
  }
  const sized = spawnSync(pgDump, ['-Fc', '-f', join(work, 'size.dump')], { env: pgEnv(cluster, 'bench') })
  if (sized.status === 0) dumpBytes = readFileSync(join(work, 'size.dump')).length
  rmSync(join(work, 'size.dump'), { force: true })

  const recipient = await identityToRecipient(await generateX25519Identity())
  const url = `postgresql://postgres:${encodeURIComponent(cluster.password)}@127.0.0.1:${cluster.port}/bench`
  const results = {}
  const configs = [
    { name: 'plain', encrypted: false, verify: true },
    { name: 'encrypted', encrypted: true, verify: true },
    ...(verifyCost ? [{ name: 'noVerify', encrypted: false, verify: false }] : [])
  ]
  for (const { name, encrypted, verify } of configs) {
    const times = []
    const peaks = []
    for (let i = 0; i < runs; i++) {
      const output = join(work, `out-${name}-${i}`)
      const summary = join(work, `summary-${name}-${i}`)
      writeFileSync(output, '')
      writeFileSync(summary, '')
      const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        INPUT_MODE: 'backup',
        'INPUT_DATABASE-URL': url,
        INPUT_DESTINATION: 's3://bench/x',
        'INPUT_S3-ENDPOINT': `http://127.0.0.1:${port}`,
        'INPUT_S3-FORCE-PATH-STYLE': 'true',
        'INPUT_ENCRYPT-TO': encrypted ? recipient : '',
        INPUT_VERIFY: String(verify),
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        AWS_REGION: 'us-east-1',
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: work
      }
      const r = await runAction(env)
      if (r.code !== 0 || !readFileSync(output, 'utf8').includes('backup-uri')) {
        throw new Error(`action failed (exit ${r.code}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`)
      }
      times.push(r.ms)
      peaks.push(r.peak)
    }
    results[name] = { ms: median(times), peakRss: Math.max(...peaks), times }
  }

  const base = median(baseline)
  const MB = 1e6
  const ratio = (ms) => base / ms
  const rows = [
    ['pg_dump -Fc > /dev/null', base, 1, undefined, undefined],
    ['action → s3rver', results.plain.ms, ratio(results.plain.ms), results.plain.peakRss, 0.9],
    [
      'action → s3rver, age',
      results.encrypted.ms,
      ratio(results.encrypted.ms),
      results.encrypted.peakRss,
      0.75
    ]
  ]
  if (results.noVerify)
    rows.push([
      'action → s3rver, verify: false (info)',
      results.noVerify.ms,
      ratio(results.noVerify.ms),
      results.noVerify.peakRss,
      undefined
    ])
  console.log(
    `\npgbench scale ${scale}, custom dump ${mib(dumpBytes)} MiB, median of ${runs} runs (wall clock, including node start-up)\n`
  )
  console.log('| Run | Time (ms) | Speed vs pg_dump | Peak RSS (MiB) | Goal |')
  console.log('|---|---:|---:|---:|---|')
  for (const [name, ms, r, peak, goal] of rows) {
    const goalText =
      goal === undefined ? '' : `≥ ${goal}× and ≤ 150 MB: ${r >= goal && peak <= 150 * MB ? 'met' : 'MISSED'}`
    console.log(
      `| ${name} | ${ms.toFixed(0)} | ${r.toFixed(2)}× | ${peak === undefined ? '' : mib(peak)} | ${goalText} |`
    )
  }
  for (const [name, r] of Object.entries(results))
    console.log(
      `${name}: ${r.times.map((t) => t.toFixed(0)).join(', ')} ms; baseline ${baseline.map((t) => t.toFixed(0)).join(', ')} ms`
    )
  const round = (x, digits = 2) => Number(x.toFixed(digits))
  const plainRatio = ratio(results.plain.ms)
  const encryptedRatio = ratio(results.encrypted.ms)
  // Peak RSS of the action's process, in MB (10^6 bytes) like the goal, over every run of both configurations.
  const peakMb = Math.max(results.plain.peakRss, results.encrypted.peakRss) / MB
  const result = {
    bench: 'backup',
    rows: [
      {
        metric: 'backup vs pg_dump -Fc > /dev/null (speed)',
        value: round(plainRatio),
        goal: '>= 0.9',
        ok: plainRatio >= 0.9
      },
      {
        metric: 'backup vs pg_dump -Fc > /dev/null, age-encrypted (speed)',
        value: round(encryptedRatio),
        goal: '>= 0.75',
        ok: encryptedRatio >= 0.75
      },
      { metric: 'peak RSS MB', value: round(peakMb, 1), goal: '<= 150', ok: peakMb <= 150 }
    ]
  }
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`)
} finally {
  if (s3) await s3.close()
  stopCluster(cluster)
  rmSync(work, { recursive: true, force: true })
}

#!/usr/bin/env node
// Times rendering the report of N pending migrations (every third drops a table, the others alter and index
// existing tables) as the job summary (1 MiB) and as the PR comment (65,536 characters): the review runs once,
// the rendering RUNS times, median. It also renders half as many, to show the time grows linearly.
// Usage: node bench/render-bench.mjs [--runs N] [--migrations N]
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const RUNS = Math.max(3, arg('--runs', 5))
const N = Math.max(100, arg('--migrations', 2000))

const ENTRY = `
import { reviewMigrations } from ${JSON.stringify(join(root, 'src/review/review.ts'))}
import { defaultRuleSeverities } from ${JSON.stringify(join(root, 'src/review/rule-settings.ts'))}
import { renderCommentBody, renderMigrationReport } from ${JSON.stringify(join(root, 'src/render/migrate-summary.ts'))}

export function migrations(n) {
  return Array.from({ length: n }, (_, i) => {
    const name = \`2026\${String(i).padStart(10, '0')}_migration_number_\${i}\`
    const script =
      i % 3 === 0
        ? \`DROP TABLE "legacy_table_\${i}";\\n\`
        : \`ALTER TABLE "existing_\${i}" ADD COLUMN "c" TEXT;\\nCREATE INDEX "existing_\${i}_a_idx" ON "existing_\${i}"("a");\\nCREATE INDEX "existing_\${i}_b_idx" ON "existing_\${i}"("b");\\nALTER TABLE "existing_\${i}" ALTER COLUMN "d" SET NOT NULL;\\n\`
    return { name, file: \`prisma/migrations/\${name}/migration.sql\`, script }
  })
}

export async function input(n) {
  const list = migrations(n)
  const review = await reviewMigrations({ migrations: list, settings: { rules: defaultRuleSeverities() }, allowDestructive: false })
  return {
    mode: 'migrate-status',
    target: 'db.example:5432/app',
    migrationsDir: 'prisma/migrations',
    rows: list.map((m) => ({ name: m.name, state: 'pending' })),
    review
  }
}

export { renderCommentBody, renderMigrationReport }
`

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const dir = mkdtempSync(join(tmpdir(), 'render-bench-'))
try {
  writeFileSync(join(dir, 'entry.mjs'), ENTRY)
  const built = spawnSync(
    join(root, 'node_modules/.bin/esbuild'),
    [
      join(dir, 'entry.mjs'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      `--outfile=${join(dir, 'render.mjs')}`,
      '--log-level=error',
      "--banner:js=import { createRequire as __cr } from 'module'; import { fileURLToPath as __fu } from 'url'; import { dirname as __dn } from 'path'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);"
    ],
    { encoding: 'utf8' }
  )
  if (built.status !== 0) throw new Error(`bundling the renderer failed:\n${built.stderr}`)
  copyFileSync(join(root, 'node_modules/libpg-query/wasm/libpg-query.wasm'), join(dir, 'libpg-query.wasm'))
  const mod = await import(pathToFileURL(join(dir, 'render.mjs')).href)

  const timeRender = async (n) => {
    const input = await mod.input(n)
    mod.renderMigrationReport(input) // warm-up
    const summary = []
    const comment = []
    let sizes
    for (let r = 0; r < RUNS; r++) {
      let t = process.hrtime.bigint()
      const md = mod.renderMigrationReport(input)
      summary.push(Number(process.hrtime.bigint() - t) / 1e6)
      t = process.hrtime.bigint()
      const body = mod.renderCommentBody(input, '<!-- bench -->')
      comment.push(Number(process.hrtime.bigint() - t) / 1e6)
      sizes = { summaryBytes: Buffer.byteLength(md), commentChars: body.length }
    }
    return { summaryMs: median(summary), commentMs: median(comment), ...sizes }
  }

  const full = await timeRender(N)
  const half = await timeRender(N / 2)
  const total = full.summaryMs + full.commentMs
  const growth = total / (half.summaryMs + half.commentMs)
  console.log(`${N} pending migrations, ${RUNS} timed renders each, median`)
  console.log(
    `summary: ${full.summaryMs.toFixed(1)} ms (${full.summaryBytes} bytes) · comment: ${full.commentMs.toFixed(1)} ms (${full.commentChars} chars)`
  )
  console.log(
    `${N / 2} migrations: ${(half.summaryMs + half.commentMs).toFixed(1)} ms; growth for 2x: ${growth.toFixed(2)}x`
  )
  const rows = [
    {
      metric: `render summary + comment of ${N} migrations (time / 1 s)`,
      value: total / 1000,
      goal: '<= 1.0',
      ok: total <= 1000
    },
    {
      metric: `time growth when the migrations double (linear: 2)`,
      value: growth,
      goal: '<= 2.5',
      ok: growth <= 2.5
    }
  ]
  console.log(`BENCH_RESULT ${JSON.stringify({ bench: 'render', rows, detail: { N, RUNS, full, half } })}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}

#!/usr/bin/env node
// Times the SQL review against squawk on the same 163 Prisma-style migration files, whole process each run
// (spawn, parse, lint, print), median of RUNS runs, and prints both tools' finding counts; then on ten times as
// many files (1,630, LARGE_RUNS runs), where the cost of each file decides, and the cost of one more file.
// Usage: node bench/review-bench.mjs [--runs N] [--files N] [--large-runs N]
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const RUNS = Math.max(5, arg('--runs', 7))
const FILES = Math.max(150, arg('--files', 163))
const LARGE_RUNS = Math.max(3, arg('--large-runs', 3))

/** Deterministic Prisma-style migrations: mostly new tables, some alters, a few destructive changes. */
function migration(i) {
  const t = `Model${i}`
  const prev = `Model${Math.max(0, i - 1)}`
  const parts = []
  if (i % 10 === 5)
    parts.push(
      `/*\n  Warnings:\n\n  - You are about to drop the column \`legacy\` on the \`${prev}\` table. All the data in the column will be lost.\n\n*/`
    )
  if (i % 7 === 0)
    parts.push(`-- CreateEnum\nCREATE TYPE "Status${i}" AS ENUM ('DRAFT', 'ACTIVE', 'ARCHIVED');`)
  parts.push(`-- CreateTable
CREATE TABLE "${t}" (
    "id" SERIAL NOT NULL,
    "publicId" TEXT NOT NULL,
    "name" VARCHAR(191) NOT NULL,
    "description" TEXT,
    "amount" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "ownerId" INTEGER,
    "legacy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "${t}_pkey" PRIMARY KEY ("id")
);`)
  parts.push(`-- CreateIndex\nCREATE UNIQUE INDEX "${t}_publicId_key" ON "${t}"("publicId");`)
  parts.push(`-- CreateIndex\nCREATE INDEX "${t}_createdAt_idx" ON "${t}"("createdAt");`)
  if (i > 0)
    parts.push(
      `-- AddForeignKey\nALTER TABLE "${t}" ADD CONSTRAINT "${t}_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "${prev}"("id") ON DELETE SET NULL ON UPDATE CASCADE;`
    )
  if (i % 10 === 5)
    parts.push(`-- AlterTable\nALTER TABLE "${prev}" DROP COLUMN "legacy",\nADD COLUMN     "notes" TEXT;`)
  if (i % 10 === 6) parts.push(`-- CreateIndex\nCREATE INDEX "${prev}_name_idx" ON "${prev}"("name");`)
  if (i % 20 === 9)
    parts.push(`-- AlterTable\nALTER TABLE "${prev}" ALTER COLUMN "description" SET NOT NULL;`)
  if (i % 40 === 13) parts.push(`-- DropTable\nDROP TABLE "${prev}";`)
  return `${parts.join('\n\n')}\n`
}

function reviewCommand() {
  // The lead's CLI, when its bundle exists; else a temporary bundle of src/cli/review-cli-entry.ts.
  const bin = join(root, 'bin/pg-ops-review.js')
  if (existsSync(join(root, 'dist/index.js'))) {
    const probe = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })
    if (probe.status === 0 && /pg-ops-review/.test(probe.stdout))
      return { argv: [process.execPath, bin], label: 'bin/pg-ops-review.js' }
  }
  const out = join(tmpdir(), 'pgops-review-bench')
  mkdirSync(out, { recursive: true })
  const built = spawnSync(
    join(root, 'node_modules/.bin/esbuild'),
    [
      join(root, 'src/cli/review-cli-entry.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--minify',
      `--outfile=${join(out, 'index.mjs')}`,
      '--log-level=error',
      "--banner:js=import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);"
    ],
    { encoding: 'utf8' }
  )
  if (built.status !== 0) throw new Error(`bundling the review CLI failed:\n${built.stderr}`)
  copyFileSync(join(root, 'node_modules/libpg-query/wasm/libpg-query.wasm'), join(out, 'libpg-query.wasm'))
  return {
    argv: [process.execPath, join(out, 'index.mjs')],
    label: 'esbuild bundle of src/cli/review-cli-entry.ts'
  }
}

function time(argv) {
  const start = process.hrtime.bigint()
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.error) throw r.error
  return { ms, stdout: r.stdout, status: r.status, stderr: r.stderr }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** `count` files in a new folder: the folder and the files' paths. */
function writeFiles(count) {
  const dir = mkdtempSync(join(tmpdir(), 'review-bench-'))
  const files = []
  for (let i = 0; i < count; i++) {
    const name = `2026${String(1000000 + i).slice(1)}000000_step_${i}`
    mkdirSync(join(dir, name))
    writeFileSync(join(dir, name, 'migration.sql'), migration(i))
    files.push(join(dir, name, 'migration.sql'))
  }
  return { dir, files }
}

/** Both tools on `count` files, `runs` timed runs each, their order alternated; medians, extremes, findings. */
function measure(ours, squawk, count, runs) {
  const { dir, files } = writeFiles(count)
  try {
    const oursArgv = [...ours.argv, dir, '--json', '--fail-on', 'never']
    const squawkArgv = [squawk, '--reporter', 'json', ...files]
    // warm-up (file cache, WebAssembly compile cache) before timing either tool
    const oursOut = time(oursArgv)
    const squawkOut = time(squawkArgv)
    const oursFindings = JSON.parse(oursOut.stdout).findings.length
    const squawkParsed = JSON.parse(squawkOut.stdout || '[]')
    const squawkFindings = Array.isArray(squawkParsed)
      ? squawkParsed.length
      : (squawkParsed.violations?.length ?? 0)
    const oursTimes = []
    const squawkTimes = []
    for (let r = 0; r < runs; r++) {
      // alternate the order so that neither tool always runs on a warmer machine
      if (r % 2) {
        squawkTimes.push(time(squawkArgv).ms)
        oursTimes.push(time(oursArgv).ms)
      } else {
        oursTimes.push(time(oursArgv).ms)
        squawkTimes.push(time(squawkArgv).ms)
      }
    }
    return {
      count,
      oursTimes,
      squawkTimes,
      o: median(oursTimes),
      s: median(squawkTimes),
      oursFindings,
      squawkFindings
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const ours = reviewCommand()
const squawk = join(root, 'node_modules/.bin/squawk')
const squawkVersion = spawnSync(squawk, ['--version'], { encoding: 'utf8' }).stdout.trim()
// The goal's size, then ten times as many files: where the per-file cost decides, not the start-up.
const small = measure(ours, squawk, FILES, RUNS)
const large = measure(ours, squawk, FILES * 10, LARGE_RUNS)
for (const m of [small, large]) {
  const rows = [
    ['tool', 'median ms', 'min ms', 'max ms', 'findings'],
    ['pg-ops-review', m.o, m.oursTimes, m.oursFindings],
    [`${squawkVersion} (defaults)`, m.s, m.squawkTimes, m.squawkFindings]
  ].map((r, i) =>
    i === 0
      ? r
      : [r[0], r[1].toFixed(1), Math.min(...r[2]).toFixed(1), Math.max(...r[2]).toFixed(1), String(r[3])]
  )
  console.log(
    `${m.count} Prisma-style migration files, ${m.oursTimes.length} timed runs each (whole process), ours: ${ours.label}`
  )
  for (const row of rows) console.log(row.map((c, i) => (i === 0 ? c.padEnd(24) : c.padStart(10))).join(' '))
  console.log(`ratio (ours / squawk): ${(m.o / m.s).toFixed(2)}x${m === small ? ' (goal ≤ 1.0x)' : ''}\n`)
}
// Cost of one more file, from the two sizes: what remains when start-up is taken out.
const perFile = (a, b) => (b - a) / (large.count - small.count)
const oursPerFile = perFile(small.o, large.o)
const squawkPerFile = perFile(small.s, large.s)
console.log(
  `per file (from ${small.count} to ${large.count}): ours ${oursPerFile.toFixed(3)} ms, squawk ${squawkPerFile.toFixed(3)} ms; ` +
    `fixed cost (start-up): ours ${(small.o - small.count * oursPerFile).toFixed(0)} ms, squawk ${(small.s - small.count * squawkPerFile).toFixed(0)} ms`
)
const detail = {
  files: FILES,
  runs: RUNS,
  oursMedianMs: Math.round(small.o * 10) / 10,
  squawkMedianMs: Math.round(small.s * 10) / 10,
  oursFindings: small.oursFindings,
  squawkFindings: small.squawkFindings,
  large: {
    files: large.count,
    runs: LARGE_RUNS,
    oursMedianMs: Math.round(large.o),
    squawkMedianMs: Math.round(large.s)
  },
  perFileMs: { ours: oursPerFile, squawk: squawkPerFile }
}
const summaryRows = [
  {
    metric: `review of ${FILES} Prisma-style files vs squawk (time)`,
    value: small.o / small.s,
    goal: '<= 1.0',
    ok: small.o <= small.s
  },
  {
    metric: `(info) review of ${large.count} files vs squawk (time)`,
    value: large.o / large.s,
    goal: '-',
    ok: true
  },
  {
    metric: `(info) cost of one more file vs squawk's (${oursPerFile.toFixed(2)} vs ${squawkPerFile.toFixed(2)} ms)`,
    value: oursPerFile / squawkPerFile,
    goal: '-',
    ok: true
  },
  {
    metric: `(info) findings: ours ${small.oursFindings}, squawk ${small.squawkFindings}`,
    value: small.oursFindings / Math.max(small.squawkFindings, 1),
    goal: '-',
    ok: true
  }
]
console.log(`BENCH_RESULT ${JSON.stringify({ bench: 'review', rows: summaryRows, detail })}`)

// `npm run bench`: runs every benchmark in this folder (each builds its own baseline in the same run) and prints
// one table of ratios against their goals. Needs dist/ (npm run build) and the PostgreSQL server binaries.
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const here = new URL('.', import.meta.url).pathname
const only = process.argv.slice(2)
const benches = readdirSync(here)
  .filter((f) => f.endsWith('-bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort()

function runBench(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(here, file)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
      process.stdout.write(d)
    })
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '))
      resolve({ file, code, result: line ? JSON.parse(line.slice('BENCH_RESULT '.length)) : undefined })
    })
  })
}

const results = []
for (const file of benches) {
  console.log(`\n=== ${file}`)
  results.push(await runBench(file))
}

const table = [['bench', 'metric', 'ratio', 'goal', 'met']]
for (const { file, code, result } of results) {
  if (!result) {
    table.push([file, `no result (exit ${code})`, '', '', 'no'])
    continue
  }
  for (const row of result.rows)
    table.push([
      result.bench,
      row.metric,
      row.value.toFixed(2),
      row.goal,
      row.goal === '-' ? '' : row.ok ? 'yes' : 'NO'
    ])
}
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)))
console.log('\n' + table.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'))

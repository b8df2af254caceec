// `npm run demo`: the team's story on a throwaway local Postgres, run through the bundled action (dist/) exactly
// as a workflow would run it. Needs only the machine's PostgreSQL server binaries (Debian/Ubuntu layout).
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startCluster, stopCluster } from '../__fixtures__/pg-cluster.mjs'
import { runAction } from '../__fixtures__/run-action.mjs'

const root = new URL('..', import.meta.url).pathname
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const LAST = '20260105093000_tool_execution_status'

if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('dist/index.js is missing: run `npm run build` first.')
  process.exit(1)
}

async function step(title, inputs, { workspace, expectFailure = false, showSummary = true } = {}) {
  console.log(`\n${bold('━━ ' + title)}`)
  const shown = Object.entries(inputs)
    .map(([k, v]) => `  ${k}: ${/url/.test(k) ? '${{ secrets.DATABASE_URL }}' : v}`)
    .join('\n')
  console.log(`- uses: your-org/prisma-postgres-ops-action@v1\n  with:\n${shown.replace(/^/gm, '  ')}`)
  const run = await runAction({ inputs, workspace })
  console.log(`\n→ exit code ${run.exitCode}${expectFailure ? ' (expected: the step must fail)' : ''}`)
  const interesting = Object.entries(run.outputs).filter(([k]) => k !== 'report-path')
  if (interesting.length) console.log('→ outputs: ' + interesting.map(([k, v]) => `${k}=${v}`).join('  '))
  const failed = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
  for (const line of failed)
    console.log('→ ' + line.replace(/^::error[^:]*::/, 'error: ').replace(/%0A/g, '\n   '))
  if (showSummary && run.summary.trim()) console.log(`\n${bold('Job summary:')}\n${run.summary.trim()}`)
  if ((run.exitCode !== 0) !== expectFailure) {
    console.error(
      `\nUnexpected exit code ${run.exitCode} in "${title}". stdout:\n${run.stdout}\nstderr:\n${run.stderr}`
    )
    throw new Error('demo step failed')
  }
  return run
}

const cluster = await startCluster()
const workspace = mkdtempSync(join(tmpdir(), 'pg-ops-demo-'))
try {
  const admin = new pg.Client({ connectionString: cluster.url })
  await admin.connect()
  await admin.query('CREATE DATABASE railway')
  await admin.query('CREATE DATABASE scratch')
  await admin.end()
  const url = (db) => cluster.url.replace(/\/postgres$/, `/${db}`)
  const databaseUrl = url('railway')

  // The repository as it was in December: the hand-written sales-report migration and the platform tables.
  cpSync(join(root, 'examples', 'prisma'), workspace, { recursive: true })
  rmSync(join(workspace, 'prisma', 'migrations', LAST), { recursive: true })
  const base = { 'database-url': databaseUrl }

  await step(
    '1. Pull request check on an empty database (migrate-status)',
    { ...base, mode: 'migrate-status' },
    { workspace }
  )
  await step('2. Manual deploy (migrate-deploy)', { ...base, mode: 'migrate-deploy' }, { workspace })

  const app = new pg.Client({ connectionString: databaseUrl })
  await app.connect()
  await app.query(await readFile(join(root, 'examples', 'prisma', 'seed.sql'), 'utf8'))
  await app.end()
  console.log('\n(the application writes data: 1,234 sales report entries, 250 clients, 40 payers, 12 reps)')

  // January: `prisma migrate dev` generated a migration that drops the tables Prisma does not know about.
  cpSync(
    join(root, 'examples', 'prisma', 'prisma', 'migrations', LAST),
    join(workspace, 'prisma', 'migrations', LAST),
    { recursive: true }
  )
  await step(
    `3. Pull request adds ${LAST} (migrate-status)`,
    { ...base, mode: 'migrate-status', 'fail-on': 'never' },
    { workspace }
  )
  await step(
    '4. Deploy without approval is refused (migrate-deploy)',
    { ...base, mode: 'migrate-deploy' },
    { workspace, expectFailure: true }
  )
  await step(
    '5. Someone forces it with allow-destructive: the DROP fails on the view (P3018, as Prisma would)',
    { ...base, mode: 'migrate-deploy', 'allow-destructive': 'true' },
    { workspace, expectFailure: true, showSummary: false }
  )
  await step(
    '6. Every later deploy is blocked until it is resolved (migrate-status)',
    { ...base, mode: 'migrate-status', 'fail-on': 'never' },
    { workspace, expectFailure: true, showSummary: false }
  )
  // The failed file ran as one transaction, so none of it was applied: mark it rolled back, then fix the file.
  await step(
    '7. Mark the failed migration as rolled back (migrate-resolve)',
    { ...base, mode: 'migrate-resolve', 'resolve-rolled-back': LAST },
    { workspace, showSummary: false }
  )
  writeFileSync(
    join(workspace, 'prisma', 'migrations', LAST, 'migration.sql'),
    `-- AlterTable\nALTER TABLE "tool_executions" ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'pending';\n`
  )
  console.log(`\n(the team keeps the sales-report tables: ${LAST}/migration.sql now only adds the column)`)
  await step(
    '8. Deploy the fixed migration (migrate-deploy)',
    { ...base, mode: 'migrate-deploy' },
    { workspace }
  )

  const backups = join(workspace, 'backups')
  await step(
    '9. Nightly backup (backup to a local directory)',
    { ...base, mode: 'backup', destination: backups, 'allow-unencrypted': 'true', 'keep-last': '7' },
    { workspace }
  )
  await step(
    '10. Restore drill into a scratch database (restore-drill)',
    {
      ...base,
      mode: 'restore-drill',
      destination: backups,
      'backup-uri': 'latest',
      'target-database-url': url('scratch')
    },
    { workspace }
  )
  await step(
    '11. Up to date, every sales row still there (migrate-status)',
    { ...base, mode: 'migrate-status' },
    { workspace, showSummary: false }
  )
  console.log(
    `\n${bold('Demo finished:')} the DROP TABLE migration never destroyed a row, the failed attempt was resolved, and the data is backed up and restorable.`
  )
} finally {
  stopCluster(cluster)
  rmSync(workspace, { recursive: true, force: true })
}

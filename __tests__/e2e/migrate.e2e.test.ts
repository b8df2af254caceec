/**
 * The bundled action (dist/index.js) run as the runner runs it, against a real Postgres, on the example project
 * that replays the team's story.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, query, serverPassword } from '../../__fixtures__/databases.js'
import { runAction, secretForms, type ActionRun } from '../../__fixtures__/run-action.mjs'

const EXAMPLE = join(process.cwd(), 'examples', 'prisma')
const LAST = '20260105093000_tool_execution_status'
const runs: ActionRun[] = []

async function action(inputs: Record<string, string>, workspace: string): Promise<ActionRun> {
  const run = await runAction({ inputs, workspace })
  runs.push(run)
  return run
}

describe('dist/index.js, migrate modes', () => {
  let workspace: string
  let db: { name: string; url: string }

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'e2e-migrate-'))
    cpSync(EXAMPLE, workspace, { recursive: true })
    rmSync(join(workspace, 'prisma', 'migrations', LAST), { recursive: true })
    db = await createTestDatabase('e2e_migrate')
  })

  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true })
  })

  it('migrate-status on an empty database: two pending, schema from package.json, summary table', async () => {
    const run = await action({ mode: 'migrate-status', 'database-url': db.url }, workspace)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('pending')
    expect(run.outputs['pending-count']).toBe('2')
    expect(JSON.parse(run.outputs['pending-migrations'])).toEqual([
      '20251225123806_group_buying_sales_report',
      '20251225172757_platform_api_tables'
    ])
    expect(run.outputs['plan-id']).toMatch(/^[0-9a-f]{16,64}$|^sha256:/)
    expect(run.stdout).toContain('named by "prisma.schema" in package.json')
    expect(run.summary).toContain('20251225123806_group_buying_sales_report')
    expect(run.report).toMatchObject({
      reportVersion: 1,
      mode: 'migrate-status',
      outcome: 'success',
      status: 'pending'
    })
  })

  it('migrate-deploy applies both, then status is up to date', async () => {
    const deploy = await action({ mode: 'migrate-deploy', 'database-url': db.url }, workspace)
    expect(deploy.exitCode).toBe(0)
    expect(deploy.outputs['applied-count']).toBe('2')
    expect(deploy.outputs.status).toBe('up-to-date')
    const rows = await query<{ migration_name: string; applied_steps_count: number }>(
      db.name,
      'SELECT migration_name, applied_steps_count FROM _prisma_migrations ORDER BY started_at'
    )
    expect(rows.map((r) => [r.migration_name, r.applied_steps_count])).toEqual([
      ['20251225123806_group_buying_sales_report', 1],
      ['20251225172757_platform_api_tables', 1]
    ])
    const status = await action({ mode: 'migrate-status', 'database-url': db.url }, workspace)
    expect(status.exitCode).toBe(0)
    expect(status.outputs.status).toBe('up-to-date')
    expect(status.outputs['pending-count']).toBe('0')
  })

  it('stops the Prisma migration that drops the sales-report tables, with the data at stake', async () => {
    await query(db.name, readFileSync(join(EXAMPLE, 'seed.sql'), 'utf8'))
    cpSync(join(EXAMPLE, 'prisma', 'migrations', LAST), join(workspace, 'prisma', 'migrations', LAST), {
      recursive: true
    })
    const status = await action({ mode: 'migrate-status', 'database-url': db.url }, workspace)
    expect(status.exitCode).not.toBe(0)
    expect(status.outputs['has-destructive']).toBe('true')
    expect(Number(status.outputs['destructive-count'])).toBeGreaterThanOrEqual(5)
    expect(status.summary).toContain('sales_report_entries')
    expect(status.summary).toContain('1,234')
    const findings = (status.report!.review as { findings: Record<string, unknown>[] }).findings
    expect(findings.find((f) => f.rule === 'drop-table' && f.table === 'sales_report_entries')).toMatchObject(
      {
        migration: LAST,
        file: `prisma/migrations/${LAST}/migration.sql`,
        line: 45,
        severity: 'error',
        destructive: true,
        'rows-at-stake': { count: 1234, estimated: false },
        acknowledged: null
      }
    )
    const deploy = await action({ mode: 'migrate-deploy', 'database-url': db.url }, workspace)
    expect(deploy.exitCode).not.toBe(0)
    expect(deploy.outputs['applied-count']).toBe('0')
    const [{ count }] = await query<{ count: string }>(db.name, 'SELECT count(*) FROM sales_report_entries')
    expect(count).toBe('1234')
    const rows = await query(db.name, `SELECT 1 FROM _prisma_migrations WHERE migration_name = '${LAST}'`)
    expect(rows).toHaveLength(0)
  })

  it('a changed plan is refused by expected-plan-id, changing nothing', async () => {
    const deploy = await action(
      {
        mode: 'migrate-deploy',
        'database-url': db.url,
        'allow-destructive': 'true',
        'expected-plan-id': 'sha256:0000000000000000'
      },
      workspace
    )
    expect(deploy.exitCode).not.toBe(0)
    expect(deploy.stdout).toContain('expected-plan-id')
    expect(deploy.outputs['applied-count']).toBe('0')
  })

  it('rejects an unknown mode with the accepted values and a non-zero exit', async () => {
    const run = await action({ mode: 'migrate-dev', 'database-url': db.url }, workspace)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('migrate-status, migrate-deploy, migrate-resolve, backup, restore-drill')
  })
})

describe('dist/index.js, migrate-deploy with a backup first', () => {
  it('backs up before a destructive deploy allowed by input, records who allowed it, and skips the backup otherwise', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'e2e-backup-first-'))
    try {
      cpSync(EXAMPLE, workspace, { recursive: true })
      rmSync(join(workspace, 'prisma', 'migrations', LAST), { recursive: true })
      const db = await createTestDatabase('e2e_backup_first')
      const destination = join(workspace, 'backups')
      const backupInputs = { 'backup-before-deploy': 'destructive', destination, 'allow-unencrypted': 'true' }
      const first = await action(
        { mode: 'migrate-deploy', 'database-url': db.url, ...backupInputs },
        workspace
      )
      expect(first.exitCode).toBe(0)
      expect(first.outputs['backup-uri']).toBeUndefined()
      await query(db.name, `INSERT INTO view_whitelist (view_name) VALUES ('sales_report_view')`)
      const dropDir = join(workspace, 'prisma', 'migrations', '20260201000000_drop_view_whitelist')
      mkdirSync(dropDir)
      writeFileSync(join(dropDir, 'migration.sql'), '-- DropTable\nDROP TABLE "view_whitelist";\n')
      const deploy = await action(
        { mode: 'migrate-deploy', 'database-url': db.url, 'allow-destructive': 'true', ...backupInputs },
        workspace
      )
      expect(deploy.exitCode).toBe(0)
      expect(deploy.outputs['applied-count']).toBe('1')
      expect(existsSync(deploy.outputs['backup-uri'])).toBe(true)
      expect(deploy.outputs['backup-sha256']).toMatch(/^[0-9a-f]{64}$/)
      expect(deploy.summary).toContain('Restore with')
      expect(deploy.report).toMatchObject({
        gate: { allowed: true, allowedBy: [{ rule: 'drop-table', by: 'input' }] },
        backup: { uri: deploy.outputs['backup-uri'] }
      })
      expect(
        (await query(db.name, `SELECT 1 FROM pg_tables WHERE tablename = 'view_whitelist'`)).length
      ).toBe(0)
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })
})

describe('dist/index.js, every migrate run above', () => {
  it('never shows the database password, in any form, in anything the runs produced', () => {
    expect(runs.length).toBeGreaterThanOrEqual(8)
    for (const run of runs)
      for (const form of secretForms(serverPassword())) expect(run.everything).not.toContain(form)
  })
})

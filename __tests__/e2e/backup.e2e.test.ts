/**
 * backup and restore-drill through dist/index.js with a local destination: a drill that matches passes, and a drill
 * whose restored row counts differ from the manifest fails and names the tables.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, query } from '../../__fixtures__/databases.js'
import { runAction } from '../../__fixtures__/run-action.mjs'

describe('dist/index.js, backup and restore-drill', () => {
  let workspace: string
  let source: { name: string; url: string }
  let backupUri: string
  let manifestUri: string

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'e2e-backup-'))
    source = await createTestDatabase('e2e_backup_src')
    await query(
      source.name,
      `CREATE TABLE payers (id serial PRIMARY KEY, name text NOT NULL);
       INSERT INTO payers (name) SELECT 'Payer ' || g FROM generate_series(1, 40) g;
       CREATE TABLE sales_report_entries (id bigserial PRIMARY KEY, payer_id int REFERENCES payers, amount numeric(12,2));
       INSERT INTO sales_report_entries (payer_id, amount) SELECT 1 + g % 40, g * 1.5 FROM generate_series(1, 1234) g;`
    )
  })

  afterAll(() => rmSync(workspace, { recursive: true, force: true }))

  it('backs up to a directory with a manifest and the outputs', async () => {
    const run = await runAction({
      inputs: {
        mode: 'backup',
        'database-url': source.url,
        destination: 'backups',
        'allow-unencrypted': 'true'
      },
      workspace
    })
    expect(run.exitCode).toBe(0)
    backupUri = run.outputs['backup-uri']
    manifestUri = run.outputs['manifest-uri']
    expect(backupUri.startsWith(join(workspace, 'backups'))).toBe(true)
    expect(JSON.parse(readFileSync(manifestUri, 'utf8'))).toMatchObject({
      rowCounts: {
        kind: 'exact',
        tables: expect.arrayContaining([{ schema: 'public', table: 'sales_report_entries', rows: 1234 }])
      }
    })
  })

  it('a drill that matches the manifest passes', async () => {
    const target = await createTestDatabase('e2e_backup_ok')
    const run = await runAction({
      inputs: {
        mode: 'restore-drill',
        'database-url': source.url,
        'backup-uri': backupUri,
        'target-database-url': target.url
      },
      workspace
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ 'drill-status': 'passed', 'tables-compared': '2', mismatches: '[]' })
  })

  it('a drill whose restored rows differ from the manifest fails and names the table', async () => {
    const manifest = JSON.parse(readFileSync(manifestUri, 'utf8')) as {
      rowCounts: { tables: { table: string; rows: number }[] }
    }
    for (const t of manifest.rowCounts.tables) if (t.table === 'payers') t.rows = 41
    writeFileSync(manifestUri, JSON.stringify(manifest))
    const target = await createTestDatabase('e2e_backup_bad')
    const run = await runAction({
      inputs: {
        mode: 'restore-drill',
        'database-url': source.url,
        'backup-uri': backupUri,
        'target-database-url': target.url
      },
      workspace
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ 'drill-status': 'failed', mismatches: '["public.payers"]' })
    expect(run.summary).toContain('payers')
  })
})

import { describe, expect, it } from '@jest/globals'
import {
  renderBackupFailure,
  renderBackupReport,
  renderDrillReport,
  renderPreDeployBackup
} from '../../src/render/backup-report.js'
import { expectGolden } from '../render/golden.js'
import { formatBytes } from '../../src/util/format.js'
import { cell, code, fence, text } from '../../src/render/markdown.js'
import { restoreCommand } from '../../src/backup/restore-command.js'
import type { BackupResult, DrillResult } from '../../src/backup/results.js'
import type { BackupManifest } from '../../src/backup/manifest.js'

const manifest = {
  database: 'app|<b>',
  createdAt: '2026-01-01T00:00:00.000Z',
  action: { name: 'x', version: '0.1.0' },
  object: { key: 'k', size: 10, sha256: 'a'.repeat(64), contentType: 'application/octet-stream' },
  dump: {
    format: 'custom',
    size: 20,
    sha256: 'b'.repeat(64),
    archiveEntries: 7,
    archiveVersion: '1.14-0',
    extraArgs: [],
    consistentSnapshot: true
  },
  server: { version: '15.18', versionNum: 150018 },
  pgDump: { version: '15.18', major: 15 },
  verification: { performed: true, method: 'pg_restore read it all', passed: true },
  rowCounts: { kind: 'exact', method: 'count(*)', tables: [{ schema: 'public', table: 'a|b', rows: 3 }] },
  encryption: null
} as unknown as BackupManifest

describe('markdown helpers', () => {
  it('use the shared primitives: HTML and table pipes escaped', () => {
    expect(cell(text('a | <script>&'))).toBe('a \\| &lt;script&gt;&amp;')
    expect(cell(code('x`y|z'))).toBe('``x`y\\|z``')
    expect(fence('a ``` b', 'sh')).toBe('````sh\na ``` b\n````')
    expect(formatBytes(1536)).toBe('1.50 KiB')
  })
})

describe('renderBackupReport', () => {
  it('renders the facts, escaped, with retention and a restore command', () => {
    const result = {
      uri: 's3://b/p/app/t.dump',
      manifestUri: 's3://b/p/app/t.dump.manifest.json',
      destination: 's3://b/p (endpoint http://127.0.0.1:9000)',
      database: 'app|<b>',
      target: '127.0.0.1:5432/app',
      size: 10,
      sha256: 'a'.repeat(64),
      dumpSize: 20,
      dumpSha256: 'b'.repeat(64),
      durationMs: 1500,
      throughputBytesPerSec: 2048,
      serverVersion: '15.18',
      pgDumpVersion: '15.18',
      pgDumpPath: '/usr/lib/postgresql/15/bin/pg_dump',
      pgDumpSource: 'debian-layout',
      archiveEntries: 7,
      format: 'custom',
      rowCounts: manifest.rowCounts,
      verification: manifest.verification,
      recipients: [],
      retention: {
        deleted: [
          {
            uri: 's3://b/p/app/old.dump',
            createdAt: '2025-12-01T00:00:00.000Z',
            reason: 'not among the newest 2'
          }
        ],
        kept: 2
      },
      restoreCommand: restoreCommand({
        uri: 's3://b/p/app/t.dump',
        format: 'custom',
        encrypted: false,
        s3Endpoint: 'http://127.0.0.1:9000'
      }),
      manifest
    } as BackupResult
    const md = renderBackupReport(result)
    // a heading is no table: the pipe needs no escape there (it used to show a stray backslash)
    expect(md).toContain('### ✅ Backup of `app|<b>` stored')
    expect(md).toContain('| Duration | 1.5 s · 2.00 KiB/s |')
    expect(md).toContain('Deleted 1, kept 2:')
    expect(md).toContain(
      "aws s3 cp 's3://b/p/app/t.dump' - --endpoint-url 'http://127.0.0.1:9000' | pg_restore --clean --if-exists --no-owner --exit-on-error --dbname \"$DATABASE_URL\""
    )
    expect(md).not.toMatch(/<b>(?!`)/)
    expectGolden('backup-report.md', md)
    expectGolden('backup-before-deploy.md', renderPreDeployBackup(result))
    // One spelling of durations in every report: minutes from 60 s on (the backup report used to switch at 120 s).
    expect(renderBackupReport({ ...result, durationMs: 75_000 })).toContain('| Duration | 1 min 15 s ·')
  })
})

describe('renderBackupFailure', () => {
  it('says nothing was stored, or exactly what a failure left behind', () => {
    expect(renderBackupFailure('app', 'pg_dump exited with code 1')).toContain(
      'No backup object and no manifest were stored.'
    )
    const leftover = renderBackupFailure(
      'app',
      'Storing the manifest failed',
      'artifact://app__t.dump (without a manifest)'
    )
    expect(leftover).not.toContain('No backup object')
    expect(leftover).toContain('Left at the destination: `artifact://app__t.dump (without a manifest)`.')
    expectGolden('backup-failure-leftover.md', leftover)
  })
})

describe('renderDrillReport', () => {
  it('lists mismatches first', () => {
    const result: DrillResult = {
      status: 'failed',
      uri: 'file.dump',
      manifestUri: 'file.dump.manifest.json',
      manifest,
      target: '127.0.0.1:5433/scratch',
      pgRestoreVersion: '15.18',
      durationMs: 300,
      compared: 2,
      mismatches: 1,
      tables: [
        { schema: 'public', table: 'ok', expected: 1, actual: 1, status: 'match' },
        { schema: 'public', table: 'a|b', expected: 3, actual: 2, status: 'mismatch' }
      ],
      targetIdentity: {
        sameServerAsSource: false,
        target: {
          systemIdentifier: '111',
          startedAt: 't1',
          databaseOid: '16384',
          databaseName: 'scratch',
          isTemplate: false
        },
        source: {
          systemIdentifier: '222',
          startedAt: 't2',
          databaseOid: '16384',
          databaseName: 'app',
          isTemplate: false
        }
      }
    }
    const md = renderDrillReport(result)
    expect(md).toContain('### ❌ Restore drill failed')
    expect(md.indexOf('a\\|b')).toBeLessThan(md.indexOf('public.ok'))
    expect(md).toContain(
      '| Target identity | ✅ another server (system identifier `111`) than the source (system identifier `222`) |'
    )
    expectGolden('restore-drill-mismatch.md', md)
  })

  it('says when the target is a database next to the source on its own server', () => {
    const md = renderDrillReport({
      status: 'passed',
      uri: 'file.dump',
      manifestUri: 'file.dump.manifest.json',
      manifest,
      target: '127.0.0.1:5432/drill',
      pgRestoreVersion: '15.18',
      durationMs: 300,
      compared: 0,
      mismatches: 0,
      tables: [],
      targetIdentity: {
        sameServerAsSource: true,
        target: {
          systemIdentifier: null,
          startedAt: '2026-01-01T00:00:00.000001Z',
          databaseOid: '2',
          databaseName: 'drill',
          isTemplate: false
        },
        source: {
          systemIdentifier: null,
          startedAt: '2026-01-01T00:00:00.000001Z',
          databaseOid: '1',
          databaseName: 'app',
          isTemplate: false
        }
      }
    })
    expect(md).toContain(
      "| Target identity | ⚠️ database `drill` (oid 2) on the source's own server (started `2026-01-01T00:00:00.000001Z`), not the source database `app` (oid 1) |"
    )
    expectGolden('restore-drill-same-server.md', md)
  })
})

describe('restoreCommand', () => {
  it('adds age for encrypted backups and psql for plain SQL', () => {
    expect(restoreCommand({ uri: "/backups/it's.sql.age", format: 'plain', encrypted: true })).toBe(
      `cat '/backups/it'\\''s.sql.age' | age --decrypt -i age-key.txt | psql -X -v ON_ERROR_STOP=1 --dbname "$DATABASE_URL"`
    )
  })
})

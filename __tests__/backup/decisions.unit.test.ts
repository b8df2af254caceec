import { describe, expect, it } from '@jest/globals'
import { rootCause, type PipelineOutcome } from '../../src/backup/dump-pipeline.js'
import { buildManifest, MANIFEST_FORMAT, parseManifest } from '../../src/backup/manifest.js'
import { compareCounts, judgeDrill } from '../../src/backup/results.js'
import { retentionAfterBackup } from '../../src/backup/retention.js'

describe('rootCause: which failure a dump pipeline reports', () => {
  const exit0 = { code: 0, signal: null }
  const storageError = new Error('AccessDenied')
  const premature = Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })
  const cases: [string, Partial<PipelineOutcome>, ReturnType<typeof rootCause>][] = [
    ['all went well', {}, undefined],
    ['pg_dump exited 1 on its own', { dumpExit: { code: 1, signal: null } }, { kind: 'pg_dump' }],
    [
      'pg_dump exited 1 although the storage failed first',
      {
        dumpExit: { code: 1, signal: null },
        first: { error: storageError, origin: 'storage' },
        uploadError: storageError
      },
      { kind: 'pg_dump' }
    ],
    [
      'pg_dump stopped by our SIGTERM after the storage failed: the storage',
      {
        dumpExit: { code: null, signal: 'SIGTERM' },
        dumpKilledByUs: true,
        first: { error: storageError, origin: 'storage' },
        uploadError: storageError
      },
      { kind: 'storage', error: storageError }
    ],
    [
      'a SIGKILL we did not escalate to is pg_dump’s own (the OOM killer)',
      { dumpExit: { code: null, signal: 'SIGKILL' }, dumpKilledByUs: true, escalated: false },
      { kind: 'pg_dump' }
    ],
    [
      'a SIGKILL we escalated to is not',
      {
        dumpExit: { code: null, signal: 'SIGKILL' },
        dumpKilledByUs: true,
        escalated: true,
        first: { error: premature, origin: 'ours' }
      },
      { kind: 'other', error: premature }
    ],
    [
      'a premature close that only echoes the storage failure: the storage',
      { first: { error: premature, origin: 'stream' }, uploadError: storageError },
      { kind: 'storage', error: storageError }
    ],
    [
      'a stream error of its own while the storage also failed: the stream',
      { first: { error: new Error('EIO'), origin: 'stream' }, uploadError: storageError },
      { kind: 'other', error: expect.objectContaining({ message: 'EIO' }) as unknown as Error }
    ]
  ]
  it.each(cases)('%s', (_name, outcome, expected) => {
    expect(rootCause({ dumpExit: exit0, dumpKilledByUs: false, escalated: false, ...outcome })).toEqual(
      expected
    )
  })
})

describe('buildManifest', () => {
  const facts = {
    database: 'app',
    key: 'backups/app/2026-01-02T03-04-05.678Z.dump.age',
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    finishedAt: new Date('2026-01-02T03:04:09.000Z'),
    format: 'custom' as const,
    contentType: 'application/octet-stream',
    extraArgs: ['--schema=public'],
    dump: {
      plain: { bytes: 100, sha256: 'a'.repeat(64) },
      stored: { bytes: 140, sha256: 'b'.repeat(64) },
      header: { tocEntries: 12, archiveVersion: '1.15-0' },
      verification: { performed: true, method: 'pg_restore', passed: true },
      durationMs: 3322
    },
    consistentSnapshot: true,
    server: { version: '15.18', versionNum: 150018 },
    pgDump: { version: '15.18', major: 15 },
    rowCounts: { kind: 'exact' as const, method: 'count(*)', tables: [] },
    recipients: [{ recipient: 'age1x', fingerprint: 'f'.repeat(64) }]
  }

  it('records the stored object, the dump and the encryption, and reads back as ours', () => {
    const manifest = buildManifest(facts)
    expect(manifest).toMatchObject({
      format: MANIFEST_FORMAT,
      formatVersion: 1,
      createdAt: '2026-01-02T03:04:05.678Z',
      durationMs: 3322,
      object: { key: facts.key, size: 140, sha256: 'b'.repeat(64) },
      dump: {
        format: 'custom',
        size: 100,
        archiveEntries: 12,
        archiveVersion: '1.15-0',
        consistentSnapshot: true
      },
      encryption: { scheme: 'age', recipients: facts.recipients }
    })
    expect(parseManifest(JSON.stringify(manifest), facts.key)).toEqual(manifest)
  })

  it('has no encryption without recipients, and no archive facts for plain SQL', () => {
    const manifest = buildManifest({
      ...facts,
      format: 'plain',
      recipients: [],
      dump: { ...facts.dump, header: undefined }
    })
    expect(manifest.encryption).toBeNull()
    expect(manifest.dump).toMatchObject({ archiveEntries: null, archiveVersion: null })
  })
})

describe('retentionAfterBackup', () => {
  const cases: [
    string,
    { keepLast?: number; keepDays?: number },
    boolean,
    boolean,
    ReturnType<typeof retentionAfterBackup>
  ][] = [
    ['no rule: no retention', {}, true, true, undefined],
    ['keep-last after a verified backup: apply', { keepLast: 3 }, true, true, 'apply'],
    [
      'unverified: skipped',
      { keepDays: 7 },
      false,
      true,
      { skipped: expect.stringContaining('verified') as unknown as string }
    ],
    [
      'a destination that cannot delete: skipped',
      { keepLast: 1 },
      true,
      false,
      { skipped: expect.stringContaining('retention-days') as unknown as string }
    ]
  ]
  it.each(cases)('%s', (_name, policy, verified, canDelete, expected) => {
    expect(retentionAfterBackup(policy, { verified, canDelete })).toEqual(expected)
  })
})

describe('judgeDrill', () => {
  it('counts compared tables and mismatches, and fails on any', () => {
    const manifest = {
      rowCounts: {
        kind: 'exact',
        tables: [
          { schema: 'public', table: 'a', rows: 2 },
          { schema: 'public', table: 'b', rows: 5 },
          { schema: 'public', table: 'c', rows: 1 }
        ]
      }
    } as unknown as Parameters<typeof compareCounts>[0]
    const tables = compareCounts(manifest, new Set(['public.a', 'public.b', 'public.c']), [
      { schema: 'public', table: 'a', rows: 2 },
      { schema: 'public', table: 'b', rows: 4 }
    ])
    expect(tables.map((t) => t.status)).toEqual(['match', 'mismatch', 'missing'])
    const judged = judgeDrill(tables)
    expect(judged).toMatchObject({ compared: 3, mismatches: 2 })
    expect(judged.failure?.message).toBe(
      "Restore drill: 2 of 3 tables differ from the manifest's row counts."
    )
    expect(judgeDrill(tables.slice(0, 1))).toEqual({ compared: 1, mismatches: 0, failure: undefined })
  })
})

import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { runBackup } from '../../src/modes/backup.js'
import { parseManifest } from '../../src/backup/manifest.js'
import { connectionOf, createRichDatabase, settingsFor, tempDir } from './helpers.js'

describe('backup to a local directory (real pg_dump, real pg_restore)', () => {
  it('streams a verified custom dump, writes the manifest beside it, and reports row counts', async () => {
    const db = await createRichDatabase('bk_local', 500)
    const dir = tempDir('pgops-bk-local-')
    const settings = settingsFor({ destination: dir, 'database-url': db.url })
    const result = await runBackup({
      connection: connectionOf(db.url),
      workingDirectory: process.cwd(),
      settings
    })
    expect(result.uri.startsWith(join(dir, db.name))).toBe(true)
    const bytes = readFileSync(result.uri)
    expect(bytes.length).toBe(result.size)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(result.sha256)
    expect(result.sha256).toBe(result.dumpSha256)
    const manifest = parseManifest(
      readFileSync(result.manifestUri),
      `${db.name}/${result.uri.split('/').pop()}`
    )
    expect(manifest).toBeDefined()
    expect(manifest!.verification.passed).toBe(true)
    expect(manifest!.dump.archiveEntries).toBeGreaterThan(5)
    expect(manifest!.rowCounts.kind).toBe('exact')
    expect(manifest!.rowCounts.tables).toEqual(
      expect.arrayContaining([
        { schema: 'public', table: 'users', rows: 500 },
        { schema: 'billing', table: 'invoices', rows: 750 },
        { schema: 'public', table: 'empty_table', rows: 0 }
      ])
    )
    expect(readdirSync(join(dir, db.name)).some((f) => f.endsWith('.partial'))).toBe(false)
    expect(existsSync(result.manifestUri)).toBe(true)
  })
})

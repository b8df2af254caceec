import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runBackup } from '../../src/modes/backup.js'
import { connectionOf, createRichDatabase, settingsFor, tempDir } from './helpers.js'

describe('retention on a real destination', () => {
  it('deletes only our own older backups, never the newest verified one nor foreign files, and lists what it deleted', async () => {
    const db = await createRichDatabase('ret', 50)
    const dir = tempDir('pgops-retention-')
    const dbDir = join(dir, db.name)
    mkdirSync(dbDir, { recursive: true })
    // Foreign objects under the same prefix: a dump without manifest, and one whose "manifest" is not ours.
    writeFileSync(join(dbDir, '2020-01-01T00-00-00.000Z.dump'), 'someone else')
    writeFileSync(join(dbDir, '2020-01-02T00-00-00.000Z.dump'), 'other tool')
    writeFileSync(
      join(dbDir, '2020-01-02T00-00-00.000Z.dump.manifest.json'),
      JSON.stringify({ format: 'other-tool', object: { key: 'x' } })
    )

    const base = Date.parse('2026-01-01T00:00:00Z')
    const uris: string[] = []
    for (let i = 0; i < 4; i++) {
      const keepLast = i === 3 ? '2' : ''
      const result = await runBackup({
        connection: connectionOf(db.url),
        workingDirectory: process.cwd(),
        settings: settingsFor({ destination: dir, 'database-url': db.url, 'keep-last': keepLast }),
        now: () => new Date(base + i * 3_600_000)
      })
      uris.push(result.uri)
      if (i === 3) {
        expect(result.retention?.deleted.map((d) => d.uri)).toEqual([uris[1], uris[0]])
        expect(result.retention?.kept).toBe(2)
      }
    }
    expect(existsSync(uris[3]) && existsSync(uris[2])).toBe(true)
    expect(existsSync(uris[1]) || existsSync(`${uris[1]}.manifest.json`) || existsSync(uris[0])).toBe(false)
    expect(readdirSync(dbDir).sort()).toEqual(
      [
        '2020-01-01T00-00-00.000Z.dump',
        '2020-01-02T00-00-00.000Z.dump',
        '2020-01-02T00-00-00.000Z.dump.manifest.json',
        uris[2].split('/').pop()!,
        `${uris[2].split('/').pop()!}.manifest.json`,
        uris[3].split('/').pop()!,
        `${uris[3].split('/').pop()!}.manifest.json`
      ].sort()
    )
  })

  it('skips retention when the backup was not verified', async () => {
    const db = await createRichDatabase('ret_unverified', 10)
    const dir = tempDir('pgops-retention-unverified-')
    await runBackup({
      connection: connectionOf(db.url),
      workingDirectory: process.cwd(),
      settings: settingsFor({ destination: dir, 'database-url': db.url })
    })
    const result = await runBackup({
      connection: connectionOf(db.url),
      workingDirectory: process.cwd(),
      settings: settingsFor({ destination: dir, 'database-url': db.url, verify: 'false', 'keep-last': '1' })
    })
    expect(result.retention?.skipped).toMatch(/only after a verified backup/)
    expect(readdirSync(join(dir, db.name))).toHaveLength(4)
  })
})

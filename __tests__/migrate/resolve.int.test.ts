import { afterAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrationChecksum } from '../../src/migrate/checksum.js'
import { createTestDatabase, query } from '../../__fixtures__/databases.js'
import {
  ADD_POST,
  BROKEN,
  FIXED,
  INIT,
  UUID_V4,
  makeMigrationsDir,
  migrationRows,
  ours,
  removeTempDirs,
  tablesIn
} from './helpers.js'

afterAll(removeTempDirs)

const run = {
  deploy: ours.deploy,
  applied: ours.resolveApplied,
  rolledBack: ours.resolveRolledBack,
  status: ours.status
}

async function failedSetup(prefix: string): Promise<{ name: string; url: string; dir: string }> {
  const db = await createTestDatabase(prefix)
  const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_broken': BROKEN })
  await expect(run.deploy(db.url, dir)).rejects.toMatchObject({ code: 'P3018' })
  return { ...db, dir }
}

describe('resolve --rolled-back', () => {
  it('marks the failed row rolled back (nothing else changes), then deploy re-applies the fixed migration', async () => {
    const db = await failedSetup('rs_rb')
    const [, before] = await migrationRows(db.name)
    await run.rolledBack(db.url, db.dir, '20240102000000_broken')
    const [, after] = await migrationRows(db.name)
    expect(after.rolled_back_at).toBeInstanceOf(Date)
    expect(after.rolled_back_at!.getTime()).toBeGreaterThanOrEqual(before.started_at.getTime())
    expect({ ...after, rolled_back_at: null }).toEqual(before)

    // Prisma's quirk: status counts a rolled-back row as present; deploy applies it again. We warn.
    const status = await run.status(db.url, db.dir)
    expect(status.status).toBe('up-to-date')
    expect(status.pending.map((m) => m.name)).toEqual(['20240102000000_broken'])
    expect(status.warnings.join('\n')).toContain('marked as rolled back')

    writeFileSync(join(db.dir, '20240102000000_broken', 'migration.sql'), FIXED)
    const result = await run.deploy(db.url, db.dir)
    expect(result.applied.map((a) => a.name)).toEqual(['20240102000000_broken'])
    const rows = await migrationRows(db.name)
    expect(rows).toHaveLength(3)
    expect(rows[1]).toEqual(after)
    expect(rows[2]).toMatchObject({
      migration_name: '20240102000000_broken',
      checksum: migrationChecksum(FIXED),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1
    })
    expect(await tablesIn(db.name)).toContain('Broken')
  })

  it('is a silent no-op the second time; P3012 for an applied migration; P3011 for an unknown one', async () => {
    const db = await failedSetup('rs_rb_err')
    await run.rolledBack(db.url, db.dir, '20240102000000_broken')
    const rows = await migrationRows(db.name)
    await run.rolledBack(db.url, db.dir, '20240102000000_broken')
    expect(await migrationRows(db.name)).toEqual(rows)

    await expect(run.rolledBack(db.url, db.dir, '20240101000000_init')).rejects.toMatchObject({
      code: 'P3012',
      message: 'Migration `20240101000000_init` cannot be rolled back because it is not in a failed state.'
    })
    const unknown = run.rolledBack(db.url, db.dir, 'init')
    await expect(unknown).rejects.toMatchObject({ code: 'P3011' })
    await expect(unknown).rejects.toThrow(
      'Migration `init` cannot be rolled back because it was never applied to the database. Hint: did you pass in the whole migration name? (example: "20201207184859_initial_migration")'
    )
  })

  it('needs neither a local directory nor a matching lock file, but a migrations table', async () => {
    const db = await failedSetup('rs_rb_nolocal')
    const otherDir = makeMigrationsDir({}, 'provider = "mysql"\n')
    await run.rolledBack(db.url, otherDir, '20240102000000_broken')
    expect((await migrationRows(db.name))[1].rolled_back_at).not.toBeNull()

    const empty = await createTestDatabase('rs_rb_notable')
    await expect(run.rolledBack(empty.url, otherDir, 'x')).rejects.toThrow(
      'Invariant violation: called markMigrationRolledBack on a database without migrations table.'
    )
  })
})

describe('resolve --applied', () => {
  it('on a failed migration: rolls the failed row back and inserts an applied row without running the script', async () => {
    const db = await failedSetup('rs_ap')
    await run.applied(db.url, db.dir, '20240102000000_broken')
    const rows = await migrationRows(db.name)
    expect(rows).toHaveLength(3)
    const [, failed, resolved] = rows
    expect(failed.rolled_back_at).toBeInstanceOf(Date)
    expect(failed.finished_at).toBeNull()
    expect(resolved.id).toMatch(UUID_V4)
    expect(resolved).toMatchObject({
      migration_name: '20240102000000_broken',
      checksum: migrationChecksum(BROKEN),
      logs: '',
      rolled_back_at: null,
      applied_steps_count: 0
    })
    expect(resolved.finished_at).toEqual(resolved.started_at)
    expect(resolved.started_at).toEqual(failed.rolled_back_at)
    expect(await tablesIn(db.name)).not.toContain('Broken')
    expect((await run.status(db.url, db.dir)).status).toBe('up-to-date')
    expect((await run.deploy(db.url, db.dir)).applied).toEqual([])
  })

  it('baselines a non-empty database: P3005 first, then resolve-applied creates the table without the emptiness check', async () => {
    const db = await createTestDatabase('rs_base')
    await query(db.name, INIT)
    const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_add_post': ADD_POST })
    await expect(run.deploy(db.url, dir)).rejects.toMatchObject({ code: 'P3005' })
    expect(await tablesIn(db.name)).toEqual(['User'])

    await run.applied(db.url, dir, '20240101000000_init')
    const [row] = await migrationRows(db.name)
    expect(row).toMatchObject({
      migration_name: '20240101000000_init',
      checksum: migrationChecksum(INIT),
      logs: '',
      rolled_back_at: null,
      applied_steps_count: 0
    })
    expect(row.id).toMatch(UUID_V4)
    expect(row.finished_at).toEqual(row.started_at)

    const result = await run.deploy(db.url, dir)
    expect(result.applied.map((a) => a.name)).toEqual(['20240102000000_add_post'])
    expect((await run.status(db.url, dir)).status).toBe('up-to-date')
  })

  it('P3008 when already applied; P3017 for an unknown name or a directory without migration.sql; P3019 on a lock mismatch', async () => {
    const db = await createTestDatabase('rs_ap_err')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_empty': null })
    await run.applied(db.url, dir, '20240101000000_init')
    await expect(run.applied(db.url, dir, '20240101000000_init')).rejects.toMatchObject({
      code: 'P3008',
      message: 'The migration `20240101000000_init` is already recorded as applied in the database.'
    })
    for (const name of ['20240102000000_empty', 'nope']) {
      await expect(run.applied(db.url, dir, name)).rejects.toMatchObject({
        code: 'P3017',
        message: `The migration ${name} could not be found. Please make sure that the migration exists, and that you included the whole name of the directory. (example: "20201207184859_initial_migration")`
      })
    }
    const mysql = makeMigrationsDir({ '20240101000000_init': INIT }, 'provider = "mysql"\n')
    await expect(run.applied(db.url, mysql, '20240101000000_init')).rejects.toMatchObject({ code: 'P3019' })
    expect(await migrationRows(db.name)).toHaveLength(1)
  })
})

import { afterAll, describe, expect, it } from '@jest/globals'
import { rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ActionError } from '../../src/errors.js'
import { deploy } from '../../src/migrate/deploy.js'
import { type Diagnosis, diagnose } from '../../src/migrate/status.js'
import { createTestDatabase, query } from '../../__fixtures__/databases.js'
import {
  ADD_POST,
  BROKEN,
  INIT,
  addMigration,
  folderOf,
  makeMigrationsDir,
  openSession,
  removeTempDirs
} from './helpers.js'

afterAll(removeTempDirs)

async function status(url: string, dir: string): Promise<Diagnosis> {
  const session = await openSession(url)
  try {
    return await diagnose(session.client, await folderOf(dir), { connection: session.settings })
  } finally {
    await session.close()
  }
}

async function deployTo(url: string, dir: string): Promise<void> {
  const session = await openSession(url)
  try {
    await deploy(session.client, await folderOf(dir), { connection: session.settings }).catch(() => undefined)
  } finally {
    await session.close()
  }
}

describe('diagnose: Prisma status decisions (§7.2)', () => {
  it('empty database, no migrations: not managed (exit 1), and it creates nothing', async () => {
    const db = await createTestDatabase('st_empty')
    const d = await status(db.url, makeMigrationsDir({}))
    expect(d).toMatchObject({
      status: 'not-managed',
      prismaExitCode: 1,
      hasMigrationsTable: false,
      pending: []
    })
    expect(d.prismaMessage).toBe(
      'No migration found in prisma/migrations\nThe current database is not managed by Prisma Migrate.\n\nRead more about how to baseline an existing production database:\nhttps://pris.ly/d/migrate-baseline'
    )
    expect(await query(db.name, `SELECT 1 FROM pg_class WHERE relname = '_prisma_migrations'`)).toEqual([])
  })

  it('empty database with migrations: pending (exit 1), not the baseline message', async () => {
    const db = await createTestDatabase('st_fresh')
    const d = await status(
      db.url,
      makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_add_post': ADD_POST })
    )
    expect(d.status).toBe('pending')
    expect(d.prismaExitCode).toBe(1)
    expect(d.pending.map((m) => m.name)).toEqual(['20240101000000_init', '20240102000000_add_post'])
    expect(d.prismaMessage).toBe(
      '2 migrations found in prisma/migrations\nFollowing migrations have not yet been applied:\n20240101000000_init\n20240102000000_add_post\n\n' +
        'To apply migrations in development run prisma migrate dev.\nTo apply migrations in production run prisma migrate deploy.'
    )
    expect(d.migrations.map((m) => m.state)).toEqual(['pending', 'pending'])
  })

  it('warns that a non-empty database without history would stop deploy with P3005', async () => {
    const db = await createTestDatabase('st_legacy')
    await query(db.name, 'CREATE TABLE legacy (id int)')
    const d = await status(db.url, makeMigrationsDir({ '20240101000000_init': INIT }))
    expect(d.status).toBe('pending')
    expect(d.warnings.join('\n')).toContain('P3005')
  })

  it('up to date (exit 0) after deploy; one pending after adding a migration', async () => {
    const db = await createTestDatabase('st_up')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT })
    await deployTo(db.url, dir)
    const d = await status(db.url, dir)
    expect(d).toMatchObject({
      status: 'up-to-date',
      prismaExitCode: 0,
      hasMigrationsTable: true,
      pending: [],
      edited: [],
      missingLocally: [],
      warnings: []
    })
    expect(d.prismaMessage).toBe('1 migration found in prisma/migrations\n\nDatabase schema is up to date!')
    expect(d.migrations).toEqual([
      expect.objectContaining({ name: '20240101000000_init', state: 'applied', edited: false })
    ])
    expect(d.migrations[0].finishedAt).toBeInstanceOf(Date)

    addMigration(dir, '20240102000000_add_post', ADD_POST)
    const pending = await status(db.url, dir)
    expect(pending.status).toBe('pending')
    expect(pending.prismaMessage).toContain(
      'Following migration have not yet been applied:\n20240102000000_add_post\n'
    )
  })

  it('failed (exit 1); with a later pending migration Prisma only says pending and we warn about the failure', async () => {
    const db = await createTestDatabase('st_failed')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_broken': BROKEN })
    await deployTo(db.url, dir)
    const d = await status(db.url, dir)
    expect(d.status).toBe('failed')
    expect(d.failed).toEqual([{ name: '20240102000000_broken', startedAt: expect.any(Date) }])
    expect(d.pending).toEqual([])
    expect(d.prismaMessage).toContain('Following migration have failed:\n20240102000000_broken\n')
    expect(d.prismaMessage).toContain('prisma migrate resolve --rolled-back "20240102000000_broken"')
    expect(d.migrations.map((m) => m.state)).toEqual(['applied', 'failed'])

    addMigration(dir, '20240103000000_add_post', ADD_POST)
    const hidden = await status(db.url, dir)
    expect(hidden.status).toBe('pending')
    expect(hidden.failed).toHaveLength(1)
    expect(hidden.warnings.join('\n')).toMatch(/`20240102000000_broken` failed .*P3009/)
  })

  it('reports an edited migration (hidden by Prisma) and tolerates CRLF/LF changes', async () => {
    const db = await createTestDatabase('st_edit')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_add_post': ADD_POST })
    await deployTo(db.url, dir)
    writeFileSync(join(dir, '20240101000000_init', 'migration.sql'), INIT.replaceAll('\n', '\r\n'))
    const crlf = await status(db.url, dir)
    expect(crlf).toMatchObject({ status: 'up-to-date', edited: [], warnings: [] })

    writeFileSync(
      join(dir, '20240102000000_add_post', 'migration.sql'),
      ADD_POST.replace('"title" TEXT', '"title" VARCHAR(200)')
    )
    const edited = await status(db.url, dir)
    expect(edited.status).toBe('up-to-date')
    expect(edited.prismaExitCode).toBe(0)
    expect(edited.edited).toEqual(['20240102000000_add_post'])
    expect(edited.migrations.find((m) => m.name === '20240102000000_add_post')).toMatchObject({
      state: 'applied',
      edited: true
    })
    expect(edited.warnings.join('\n')).toContain(
      '`20240102000000_add_post` was modified after it was applied'
    )
  })

  it('rows without a local directory: up to date for Prisma (exit 0), a warning for us; diverged when new local ones exist', async () => {
    const db = await createTestDatabase('st_missing')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_add_post': ADD_POST })
    await deployTo(db.url, dir)
    rmSync(join(dir, '20240102000000_add_post'), { recursive: true })
    const behind = await status(db.url, dir)
    expect(behind).toMatchObject({
      status: 'up-to-date',
      prismaExitCode: 0,
      missingLocally: ['20240102000000_add_post']
    })
    expect(behind.migrations.at(-1)).toMatchObject({
      name: '20240102000000_add_post',
      state: 'missing-locally'
    })
    expect(behind.warnings.join('\n')).toContain(
      '`20240102000000_add_post` is recorded in the database but has no directory'
    )

    addMigration(dir, '20240103000000_other', 'CREATE TABLE "Other" ("id" INT);\n')
    const diverged = await status(db.url, dir)
    expect(diverged).toMatchObject({ status: 'diverged', prismaExitCode: 1 })
    expect(diverged.history).toEqual({
      diagnostic: 'historiesDiverge',
      lastCommonMigrationName: '20240101000000_init',
      unappliedMigrationNames: ['20240103000000_other'],
      unpersistedMigrationNames: ['20240102000000_add_post']
    })
    expect(diverged.prismaMessage).toContain('The last common migration is: 20240101000000_init')
    expect(diverged.pending.map((m) => m.name)).toEqual(['20240103000000_other'])
  })

  it('lock-file mismatch: P3019 before reading the database', async () => {
    const db = await createTestDatabase('st_lock')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT }, 'provider = "sqlite"\n')
    const session = await openSession(db.url)
    try {
      await expect(diagnose(session.client, await folderOf(dir))).rejects.toMatchObject({ code: 'P3019' })
    } finally {
      await session.close()
    }
  })

  it('directory without migration.sql: listed as pending when unrecorded, P3015 for status once a row has its name', async () => {
    const db = await createTestDatabase('st_nosql')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_empty': null })
    const d = await status(db.url, dir)
    expect(d.pending.map((m) => m.name)).toEqual(['20240101000000_init', '20240102000000_empty'])
    await deployTo(db.url, dir)
    unlinkSync(join(dir, '20240101000000_init', 'migration.sql'))
    // Prisma's status stops with P3015; its deploy ignores the applied migration. The diagnosis says both.
    const after = await status(db.url, dir)
    expect(after.prismaStatusError).toBeInstanceOf(ActionError)
    expect(after.prismaStatusError).toMatchObject({ code: 'P3015' })
    expect(after.prismaExitCode).toBe(1)
    expect(after.unreadableApplied).toEqual(['20240101000000_init'])
  })

  it('lists pending files that mix a non-transactional statement with others', async () => {
    const db = await createTestDatabase('st_conc')
    const dir = makeMigrationsDir({
      '20240101000000_idx': 'CREATE TABLE "T" ("a" INT);\n\nCREATE INDEX CONCURRENTLY "T_a" ON "T"("a");\n'
    })
    const d = await status(db.url, dir)
    expect(d.nonTransactional).toEqual([
      {
        migration: '20240101000000_idx',
        line: 3,
        statement: 'CREATE INDEX CONCURRENTLY: CREATE INDEX CONCURRENTLY "T_a" ON "T"("a")'
      }
    ])
    expect(d.warnings.join('\n')).toContain('cannot run inside a transaction block')
  })
})

import { afterAll, describe, expect, it } from '@jest/globals'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrationChecksum } from '../../src/migrate/checksum.js'
import { MigrationRunError, deploy } from '../../src/migrate/deploy.js'
import { diagnose } from '../../src/migrate/status.js'
import { adminQuery, createTestDatabase, query, serverPassword } from '../../__fixtures__/databases.js'
import {
  ADD_POST,
  BROKEN,
  INIT,
  addMigration,
  UUID_V4,
  folderOf,
  makeMigrationsDir,
  migrationRows,
  openSession,
  removeTempDirs,
  tablesIn
} from './helpers.js'

afterAll(removeTempDirs)

async function deployTo(
  url: string,
  dir: string,
  onApplying?: (name: string) => void
): Promise<Awaited<ReturnType<typeof deploy>>> {
  const session = await openSession(url)
  try {
    return await deploy(session.client, await folderOf(dir), { connection: session.settings, onApplying })
  } finally {
    await session.close()
  }
}

async function deployError(url: string, dir: string): Promise<MigrationRunError> {
  const error = await deployTo(url, dir).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(MigrationRunError)
  return error as MigrationRunError
}

describe('deploy on an empty database', () => {
  it('creates _prisma_migrations with Prisma DDL even with no migrations', async () => {
    const db = await createTestDatabase('dep_empty')
    const result = await deployTo(db.url, makeMigrationsDir({}))
    expect(result).toEqual({ applied: [], alreadyUpToDate: true })
    const columns = await query<{
      column_name: string
      data_type: string
      is_nullable: string
      column_default: string | null
      len: number | null
    }>(
      db.name,
      `SELECT column_name, data_type, is_nullable, column_default, character_maximum_length AS len FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`
    )
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', is_nullable: 'NO', column_default: null, len: 36 },
      {
        column_name: 'checksum',
        data_type: 'character varying',
        is_nullable: 'NO',
        column_default: null,
        len: 64
      },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        is_nullable: 'YES',
        column_default: null,
        len: null
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        is_nullable: 'NO',
        column_default: null,
        len: 255
      },
      { column_name: 'logs', data_type: 'text', is_nullable: 'YES', column_default: null, len: null },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        is_nullable: 'YES',
        column_default: null,
        len: null
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        is_nullable: 'NO',
        column_default: 'now()',
        len: null
      },
      {
        column_name: 'applied_steps_count',
        data_type: 'integer',
        is_nullable: 'NO',
        column_default: '0',
        len: null
      }
    ])
    const pk = await query(
      db.name,
      `SELECT 1 FROM pg_constraint WHERE conrelid = '_prisma_migrations'::regclass AND contype = 'p'`
    )
    expect(pk).toHaveLength(1)
  })

  it('applies two migrations and writes the rows Prisma writes, field by field', async () => {
    const db = await createTestDatabase('dep_two')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_add_post': ADD_POST })
    const announced: string[] = []
    const before = Date.now()
    const result = await deployTo(db.url, dir, (name) => announced.push(name))
    expect(announced).toEqual(['20240101000000_init', '20240102000000_add_post'])
    expect(result.alreadyUpToDate).toBe(false)
    expect(result.applied.map((a) => a.name)).toEqual(announced)
    expect(await tablesIn(db.name)).toEqual(['Post', 'User', '_prisma_migrations'])

    const rows = await migrationRows(db.name)
    expect(rows).toHaveLength(2)
    rows.forEach((row, i) => {
      expect(row.id).toMatch(UUID_V4)
      expect(row.migration_name).toBe(announced[i])
      expect(row.checksum).toBe(migrationChecksum([INIT, ADD_POST][i]))
      expect(row.logs).toBeNull()
      expect(row.rolled_back_at).toBeNull()
      expect(row.applied_steps_count).toBe(1)
      expect(row.started_at.getTime()).toBeGreaterThanOrEqual(before - 1)
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime())
      expect(result.applied[i]).toMatchObject({
        checksum: row.checksum,
        startedAt: row.started_at,
        finishedAt: row.finished_at
      })
    })
    expect(rows[1].started_at.getTime()).toBeGreaterThanOrEqual(rows[0].finished_at!.getTime())

    expect(await deployTo(db.url, dir)).toEqual({ applied: [], alreadyUpToDate: true })
    expect(await migrationRows(db.name)).toHaveLength(2)
  })

  it('creates the ?schema= schema and puts the table and the migrations there only', async () => {
    const db = await createTestDatabase('dep_schema')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT })
    await deployTo(`${db.url}?schema=tenant_a`, dir)
    expect(await tablesIn(db.name, 'tenant_a')).toEqual(['User', '_prisma_migrations'])
    expect(await tablesIn(db.name, 'public')).toEqual([])
    expect((await migrationRows(db.name, 'tenant_a')).map((r) => r.migration_name)).toEqual([
      '20240101000000_init'
    ])
    // The same database seen without ?schema= is another, empty, history.
    const session = await openSession(db.url)
    try {
      const diagnosis = await diagnose(session.client, await folderOf(dir))
      expect(diagnosis).toMatchObject({ status: 'pending', hasMigrationsTable: false })
    } finally {
      await session.close()
    }
  })
})

describe('deploy preconditions', () => {
  it('P3005 on a non-empty schema without history, before creating anything', async () => {
    const db = await createTestDatabase('dep_p3005')
    await query(db.name, 'CREATE TABLE legacy (id int)')
    const error = await deployError(db.url, makeMigrationsDir({ '20240101000000_init': INIT }))
    expect(error.code).toBe('P3005')
    expect(error.message).toBe(
      'The database schema is not empty. Read more about how to baseline an existing production database: https://pris.ly/d/migrate-baseline'
    )
    expect(error.hint).toContain('resolve-applied: "20240101000000_init"')
    expect(error.hint).toContain('mode: migrate-resolve')
    expect(await tablesIn(db.name)).toEqual(['legacy'])
  })

  it('P3005 even with zero migrations; views, sequences, PostGIS tables and other schemas do not count', async () => {
    const db = await createTestDatabase('dep_p3005b')
    await query(db.name, 'CREATE TABLE legacy (id int)')
    expect((await deployError(db.url, makeMigrationsDir({}))).code).toBe('P3005')

    const clean = await createTestDatabase('dep_notempty')
    await query(
      clean.name,
      'CREATE VIEW v AS SELECT 1 AS x; CREATE SEQUENCE s; CREATE TABLE spatial_ref_sys (srid int); CREATE SCHEMA other; CREATE TABLE other.t (id int)'
    )
    const result = await deployTo(clean.url, makeMigrationsDir({ '20240101000000_init': INIT }))
    expect(result.applied).toHaveLength(1)
  })

  it('P3019 on a lock-file mismatch, before touching the database', async () => {
    const db = await createTestDatabase('dep_lock')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT }, 'provider = "mysql"\n')
    const error = await deployError(db.url, dir)
    expect(error.code).toBe('P3019')
    expect(error.message).toContain('`mysql`')
    expect(await tablesIn(db.name)).toEqual([])
  })
})

describe('a failing migration', () => {
  it('is rolled back as a whole, recorded as failed, and stops the run; the next deploy says P3009', async () => {
    const db = await createTestDatabase('dep_fail')
    const dir = makeMigrationsDir({
      '20240101000000_init': INIT,
      '20240102000000_broken': BROKEN,
      '20240103000000_add_post': ADD_POST
    })
    const error = await deployError(db.url, dir)
    expect(error.code).toBe('P3018')
    expect(error.failedMigration).toBe('20240102000000_broken')
    expect(error.applied.map((a) => a.name)).toEqual(['20240101000000_init'])
    expect(error.message).toContain(
      'A migration failed to apply. New migrations cannot be applied before the error is recovered from.'
    )
    expect(error.message).toContain('Migration name: 20240102000000_broken')
    expect(error.message).toContain('Database error code: 42P01')
    expect(error.message).toContain('ERROR: relation "Nope" does not exist')
    expect(error.hint).toContain('resolve-rolled-back: "20240102000000_broken"')

    // All or nothing: the first statement of the failed file did not survive; the later migration never ran.
    expect(await tablesIn(db.name)).toEqual(['User', '_prisma_migrations'])
    const rows = await migrationRows(db.name)
    expect(rows.map((r) => r.migration_name)).toEqual(['20240101000000_init', '20240102000000_broken'])
    const failed = rows[1]
    expect(failed.id).toMatch(UUID_V4)
    expect(failed.checksum).toBe(migrationChecksum(BROKEN))
    expect(failed.finished_at).toBeNull()
    expect(failed.rolled_back_at).toBeNull()
    expect(failed.applied_steps_count).toBe(0)
    expect(failed.logs).toMatch(/^A migration failed to apply\./)
    expect(failed.logs).toContain('Database error code: 42P01')
    expect(failed.logs).not.toContain(serverPassword())

    const again = await deployError(db.url, dir)
    expect(again.code).toBe('P3009')
    expect(again.applied).toEqual([])
    const started = (
      await adminQuery<{ t: string }>(
        `SELECT to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS t FROM _prisma_migrations WHERE migration_name = '20240102000000_broken'`,
        [],
        db.name
      )
    )[0].t.replace(/0{3}$/, '')
    expect(again.message).toBe(
      'migrate found failed migrations in the target database, new migrations will not be applied. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n' +
        `The \`20240102000000_broken\` migration started at ${started} UTC failed\n`
    )
    expect(again.hint).toContain('resolve-rolled-back: "20240102000000_broken"')
    expect(await migrationRows(db.name)).toHaveLength(2)
  })

  it('ends an aborted explicit transaction before recording the logs', async () => {
    const db = await createTestDatabase('dep_begin')
    const dir = makeMigrationsDir({
      '20240101000000_tx': 'BEGIN;\nCREATE TABLE "a" ("id" INT);\nSELECT 1/0;\nCOMMIT;\n'
    })
    const error = await deployError(db.url, dir)
    expect(error.code).toBe('P3018')
    expect(error.message).toContain('Database error code: 22012')
    const [row] = await migrationRows(db.name)
    expect(row).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 })
    expect(row.logs).toContain('division by zero')
    expect(await tablesIn(db.name)).toEqual(['_prisma_migrations'])
  })

  it('points at the failing line when Postgres reports a position', async () => {
    const db = await createTestDatabase('dep_pos')
    const error = await deployError(
      db.url,
      makeMigrationsDir({ '20240101000000_typo': 'CREATE TABLE "a" ("id" INT);\nSELEC 1;\n' })
    )
    expect(error.message).toContain('Database error code: 42601')
    expect(error.message).toContain('Position: line 2 of migration.sql: SELEC 1;')
  })

  it('P3015 for a directory without migration.sql: earlier ones stay applied, no row is written for it', async () => {
    const db = await createTestDatabase('dep_p3015')
    const dir = makeMigrationsDir({
      '20240101000000_init': INIT,
      '20240102000000_empty': null,
      '20240103000000_add_post': ADD_POST
    })
    const error = await deployError(db.url, dir)
    expect(error.code).toBe('P3015')
    expect(error.message).toBe(
      'Could not find the migration file at migration.sql. Please delete the directory or restore the migration file.'
    )
    expect(error.failedMigration).toBe('20240102000000_empty')
    expect(error.applied.map((a) => a.name)).toEqual(['20240101000000_init'])
    expect((await migrationRows(db.name)).map((r) => r.migration_name)).toEqual(['20240101000000_init'])
  })
})

describe('what deploy ignores, like Prisma', () => {
  it('ignores edited migrations and database rows without a local directory, and applies out-of-order ones', async () => {
    const db = await createTestDatabase('dep_ignore')
    const dir = makeMigrationsDir({
      '20240102000000_init': INIT,
      '20240103000000_gone': 'CREATE TABLE "Gone" ("id" INT);\n'
    })
    await deployTo(db.url, dir)
    writeFileSync(join(dir, '20240102000000_init', 'migration.sql'), `${INIT}-- edited\n`)
    rmSync(join(dir, '20240103000000_gone'), { recursive: true })
    expect((await deployTo(db.url, dir)).applied).toEqual([])
    writeFileSync(join(dir, '20240101000000_older.sql'), 'top-level files are not migrations')
    addMigration(dir, '20240101000000_older', 'CREATE TABLE "Older" ("id" INT);\n')
    expect((await deployTo(db.url, dir)).applied.map((a) => a.name)).toEqual(['20240101000000_older'])
  })
})

describe('non-transactional statements', () => {
  it('refuses a pending file that mixes CREATE INDEX CONCURRENTLY with other statements before applying anything', async () => {
    const db = await createTestDatabase('dep_conc')
    const dir = makeMigrationsDir({
      '20240101000000_init': INIT,
      '20240102000000_index':
        'CREATE TABLE "T" ("a" INT);\nCREATE INDEX CONCURRENTLY "T_a_idx" ON "T"("a");\n'
    })
    const error = await deployError(db.url, dir)
    expect(error.code).toBe('P3018')
    expect(error.failedMigration).toBe('20240102000000_index')
    expect(error.message).toContain('line 2: CREATE INDEX CONCURRENTLY')
    expect(error.message).toContain('Nothing was applied')
    expect(error.applied).toEqual([])
    expect(await migrationRows(db.name)).toEqual([])
    expect(await tablesIn(db.name)).toEqual(['_prisma_migrations'])
  })

  it('applies CREATE INDEX CONCURRENTLY alone in its file', async () => {
    const db = await createTestDatabase('dep_conc_ok')
    const dir = makeMigrationsDir({
      '20240101000000_init': INIT,
      '20240102000000_index': 'CREATE INDEX CONCURRENTLY "User_email_idx" ON "User"("email");\n'
    })
    expect((await deployTo(db.url, dir)).applied).toHaveLength(2)
    expect(await query(db.name, `SELECT 1 FROM pg_indexes WHERE indexname = 'User_email_idx'`)).toHaveLength(
      1
    )
  })
})

/**
 * A NUL byte in migration.sql: what PostgreSQL, Prisma 6.19 and the SQL parser do with it, and why every mode of
 * the action refuses such a file before it connects (src/migrate/migrations-dir.ts).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'
import { createTestDatabase } from '../../__fixtures__/databases.js'
import { loadParser, parseScript } from '../../src/sql/parse.js'
import { RepoFileError } from '../../src/util/repo-files.js'
import { INIT, makeMigrationsDir, migrationRows, ours, prisma, removeTempDirs, tablesIn } from './helpers.js'

afterAll(removeTempDirs)

const HIDDEN =
  'CREATE TABLE "Kept" ("id" INTEGER);\n-- the rest is past a NUL byte\u0000\nDROP TABLE "User";\n'

describe('a NUL byte in migration.sql', () => {
  it('PostgreSQL rejects the whole query (08P01, invalid message format) and runs none of it', async () => {
    const db = await createTestDatabase('nul_wire')
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    try {
      await expect(client.query(HIDDEN)).rejects.toMatchObject({
        code: '08P01',
        message: 'invalid message format'
      })
      expect(await tablesIn(db.name)).toEqual([])
    } finally {
      await client.end()
    }
  })

  it('the parser alone would stop reading at it: the DROP after it would not be reviewed', async () => {
    await loadParser()
    const parsed = parseScript(HIDDEN)
    expect(parsed.statements.map((s) => s.kind)).not.toContain('DropStmt')
  })

  it('Prisma 6.19 writes the migration row first, then fails: the migration is recorded as failed and blocks deploys', async () => {
    const db = await createTestDatabase('nul_prisma')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_nul': HIDDEN })
    const cli = await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
    expect(cli.code).toBe(1)
    const rows = await migrationRows(db.name)
    expect(rows.map((r) => [r.migration_name, r.finished_at === null])).toEqual([
      ['20240101000000_init', false],
      ['20240102000000_nul', true]
    ])
  }, 120_000)

  it('our engine refuses the file before it touches the database, naming the file and the line', async () => {
    const db = await createTestDatabase('nul_ours')
    const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_nul': HIDDEN })
    const error = await ours.deploy(db.url, dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RepoFileError)
    expect((error as RepoFileError).message).toContain(
      '20240102000000_nul/migration.sql line 2 contains a NUL byte'
    )
    expect(await tablesIn(db.name)).toEqual([])
  })
})

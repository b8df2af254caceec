import { describe, expect, it } from '@jest/globals'
import { findNonTransactional } from '../../src/migrate/non-transactional.js'

describe('findNonTransactional (libpg-query AST)', () => {
  it.each([
    ['CREATE INDEX CONCURRENTLY "i" ON "t"("a")', 'CREATE INDEX CONCURRENTLY'],
    ['DROP INDEX CONCURRENTLY "i"', 'DROP INDEX CONCURRENTLY'],
    ['REINDEX INDEX CONCURRENTLY "i"', 'REINDEX CONCURRENTLY'],
    ['REINDEX (CONCURRENTLY) TABLE "t"', 'REINDEX CONCURRENTLY'],
    ['VACUUM "t"', 'VACUUM'],
    ["ALTER SYSTEM SET work_mem = '1MB'", 'ALTER SYSTEM'],
    ['CREATE DATABASE "x"', 'CREATE DATABASE'],
    ['DROP DATABASE "x"', 'DROP DATABASE'],
    ['ALTER TABLE "p" DETACH PARTITION "c" CONCURRENTLY', 'DETACH PARTITION CONCURRENTLY'],
    ["CREATE TABLESPACE ts LOCATION '/x'", 'CREATE TABLESPACE'],
    ['ALTER DATABASE d SET TABLESPACE t', 'ALTER DATABASE ... SET TABLESPACE']
  ])('flags %s when mixed with another statement', async (statement, reason) => {
    const found = await findNonTransactional(`CREATE TABLE "t" ("a" INT);\n-- comment\n${statement};\n`)
    expect(found).toEqual([{ line: 3, statement, reason }])
  })

  it('allows the statement alone in its file (one statement is not a transaction block)', async () => {
    expect(await findNonTransactional('-- only this\nCREATE INDEX CONCURRENTLY "i" ON "t"("a");\n')).toEqual(
      []
    )
  })

  it('flags two non-transactional statements together', async () => {
    const found = await findNonTransactional(
      'CREATE INDEX CONCURRENTLY a ON t(x);\nCREATE INDEX CONCURRENTLY b ON t(y);\n'
    )
    expect(found.map((f) => f.line)).toEqual([1, 2])
  })

  it.each([
    'CREATE INDEX "i" ON "t"("a")',
    'ANALYZE "t"',
    'ALTER TYPE "Role" ADD VALUE \'ADMIN\'',
    'REFRESH MATERIALIZED VIEW CONCURRENTLY "mv"',
    "CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p WITH (create_slot = false)"
  ])('does not flag %s', async (statement) => {
    expect(await findNonTransactional(`CREATE TABLE "t" ("a" INT);\n${statement};\n`)).toEqual([])
  })

  it('flags ALTER TYPE ... ADD VALUE only before PostgreSQL 12', async () => {
    const sql = 'CREATE TABLE "t" ("a" INT);\nALTER TYPE "Role" ADD VALUE \'ADMIN\';\n'
    expect(await findNonTransactional(sql, 110000)).toHaveLength(1)
    expect(await findNonTransactional(sql, 150000)).toEqual([])
  })

  it('leaves a file that does not parse to the server', async () => {
    expect(await findNonTransactional('CREATE TABLE (;\nCREATE INDEX CONCURRENTLY i ON t(a);')).toEqual([])
  })
})

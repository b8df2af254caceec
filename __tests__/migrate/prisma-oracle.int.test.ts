/**
 * Interchangeability with the real Prisma CLI (6.19.3, wasm schema engine, __fixtures__/prisma-oracle): both
 * tools take turns on the same databases and must agree on every state. Known oracle differences from the native
 * engine (prisma-oracle.md §5) are avoided: we never compare P3018 texts or `logs` written by Prisma.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrationChecksum } from '../../src/migrate/checksum.js'
import { MigrationRunError } from '../../src/migrate/deploy.js'
import { createTestDatabase, query } from '../../__fixtures__/databases.js'
import {
  ADD_POST,
  BROKEN,
  FIXED,
  INIT,
  type CliResult,
  UUID_V4,
  addMigration,
  makeMigrationsDir,
  migrationRows,
  ours,
  prisma,
  removeTempDirs,
  tablesIn
} from './helpers.js'

afterAll(removeTempDirs)

const CLI_TIMEOUT = 120_000
const TWO = { '20240101000000_init': INIT, '20240102000000_add_post': ADD_POST }

/** Both streams, each line's trailing spaces removed (6.19's templates leave indentation on blank lines). */
function printed(result: CliResult): string {
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
}

async function expectStatusAgreement(
  url: string,
  dir: string,
  expected: { status: string; exit: 0 | 1 }
): Promise<CliResult> {
  const diagnosis = await ours.status(url, dir)
  const cli = await prisma(['migrate', 'status'], { url, migrationsPath: dir })
  expect({ status: diagnosis.status, exit: diagnosis.prismaExitCode }).toEqual(expected)
  expect(cli.code).toBe(expected.exit)
  // Our rendering of Prisma's text appears verbatim in what Prisma printed.
  const [foundLine, ...decision] = diagnosis.prismaMessage.split('\n')
  expect(cli.stdout).toContain(`${foundLine}\n`)
  expect(printed(cli)).toContain(decision.join('\n').trim())
  return cli
}

/** The "The `x` migration started at ... failed" lines of a P3009. */
function p3009Lines(text: string): string[] {
  return text.split('\n').filter((line) => /^The `.*` migration started at .* failed$/.test(line.trimEnd()))
}

describe('our engine and Prisma 6.19 take turns on the same databases', () => {
  it(
    'our deploy -> Prisma status up to date; pending agreed; Prisma deploy -> ours agrees and applies nothing',
    async () => {
      const db = await createTestDatabase('or_basic')
      const dir = makeMigrationsDir(TWO)
      await expectStatusAgreement(db.url, dir, { status: 'pending', exit: 1 })

      await ours.deploy(db.url, dir)
      const upToDate = await expectStatusAgreement(db.url, dir, { status: 'up-to-date', exit: 0 })
      expect(upToDate.stdout).toContain('Database schema is up to date!')

      addMigration(dir, '20240103000000_add_name', 'ALTER TABLE "User" ADD COLUMN "name" TEXT;\n')
      const pending = await expectStatusAgreement(db.url, dir, { status: 'pending', exit: 1 })
      expect(pending.stdout).toContain(
        'Following migration have not yet been applied:\n20240103000000_add_name'
      )

      const cliDeploy = await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
      expect(cliDeploy.code).toBe(0)
      expect(cliDeploy.stdout).toContain('All migrations have been successfully applied.')
      expect((await ours.status(db.url, dir)).status).toBe('up-to-date')
      expect(await ours.deploy(db.url, dir)).toEqual({ applied: [], alreadyUpToDate: true })

      // The row Prisma wrote has the shape of ours.
      const rows = await migrationRows(db.name)
      expect(rows).toHaveLength(3)
      for (const row of rows) {
        expect(row.id).toMatch(UUID_V4)
        expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 })
        expect(row.finished_at).not.toBeNull()
      }
      expect(rows[2].checksum).toBe(migrationChecksum('ALTER TABLE "User" ADD COLUMN "name" TEXT;\n'))
    },
    CLI_TIMEOUT
  )

  it(
    'a failure recorded by us: Prisma deploy says P3009 with the same line, Prisma status reports it; our rolled-back is honoured',
    async () => {
      const db = await createTestDatabase('or_ourfail')
      const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_broken': BROKEN })
      await expect(ours.deploy(db.url, dir)).rejects.toMatchObject({ code: 'P3018' })
      const ourP3009 = (await ours.deploy(db.url, dir).catch((e: unknown) => e)) as MigrationRunError
      expect(ourP3009.code).toBe('P3009')

      const cliDeploy = await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
      expect(cliDeploy.code).toBe(1)
      expect(cliDeploy.stderr).toContain('Error: P3009')
      expect(cliDeploy.stderr).toContain(ourP3009.message.split('\n')[0])
      expect(p3009Lines(cliDeploy.stderr)).toEqual(p3009Lines(ourP3009.message))
      await expectStatusAgreement(db.url, dir, { status: 'failed', exit: 1 })

      await ours.resolveRolledBack(db.url, dir, '20240102000000_broken')
      // Prisma's status counts a rolled-back row as present: both say up to date.
      await expectStatusAgreement(db.url, dir, { status: 'up-to-date', exit: 0 })
      writeFileSync(join(dir, '20240102000000_broken', 'migration.sql'), FIXED)
      const reapplied = await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
      expect(reapplied.code).toBe(0)
      expect(reapplied.stdout).toContain('20240102000000_broken/')
      const rows = await migrationRows(db.name)
      expect(rows.map((r) => [r.migration_name, r.finished_at !== null, r.rolled_back_at !== null])).toEqual([
        ['20240101000000_init', true, false],
        ['20240102000000_broken', false, true],
        ['20240102000000_broken', true, false]
      ])
      expect(rows[2].checksum).toBe(migrationChecksum(FIXED))
    },
    CLI_TIMEOUT
  )

  it(
    'a failure recorded by Prisma: ours says failed and P3009 (same line); Prisma resolve --applied is honoured',
    async () => {
      const db = await createTestDatabase('or_clifail')
      const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_broken': BROKEN })
      const failed = await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
      expect(failed.code).toBe(1)
      const rows = await migrationRows(db.name)
      expect(rows[1]).toMatchObject({
        migration_name: '20240102000000_broken',
        finished_at: null,
        rolled_back_at: null,
        applied_steps_count: 0
      })
      expect(await tablesIn(db.name)).toEqual(['User', '_prisma_migrations'])

      const diagnosis = await ours.status(db.url, dir)
      expect(diagnosis.status).toBe('failed')
      expect(diagnosis.failed.map((f) => f.name)).toEqual(['20240102000000_broken'])
      const ourP3009 = (await ours.deploy(db.url, dir).catch((e: unknown) => e)) as MigrationRunError
      expect(ourP3009.code).toBe('P3009')
      const cliP3009 = await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
      expect(cliP3009.stderr).toContain('Error: P3009')
      expect(p3009Lines(ourP3009.message)).toEqual(p3009Lines(cliP3009.stderr))

      const resolved = await prisma(['migrate', 'resolve', '--applied', '20240102000000_broken'], {
        url: db.url,
        migrationsPath: dir
      })
      expect(resolved.code).toBe(0)
      expect(resolved.stdout).toContain('Migration 20240102000000_broken marked as applied.')
      const [, rolledBack, applied] = await migrationRows(db.name)
      expect(rolledBack.rolled_back_at).not.toBeNull()
      expect(applied).toMatchObject({
        logs: '',
        applied_steps_count: 0,
        rolled_back_at: null,
        checksum: migrationChecksum(BROKEN)
      })
      expect(applied.finished_at).toEqual(applied.started_at)
      expect((await ours.status(db.url, dir)).status).toBe('up-to-date')
      expect(await ours.deploy(db.url, dir)).toEqual({ applied: [], alreadyUpToDate: true })
    },
    CLI_TIMEOUT
  )

  it(
    'Prisma resolve --rolled-back on our failure: our deploy re-applies; the rolled-back row is what ours would write',
    async () => {
      const db = await createTestDatabase('or_clirb')
      const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_broken': BROKEN })
      await expect(ours.deploy(db.url, dir)).rejects.toMatchObject({ code: 'P3018' })
      const [, before] = await migrationRows(db.name)
      const cli = await prisma(['migrate', 'resolve', '--rolled-back', '20240102000000_broken'], {
        url: db.url,
        migrationsPath: dir
      })
      expect(cli.code).toBe(0)
      expect(cli.stdout).toContain('Migration 20240102000000_broken marked as rolled back.')
      const [, after] = await migrationRows(db.name)
      expect({ ...after, rolled_back_at: null }).toEqual(before)
      writeFileSync(join(dir, '20240102000000_broken', 'migration.sql'), FIXED)
      expect((await ours.deploy(db.url, dir)).applied.map((a) => a.name)).toEqual(['20240102000000_broken'])
      await expectStatusAgreement(db.url, dir, { status: 'up-to-date', exit: 0 })
    },
    CLI_TIMEOUT
  )

  it(
    'baselining: both refuse P3005; our resolve-applied -> Prisma status up to date and Prisma deploy applies only the rest',
    async () => {
      const db = await createTestDatabase('or_base')
      await query(db.name, INIT)
      const dir = makeMigrationsDir({ '20240101000000_init': INIT })
      const cli = await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
      expect(cli.code).toBe(1)
      expect(cli.stderr).toContain('Error: P3005')
      const ourError = (await ours.deploy(db.url, dir).catch((e: unknown) => e)) as MigrationRunError
      expect(ourError.code).toBe('P3005')
      expect(printed(cli)).toContain(ourError.message)

      await ours.resolveApplied(db.url, dir, '20240101000000_init')
      await expectStatusAgreement(db.url, dir, { status: 'up-to-date', exit: 0 })
      addMigration(dir, '20240102000000_add_post', ADD_POST)
      const rest = await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
      expect(rest.code).toBe(0)
      expect((await migrationRows(db.name)).map((r) => [r.migration_name, r.applied_steps_count])).toEqual([
        ['20240101000000_init', 0],
        ['20240102000000_add_post', 1]
      ])
    },
    CLI_TIMEOUT
  )

  it(
    '?schema= places the history in the same schema for both tools',
    async () => {
      const db = await createTestDatabase('or_schema')
      const url = `${db.url}?schema=tenant_b`
      const dir = makeMigrationsDir({ '20240101000000_init': INIT })
      await ours.deploy(url, dir)
      await expectStatusAgreement(url, dir, { status: 'up-to-date', exit: 0 })
      addMigration(dir, '20240102000000_add_post', ADD_POST)
      expect((await prisma(['migrate', 'deploy'], { url, migrationsPath: dir })).code).toBe(0)
      expect(await tablesIn(db.name, 'tenant_b')).toEqual(['Post', 'User', '_prisma_migrations'])
      expect(await tablesIn(db.name, 'public')).toEqual([])
      expect((await ours.status(url, dir)).status).toBe('up-to-date')
    },
    CLI_TIMEOUT
  )

  it(
    'edited migrations, CRLF checkouts and rows without a local directory: both say up to date; diverged histories agree',
    async () => {
      const db = await createTestDatabase('or_drift')
      const dir = makeMigrationsDir(TWO)
      await ours.deploy(db.url, dir)
      writeFileSync(join(dir, '20240101000000_init', 'migration.sql'), INIT.replaceAll('\n', '\r\n'))
      writeFileSync(join(dir, '20240102000000_add_post', 'migration.sql'), `${ADD_POST}-- edited\n`)
      await expectStatusAgreement(db.url, dir, { status: 'up-to-date', exit: 0 })
      expect((await ours.status(db.url, dir)).edited).toEqual(['20240102000000_add_post'])

      rmSync(join(dir, '20240102000000_add_post'), { recursive: true })
      await expectStatusAgreement(db.url, dir, { status: 'up-to-date', exit: 0 })
      addMigration(dir, '20240103000000_other', 'CREATE TABLE "Other" ("id" INT);\n')
      const diverged = await expectStatusAgreement(db.url, dir, { status: 'diverged', exit: 1 })
      expect(diverged.stderr).toContain('The last common migration is: 20240101000000_init')
    },
    CLI_TIMEOUT
  )

  it(
    'lock-file mismatch, a database without history, and a directory without migration.sql agree',
    async () => {
      const db = await createTestDatabase('or_misc')
      const mysql = makeMigrationsDir({ '20240101000000_init': INIT }, 'provider = "postgres"\n')
      const cliLock = await prisma(['migrate', 'status'], { url: db.url, migrationsPath: mysql })
      expect(cliLock.code).toBe(1)
      const ourLock = await ours.status(db.url, mysql).catch((e: unknown) => e as Error)
      expect(ourLock).toMatchObject({ code: 'P3019' })
      expect(cliLock.stderr).toContain(`Error: P3019\n\n${(ourLock as Error).message}`)

      await expectStatusAgreement(db.url, makeMigrationsDir({}), { status: 'not-managed', exit: 1 })

      const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_empty': null })
      const cli = await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })
      expect(cli.code).toBe(1)
      expect(cli.stderr).toContain('P3015')
      const prismaRows = (await migrationRows(db.name)).map((r) => r.migration_name)
      const other = await createTestDatabase('or_misc2')
      const ourError = await ours.deploy(other.url, dir).catch((e: unknown) => e as MigrationRunError)
      expect(ourError).toMatchObject({ code: 'P3015' })
      expect(cli.stderr).toContain((ourError as Error).message)
      expect((await migrationRows(other.name)).map((r) => r.migration_name)).toEqual(prismaRows)
      expect(prismaRows).toEqual(['20240101000000_init'])
    },
    CLI_TIMEOUT
  )
})

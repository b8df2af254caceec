/**
 * Interchangeability with the real Prisma CLI (6.19.3, wasm schema engine, __fixtures__/prisma-oracle): both
 * tools take turns on the same databases and must agree on every state. Known oracle differences from the native
 * engine (prisma-oracle.md §5) are avoided: we never compare P3018 texts or `logs` written by Prisma.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { migrationChecksum } from '../../src/migrate/checksum.js'
import { MigrationRunError } from '../../src/migrate/deploy.js'
import { nextSteps } from '../../src/modes/migrate-shared.js'
import { runMigrateResolve } from '../../src/modes/migrate-resolve.js'
import { gateDecision } from '../../src/review/review.js'
import { readerFromMap } from '../../src/settings/input.js'
import { readCommonSettings, readMigrateSettings } from '../../src/settings/get-settings.js'
import type { MigrateSettings } from '../../src/settings/settings.js'
import { createTestDatabase, query } from '../../__fixtures__/databases.js'
import { reviewSql, rulesOf } from '../review/helpers.js'
import {
  ADD_POST,
  BROKEN,
  FIXED,
  INIT,
  LOCKFILE,
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

/** A project directory as a repository holds it: files by relative path. */
function makeProject(files: Record<string, string>): string {
  const dir = makeMigrationsDir({}, null)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

/** The migrate settings the action would derive for a project directory (schema, datasource, config). */
async function settingsFor(project: string, inputs: Record<string, string> = {}): Promise<MigrateSettings> {
  const read = readerFromMap({
    mode: 'migrate-deploy',
    'database-url': 'postgresql://u@127.0.0.1/db',
    ...inputs
  })
  const env = { GITHUB_WORKSPACE: project }
  return readMigrateSettings(read, readCommonSettings(read, env))
}

const MULTI_SCHEMA = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
  // Supabase's layout: Prisma's tables in public, Supabase's in auth
  schemas  = ["public", "auth"]
}

model User {
  id Int @id
  @@schema("public")
}
`

describe('divergences from Prisma 6.19 that are fixed (issue 9), each checked against the real CLI', () => {
  it(
    'a failed migration resolved --rolled-back, fixed and redeployed is not "edited": Prisma says nothing, nor do we',
    async () => {
      const db = await createTestDatabase('or_rbfix')
      const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_broken': BROKEN })
      expect((await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })).code).toBe(1)
      const rb = await prisma(['migrate', 'resolve', '--rolled-back', '20240102000000_broken'], {
        url: db.url,
        migrationsPath: dir
      })
      expect(rb.code).toBe(0)
      writeFileSync(join(dir, '20240102000000_broken', 'migration.sql'), FIXED)
      expect((await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })).code).toBe(0)

      const cli = await expectStatusAgreement(db.url, dir, { status: 'up-to-date', exit: 0 })
      expect(printed(cli)).not.toMatch(/edited|modified/i)
      const diagnosis = await ours.status(db.url, dir)
      // The oldest row (the broken attempt) has another checksum; the applied row is the fixed file.
      expect((await migrationRows(db.name)).map((r) => r.checksum)).toContain(migrationChecksum(BROKEN))
      expect(diagnosis.edited).toEqual([])
      expect(nextSteps(diagnosis).join('\n')).not.toMatch(/edited|restore/i)
      expect(diagnosis.warnings.join('\n')).not.toMatch(/modified/)

      // Still useful: editing the applied (fixed) file afterwards is reported; Prisma's status stays silent.
      writeFileSync(join(dir, '20240102000000_broken', 'migration.sql'), `${FIXED}-- edited later\n`)
      expect((await ours.status(db.url, dir)).edited).toEqual(['20240102000000_broken'])
      await expectStatusAgreement(db.url, dir, { status: 'up-to-date', exit: 0 })
    },
    CLI_TIMEOUT
  )

  it(
    'an empty, a blank and a comment-only migration.sql are applied by both, with the same rows; the review does not block them',
    async () => {
      const files = {
        '20240101000000_init': INIT,
        '20240102000000_empty': '',
        '20240103000000_blank': '\n   \n',
        '20240104000000_comment': '-- This migration was intentionally left empty.\n/* nothing */\n'
      }
      const dir = makeMigrationsDir(files)
      const theirs = await createTestDatabase('or_empty_p')
      const cli = await prisma(['migrate', 'deploy'], { url: theirs.url, migrationsPath: dir })
      expect(cli.code).toBe(0)
      const mine = await createTestDatabase('or_empty_o')
      expect((await ours.deploy(mine.url, dir)).applied.map((a) => a.name)).toEqual(Object.keys(files))
      const shape = (rows: Awaited<ReturnType<typeof migrationRows>>): unknown[] =>
        rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count, r.finished_at !== null, r.logs])
      expect(shape(await migrationRows(mine.name))).toEqual(shape(await migrationRows(theirs.name)))
      expect((await migrationRows(mine.name))[1].checksum).toBe(migrationChecksum(''))

      const review = await reviewSql(Object.values(files).slice(1))
      expect(rulesOf(review)).not.toContain('parse-error')
      expect(gateDecision(review, false).allowed).toBe(true)
    },
    CLI_TIMEOUT
  )

  it(
    'multiSchema: tables only in `auth` (a datasource schema) and no history: both stop with P3005',
    async () => {
      const db = await createTestDatabase('or_multi')
      await query(db.name, 'CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY);')
      const project = makeProject({
        'prisma/schema.prisma': MULTI_SCHEMA,
        'prisma/migrations/migration_lock.toml': LOCKFILE,
        'prisma/migrations/20240101000000_init/migration.sql':
          'CREATE TABLE "public"."User" ("id" INTEGER NOT NULL PRIMARY KEY);\n'
      })
      const settings = await settingsFor(project)
      expect(settings.schemas).toEqual(['public', 'auth'])
      expect(settings.migrationsDir.path).toBe(join(project, 'prisma', 'migrations'))

      const cli = await prisma(['migrate', 'deploy'], {
        url: db.url,
        migrationsPath: settings.migrationsDir.path,
        schema: join(project, 'prisma', 'schema.prisma')
      })
      expect(cli.code).toBe(1)
      expect(cli.stderr).toContain('Error: P3005')
      const ourError = await ours
        .deploy(db.url, settings.migrationsDir.path, { schemas: settings.schemas })
        .catch((e: unknown) => e as MigrationRunError)
      expect(ourError).toMatchObject({ code: 'P3005' })
      expect(printed(cli)).toContain((ourError as Error).message)
      expect(await tablesIn(db.name)).toEqual([])
      const diagnosis = await ours.status(db.url, settings.migrationsDir.path, { schemas: settings.schemas })
      expect(diagnosis.tablesWithoutHistory).toEqual(['auth.users'])
    },
    CLI_TIMEOUT
  )

  it('a schema folder whose datasource lists schemas is read too (no code is run); a non-literal list is not used', async () => {
    const folder = makeProject({
      'prisma.config.ts':
        "import { defineConfig } from 'prisma/config'\nexport default defineConfig({ schema: 'db/schema' })\n",
      'db/schema/models/user.prisma': 'model User {\n  id Int @id\n  @@schema("public")\n}\n',
      'db/schema/base.prisma': MULTI_SCHEMA.replace(/model User[\s\S]*$/, '')
    })
    expect((await settingsFor(folder)).schemas).toEqual(['public', 'auth'])
    const computed = makeProject({
      'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  schemas = env("SCHEMAS")\n}\n'
    })
    const settings = await settingsFor(computed)
    expect(settings.schemas).toBeUndefined()
    expect(settings.layoutNotes.join('\n')).toContain('not a list of string literals')
  })

  it(
    '`tables.external` in prisma.config.ts: a database holding only an external table is deployed into by both',
    async () => {
      const external = ['public.legacy_users']
      const project = makeProject({
        'prisma.config.ts':
          "import { defineConfig } from 'prisma/config'\nexport default defineConfig({\n  experimental: { externalTables: true },\n  tables: {\n    // managed by another service\n    external: ['public.legacy_users'],\n  },\n})\n",
        'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n}\n',
        'prisma/migrations/migration_lock.toml': LOCKFILE,
        'prisma/migrations/20240101000000_init/migration.sql': INIT
      })
      const settings = await settingsFor(project)
      expect(settings.externalTables).toEqual(external)
      const dir = settings.migrationsDir.path

      const theirs = await createTestDatabase('or_ext_p')
      await query(theirs.name, 'CREATE TABLE legacy_users (id int);')
      const cli = await prisma(['migrate', 'deploy'], {
        url: theirs.url,
        migrationsPath: dir,
        externalTables: external
      })
      expect(cli.code).toBe(0)
      const mine = await createTestDatabase('or_ext_o')
      await query(mine.name, 'CREATE TABLE legacy_users (id int);')
      expect(
        (await ours.deploy(mine.url, dir, { externalTables: settings.externalTables })).applied.map(
          (a) => a.name
        )
      ).toEqual(['20240101000000_init'])
      expect(await tablesIn(mine.name)).toEqual(await tablesIn(theirs.name))
      // Without the config both refuse: the table is an ordinary one then.
      const plain = await createTestDatabase('or_ext_n')
      await query(plain.name, 'CREATE TABLE legacy_users (id int);')
      expect((await prisma(['migrate', 'deploy'], { url: plain.url, migrationsPath: dir })).stderr).toContain(
        'P3005'
      )
      await expect(ours.deploy(plain.url, dir)).rejects.toMatchObject({ code: 'P3005' })
    },
    CLI_TIMEOUT
  )

  it(
    'an applied migration whose directory (or only its migration.sql) was deleted, plus a new one: both deploy the new one; status reports the missing one',
    async () => {
      for (const variant of ['directory', 'file'] as const) {
        const theirs = await createTestDatabase(`or_gone_p_${variant}`)
        const mine = await createTestDatabase(`or_gone_o_${variant}`)
        const dir = makeMigrationsDir(TWO)
        await ours.deploy(theirs.url, dir)
        await ours.deploy(mine.url, dir)
        if (variant === 'directory') rmSync(join(dir, '20240102000000_add_post'), { recursive: true })
        else rmSync(join(dir, '20240102000000_add_post', 'migration.sql'))
        addMigration(dir, '20240103000000_add_name', 'ALTER TABLE "User" ADD COLUMN "name" TEXT;\n')

        const cliStatus = await prisma(['migrate', 'status'], { url: theirs.url, migrationsPath: dir })
        const diagnosis = await ours.status(mine.url, dir)
        expect(cliStatus.code).toBe(1)
        expect(diagnosis.prismaExitCode).toBe(1)
        if (variant === 'directory') {
          expect(cliStatus.stderr).toContain('20240102000000_add_post')
          expect(diagnosis.status).toBe('diverged')
          expect(diagnosis.missingLocally).toEqual(['20240102000000_add_post'])
        } else {
          expect(cliStatus.stderr).toContain('Error: P3015')
          expect(diagnosis.prismaStatusError).toMatchObject({ code: 'P3015' })
          expect(cliStatus.stderr).toContain(diagnosis.prismaStatusError!.message)
          expect(diagnosis.unreadableApplied).toEqual(['20240102000000_add_post'])
        }
        expect(diagnosis.pending.map((m) => m.name)).toEqual(['20240103000000_add_name'])

        const cliDeploy = await prisma(['migrate', 'deploy'], { url: theirs.url, migrationsPath: dir })
        expect(cliDeploy.code).toBe(0)
        expect((await ours.deploy(mine.url, dir)).applied.map((a) => a.name)).toEqual([
          '20240103000000_add_name'
        ])
        const names = async (name: string): Promise<string[]> =>
          (await migrationRows(name)).map((r) => r.migration_name)
        expect(await names(mine.name)).toEqual(await names(theirs.name))
      }
    },
    2 * CLI_TIMEOUT
  )

  it(
    'status on a database with tables but no history: Prisma lists the pending migration, deploy says P3005; our next step says P3005, not "will be applied"',
    async () => {
      const db = await createTestDatabase('or_nohist')
      await query(db.name, 'CREATE TABLE "Existing" (id int);')
      const dir = makeMigrationsDir({ '20240101000000_init': INIT })
      await expectStatusAgreement(db.url, dir, { status: 'pending', exit: 1 })
      expect((await prisma(['migrate', 'deploy'], { url: db.url, migrationsPath: dir })).stderr).toContain(
        'P3005'
      )
      const diagnosis = await ours.status(db.url, dir)
      expect(diagnosis.tablesWithoutHistory).toEqual(['public.Existing'])
      const steps = nextSteps(diagnosis).join('\n')
      expect(steps).toContain('P3005')
      expect(steps).toContain('resolve-applied: 20240101000000_init')
      expect(steps).not.toMatch(/will be applied/)
    },
    CLI_TIMEOUT
  )

  it(
    'migration_lock.toml naming another provider: resolve --rolled-back succeeds for both, resolve --applied stops with P3019 for both',
    async () => {
      const db = await createTestDatabase('or_lockres')
      const dir = makeMigrationsDir({ '20240101000000_init': INIT, '20240102000000_broken': BROKEN })
      await expect(ours.deploy(db.url, dir)).rejects.toMatchObject({ code: 'P3018' })
      const other = makeMigrationsDir(
        { '20240101000000_init': INIT, '20240102000000_broken': BROKEN },
        'provider = "mysql"\n'
      )
      const cliApplied = await prisma(['migrate', 'resolve', '--applied', '20240102000000_broken'], {
        url: db.url,
        migrationsPath: other
      })
      expect(cliApplied.code).toBe(1)
      expect(cliApplied.stderr).toContain('Error: P3019')
      const ourApplied = await ours
        .resolveApplied(db.url, other, '20240102000000_broken')
        .catch((e: unknown) => e)
      expect(ourApplied).toMatchObject({ code: 'P3019' })
      expect(cliApplied.stderr).toContain((ourApplied as Error).message)

      const project = makeProject({
        'prisma/migrations/migration_lock.toml': 'provider = "mysql"\n',
        'prisma/migrations/20240101000000_init/migration.sql': INIT,
        'prisma/migrations/20240102000000_broken/migration.sql': BROKEN
      })
      const read = readerFromMap({
        mode: 'migrate-resolve',
        'database-url': db.url,
        'resolve-rolled-back': '20240102000000_broken'
      })
      const env = { GITHUB_WORKSPACE: project }
      const common = readCommonSettings(read, env)
      const result = await runMigrateResolve(common, await readMigrateSettings(read, common))
      expect(result.failure).toBeUndefined()
      const [, row] = await migrationRows(db.name)
      expect(row.rolled_back_at).not.toBeNull()

      // Prisma agrees on a database in the same state.
      const again = await createTestDatabase('or_lockres2')
      await expect(ours.deploy(again.url, dir)).rejects.toMatchObject({ code: 'P3018' })
      const cliRolledBack = await prisma(['migrate', 'resolve', '--rolled-back', '20240102000000_broken'], {
        url: again.url,
        migrationsPath: other
      })
      expect(cliRolledBack.code).toBe(0)
      expect((await migrationRows(again.name))[1].rolled_back_at).not.toBeNull()
    },
    CLI_TIMEOUT
  )
})

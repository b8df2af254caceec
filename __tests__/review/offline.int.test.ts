import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitIn } from '../../__fixtures__/projects.js'
import { startGitHubApi, type GitHubApiStandIn } from '../../__fixtures__/github-api.js'
import { createOctokit } from '../../src/github/octokit.js'
import {
  findChangedMigrations,
  migrationName,
  parseNameStatusZ
} from '../../src/github/changed-migrations.js'
import { reviewChangedMigrations } from '../../src/review/offline.js'
import { defaultRuleSeverities } from '../../src/review/rule-settings.js'
import { RepositoryFiles } from '../../src/util/repo-files.js'

const DIR = 'prisma/migrations'
let repo: string

function git(...args: string[]): string {
  return gitIn(repo, ...args)
}
function write(name: string, sql: string): void {
  mkdirSync(join(repo, DIR, name), { recursive: true })
  writeFileSync(join(repo, DIR, name, 'migration.sql'), sql)
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'offline-'))
  git('init', '-q', '-b', 'main')
  write('20250101000000_init', 'CREATE TABLE "payers" ("id" SERIAL NOT NULL);\n')
  write('20250102000000_old', 'CREATE TABLE "reps" ("id" SERIAL NOT NULL);\n')
  writeFileSync(join(repo, DIR, 'migration_lock.toml'), 'provider = "postgresql"\n')
  git('add', '.')
  git('commit', '-q', '-m', 'base')
  git('checkout', '-q', '-b', 'feature')
  write('20250101000000_init', 'CREATE TABLE "payers" ("id" SERIAL NOT NULL, "name" TEXT);\n')
  rmSync(join(repo, DIR, '20250102000000_old'), { recursive: true })
  write(
    '20250201000000_drop',
    '/*\n  Warnings:\n\n  - You are about to drop the `payers` table. If the table is not empty, all the data it contains will be lost.\n\n*/\n-- DropTable\nDROP TABLE "payers";\n'
  )
  writeFileSync(join(repo, DIR, 'migration_lock.toml'), 'provider = "postgresql"\n# touched\n')
  git('add', '-A')
  git('commit', '-q', '-m', 'feature')
})

afterAll(() => rmSync(repo, { recursive: true, force: true }))

describe('offline review (no database)', () => {
  it('finds added, changed and deleted migrations from git history', async () => {
    const changed = await findChangedMigrations({
      workingDirectory: repo,
      migrationsDir: DIR,
      baseRef: 'main'
    })
    expect(changed).toEqual({
      added: ['20250201000000_drop'],
      modified: ['20250101000000_init'],
      deleted: ['20250102000000_old'],
      source: 'git',
      base: 'main'
    })
  })

  it('falls back to the PR files API when the base is not in the checkout', async () => {
    const api: GitHubApiStandIn = await startGitHubApi({
      login: null,
      pageSize: 2,
      prFiles: [
        { filename: 'README.md', status: 'modified' },
        { filename: `${DIR}/20250201000000_drop/migration.sql`, status: 'added' },
        { filename: `${DIR}/20250101000000_init/migration.sql`, status: 'modified' },
        {
          filename: `${DIR}/20250301000000_new/migration.sql`,
          status: 'renamed',
          previous_filename: `${DIR}/20250102000000_old/migration.sql`
        }
      ]
    })
    try {
      const octokit = await createOctokit('ghs_x', api.url)
      const changed = await findChangedMigrations({
        workingDirectory: repo,
        migrationsDir: DIR,
        baseRef: 'no-such-branch',
        octokit,
        pr: { owner: 'acme', repo: 'platform', number: 7 }
      })
      expect(changed).toMatchObject({
        added: ['20250201000000_drop', '20250301000000_new'],
        modified: ['20250101000000_init'],
        deleted: ['20250102000000_old'],
        source: 'api'
      })
      expect(api.requests.filter((r) => r.path === '/repos/acme/platform/pulls/7/files')).toHaveLength(2)
    } finally {
      await api.close()
    }
  })

  it('fails with a clear next step when neither git history nor the API is available', async () => {
    await expect(
      findChangedMigrations({ workingDirectory: repo, migrationsDir: DIR, baseRef: 'nope' })
    ).rejects.toMatchObject({ hint: expect.stringContaining('fetch-depth: 0') })
  })

  it('reviews what the PR adds, flags changes to existing migrations as errors, and says no database was compared', async () => {
    const changed = await findChangedMigrations({
      workingDirectory: repo,
      migrationsDir: DIR,
      baseRef: 'main'
    })
    const result = await reviewChangedMigrations({
      workingDirectory: repo,
      migrationsDir: DIR,
      changed,
      settings: { rules: defaultRuleSeverities() },
      files: new RepositoryFiles(repo)
    })
    expect(result.databaseCompared).toBe(false)
    expect(result.notes[0]).toContain('Nothing was compared with a database')
    expect(result.findings.map((f) => [f.migration, f.rule, f.severity])).toEqual([
      ['20250101000000_init', 'modified-migration', 'error'],
      ['20250201000000_drop', 'drop-table', 'error'],
      ['20250102000000_old', 'modified-migration', 'error']
    ])
    expect(result.unacknowledgedErrors).toHaveLength(3)
  })
})

describe('offline review paths: any working directory, any file name', () => {
  let mono: string
  const DROP = 'DROP TABLE "payers";\n'
  // Names git quotes without -z (non-ASCII, tab, newline, quote), and a folder that is a glob pattern.
  const NAMES = [
    '20250301000000_zahlungsempfänger_löschen',
    '20250302000000_tab\there',
    '20250303000000_new\nline"q'
  ]
  const APP = 'apps/caisse-été'
  const MIGRATIONS = 'prisma/[x]migrations'

  beforeAll(() => {
    mono = mkdtempSync(join(tmpdir(), 'offline-mono-'))
    gitIn(mono, 'init', '-q', '-b', 'main')
    mkdirSync(join(mono, APP, MIGRATIONS, '20250101000000_init'), { recursive: true })
    writeFileSync(
      join(mono, APP, MIGRATIONS, '20250101000000_init', 'migration.sql'),
      'CREATE TABLE "payers" ("id" INT);\n'
    )
    // The same layout at the root, so that paths resolved against the wrong folder would find something.
    mkdirSync(join(mono, MIGRATIONS), { recursive: true })
    gitIn(mono, 'add', '.')
    gitIn(mono, 'commit', '-q', '-m', 'base')
    gitIn(mono, 'checkout', '-q', '-b', 'feature')
    for (const name of NAMES) {
      mkdirSync(join(mono, APP, MIGRATIONS, name))
      writeFileSync(join(mono, APP, MIGRATIONS, name, 'migration.sql'), DROP)
    }
    gitIn(mono, 'add', '-A')
    gitIn(mono, 'commit', '-q', '-m', 'feature')
  })

  afterAll(() => rmSync(mono, { recursive: true, force: true }))

  it('finds every added migration from a working directory below the top level, whatever its name', async () => {
    const wd = join(mono, APP)
    // relative and absolute spellings of the migrations folder, as the settings and tests pass them
    for (const migrationsDir of [MIGRATIONS, join(wd, MIGRATIONS)]) {
      const changed = await findChangedMigrations({ workingDirectory: wd, migrationsDir, baseRef: 'main' })
      expect(changed).toMatchObject({ source: 'git', added: [...NAMES].sort(), modified: [], deleted: [] })
    }
    const changed = await findChangedMigrations({
      workingDirectory: wd,
      migrationsDir: MIGRATIONS,
      baseRef: 'main'
    })
    const result = await reviewChangedMigrations({
      workingDirectory: wd,
      migrationsDir: join(wd, MIGRATIONS),
      changed,
      settings: { rules: defaultRuleSeverities() },
      files: new RepositoryFiles(mono)
    })
    expect(result.findings.filter((f) => f.rule === 'drop-table').map((f) => f.file)).toEqual(
      [...NAMES].sort().map((name) => `${MIGRATIONS}/${name}/migration.sql`)
    )
  })

  it('reads the pull request files API relative to the repository root, from any working directory', async () => {
    const api = await startGitHubApi({
      login: null,
      prFiles: [
        { filename: `${MIGRATIONS}/20250401000000_at_the_root/migration.sql`, status: 'added' },
        { filename: `${APP}/${MIGRATIONS}/${NAMES[0]}/migration.sql`, status: 'added' },
        { filename: `${APP}/${MIGRATIONS}/20250101000000_init/migration.sql`, status: 'modified' }
      ]
    })
    try {
      const changed = await findChangedMigrations({
        workingDirectory: join(mono, APP),
        migrationsDir: MIGRATIONS,
        baseRef: 'no-such-base',
        octokit: await createOctokit('ghs_x', api.url),
        pr: { owner: 'acme', repo: 'platform', number: 9 }
      })
      expect(changed).toMatchObject({ source: 'api', added: [NAMES[0]], modified: ['20250101000000_init'] })
    } finally {
      await api.close()
    }
  })

  it('parses NUL-separated name-status output verbatim', () => {
    expect(parseNameStatusZ('A\0a/b c\td\né/migration.sql\0M\0x\0')).toEqual([
      { status: 'A', path: 'a/b c\td\né/migration.sql' },
      { status: 'M', path: 'x' }
    ])
    expect(migrationName('p/m/n/migration.sql', 'p/m')).toBe('n')
    expect(migrationName('p/mx/n/migration.sql', 'p/m')).toBeUndefined()
    expect(migrationName('p/m/../migration.sql', 'p/m')).toBeUndefined()
    expect(migrationName('n/migration.sql', '')).toBe('n')
  })
})

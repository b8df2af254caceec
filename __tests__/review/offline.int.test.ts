import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGitHubApi, type GitHubApiStandIn } from '../../__fixtures__/github-api.js'
import { createOctokit } from '../../src/github/octokit.js'
import { findChangedMigrations, reviewChangedMigrations } from '../../src/review/offline.js'
import { defaultRuleSeverities } from '../../src/review/settings.js'
import { RepositoryFiles } from '../../src/util/repo-files.js'

const DIR = 'prisma/migrations'
let repo: string

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t'
    }
  })
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

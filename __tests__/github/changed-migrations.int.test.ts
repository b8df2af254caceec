/**
 * `findChangedMigrations` with only a token: the pull request comes from the event payload (or the caller), the
 * file list from the API stand-in when the checkout lacks the base, and git history when it has it.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitIn } from '../../__fixtures__/projects.js'
import { startGitHubApi, type GitHubApiStandIn } from '../../__fixtures__/github-api.js'
import { findChangedMigrations } from '../../src/github/changed-migrations.js'

const DIR = 'prisma/migrations'
const TOKEN = 'ghs_changedMigrationsToken0123456789'
const ENV_KEYS = [
  'GITHUB_EVENT_NAME',
  'GITHUB_EVENT_PATH',
  'GITHUB_REPOSITORY',
  'GITHUB_API_URL',
  'GITHUB_WORKSPACE'
] as const
let repo: string
let saved: Partial<Record<(typeof ENV_KEYS)[number], string>>
let api: GitHubApiStandIn | undefined

function git(...args: string[]): string {
  return gitIn(repo, ...args)
}

function addMigration(name: string): void {
  mkdirSync(join(repo, DIR, name), { recursive: true })
  writeFileSync(join(repo, DIR, name, 'migration.sql'), 'CREATE TABLE "t" ("id" INT);\n')
}

/** A `pull_request` event for acme/platform#`number` with base `baseSha`, as the runner writes it. */
function writeEvent(number: number, baseSha: string): void {
  const path = join(repo, '..', `${repo.split('/').pop()}-event.json`)
  writeFileSync(
    path,
    JSON.stringify({
      pull_request: { number, base: { ref: 'main', sha: baseSha }, head: { sha: 'b'.repeat(40) } },
      repository: { full_name: 'acme/platform' }
    })
  )
  process.env.GITHUB_EVENT_NAME = 'pull_request'
  process.env.GITHUB_EVENT_PATH = path
  process.env.GITHUB_REPOSITORY = 'acme/platform'
}

let mainSha: string

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'changed-'))
  git('init', '-q', '-b', 'main')
  addMigration('20250101000000_init')
  git('add', '.')
  git('commit', '-q', '-m', 'base')
  mainSha = git('rev-parse', 'HEAD')
  git('checkout', '-q', '-b', 'feature')
  addMigration('20250201000000_added')
  git('add', '.')
  git('commit', '-q', '-m', 'feature')
})

afterAll(() => rmSync(repo, { recursive: true, force: true }))

beforeEach(() => {
  saved = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]))
  delete process.env.GITHUB_WORKSPACE
})

afterEach(async () => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key]
    else process.env[key] = saved[key]
  }
  await api?.close()
  api = undefined
  rmSync(join(repo, '..', `${repo.split('/').pop()}-event.json`), { force: true })
})

describe('findChangedMigrations with a token', () => {
  it("lists the event's pull request files through the API when its base is not in the checkout", async () => {
    api = await startGitHubApi({
      prFiles: [
        { filename: `${DIR}/20250301000000_from_api/migration.sql`, status: 'added' },
        { filename: `${DIR}/20250101000000_init/migration.sql`, status: 'modified' }
      ]
    })
    process.env.GITHUB_API_URL = api.url
    writeEvent(12, 'c'.repeat(40))
    const changed = await findChangedMigrations({ workingDirectory: repo, migrationsDir: DIR, token: TOKEN })
    expect(changed).toEqual({
      added: ['20250301000000_from_api'],
      modified: ['20250101000000_init'],
      deleted: [],
      source: 'api',
      base: "pull request #12's base"
    })
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/platform/pulls/12/files'
    ])
    expect(api.requests[0].authorization).toBe(`token ${TOKEN}`)
  })

  it('uses git history for the base the event names, without asking the API', async () => {
    api = await startGitHubApi({ prFiles: [] })
    process.env.GITHUB_API_URL = api.url
    writeEvent(12, mainSha)
    const changed = await findChangedMigrations({ workingDirectory: repo, migrationsDir: DIR, token: TOKEN })
    expect(changed).toEqual({
      added: ['20250201000000_added'],
      modified: [],
      deleted: [],
      source: 'git',
      base: mainSha
    })
    expect(api.requests).toEqual([])
  })

  it("takes the caller's pull request and its base over the event's", async () => {
    api = await startGitHubApi({
      prFiles: [{ filename: `${DIR}/20250401000000_callers_pr/migration.sql`, status: 'added' }]
    })
    process.env.GITHUB_API_URL = api.url
    // The event names another pull request, with a base the checkout has: neither is used.
    writeEvent(99, mainSha)
    const pr = { owner: 'acme', repo: 'platform', number: 12 }
    const viaApi = await findChangedMigrations({
      workingDirectory: repo,
      migrationsDir: DIR,
      token: TOKEN,
      pr: { ...pr, baseSha: 'c'.repeat(40) }
    })
    expect(viaApi).toMatchObject({ added: ['20250401000000_callers_pr'], source: 'api' })
    expect(api.requests.map((r) => r.path)).toEqual(['/repos/acme/platform/pulls/12/files'])
    writeEvent(99, 'c'.repeat(40))
    const viaGit = await findChangedMigrations({
      workingDirectory: repo,
      migrationsDir: DIR,
      token: TOKEN,
      pr: { ...pr, baseSha: mainSha }
    })
    expect(viaGit).toEqual({
      added: ['20250201000000_added'],
      modified: [],
      deleted: [],
      source: 'git',
      base: mainSha
    })
  })

  it('refuses a migrations folder outside the repository, and takes one reached through a link to inside', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'changed-outside-'))
    try {
      await expect(
        findChangedMigrations({ workingDirectory: repo, migrationsDir: outside, baseRef: 'main' })
      ).rejects.toThrow(`The migrations folder ${outside} is outside the git repository at `)
      // A link to the repository: the folder is inside once both are resolved, as git reports its top level.
      symlinkSync(repo, join(outside, 'link'))
      const changed = await findChangedMigrations({
        workingDirectory: repo,
        migrationsDir: join(outside, 'link', DIR),
        baseRef: 'main'
      })
      expect(changed).toMatchObject({ added: ['20250201000000_added'], source: 'git' })
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })

  it('fails naming the base when there is no pull request to ask the API about', async () => {
    await expect(
      findChangedMigrations({ workingDirectory: repo, migrationsDir: DIR, baseRef: 'nope', token: TOKEN })
    ).rejects.toThrow('the base `nope` is not in the checkout')
  })
})

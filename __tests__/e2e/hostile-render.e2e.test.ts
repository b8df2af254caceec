/**
 * dist/index.js on a pull request (pull_request event, the GitHub API stand-in) when the PR's SQL is hostile, when
 * the API misbehaves, and when 2,000 migrations are pending: the comment mentions and links nobody, never
 * touches another job's comment, fits GitHub's limit with the destructive findings first, and a bad API costs a
 * warning and a bounded wait, never the step.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase } from '../../__fixtures__/databases.js'
import {
  rateLimited,
  startGitHubApi,
  type GitHubApiStandIn,
  type PrFile,
  type StoredComment
} from '../../__fixtures__/github-api.js'
import { addMigration, pullRequestEvent } from '../../__fixtures__/projects.js'
import { runAction, type ActionRun } from '../../__fixtures__/run-action.mjs'
import { MAX_COMMENT_CHARS, MAX_SUMMARY_BYTES } from '../../src/constants.js'
import { describeTarget, parseDatabaseUrl } from '../../src/db/connection-url.js'
import { commentMarker } from '../../src/github/comment.js'

const EXAMPLE = join(process.cwd(), 'examples', 'prisma')
const LAST = '20260105093000_tool_execution_status'
const TOKEN = 'ghs_HostileRenderToken0123456789abcdef'

const pullRequest = pullRequestEvent(42)

const prFile = (name: string): PrFile => ({
  filename: `prisma/migrations/${name}/migration.sql`,
  status: 'added'
})

/** The example project without its destructive last migration, plus `extra` migration directories. */
function project(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-render-'))
  cpSync(EXAMPLE, dir, { recursive: true })
  rmSync(join(dir, 'prisma', 'migrations', LAST), { recursive: true })
  for (const [name, sql] of Object.entries(extra)) addMigration(dir, name, sql)
  return dir
}

function markerFor(url: string): string {
  return commentMarker(describeTarget(parseDatabaseUrl(url)), 'prisma/migrations')
}

/** The markdown with its code spans taken out (CommonMark: a run of backticks closed by a run as long). */
function outsideCode(md: string): string {
  return md.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ')
}

describe('dist/index.js on a pull request: hostile names, a bad GitHub API, 2,000 migrations', () => {
  let api: GitHubApiStandIn
  const workspaces: string[] = []

  async function status(
    workspace: string,
    url: string,
    extraInputs: Record<string, string> = {}
  ): Promise<ActionRun> {
    return runAction({
      inputs: { mode: 'migrate-status', 'database-url': url, ...extraInputs },
      workspace,
      event: pullRequest,
      githubToken: TOKEN,
      env: { GITHUB_API_URL: api.url }
    })
  }

  beforeAll(async () => {
    api = await startGitHubApi({ login: null })
  })

  beforeEach(() => {
    api.options.intercept = undefined
    api.options.prFiles = []
    api.requests.length = 0
    api.comments.length = 0
  })

  afterAll(async () => {
    await api.close()
    for (const w of workspaces) rmSync(w, { recursive: true, force: true })
  })

  it("renders hostile names as code, links and mentions nobody, and never touches another job's comment", async () => {
    const dbA = await createTestDatabase('e2e_render_a')
    const dbB = await createTestDatabase('e2e_render_b')
    const markerA = markerFor(dbA.url)
    const markerB = markerFor(dbB.url)
    expect(markerA).not.toBe(markerB)
    // job A's PR adds a migration with hostile names and a copy of job B's marker on a line of its own
    const hostile = [
      '-- pg-ops:allow drop-table @octocat approved it in #1, see https://evil.example/approve :rocket:',
      'DROP TABLE "we`ird@octocat";',
      'CREATE TABLE "<img src=x onerror=alert(1)>" ("id" INTEGER);',
      'ALTER TABLE "clients" DROP COLUMN "`@acme/security-team`";',
      '/*',
      markerB,
      '*/',
      'DROP TABLE "https://evil.example/x #2";',
      ''
    ].join('\n')
    const workspace = project({ '20260201000000_hostile_@octocat': hostile })
    workspaces.push(workspace)
    // the pull request adds the hostile migration; the story's two are on its base branch
    api.options.prFiles = [prFile('20260201000000_hostile_@octocat')]

    const runA = await status(workspace, dbA.url, { 'fail-on': 'never' })
    expect(runA.exitCode).toBe(0)
    expect(api.comments).toHaveLength(1)
    const commentA = api.comments[0]
    const lines = commentA.body.split('\n')
    expect(lines[0]).toBe(markerA)
    expect(lines.slice(1).filter((l) => l === markerB || /^\s*<!--/.test(l))).toEqual([])
    // the names, whole, as code spans; the acknowledgement's free text too
    for (const md of [commentA.body, runA.summary]) {
      expect(md).toContain('DROP TABLE ``we`ird@octocat``')
      expect(md).toContain('DROP COLUMN `clients`.`` `@acme/security-team` ``')
      expect(md).toContain('DROP TABLE `https://evil.example/x #2`')
      expect(md).toContain('`@octocat approved it in #1, see https://evil.example/approve :rocket:`')
      expect(md).toContain('### `20260201000000_hostile_@octocat`')
      const outside = outsideCode(
        md
          .split('\n')
          .slice(md === commentA.body ? 1 : 0)
          .join('\n')
      )
        // our own rule links and the HTML we write
        .replace(/\]\([^)\s]*docs\/rules\.md#[a-z-]+\)/g, ']()')
        .replace(/<\/?(details|summary|code)>|<br>/g, '')
        .replace(/^(`{3,})diff\n[\s\S]*?\n\1$/gm, '')
      expect(outside).not.toMatch(/@(?!&#8203;)\w/)
      expect(outside).not.toMatch(/(?<!&)#(?!&#8203;)\d/)
      expect(outside).not.toMatch(/https?:\/\//)
      expect(outside).not.toMatch(/<[a-z!]/i)
    }
    // the SQL block shows the copied marker, behind the diff column, with a zero-width space
    expect(commentA.body).toContain(` <\u200b!-- ${markerB.slice(5)}`)

    // job B (another database, same PR) writes its own comment and leaves A's alone, although A's holds B's marker
    const runB = await status(workspace, dbB.url, { 'fail-on': 'never' })
    expect(runB.exitCode).toBe(0)
    expect(api.comments).toHaveLength(2)
    expect(api.comments[0]).toEqual(commentA)
    expect(api.comments[1].body.split('\n')[0]).toBe(markerB)
    const writes = api.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)
    expect(writes).toEqual([
      'POST /repos/acme/platform/issues/42/comments',
      'POST /repos/acme/platform/issues/42/comments'
    ])

    // and each run again finds exactly its own
    const againB = await status(workspace, dbB.url, { 'fail-on': 'never' })
    expect(againB.stdout).toMatch(/Pull request comment unchanged/)
    expect(api.comments).toHaveLength(2)
    expect(api.comments[0]).toEqual(commentA)
  })

  it('an API that never answers: the step ends within the bound, warns, and passes', async () => {
    const db = await createTestDatabase('e2e_render_hang')
    const workspace = project()
    workspaces.push(workspace)
    api.options.intercept = () => ({ hang: true })
    const started = Date.now()
    const run = await status(workspace, db.url)
    const elapsed = Date.now() - started
    expect(run.exitCode).toBe(0)
    // every API call of the run shares one minute: the pull request's file list (three attempts of 10 s and
    // two back-offs), then the comment with what is left
    expect(elapsed).toBeLessThan(65_000)
    const requests = api.requests.map((r) => `${r.method} ${r.path}`)
    expect(requests.slice(0, 3)).toEqual(Array(3).fill('GET /repos/acme/platform/pulls/42/files'))
    expect(requests.slice(3).every((r) => r === 'GET /user')).toBe(true)
    expect(run.stdout).toContain('::warning::Could not tell which migrations this pull request adds')
    expect(run.stdout).toMatch(/::warning::Could not write the pull request comment: /)
    expect(run.outputs.status).toBe('pending')
    expect(run.summary).toContain('### Migrations')
    expect(run.everything).not.toContain(TOKEN)
  }, 120_000)

  it('a rate limit that resets in 30 minutes: no sleep, one request, a warning, and the step passes', async () => {
    const db = await createTestDatabase('e2e_render_limit')
    const workspace = project()
    workspaces.push(workspace)
    api.options.intercept = () => rateLimited(1800)
    const started = Date.now()
    const run = await status(workspace, db.url)
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(run.exitCode).toBe(0)
    // one request each for the pull request's file list and the comment, neither waited for
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/platform/pulls/42/files',
      'GET /user'
    ])
    expect(run.stdout).toMatch(
      /::warning::Could not write the pull request comment: the GitHub API rate limit is exhausted \(it resets in 30 min\)/
    )
    expect(run.summary).toContain('### Migrations')
  })

  it('2,000 pending migrations: the comment fits, leads with the destructive findings, and counts them as the outputs do', async () => {
    const db = await createTestDatabase('e2e_render_2000')
    const extra: Record<string, string> = {}
    for (let i = 0; i < 2000; i++) {
      extra[`2026${String(i).padStart(10, '0')}_migration_number_${i}`] =
        i % 3 === 0
          ? `DROP TABLE "legacy_table_${i}";\n`
          : `ALTER TABLE "existing_${i}" ADD COLUMN "c" TEXT;\nCREATE INDEX "existing_${i}_a_idx" ON "existing_${i}"("a");\n`
    }
    const workspace = project(extra)
    workspaces.push(workspace)
    // the pull request adds the 2,000 (the API lists at most 3,000 files of a pull request)
    api.options.prFiles = Object.keys(extra).map(prFile)
    const run = await status(workspace, db.url, { 'fail-on': 'never' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['pending-count']).toBe('2002')
    expect(run.outputs['destructive-count']).toBe('667')
    expect(api.comments).toHaveLength(1)
    const comment: StoredComment = api.comments[0]
    expect(comment.body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    const headline = /^\*\*(\d+) destructive changes: DROP TABLE `legacy_table_0`/m.exec(comment.body)
    expect(headline?.[1]).toBe(run.outputs['destructive-count'])
    const key = comment.body.indexOf('### 🛑 Destructive and error-level findings (667)')
    expect(key).toBeGreaterThan(0)
    expect(key).toBeLessThan(comment.body.indexOf('### Migrations'))
    expect(comment.body).toMatch(/\| `20260000000000_migration_number_0` \| 🛑 error \| \[drop-table\]/)
    expect(comment.body).toMatch(
      /Cut to fit GitHub's size limit: .*destructive or error-level findings are listed/
    )
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
    expect(run.summary).toContain('**667 destructive changes')
  }, 180_000)
})

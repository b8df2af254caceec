/**
 * The comment upsert against the GitHub API stand-in on a bad day: an API that never answers, a body that stops
 * half-way, 5xx answers, rate limits with a far reset. A comment is best effort: every case ends within the bounds,
 * as a warning, and never with a duplicate or a foreign comment edited.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  rateLimited,
  secondaryRateLimited,
  seedComment,
  serverError,
  startGitHubApi,
  type GitHubApiStandIn,
  type Interception,
  type RecordedRequest
} from '../../__fixtures__/github-api.js'
import { ACTIONS_BOT_LOGIN, commentMarker, upsertStickyComment } from '../../src/github/comment.js'
import { API_BOUNDS, createOctokit, type ApiBounds } from '../../src/github/octokit.js'
import { findChangedMigrations } from '../../src/github/changed-migrations.js'

const TOKEN = 'ghs_boundsTestToken0123456789'
const marker = commentMarker('postgresql://***@db.example:5432/app', 'prisma/migrations')
/** The production bounds, shrunk so that a test takes a second: same shape, same rules. */
const FAST: ApiBounds = { requestTimeoutMs: 300, totalMs: 3000, maxRateLimitWaitSec: 15, retryBaseMs: 50 }
/**
 * For tests that write: the throttling plugin spaces comment writes 3 s apart across the whole process (its
 * limiter groups are module-wide), so a write can wait on the previous test's.
 */
const WRITES: ApiBounds = { ...FAST, totalMs: 10_000 }
let api: GitHubApiStandIn
let printed: string[]

function upsert(bounds: ApiBounds = FAST): ReturnType<typeof upsertStickyComment> {
  return upsertStickyComment({
    token: TOKEN,
    apiUrl: api.url,
    owner: 'acme',
    repo: 'platform',
    issueNumber: 7,
    marker,
    body: `${marker}\nreport`,
    bounds
  })
}

/** Answers `interception` to requests matching `method path` (the first `times` of them, or all). */
function on(
  method: string,
  path: RegExp,
  interception: Interception,
  times = Infinity
): (r: RecordedRequest) => Interception | undefined {
  let n = 0
  return (r) => (r.method === method && path.test(r.path) && n++ < times ? interception : undefined)
}

const calls = (): string[] => api.requests.map((r) => `${r.method} ${r.path}`)

beforeEach(() => {
  printed = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk))
    return true
  })
})

afterEach(async () => {
  jest.restoreAllMocks()
  await api?.close()
})

describe('comment upsert bounds', () => {
  it('gives up on an API that never answers: three timed-out attempts, then a warning, no comment', async () => {
    api = await startGitHubApi({ intercept: () => ({ hang: true }) })
    const started = Date.now()
    const result = await upsert()
    expect(Date.now() - started).toBeLessThan(FAST.totalMs)
    expect(result.action).toBe('skipped')
    expect(result.warning).toContain('the GitHub API did not answer GET /user within 0.3 s')
    expect(calls()).toEqual(['GET /user', 'GET /user', 'GET /user'])
    expect(printed.join('')).toContain('::warning::Could not write the pull request comment')
    expect(printed.join('')).not.toContain(TOKEN)
  })

  it('stops at the total bound even while a retry is still due', async () => {
    api = await startGitHubApi({ intercept: () => ({ hang: true }) })
    const started = Date.now()
    const result = await upsert({ ...FAST, totalMs: 500, retryBaseMs: 5000 })
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(450)
    expect(elapsed).toBeLessThan(1500)
    expect(result.warning).toContain('GitHub API calls stopped after 0.5 s')
  })

  it('reads a comment list that stops half-way as a failure, not as an empty list (no duplicate comment)', async () => {
    api = await startGitHubApi({
      intercept: on('GET', /\/issues\/7\/comments$/, { stallBody: true })
    })
    seedComment(api, 7, ACTIONS_BOT_LOGIN, `${marker}\nold report`)
    const result = await upsert()
    expect(result.action).toBe('skipped')
    expect(calls().filter((c) => c.startsWith('POST') || c.startsWith('PATCH'))).toEqual([])
    expect(api.comments.map((c) => c.body)).toEqual([`${marker}\nold report`])
  })

  it('retries 5xx answers twice with back-off and then writes the comment', async () => {
    api = await startGitHubApi({ intercept: on('GET', /^\/user$/, serverError(502), 2) })
    expect(await upsert(WRITES)).toMatchObject({ action: 'created' })
    expect(calls()).toEqual([
      'GET /user',
      'GET /user',
      'GET /user',
      'GET /repos/acme/platform/issues/7/comments',
      'POST /repos/acme/platform/issues/7/comments'
    ])
  })

  it('warns after three 5xx answers to the write, writing nothing', async () => {
    api = await startGitHubApi({ intercept: on('POST', /\/comments$/, serverError(503)) })
    const result = await upsert(WRITES)
    expect(result.warning).toContain('Server Error')
    expect(result.action).toBe('skipped')
    expect(calls().filter((c) => c.startsWith('POST'))).toHaveLength(3)
    expect(api.comments).toHaveLength(0)
  })

  it('does not sleep through a primary rate limit that resets in 30 minutes (real bounds)', async () => {
    api = await startGitHubApi({ intercept: () => rateLimited(1800) })
    const started = Date.now()
    const result = await upsert(API_BOUNDS)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(result.action).toBe('skipped')
    expect(result.warning).toMatch(/rate limit is exhausted \(it resets in 30 min\)/)
    // one request: the retry plugin leaves 403 alone and the throttling plugin declines the 30-minute wait
    expect(calls()).toEqual(['GET /user'])
  })

  it('does not wait out a secondary rate limit (429) that asks for 30 minutes', async () => {
    api = await startGitHubApi({
      login: 'ops-bot',
      intercept: on('POST', /\/comments$/, secondaryRateLimited(1800, 429))
    })
    const started = Date.now()
    const result = await upsert(API_BOUNDS)
    expect(Date.now() - started).toBeLessThan(4000)
    expect(result.warning).toMatch(/rate limit is exhausted \(it resets in 30 min\)/)
    expect(calls().filter((c) => c.startsWith('POST'))).toHaveLength(1)
  })

  it('waits out a short secondary rate limit once, then writes', async () => {
    api = await startGitHubApi({ intercept: on('POST', /\/comments$/, secondaryRateLimited(1), 1) })
    expect(await upsert(WRITES)).toMatchObject({ action: 'created' })
    const posts = api.requests.filter((r) => r.method === 'POST')
    expect(posts).toHaveLength(2)
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(900)
    expect(printed.join('')).toContain('secondary rate limit hit for POST')
  })

  it('bounds the offline review file listing too: a hung API fails the listing with a message that says so', async () => {
    api = await startGitHubApi({ intercept: () => ({ hang: true }) })
    const octokit = await createOctokit(TOKEN, api.url, FAST)
    const started = Date.now()
    await expect(
      findChangedMigrations({
        workingDirectory: process.cwd(),
        migrationsDir: 'prisma/migrations',
        octokit,
        pr: { owner: 'acme', repo: 'platform', number: 7 }
      })
    ).rejects.toThrow('the GitHub API did not answer GET /repos/acme/platform/pulls/7/files within 0.3 s')
    expect(Date.now() - started).toBeLessThan(FAST.totalMs + 500)
  })
})

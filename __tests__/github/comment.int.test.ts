import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { startGitHubApi, seedComment, type GitHubApiStandIn } from '../../__fixtures__/github-api.js'
import {
  ACTIONS_BOT_LOGIN,
  commentMarker,
  isStickyComment,
  upsertStickyComment
} from '../../src/github/comment.js'

const TOKEN = 'ghs_testtoken123456'
const marker = commentMarker('postgresql://***@db.example:5432/app', 'prisma/migrations')
let api: GitHubApiStandIn

function upsert(
  body: string,
  extra: Partial<Parameters<typeof upsertStickyComment>[0]> = {}
): ReturnType<typeof upsertStickyComment> {
  return upsertStickyComment({
    token: TOKEN,
    apiUrl: api.url,
    owner: 'acme',
    repo: 'platform',
    issueNumber: 7,
    marker,
    body: `${marker}\n${body}`,
    ...extra
  })
}

const writes = (): string[] =>
  api.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)

afterEach(async () => {
  await api?.close()
})

describe('sticky PR comment (against the GitHub API stand-in)', () => {
  it('creates the comment once, then updates it in place, and makes no write when the body is unchanged', async () => {
    api = await startGitHubApi({ login: null })
    expect(await upsert('report v1')).toMatchObject({ action: 'created' })
    expect(await upsert('report v2')).toMatchObject({ action: 'updated' })
    expect(await upsert('report v2')).toMatchObject({ action: 'unchanged' })
    expect(api.comments).toHaveLength(1)
    expect(api.comments[0].body).toBe(`${marker}\nreport v2`)
    expect(writes()).toEqual([
      'POST /repos/acme/platform/issues/7/comments',
      `PATCH /repos/acme/platform/issues/comments/${api.comments[0].id}`
    ])
    expect(api.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true)
  })

  it("falls back to github-actions[bot] when GET /user is forbidden (GITHUB_TOKEN), and never edits someone else's comment", async () => {
    api = await startGitHubApi({ login: null })
    const foreign = seedComment(api, 7, 'mallory', `${marker}\nquoted by a human`)
    const ours = seedComment(api, 7, ACTIONS_BOT_LOGIN, `${marker}\nold report`)
    expect(await upsert('new report')).toMatchObject({ action: 'updated' })
    expect(api.comments.find((c) => c.id === foreign.id)?.body).toBe(`${marker}\nquoted by a human`)
    expect(api.comments.find((c) => c.id === ours.id)?.body).toBe(`${marker}\nnew report`)
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/user' })
  })

  it("uses the token's own login (a PAT or app token) and finds its comment across pages", async () => {
    api = await startGitHubApi({ login: 'ops-bot', pageSize: 2 })
    for (let i = 0; i < 5; i++) seedComment(api, 7, 'someone', `comment ${i}`)
    seedComment(api, 7, ACTIONS_BOT_LOGIN, `${marker}\nwritten by another token`)
    const mine = seedComment(api, 7, 'ops-bot', `${marker}\nold`)
    expect(await upsert('new')).toMatchObject({ action: 'updated' })
    expect(api.comments.find((c) => c.id === mine.id)?.body).toBe(`${marker}\nnew`)
    expect(
      api.requests.filter((r) => r.path.endsWith('/issues/7/comments') && r.method === 'GET').length
    ).toBe(4)
  })

  it("matches the marker only as the first line of our own comment: a marker copied into another job's report is not ours", async () => {
    api = await startGitHubApi({ login: null })
    const otherJob = commentMarker('postgresql://***@db.example:5432/billing', 'prisma/migrations')
    // the other job's report renders a migration whose SQL holds a copy of this job's marker
    const otherBody = `${otherJob}\n## Prisma migrations\n\n\`\`\`diff\n ${marker}\n\`\`\`\n${marker}\n`
    const other = seedComment(api, 7, ACTIONS_BOT_LOGIN, otherBody)
    const quoted = seedComment(api, 7, ACTIONS_BOT_LOGIN, ` ${marker}\nindented, not the marker line`)
    expect(await upsert('this job')).toMatchObject({ action: 'created' })
    expect(api.comments.find((c) => c.id === other.id)?.body).toBe(otherBody)
    expect(api.comments.find((c) => c.id === quoted.id)?.body).toBe(
      ` ${marker}\nindented, not the marker line`
    )
    expect(api.comments.at(-1)?.body).toBe(`${marker}\nthis job`)
    // and the next run finds exactly that one
    expect(await upsert('this job, again')).toMatchObject({ action: 'updated' })
    expect(api.comments).toHaveLength(3)
    expect(isStickyComment(api.comments[0], ACTIONS_BOT_LOGIN, marker)).toBe(false)
  })

  it('finds its comment when GitHub stored it with CRLF line ends, and puts the marker first when the body lacks it', async () => {
    api = await startGitHubApi({ login: null })
    const ours = seedComment(api, 7, ACTIONS_BOT_LOGIN, `${marker}\r\nreport\r\n`)
    expect(await upsert('report')).toMatchObject({ action: 'unchanged' })
    expect(
      await upsertStickyComment({
        token: TOKEN,
        apiUrl: api.url,
        owner: 'acme',
        repo: 'platform',
        issueNumber: 7,
        marker,
        body: `report without the marker\n${marker}`
      })
    ).toMatchObject({ action: 'updated' })
    expect(api.comments.find((c) => c.id === ours.id)?.body).toBe(
      `${marker}\nreport without the marker\n${marker}`
    )
  })

  it('keeps separate comments per database and migrations dir', async () => {
    api = await startGitHubApi({ login: null })
    const other = commentMarker('postgresql://***@db.example:5432/app', 'apps/billing/prisma/migrations')
    expect(other).not.toBe(marker)
    expect(marker).toMatch(/^<!-- prisma-postgres-ops-action:migrate-status:[0-9a-f]{16} -->$/)
    await upsert('a')
    await upsertStickyComment({
      token: TOKEN,
      apiUrl: api.url,
      owner: 'acme',
      repo: 'platform',
      issueNumber: 7,
      marker: other,
      body: 'b'
    })
    expect(api.comments.map((c) => c.body)).toEqual([`${marker}\na`, `${other}\nb`])
  })

  it('turns a 403 (fork PR, read-only token) into a warning without the token in it', async () => {
    api = await startGitHubApi({ login: null, readOnly: true })
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      const result = await upsert('report')
      expect(result.action).toBe('skipped')
      expect(result.warning).toContain('HTTP 403')
      expect(result.warning).toContain('job summary')
      const printed = write.mock.calls.map((c) => String(c[0])).join('')
      expect(printed).toContain('::warning::Could not write the pull request comment')
      expect(printed).not.toContain(TOKEN)
    } finally {
      write.mockRestore()
    }
    expect(api.comments).toHaveLength(0)
  })
})

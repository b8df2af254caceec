import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getPullRequestContext } from '../../src/github/context.js'

function eventFile(payload: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
  writeFileSync(path, JSON.stringify(payload))
  return path
}

describe('getPullRequestContext', () => {
  const payload = {
    pull_request: { number: 42, base: { ref: 'main', sha: 'b'.repeat(40) }, head: { sha: 'h'.repeat(40) } }
  }

  it('reads the PR from the event payload on pull_request events', () => {
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile(payload),
      GITHUB_REPOSITORY: 'acme/platform'
    }
    expect(getPullRequestContext(env)).toEqual({
      owner: 'acme',
      repo: 'platform',
      number: 42,
      baseRef: 'main',
      baseSha: 'b'.repeat(40),
      headSha: 'h'.repeat(40)
    })
  })

  it('is undefined on other events and on unreadable payloads', () => {
    expect(
      getPullRequestContext({
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventFile(payload),
        GITHUB_REPOSITORY: 'a/b'
      })
    ).toBeUndefined()
    expect(
      getPullRequestContext({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: '/nonexistent.json',
        GITHUB_REPOSITORY: 'a/b'
      })
    ).toBeUndefined()
    expect(
      getPullRequestContext({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventFile({}),
        GITHUB_REPOSITORY: 'a/b'
      })
    ).toBeUndefined()
  })
})

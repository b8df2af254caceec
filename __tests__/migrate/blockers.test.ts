/** How a blocking session is named: every field, never a way out of its code span, never its query. */
import { describe, expect, it } from '@jest/globals'
import {
  type BlockingSession,
  dbText,
  describeSession,
  describeSessions
} from '../../src/migrate/blockers.js'

const base: BlockingSession = {
  pid: 4242,
  applicationName: 'nightly-report',
  user: 'app',
  client: '10.0.0.7',
  state: 'idle in transaction',
  transactionAgeSeconds: 12.34,
  sessionStartedAt: '2026-01-02T03:04:05Z',
  stateSince: '2026-01-02T03:04:06Z'
}

describe('describeSession', () => {
  it('names pid, application_name, user, client, state and transaction age', () => {
    expect(describeSession(base)).toBe(
      'pid 4242, application_name `nightly-report`, user `app`, client `10.0.0.7`, state `idle in transaction`, transaction open for 12 s'
    )
    expect(describeSession({ ...base, transactionAgeSeconds: 0.42 })).toContain('transaction open for 0.4 s')
    expect(describeSession({ ...base, transactionAgeSeconds: null, state: 'idle' })).toContain(
      'no transaction open'
    )
  })

  it('for the migrate lock: since when it is connected and in its state', () => {
    expect(describeSession(base, 'since')).toBe(
      'pid 4242, application_name `nightly-report`, user `app`, client `10.0.0.7`, state `idle in transaction`, connected since 2026-01-02T03:04:05Z, idle in transaction since 2026-01-02T03:04:06Z'
    )
  })

  it("says when the role may not see another role's session details", () => {
    const hidden = {
      ...base,
      client: null,
      state: null,
      transactionAgeSeconds: null,
      sessionStartedAt: null,
      stateSince: null
    }
    expect(describeSession(hidden)).toBe(
      'pid 4242, application_name `nightly-report`, user `app`, other details not visible to this role (grant it pg_read_all_stats to see them)'
    )
    expect(describeSession({ ...base, applicationName: '' })).toContain('application_name (empty)')
  })

  it('lists at most ten sessions', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ ...base, pid: i + 1 }))
    const text = describeSessions(many)
    expect(text.match(/pid \d+,/g)).toHaveLength(10)
    expect(text.endsWith('; and 3 more')).toBe(true)
  })
})

describe('dbText', () => {
  it.each([
    ['plain', '`plain`'],
    ['a`b', '`a\\u0060b`'],
    ['``', '`\\u0060\\u0060`'],
    ['line\nbreak\r', '`line\\u000abreak\\u000d`'],
    [
      '"quoted" <b>@octocat</b> ::warning::x ##[error]y',
      '`"quoted" <b>@octocat</b> ::warning::x ##[error]y`'
    ],
    ['\u2028\u0085', '`\\u2028\\u0085`']
  ])('%j is one code span with nothing that can end it or a line', (value, expected) => {
    const out = dbText(value)
    expect(out).toBe(expected)
    expect(out.slice(1, -1)).not.toMatch(/[`\n\r\u2028\u2029\u0085]/)
  })
})

import { describe, expect, it, jest } from '@jest/globals'
import { annotateFindings } from '../../src/modes/annotate-findings.js'
import type { Finding } from '../../src/review/types.js'

const base: Finding = {
  rule: 'drop-table',
  severity: 'error',
  migration: 'm2',
  file: 'prisma/migrations/m2/migration.sql',
  line: 3,
  message: 'DROP TABLE `events` deletes the table and all its rows.',
  why: 'why',
  fix: 'fix it',
  docs: 'docs/rules.md#drop-table',
  destructive: true
}

function capture(fn: () => void): string[] {
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    fn()
    return write.mock.calls.map((c) => String(c[0]).trim()).filter(Boolean)
  } finally {
    write.mockRestore()
  }
}

describe('annotations of the gate on what the database holds', () => {
  it('a drop with nothing to lose in this database is a notice with its reason, not an error', () => {
    const reason = 'created by `m1` in this deploy; nothing to lose here'
    const lines = capture(() => annotateFindings([{ ...base, acknowledged: { by: 'database', reason } }]))
    expect(lines.filter((l) => l.startsWith('::error '))).toEqual([])
    const notice = lines.find(
      (l) => l.startsWith('::notice ') && l.includes('file=prisma/migrations/m2/migration.sql')
    )
    expect(notice).toContain(`Allowed: ${reason}.`)
  })

  it('a drop that destroys data only where earlier migrations ran stays an error and says where', () => {
    const lines = capture(() =>
      annotateFindings([{ ...base, elsewhere: 'destroys data in environments where `m1` already ran' }])
    )
    const error = lines.find((l) => l.startsWith('::error '))
    expect(error).toContain(
      'Nothing in this database, but it destroys data in environments where `m1` already ran.'
    )
  })
})

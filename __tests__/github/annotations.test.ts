import { describe, expect, it, jest } from '@jest/globals'
import { annotateFindings } from '../../src/modes/annotate-findings.js'
import type { Finding, Severity } from '../../src/review/types.js'

function finding(severity: Severity, i: number): Finding {
  return {
    rule: severity === 'error' ? 'drop-table' : 'index-not-concurrent',
    severity,
    migration: '20251225172757_platform_api_tables',
    file: 'prisma/migrations/20251225172757_platform_api_tables/migration.sql',
    line: i + 1,
    message: `finding ${severity} ${i}`,
    why: 'why',
    fix: 'fix it',
    docs: 'docs/rules.md#drop-table',
    destructive: severity === 'error',
    rowsAtStake: severity === 'error' ? { count: 1234, estimated: false, what: 'rows' } : undefined
  }
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

describe('annotations', () => {
  it('annotates errors first on their file and line, caps each level at 10, then points to the summary once', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding('warning', i)),
      ...Array.from({ length: 14 }, (_, i) => finding('error', i))
    ]
    const lines = capture(() => annotateFindings(findings))
    const errors = lines.filter((l) => l.startsWith('::error '))
    const warnings = lines.filter((l) => l.startsWith('::warning '))
    const notices = lines.filter((l) => l.startsWith('::notice '))
    expect(errors).toHaveLength(10)
    expect(warnings).toHaveLength(10)
    expect(notices).toHaveLength(1)
    expect(lines.indexOf(errors[0])).toBeLessThan(lines.indexOf(warnings[0]))
    expect(errors[0]).toContain(
      'file=prisma/migrations/20251225172757_platform_api_tables/migration.sql,line=1,endLine=1'
    )
    expect(errors[0]).toContain('title=drop-table (20251225172757_platform_api_tables)')
    expect(errors[0]).toContain('Data at stake: 1,234 rows.')
    expect(notices[0]).toContain('26 migration review findings; 6 are not annotated here')
  })

  it('writes nothing when there are no findings', () => {
    expect(capture(() => annotateFindings([]))).toEqual([])
  })
})

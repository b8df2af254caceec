import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { runReviewCli } from '../../src/cli/review-cli.js'

const MIGRATIONS = join('examples', 'prisma', 'prisma', 'migrations')

async function cli(...argv: string[]): Promise<{ code: number; text: string }> {
  let text = ''
  const code = await runReviewCli(argv, (t) => (text += t))
  return { code, text }
}

describe('pg-ops-review (the review from a terminal)', () => {
  it('prints one line per finding with file and line, and fails on the destructive migration', async () => {
    const { code, text } = await cli(MIGRATIONS)
    expect(code).toBe(1)
    expect(text).toContain(
      `${MIGRATIONS}/20260105093000_tool_execution_status/migration.sql:45: error drop-table: DROP TABLE \`sales_report_entries\``
    )
    expect(text).toMatch(/3 migration\(s\) reviewed\. 5 destructive changes/)
  })

  it('prints the same markdown report as the action with --markdown, JSON with --json', async () => {
    const markdown = await cli(MIGRATIONS, '--markdown', '--fail-on', 'never')
    expect(markdown.code).toBe(0)
    expect(markdown.text).toContain('## Migration review')
    expect(markdown.text).toContain('<details>')
    const json = await cli(MIGRATIONS, '--json')
    const parsed = JSON.parse(json.text) as { findings: { rule: string }[] }
    expect(parsed.findings.filter((f) => f.rule === 'drop-table')).toHaveLength(5)
  })

  it('honours --rules and reports usage errors with exit code 2', async () => {
    const off = await cli(
      MIGRATIONS,
      '--rules',
      'drop-table=off,drop-table-with-dependent-view=off',
      '--fail-on',
      'error'
    )
    expect(off.text).not.toContain('drop-table:')
    expect((await cli()).code).toBe(2)
    expect((await cli(MIGRATIONS, '--bogus')).text).toContain('unknown option --bogus')
    const unknownRule = await cli(MIGRATIONS, '--rules', 'no-such-rule=off')
    expect(unknownRule.code).toBe(2)
    expect(unknownRule.text).toContain('no-such-rule')
  })

  it('runs from the committed bundle through bin/pg-ops-review.js', () => {
    const run = spawnSync(process.execPath, ['bin/pg-ops-review.js', MIGRATIONS, '--fail-on', 'never'], {
      encoding: 'utf8'
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('error drop-table: DROP TABLE `payers`')
  })
})

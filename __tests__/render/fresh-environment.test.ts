/**
 * How the report shows the gate on what the database holds: the reason per finding, what a pull request destroys
 * where earlier migrations ran, and migrations already on the base branch summarised in one place.
 */
import { describe, expect, it } from '@jest/globals'
import { renderMigrationReport } from '../../src/render/migrate-summary.js'
import { headlineFor } from '../../src/review/headline.js'
import { summarize } from '../../src/review/summary.js'
import type { Finding, ReviewedMigration, ReviewResult } from '../../src/review/types.js'

function finding(migration: string, extra: Partial<Finding>): Finding {
  return {
    rule: 'drop-table',
    severity: 'error',
    migration,
    file: `prisma/migrations/${migration}/migration.sql`,
    line: 1,
    message: 'DROP TABLE `t` deletes the table and all its rows.',
    why: 'why',
    fix: 'fix',
    docs: 'docs/rules.md#drop-table',
    destructive: true,
    table: 't',
    ...extra
  }
}

function migration(name: string, findings: Finding[], onBase = false): ReviewedMigration {
  return {
    name,
    file: `prisma/migrations/${name}/migration.sql`,
    script: 'DROP TABLE "t";\n',
    findings,
    prismaWarnings: [],
    ...(onBase ? { onBase: true } : {})
  }
}

const harmless = (m: string): Finding =>
  finding(m, {
    dataHere: { destroys: false, reason: 'created by `base1` in this deploy; nothing to lose here' },
    acknowledged: { by: 'database', reason: 'created by `base1` in this deploy; nothing to lose here' }
  })

function render(result: ReviewResult): string {
  return renderMigrationReport({ mode: 'migrate-status', target: 'db', migrationsDir: 'm', review: result })
}

describe('the gate on what the database holds, in the report', () => {
  it('a harmless drop says why in "Allowed", is not counted as destructive, and the headline says so', () => {
    const result = summarize([migration('m2', [harmless('m2')])], true, [])
    expect(result.destructiveCount).toBe(0)
    expect(result.unacknowledgedErrors).toEqual([])
    expect(result.headline).toBe(
      'No destructive changes for this database (1 destructive statement only touches objects created earlier in this deploy) in 1 migration.'
    )
    const md = render(result)
    expect(md).toContain('created by `base1` in this deploy; nothing to lose here |')
    expect(md).toContain('**Nothing to lose in this database:** 1 destructive finding(s)')
    expect(md).not.toContain('Allowed through the deploy gate')
    expect(md).not.toContain('will refuse')
  })

  it('a drop of a table filled from older data shows the reason in "Data at stake" and stays open', () => {
    const reason =
      'created by `m1` in this deploy, but filled from `models`, which existed before it: it can hold data that existed before the deploy'
    const result = summarize(
      [migration('m2', [finding('m2', { dataHere: { destroys: true, reason } })])],
      true,
      []
    )
    expect(result.destructiveCount).toBe(1)
    const md = render(result)
    expect(md).toContain(`| ${reason} |`)
    expect(md).toContain('1 error-level finding(s) are not acknowledged: `migrate-deploy` will refuse')
  })

  it("a PR's drop of a base-branch table: flagged for other environments; the base migrations are one summary", () => {
    const pr = finding('pr1', {
      table: 'prices',
      dataHere: { destroys: false, reason: 'created by `base1` in this deploy; nothing to lose here' },
      elsewhere: 'destroys data in environments where `base1` already ran'
    })
    const result: ReviewResult = {
      ...summarize(
        [
          migration('base1', [], true),
          migration(
            'base2',
            [
              harmless('base2'),
              finding('base2', { rule: 'prefer-text', severity: 'warning', destructive: false })
            ],
            true
          ),
          migration('pr1', [pr])
        ],
        true,
        []
      ),
      pullRequest: { added: ['pr1'], base: '`main`', known: true }
    }
    expect(headlineFor(result)).toBe(
      '1 destructive change: DROP TABLE `prices` (where earlier migrations ran)'
    )
    const md = render(result)
    expect(md).toContain(
      '**none in this database, but it destroys data in environments where `base1` already ran**'
    )
    expect(md).toContain(
      'will refuse to apply these migrations where they destroy data (1 of them only in environments where earlier migrations already ran, not in this database)'
    )
    expect(md).toContain('### 2 pending migration(s) already on `main`')
    expect(md).toContain('The migrations from `base1` to `base2` are on the base branch')
    expect(md).toContain(
      '- 1 destructive statement(s) on objects created earlier in this deploy: nothing to lose in this database.'
    )
    expect(md).toContain('- 0 other error(s), 1 warning(s), 0 notice(s).')
    expect(md).toContain('### `pr1`')
    expect(md).not.toContain('### `base2`')
    // The PR's own migrations have no harmless finding: no "Nothing to lose" paragraph, no prefer-text explanation.
    expect(md).not.toContain('**Nothing to lose in this database:**')
    expect(md).not.toContain('prefer-text')
  })

  it('a base-branch migration that destroys data in this database is named in the summary', () => {
    const result: ReviewResult = {
      ...summarize(
        [
          migration(
            'base1',
            [
              finding('base1', {
                table: 'orders',
                rowsAtStake: { count: 12, estimated: false, what: 'rows' }
              })
            ],
            true
          ),
          migration('pr1', [])
        ],
        true,
        []
      ),
      pullRequest: { added: ['pr1'], base: '`main`', known: true }
    }
    expect(render(result)).toContain(
      '- Destroys data in this database (`migrate-deploy` refuses them unless acknowledged): DROP TABLE `orders` in `base1` (12 rows).'
    )
  })

  it('says when it could not tell which migrations the pull request adds', () => {
    const result: ReviewResult = {
      ...summarize([migration('m1', [])], true, []),
      pullRequest: { added: [], base: '`main`', known: false }
    }
    expect(render(result)).toContain(
      'Could not tell which pending migrations this pull request adds (compared with `main`): every pending migration is reviewed as this pull request'
    )
  })
})

import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_COMMENT_CHARS } from '../../src/constants.js'
import {
  renderCommentBody,
  renderMigrationReport,
  type MigrationReportInput
} from '../../src/render/migration-report.js'
import { details, escapeHtml, escapeTableCell, fence, truncateMarkdown } from '../../src/render/markdown.js'
import { renderStatusTable } from '../../src/render/status-table.js'
import { commentMarker } from '../../src/github/comment.js'
import { reviewMigrations } from '../../src/review/review.js'
import { defaultRuleSeverities } from '../../src/review/settings.js'
import type { ReviewResult } from '../../src/review/types.js'
import { headlineFor } from '../../src/review/headline.js'
import { expectGolden } from './golden.js'

const STORY = join(import.meta.dirname, '../data/story/migrations')
const NAMES = ['20251225123806_group_buying_sales_report', '20251225172757_platform_api_tables']
const TARGET = 'postgresql://postgres:***@caboose.proxy.rlwy.net:55777/railway'
const DOCS = 'https://github.com/acme/prisma-postgres-ops-action/blob/v1/docs/rules.md'

async function storyReview(names: string[]): Promise<ReviewResult> {
  return reviewMigrations({
    migrations: names.map((n) => ({
      name: n,
      file: `prisma/migrations/${n}/migration.sql`,
      script: readFileSync(join(STORY, n, 'migration.sql'), 'utf8')
    })),
    settings: { rules: defaultRuleSeverities() },
    allowDestructive: false
  })
}

function base(review: ReviewResult | undefined): MigrationReportInput {
  return {
    title: 'Prisma migrations: migrate-status',
    mode: 'migrate-status',
    target: TARGET,
    migrationsDir: 'prisma/migrations',
    rows: [
      {
        name: '20251201090000_init',
        state: 'applied',
        startedAt: new Date('2025-12-01T09:00:00Z'),
        finishedAt: new Date('2025-12-01T09:00:01.250Z')
      },
      {
        name: NAMES[0],
        state: 'applied',
        edited: true,
        startedAt: new Date('2025-12-25T12:38:06Z'),
        durationMs: 412
      },
      { name: NAMES[1], state: 'pending' }
    ],
    notes: ['1 migration is pending: run migrate-deploy to apply it.'],
    review,
    docsBaseUrl: DOCS
  }
}

describe('rendered report (golden files)', () => {
  let pendingDrop: ReviewResult

  beforeAll(async () => {
    // migration 1 is applied (its rows are live): the data at stake below is what migrate-status counts on it
    pendingDrop = await storyReview([NAMES[1]])
    const counts: Record<string, number> = {
      clients: 532,
      payer_client_rep_assignments: 610,
      payers: 1234,
      reps: 12,
      sales_report_entries: 48210
    }
    for (const f of pendingDrop.findings)
      if (f.rule === 'drop-table')
        f.rowsAtStake = {
          count: counts[f.table!],
          estimated: f.table === 'sales_report_entries',
          what: 'rows'
        }
    pendingDrop.databaseCompared = true
    pendingDrop.headline = headlineFor(pendingDrop)
  })

  it('renders the status table and the review of the Prisma migration that drops the hand-written tables', () => {
    expectGolden('migrate-status-destructive.md', renderMigrationReport(base(pendingDrop)))
  })

  it('renders the offline review of both story migrations (no database)', async () => {
    const review = await storyReview(NAMES)
    review.notes.push('No database to compare with (`database-url` is empty).')
    expectGolden(
      'offline-review.md',
      renderMigrationReport({
        ...base(review),
        rows: NAMES.map((name) => ({ name, state: 'pending' as const })),
        notes: []
      })
    )
  })

  it('renders acknowledgements and the allowed list', async () => {
    const script = `-- pg-ops:allow drop-table payers moved to billing-db (#123); dump in s3://backups/payers.dump\nDROP TABLE "payers";\nALTER TABLE "clients" DROP COLUMN "email";\nCREATE INDEX "clients_name_idx" ON "clients"("name");\n`
    const review = await reviewMigrations({
      migrations: [
        {
          name: '20260105000000_cleanup',
          file: 'prisma/migrations/20260105000000_cleanup/migration.sql',
          script
        }
      ],
      settings: { rules: defaultRuleSeverities() },
      allowDestructive: false
    })
    expectGolden(
      'acknowledged.md',
      renderMigrationReport({ ...base(review), rows: [{ name: '20260105000000_cleanup', state: 'pending' }] })
    )
  })

  it('says plainly when nothing is pending any more (the comment then replaces the old report)', async () => {
    const review = await reviewMigrations({
      migrations: [],
      settings: { rules: defaultRuleSeverities() },
      allowDestructive: false
    })
    const marker = commentMarker(TARGET, 'prisma/migrations')
    const body = renderCommentBody(
      {
        ...base(review),
        rows: [
          { name: '20251201090000_init', state: 'applied' },
          { name: NAMES[1], state: 'applied-now', durationMs: 2150 }
        ],
        notes: []
      },
      marker
    )
    expect(body.startsWith(`${marker}\n`)).toBe(true)
    expectGolden('comment-nothing-pending.md', body)
  })
})

describe('fitting to GitHub limits', () => {
  it('keeps every finding in a 65,536-character comment and says what it cut', async () => {
    const statements = Array.from(
      { length: 1500 },
      (_, i) => `DROP TABLE "table_with_a_rather_long_name_${i}"; -- ${'x'.repeat(60)}`
    ).join('\n')
    const review = await reviewMigrations({
      migrations: [
        { name: 'huge', file: 'huge/migration.sql', script: `${statements}\nCREATE INDEX i ON t (a);\n` }
      ],
      settings: { rules: defaultRuleSeverities() },
      allowDestructive: false
    })
    const body = renderCommentBody(
      { ...base(review), rows: [{ name: 'huge', state: 'pending' }] },
      commentMarker(TARGET, 'x')
    )
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    // 1,500 findings do not fit even without SQL: the last resort cuts at a line boundary and says so
    expect(body).toMatch(
      /cut here to fit GitHub's size limit; the job summary and the JSON report have every finding/
    )
    const small = await reviewMigrations({
      migrations: [
        {
          name: 'm',
          file: 'm/migration.sql',
          script: `${statements.split('\n').slice(0, 60).join('\n')}\n${'-- filler\n'.repeat(7000)}CREATE INDEX i ON t (a);\n`
        }
      ],
      settings: { rules: defaultRuleSeverities() },
      allowDestructive: false
    })
    const fitted = renderCommentBody(
      { ...base(small), rows: [{ name: 'm', state: 'pending' }] },
      commentMarker(TARGET, 'x')
    )
    expect(fitted.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    for (const f of small.findings) expect(fitted).toContain(`| ${f.line} |`)
    expect(fitted).toContain('SQL is shown only around the flagged lines')
  })

  it('fits the job summary in bytes, multi-byte characters included', async () => {
    const review = await reviewMigrations({
      migrations: [
        { name: 'm', file: 'm/migration.sql', script: `-- ${'é'.repeat(40000)}\nDROP TABLE "t";\n` }
      ],
      settings: { rules: defaultRuleSeverities() },
      allowDestructive: false
    })
    const md = renderMigrationReport({ ...base(review), limit: { bytes: 50_000 } })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(50_000)
    expect(md).toContain('DROP TABLE `t`')
  })

  it('cuts at a line boundary and closes open fences and details', () => {
    const text = `${details('sql', fence(Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n'), 'sql'))}\nafter`
    const cut = truncateMarkdown(text, 300, (s) => s.length, '_cut_')
    expect(cut.length).toBeLessThanOrEqual(300)
    expect(cut).toMatch(/```\n<\/details>\n\n_cut_$/)
  })
})

describe('markdown helpers', () => {
  it('escapes HTML and table cells', () => {
    expect(escapeHtml('<img src=x onerror="a">&')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;')
    expect(escapeTableCell('a | b <script>\n`x|y`')).toBe('a \\| b &lt;script&gt; `x\\|y`')
  })

  it('never lets backticks inside SQL close the fence', () => {
    const sql = "SELECT '```' AS fence, '````' AS longer;"
    const block = fence(sql, 'sql')
    expect(block.startsWith('`````sql\n')).toBe(true)
    expect(block.endsWith('\n`````')).toBe(true)
  })

  it('escapes HTML in details summaries', () => {
    expect(details('<b>x</b>', 'body')).toContain('<summary>&lt;b&gt;x&lt;/b&gt;</summary>')
  })

  it('renders an empty status table', () => {
    expect(renderStatusTable([])).toBe('_No migrations found._')
  })
})

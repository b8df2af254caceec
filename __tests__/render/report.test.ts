import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_COMMENT_CHARS, MAX_SUMMARY_BYTES } from '../../src/constants.js'
import {
  renderCommentBody,
  renderMigrationReport,
  type MigrationReportInput
} from '../../src/render/migrate-summary.js'
import { cell, details, escapeHtml, fence, htmlText, inline } from '../../src/render/markdown.js'
import { chars, fitLines } from '../../src/render/fit.js'
import { renderStatusTable } from '../../src/render/status-table.js'
import { commentMarker } from '../../src/github/comment.js'
import { reviewMigrations } from '../../src/review/review.js'
import { defaultRuleSeverities } from '../../src/review/rule-settings.js'
import type { ReviewResult } from '../../src/review/types.js'
import { headlineFor } from '../../src/review/headline.js'
import { reviewOutputs } from '../../src/report/review-section.js'
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
    // 1,500 findings do not fit even without SQL: the headline and the first destructive findings stay, whole rows,
    // then the count of those left out, and the closing note says what went
    expect(body).toContain('**1500 destructive changes: DROP TABLE `table_with_a_rather_long_name_0`')
    expect(body).toContain('### 🛑 Destructive and error-level findings (1500)')
    const listed = body.split('\n').filter((l) => l.startsWith('| `huge` | 🛑 error |')).length
    expect(listed).toBeGreaterThan(100)
    expect(body).toContain(
      `… and ${(1500 - listed).toLocaleString('en-US')} more destructive or error-level findings`
    )
    expect(body).toMatch(
      new RegExp(
        `Cut to fit GitHub's size limit: the SQL of each migration is left out; ${listed} of 1,500 destructive or error-level findings are listed`
      )
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

  it('2,000 pending migrations: the comment leads with the headline and the destructive findings, within the limit', async () => {
    // every third migration drops a table; the others alter, index and tighten existing tables (warnings)
    const migrations = Array.from({ length: 2000 }, (_, i) => {
      const name = `2026${String(i).padStart(10, '0')}_migration_number_${i}`
      const script =
        i % 3 === 0
          ? `DROP TABLE "legacy_table_${i}";\n`
          : `ALTER TABLE "existing_${i}" ADD COLUMN "c" TEXT;\nCREATE INDEX "existing_${i}_a_idx" ON "existing_${i}"("a");\nALTER TABLE "existing_${i}" ALTER COLUMN "d" SET NOT NULL;\n`
      return { name, file: `prisma/migrations/${name}/migration.sql`, script }
    })
    const review = await reviewMigrations({
      migrations,
      settings: { rules: defaultRuleSeverities() },
      allowDestructive: false
    })
    const outputs = reviewOutputs(review)
    expect(outputs['destructive-count']).toBe('667')
    const input = {
      ...base(review),
      rows: migrations.map((m) => ({ name: m.name, state: 'pending' as const })),
      appendix: ['#### Backup before deploy\n\n`s3://backups/app/x.dump` · 1.2 MiB']
    }
    const body = renderCommentBody(input, commentMarker(TARGET, 'prisma/migrations'))
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    const headline = /^\*\*(\d+) destructive changes: DROP TABLE `legacy_table_0`/m.exec(body)
    expect(headline?.[1]).toBe(outputs['destructive-count'])
    const keyAt = body.indexOf('### 🛑 Destructive and error-level findings (667)')
    expect(keyAt).toBeGreaterThan(body.indexOf(headline![0]))
    expect(keyAt).toBeLessThan(body.indexOf('### Migrations'))
    const listed = body
      .split('\n')
      .filter((l) => /^\| `\d+_migration_number_\d+` \| 🛑 error \| \[drop-table\]/.test(l))
    expect(listed.length).toBeGreaterThan(150)
    expect(body).toContain(`… and ${667 - listed.length} more destructive or error-level findings`)
    expect(body).toContain('the migrations table lists')
    // the backup section of a deploy is part of what is fitted, and comes whole at the end
    expect(body.endsWith('#### Backup before deploy\n\n`s3://backups/app/x.dump` · 1.2 MiB\n')).toBe(true)
    const summary = renderMigrationReport(input)
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
    expect(summary).toContain('**667 destructive changes')
    expect(summary.endsWith('`s3://backups/app/x.dump` · 1.2 MiB\n')).toBe(true)
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

  it('cuts lists at whole lines, reserving room for the note that says how many were left out', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `| row ${i} |`)
    const fitted = fitLines('| head |\n| --- |', lines, 300, chars, (n) => `_${n} more rows._`)
    expect(fitted.text.length).toBeLessThanOrEqual(300)
    expect(fitted.kept + fitted.omitted).toBe(100)
    expect(fitted.text).toMatch(/^\| head \|\n\| --- \|\n\| row 0 \|/)
    // the note follows a blank line, so that it cannot continue the table
    expect(fitted.text).toMatch(
      new RegExp(`\\| row ${fitted.kept - 1} \\|\\n\\n_${fitted.omitted} more rows._$`)
    )
    expect(fitLines('', ['a', 'b'], 3, chars, () => 'never')).toEqual({ text: 'a\nb', kept: 2, omitted: 0 })
  })
})

describe('markdown helpers', () => {
  it('escapes HTML and table cells', () => {
    expect(escapeHtml('<img src=x onerror="a">&')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;')
    expect(cell(inline('a | b <script>\n`x|y`'))).toBe('a \\| b &lt;script&gt; `x\\|y`')
  })

  it('never lets backticks inside SQL close the fence', () => {
    const sql = "SELECT '```' AS fence, '````' AS longer;"
    const block = fence(sql, 'sql')
    expect(block.startsWith('`````sql\n')).toBe(true)
    expect(block.endsWith('\n`````')).toBe(true)
  })

  it('escapes HTML in details summaries', () => {
    expect(details(htmlText('<b>x</b>'), 'body')).toContain('<summary>&lt;b&gt;x&lt;/b&gt;</summary>')
  })

  it('renders an empty status table', () => {
    expect(renderStatusTable([])).toBe('_No migrations found._')
  })
})

/**
 * Names the review puts into sentences of its own (the gate's reasons, rule labels, next steps) against a name
 * that tries to close its code span: a migration directory or a table named with backticks around an @mention, a
 * link and HTML. Read the way a reader's markdown parser does (./commonmark.ts), each name must come out as one
 * code span holding the whole name, and nothing of it outside code.
 */
import { describe, expect, it } from '@jest/globals'
import type { Diagnosis } from '../../src/migrate/status.js'
import { inline } from '../../src/render/markdown.js'
import { renderMigrationReport } from '../../src/render/migrate-summary.js'
import { nextSteps } from '../../src/render/next-steps.js'
import { dataElsewhere, dataHere, type Holdings } from '../../src/review/holdings.js'
import { summarize } from '../../src/review/summary.js'
import type { Finding, ReviewedMigration, ReviewResult } from '../../src/review/types.js'
import { reviewSql } from '../review/helpers.js'
import { spans } from './commonmark.js'

/** A migration directory name: anything but `/`. */
const MIGRATION = '20260101000000_x` @someone [docs](https://evil.example) `y'
/** A table name (a quoted identifier holds anything). */
const TABLE = '`@someone <img src=x onerror=alert(1)>`'
const RENAMED = 'a``b ` @someone'
const OTHER = '2026_base`@someone'

/** Every name is one whole code span, and no `@`, link or tag is left outside code. */
function expectNamesInCode(md: string, names: string[]): void {
  const read = spans(md)
  for (const name of names) expect(read.code).toContain(name)
  expect(read.text).not.toMatch(/@|evil\.example|<img/)
}

describe('the gate reasons keep hostile names inside code spans', () => {
  const cases: [string, Holdings, string[]][] = [
    ['an existing object', { kind: 'existing', name: TABLE }, [TABLE]],
    [
      'an existing object the deploy renamed',
      { kind: 'existing', name: RENAMED, databaseName: TABLE },
      [RENAMED, TABLE]
    ],
    ['an object that is nowhere', { kind: 'absent', name: TABLE }, [TABLE]],
    [
      'an object created in this deploy',
      { kind: 'created', by: MIGRATION, name: TABLE, sources: [] },
      [MIGRATION]
    ],
    [
      'an object created in this deploy, filled from an older one and by a DO block',
      {
        kind: 'created',
        by: MIGRATION,
        name: 'copy',
        sources: [
          { kind: 'existing', name: TABLE },
          { kind: 'opaque', migration: OTHER, line: 3, what: 'a DO block' }
        ]
      },
      [MIGRATION, TABLE, OTHER]
    ]
  ]
  it.each(cases)('%s (as the report shows it)', (_title, holds, names) => {
    expectNamesInCode(inline(dataHere(holds).reason), names)
  })

  it('what a pull request destroys where earlier migrations ran', () => {
    const direct = dataElsewhere({ kind: 'created', by: MIGRATION, name: 't', sources: [] }, new Set())
    const copied = dataElsewhere(
      { kind: 'created', by: 'pr', name: 't', sources: [{ kind: 'created', by: OTHER, name: TABLE }] },
      new Set(['pr'])
    )
    expectNamesInCode(inline(direct ?? ''), [MIGRATION])
    expectNamesInCode(inline(copied ?? ''), [TABLE, OTHER])
  })
})

function migration(name: string, findings: Finding[], onBase = false): ReviewedMigration {
  return {
    name,
    file: 'prisma/migrations/m/migration.sql',
    script: 'SELECT 1;\n',
    findings,
    prismaWarnings: [],
    ...(onBase ? { onBase: true } : {})
  }
}

function finding(rule: string, migrationName: string, extra: Partial<Finding> = {}): Finding {
  return {
    rule,
    severity: 'error',
    migration: migrationName,
    file: 'prisma/migrations/m/migration.sql',
    line: 3,
    message: 'message',
    why: 'why',
    fix: 'fix',
    docs: `docs/rules.md#${rule}`,
    destructive: true,
    ...extra
  }
}

describe('the rendered report keeps hostile names inside code spans', () => {
  it("a base-branch migration's dynamic SQL (its label, raw in the summary) and a pull request's drop with its reasons", () => {
    const holds: Holdings = { kind: 'created', by: OTHER, name: TABLE, sources: [] }
    const drop = finding('drop-table', 'pr1', {
      table: 'prices',
      dataHere: dataHere(holds),
      acknowledged: { by: 'database', reason: dataHere(holds).reason },
      elsewhere: dataElsewhere(holds, new Set(['pr1']))
    })
    const existing = finding('drop-table', 'pr1', {
      table: 'orders',
      dataHere: dataHere({ kind: 'existing', name: RENAMED, databaseName: TABLE })
    })
    const result: ReviewResult = {
      ...summarize(
        [
          migration(MIGRATION, [finding('dynamic-sql', MIGRATION, { message: 'A DO block.' })], true),
          migration('pr1', [drop, existing])
        ],
        true,
        []
      ),
      pullRequest: { added: ['pr1'], base: 'main', known: true }
    }
    const md = renderMigrationReport({
      mode: 'migrate-status',
      target: 'db',
      migrationsDir: 'm',
      review: result
    })
    expect(md).toContain('Destroys data in this database')
    expect(md).toContain('SQL the review cannot read (')
    expectNamesInCode(md, [MIGRATION, OTHER, RENAMED, TABLE])
  })

  it('next steps name a failed, a first pending and an unreadable applied migration in code spans', () => {
    const local = {
      name: MIGRATION,
      directory: 'd',
      sqlPath: 'd/migration.sql',
      script: null,
      checksum: null
    }
    const diagnosis: Diagnosis = {
      status: 'failed',
      prismaExitCode: 1,
      prismaMessage: '',
      hasMigrationsTable: true,
      pending: [local],
      failed: [{ name: MIGRATION, startedAt: new Date(0) }],
      edited: [],
      unreadableApplied: [OTHER],
      tablesWithoutHistory: [TABLE],
      fallbacks: [],
      missingLocally: [],
      nonTransactional: [],
      migrations: [],
      warnings: [],
      history: { diagnostic: 'databaseIsBehind', unappliedMigrationNames: [] }
    }
    const steps = nextSteps(diagnosis)
    expect(steps.join('\n')).toContain('resolve-rolled-back: ')
    expect(steps.join('\n')).toContain('is recorded in the database but its migration.sql is missing')
    for (const step of steps) expectNamesInCode(inline(step), [])
    const md = steps.map((s) => `- ${inline(s)}`).join('\n')
    const read = spans(md).code
    expect(read).toContain(`resolve-rolled-back: ${MIGRATION}`)
    expect(read).toContain(`resolve-applied: ${MIGRATION}`)
    expect(read).toContain(OTHER)
    expect(read).toContain(TABLE)
  })
})

describe("probable-rename's suggested statement", () => {
  it('is SQL that names the columns as PostgreSQL reads them, inside one code span', async () => {
    const dropped = 'na"me` @someone'
    const added = 'na"mes` @someone'
    const sql = `ALTER TABLE "auth"."User" DROP COLUMN "${dropped.replace(/"/g, '""')}",\nADD COLUMN "${added.replace(/"/g, '""')}" TEXT;`
    const finding = (await reviewSql(sql)).findings.find((f) => f.rule === 'probable-rename')
    const statement = `ALTER TABLE "auth"."User" RENAME COLUMN "na""me\` @someone" TO "na""mes\` @someone"`
    const read = spans(inline(finding?.fix ?? ''))
    expect(read.code).toContain(statement)
    expect(read.code).toContain(`@map(${JSON.stringify(dropped)})`)
    expect(read.text).not.toMatch(/@someone/)
  })

  it('for an ordinary name, reads as before', async () => {
    const result = await reviewSql('DROP TABLE "Task";\nCREATE TABLE "task" ("id" SERIAL NOT NULL);')
    expect(result.findings.find((f) => f.rule === 'probable-rename')?.fix).toBe(
      'If it is a rename, replace both with `ALTER TABLE "Task" RENAME TO "task"`, or keep the table name with `@@map("Task")` in schema.prisma.'
    )
  })
})

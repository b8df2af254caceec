import { describe, expect, it } from '@jest/globals'
import { migrationChecksum } from '../../src/migrate/checksum.js'
import type { MigrationRow } from '../../src/migrate/history.js'
import type { LocalMigration } from '../../src/migrate/migrations-dir.js'
import { compareWithHistory } from '../../src/migrate/status.js'

/** A local migration whose migration.sql is `script` (null: unreadable). */
function local(name: string, script: string | null = `-- ${name}\n`): LocalMigration {
  return {
    name,
    directory: `/m/${name}`,
    sqlPath: `/m/${name}/migration.sql`,
    script,
    checksum: script === null ? null : migrationChecksum(script)
  }
}

let clock = 0
function row(
  name: string,
  state: 'applied' | 'failed' | 'rolled-back' = 'applied',
  script = `-- ${name}\n`
): MigrationRow {
  const at = new Date(Date.UTC(2024, 0, 1, 0, 0, clock++))
  return {
    id: `${name}-${clock}`,
    checksum: migrationChecksum(script),
    migrationName: name,
    logs: null,
    startedAt: at,
    startedAtMicros: 0,
    finishedAt: state === 'applied' ? at : null,
    rolledBackAt: state === 'rolled-back' ? at : null,
    appliedStepsCount: state === 'applied' ? 1 : 0
  }
}

const A = '20240101000000_a'
const B = '20240102000000_b'
const C = '20240103000000_c'

describe('compareWithHistory (status without I/O)', () => {
  it.each([
    // Prisma's order: pending migrations come before "not managed" (§7.2).
    { case: 'no table', local: [A], rows: null, status: 'pending', exit: 1, pending: [A] },
    { case: 'no table, no migration', local: [], rows: null, status: 'not-managed', exit: 1, pending: [] },
    { case: 'empty table', local: [A], rows: [], status: 'pending', exit: 1, pending: [A] },
    { case: 'up to date', local: [A, B], rows: [row(A), row(B)], status: 'up-to-date', exit: 0, pending: [] },
    { case: 'behind', local: [A, B], rows: [row(A)], status: 'pending', exit: 1, pending: [B] },
    { case: 'failed', local: [A], rows: [row(A, 'failed')], status: 'failed', exit: 1, pending: [] },
    {
      case: 'diverged',
      local: [A, C],
      rows: [row(A), row(B)],
      status: 'diverged',
      exit: 1,
      pending: [C]
    },
    {
      case: 'rolled back only',
      local: [A],
      rows: [row(A, 'rolled-back')],
      status: 'up-to-date',
      exit: 0,
      pending: [A]
    }
  ])('$case: Prisma decides $status (exit $exit), deploy would apply $pending', (t) => {
    const compared = compareWithHistory(
      t.local.map((name) => local(name)),
      t.rows
    )
    expect(compared.decision.status).toBe(t.status)
    expect(compared.decision.prismaExitCode).toBe(t.exit)
    expect(compared.hasMigrationsTable).toBe(t.rows !== null)
    expect(compared.pending.map((m) => m.name)).toEqual(t.pending)
  })

  it('lists rows without a directory once per name, in the order of their first row, with their last row', () => {
    const rows = [row(C, 'failed'), row(A), row(B), row(C, 'rolled-back'), row(B, 'rolled-back')]
    const compared = compareWithHistory([local(A)], rows)
    expect(compared.missingLocally).toEqual([C, B])
    expect(compared.migrations.map((m) => [m.name, m.state, m.rolledBackAt])).toEqual([
      [A, 'applied', undefined],
      [C, 'missing-locally', rows[3].rolledBackAt],
      [B, 'missing-locally', rows[4].rolledBackAt]
    ])
    expect(compared.history).toEqual({
      diagnostic: 'migrationsDirectoryIsBehind',
      unpersistedMigrationNames: [C, B, C, B]
    })
    expect(compared.failedRows).toEqual([rows[0]])
  })

  it('compares an applied file with the row that applied it: a fixed redeploy is not edited, a later change is', () => {
    const broken = '-- broken\n'
    const fixedRows = [row(A, 'rolled-back', broken), row(A)]
    expect(compareWithHistory([local(A)], fixedRows).edited).toEqual([])
    const changed = compareWithHistory([local(A, '-- changed\n')], fixedRows)
    expect(changed.edited).toEqual([A])
    expect(changed.migrations[0]).toMatchObject({ name: A, state: 'applied', edited: true })
    // CRLF checkouts are not edits.
    expect(compareWithHistory([local(A, `-- ${A}\r\n`)], [row(A)]).edited).toEqual([])
  })

  it('names applied migrations whose file cannot be read, and leaves unreadable pending ones to deploy', () => {
    const compared = compareWithHistory([local(A, null), local(B, null)], [row(A)])
    expect(compared.unreadableApplied).toEqual([A])
    expect(compared.pending.map((m) => m.name)).toEqual([B])
  })
})

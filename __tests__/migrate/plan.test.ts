import { describe, expect, it } from '@jest/globals'
import { formatPrismaTimestamp } from '../../src/migrate/prisma-errors.js'
import type { MigrationRow } from '../../src/migrate/history.js'
import type { LocalMigration } from '../../src/migrate/migrations-dir.js'
import { planId, unappliedMigrations } from '../../src/migrate/plan.js'
import {
  divergedMessage,
  failedMessage,
  migrationsFoundLine,
  pendingMessage
} from '../../src/migrate/status-message.js'

function local(name: string, checksum: string | null = `c-${name}`): LocalMigration {
  return {
    name,
    directory: `/m/${name}`,
    sqlPath: `/m/${name}/migration.sql`,
    script: checksum === null ? null : 'x',
    checksum
  }
}

function row(
  name: string,
  state: { finished?: boolean; rolledBack?: boolean } = { finished: true }
): MigrationRow {
  return {
    id: name,
    checksum: 'x',
    migrationName: name,
    logs: null,
    startedAt: new Date(0),
    startedAtMicros: 0,
    finishedAt: state.finished ? new Date(0) : null,
    rolledBackAt: state.rolledBack ? new Date(0) : null,
    appliedStepsCount: state.finished ? 1 : 0
  }
}

describe('unappliedMigrations (deploy §6.1 step 6)', () => {
  it('skips names with a row that is not rolled back, whatever its state; re-applies rolled-back ones; keeps order', () => {
    const migrations = [local('1_a'), local('2_b'), local('3_c'), local('4_d')]
    const rows = [
      row('2_b'),
      row('3_c', { rolledBack: true }),
      row('0_db_only'),
      row('4_d', { finished: false })
    ]
    expect(unappliedMigrations(migrations, rows).map((m) => m.name)).toEqual(['1_a', '3_c'])
  })
})

describe('planId', () => {
  it('is stable, short and depends on names and checksums', () => {
    const a = planId([local('1_a'), local('2_b')])
    expect(a).toMatch(/^sha256:[0-9a-f]{16}$/)
    expect(planId([local('1_a'), local('2_b')])).toBe(a)
    expect(planId([local('1_a', 'other'), local('2_b')])).not.toBe(a)
    expect(planId([local('2_b'), local('1_a')])).not.toBe(a)
    expect(planId([])).toBe(planId([]))
    expect(planId([])).toMatch(/^sha256:/)
  })
})

describe('formatPrismaTimestamp (chrono DateTime<Utc> Display, as in P3009)', () => {
  it.each([
    ['2026-11-26T21:28:15.969Z', undefined, '2026-11-26 21:28:15.969 UTC'],
    ['2026-11-26T21:28:15.000Z', undefined, '2026-11-26 21:28:15 UTC'],
    ['2026-11-26T21:28:15.969Z', 969123, '2026-11-26 21:28:15.969123 UTC'],
    ['2026-11-26T21:28:15.050Z', 50000, '2026-11-26 21:28:15.050 UTC']
  ])('%s (%s µs) -> %s', (iso, micros, text) => {
    expect(formatPrismaTimestamp(new Date(iso), micros)).toBe(text)
  })
})

describe('status messages (CLI text, §7.2)', () => {
  it('pluralises like the CLI', () => {
    expect(migrationsFoundLine(0)).toBe('No migration found in prisma/migrations')
    expect(migrationsFoundLine(1)).toBe('1 migration found in prisma/migrations')
    expect(migrationsFoundLine(2)).toBe('2 migrations found in prisma/migrations')
    expect(pendingMessage(['a'])).toMatch(/^Following migration have not yet been applied:\na\n/)
    expect(pendingMessage(['a', 'b'])).toMatch(/^Following migrations have not yet been applied:\na\nb\n/)
    expect(failedMessage(['a'])).toContain('prisma migrate resolve --rolled-back "a"')
  })

  it('renders a divergence with a null last common migration', () => {
    const text = divergedMessage({
      diagnostic: 'historiesDiverge',
      lastCommonMigrationName: null,
      unappliedMigrationNames: ['1_a'],
      unpersistedMigrationNames: ['0_x', '0_y']
    })
    expect(text).toContain('The last common migration is: null')
    expect(text).toContain('The migration have not yet been applied:\n1_a')
    expect(text).toContain(
      'The migrations from the database are not found locally in prisma/migrations:\n0_x\n0_y'
    )
  })
})

/**
 * The gate's decision on what a destructive statement can destroy in the compared database: a pure function of
 * the facts (what the object holds), table by table.
 */
import { describe, expect, it } from '@jest/globals'
import {
  combineHoldings,
  dataElsewhere,
  dataHere,
  type DataSource,
  type Holdings
} from '../../src/review/holdings.js'

const fromModels: DataSource = { kind: 'existing', name: 'models' }
const doBlock: DataSource = { kind: 'opaque', migration: 'm3', line: 7, what: 'a DO block' }
const baseTable: DataSource = { kind: 'created', by: 'base1', name: 'accounts' }

describe('dataHere: does the statement destroy data that was in this database before the deploy?', () => {
  const cases: [string, Holdings | undefined, boolean, string][] = [
    [
      'an object an earlier migration of this deploy created, filled with nothing older',
      { kind: 'created', by: 'm1', name: 'events', sources: [] },
      false,
      'created by `m1` in this deploy; nothing to lose here'
    ],
    [
      'an object created in this deploy and filled from a table created in this deploy',
      { kind: 'created', by: 'm2', name: 'copy', sources: [baseTable] },
      false,
      'created by `m2` in this deploy; nothing to lose here'
    ],
    [
      'an object created in this deploy but filled from a table that existed before',
      { kind: 'created', by: 'm2', name: 'temp_prices', sources: [fromModels] },
      true,
      'created by `m2` in this deploy, but filled from `models`, which existed before it: it can hold data that existed before the deploy'
    ],
    [
      'an object created in this deploy that a statement the review cannot follow may have filled',
      { kind: 'created', by: 'm2', name: 'staging', sources: [doBlock] },
      true,
      'created by `m2` in this deploy, but `m3` line 7 (a DO block) may have filled it: it can hold data that existed before the deploy'
    ],
    [
      'an object that existed before the deploy',
      { kind: 'existing', name: 'orders' },
      true,
      '`orders` existed before this deploy'
    ],
    [
      'an existing object the deploy renamed',
      { kind: 'existing', name: 'archive', databaseName: 'orders' },
      true,
      '`archive` existed before this deploy (as `orders`)'
    ],
    [
      'a name neither in the database nor created by the deploy',
      { kind: 'absent', name: 'ghost' },
      true,
      '`ghost` is not in this database and no earlier statement of this deploy creates it: counted as destructive'
    ],
    [
      'no database (offline review)',
      { kind: 'unknown' },
      true,
      'no database to compare with: counted as destructive'
    ],
    ['nothing known about the object', undefined, true, 'no database to compare with: counted as destructive']
  ]
  it.each(cases)('%s', (_title, holds, destroys, reason) => {
    expect(dataHere(holds)).toEqual({ destroys, reason })
  })

  it('names every risky source once', () => {
    const holds: Holdings = {
      kind: 'created',
      by: 'm2',
      name: 't',
      sources: [fromModels, fromModels, baseTable, doBlock]
    }
    expect(dataHere(holds).reason).toBe(
      'created by `m2` in this deploy, but filled from `models`, which existed before it, `m3` line 7 (a DO block) may have filled it: it can hold data that existed before the deploy'
    )
  })
})

describe('dataElsewhere: a pull request migration, where the base branch migrations already ran', () => {
  const added = new Set(['pr1', 'pr2'])
  it('flags a drop of an object a base-branch migration created', () => {
    expect(dataElsewhere({ kind: 'created', by: 'base1', name: 'accounts', sources: [] }, added)).toBe(
      'destroys data in environments where `base1` already ran'
    )
  })
  it('flags a drop of a PR table filled from a base-branch table', () => {
    expect(dataElsewhere({ kind: 'created', by: 'pr1', name: 'copy', sources: [baseTable] }, added)).toBe(
      'destroys data from `accounts` in environments where `base1` already ran'
    )
  })
  it('lets a PR table created and dropped within the PR through', () => {
    const prTable: DataSource = { kind: 'created', by: 'pr1', name: 'scratch' }
    expect(
      dataElsewhere({ kind: 'created', by: 'pr2', name: 'x', sources: [prTable] }, added)
    ).toBeUndefined()
  })
  it('a temporary table exists only in the deploy session: elsewhere only what it copied matters', () => {
    const temp = { kind: 'created' as const, by: 'base1', name: 'tmp', temporary: true }
    expect(dataElsewhere({ ...temp, sources: [] }, added)).toBeUndefined()
    expect(dataElsewhere({ ...temp, sources: [baseTable] }, added)).toBe(
      'destroys data from `accounts` in environments where `base1` already ran'
    )
  })

  it('when the PR migrations are not known, every creating migration may have run elsewhere', () => {
    expect(dataElsewhere({ kind: 'created', by: 'pr1', name: 'scratch', sources: [] }, new Set())).toBe(
      'destroys data in environments where `pr1` already ran'
    )
  })
  it('has nothing to add for objects that are not created by the deploy', () => {
    expect(dataElsewhere({ kind: 'existing', name: 'orders' }, added)).toBeUndefined()
    expect(dataElsewhere({ kind: 'unknown' }, added)).toBeUndefined()
  })
})

describe('combineHoldings: an enum swap touches every column that uses the enum', () => {
  it('is blocked by any column that existed before', () => {
    const existing: Holdings = { kind: 'existing', name: 'orders.status' }
    expect(combineHoldings([{ kind: 'created', by: 'm1', name: 'events', sources: [] }, existing])).toBe(
      existing
    )
  })
  it('is harmless only when every column is new, and remembers who created each', () => {
    const combined = combineHoldings([
      { kind: 'created', by: 'm1', name: 'events', sources: [] },
      { kind: 'created', by: 'base1', name: 'accounts', sources: [] }
    ])
    expect(dataHere(combined).destroys).toBe(false)
    expect(dataElsewhere(combined, new Set(['m1']))).toBe(
      'destroys data from `accounts` in environments where `base1` already ran'
    )
  })
  it('knows nothing without objects', () => {
    expect(combineHoldings([])).toEqual({ kind: 'unknown' })
  })
})

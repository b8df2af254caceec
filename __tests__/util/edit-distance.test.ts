import { describe, expect, it } from '@jest/globals'
import { editDistance } from '../../src/util/edit-distance.js'

/** The full table, written out: what the one-row version must agree with. */
function fullTable(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
  return d[a.length][b.length]
}

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['', '', 0],
    ['database-url', 'database-url', 0],
    ['database_url', 'database-url', 1],
    ['userid', 'user_id', 1],
    ['ab', 'ba', 2]
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance)
    expect(editDistance(b, a)).toBe(distance)
  })

  it('agrees with the full table on every pair of a mixed set of names', () => {
    const names = [
      '',
      'a',
      'payer',
      'payers',
      'payee_name',
      'name',
      'full_name',
      'émetteur',
      'emetteur',
      'xyzzy'
    ]
    for (const a of names)
      for (const b of names) expect([a, b, editDistance(a, b)]).toEqual([a, b, fullTable(a, b)])
  })
})

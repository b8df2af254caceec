import { describe, expect, it } from '@jest/globals'
import { type RetentionCandidate, decideRetention } from '../../src/backup/retention.js'

const now = new Date('2026-03-10T12:00:00Z')
const daysAgo = (d: number): Date => new Date(now.getTime() - d * 86_400_000)
const backup = (key: string, age: number, verified = true): RetentionCandidate => ({
  key,
  manifestKey: `${key}.manifest.json`,
  createdAt: daysAgo(age),
  verified
})

const keys = (list: { key: string }[]): string[] => list.map((c) => c.key)

describe('decideRetention', () => {
  const all = [backup('d0', 0), backup('d1', 1), backup('d2', 2), backup('d5', 5), backup('d9', 9)]

  it('keeps everything without a policy', () => {
    expect(decideRetention(all, {}, now).delete).toEqual([])
  })

  it('keep-last keeps the newest N, whatever order they come in', () => {
    const decision = decideRetention([...all].reverse(), { keepLast: 2 }, now)
    expect(keys(decision.keep)).toEqual(['d0', 'd1'])
    expect(keys(decision.delete)).toEqual(['d2', 'd5', 'd9'])
    expect(decision.delete[0].reason).toBe('not among the newest 2')
  })

  it('keep-days keeps backups younger than N days', () => {
    expect(keys(decideRetention(all, { keepDays: 3 }, now).delete)).toEqual(['d5', 'd9'])
  })

  it('with both rules a backup goes only when both let it go', () => {
    const decision = decideRetention(all, { keepLast: 1, keepDays: 6 }, now)
    expect(keys(decision.delete)).toEqual(['d9'])
    expect(decision.delete[0].reason).toMatch(/not among the newest 1 and older than 6 days/)
  })

  it('never deletes the newest verified backup, even when every rule would', () => {
    const old = [backup('new-unverified', 20, false), backup('verified', 30), backup('older', 40)]
    const decision = decideRetention(old, { keepDays: 1 }, now)
    expect(keys(decision.keep)).toEqual(['verified'])
    expect(keys(decision.delete)).toEqual(['new-unverified', 'older'])
  })

  it('keeps the newest verified backup when newer unverified ones fill keep-last', () => {
    const list = [backup('u1', 0, false), backup('u2', 1, false), backup('v', 2), backup('v-old', 3)]
    expect(keys(decideRetention(list, { keepLast: 1 }, now).keep)).toEqual(['u1', 'v'])
  })
})

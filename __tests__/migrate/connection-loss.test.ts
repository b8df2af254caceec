/**
 * What a deploy says after its connection broke: each state it can find (or not find) on a new connection, and
 * never a claim it cannot back (the end-to-end runs are in __tests__/e2e/hostile-gate.e2e.test.ts).
 */
import { describe, expect, it } from '@jest/globals'
import {
  describeConnectionLoss,
  isConnectionLost,
  MigrationRunError,
  serverReason
} from '../../src/migrate/prisma-errors.js'

const NAME = '20260102000000_audit'
const killed = Object.assign(new Error('terminating connection due to administrator command'), {
  code: '57P01'
})

describe('isConnectionLost', () => {
  it.each([
    ['a killed backend', killed],
    ['node-postgres after the socket closed', new Error('Connection terminated unexpectedly')],
    [
      'node-postgres on a dead client',
      new Error('Client has encountered a connection error and is not queryable')
    ],
    ['a reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection exception', Object.assign(new Error('x'), { code: '08006' })],
    ['a broken pipe', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })],
    ['wrapped', new Error('outer', { cause: killed })],
    ['in our P3018', new MigrationRunError('A migration failed to apply.', { code: 'P3018', cause: killed })]
  ])('%s', (_name, error) => {
    expect(isConnectionLost(error)).toBe(true)
  })

  it.each([
    ['a failed statement', Object.assign(new Error('relation "Nope" does not exist'), { code: '42P01' })],
    [
      'a lock timeout',
      Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' })
    ],
    [
      'a migration raising a look-alike message',
      Object.assign(new Error('Client has encountered a connection error and is not queryable'), {
        code: 'P0001'
      })
    ],
    ['a P3018 for a failed statement', new MigrationRunError('x', { code: 'P3018', cause: new Error('y') })],
    ['a thrown string', 'text']
  ])('not %s', (_name, error) => {
    expect(isConnectionLost(error)).toBe(false)
  })

  it("reads the server's reason when it gave one", () => {
    expect(serverReason(new MigrationRunError('x', { code: 'P3018', cause: killed }))).toBe(
      '57P01: terminating connection due to administrator command'
    )
    expect(serverReason(new Error('x', { cause: killed }))).toBe(
      '57P01: terminating connection due to administrator command'
    )
    expect(serverReason(new Error('Connection terminated unexpectedly'))).toBeUndefined()
    expect(serverReason(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBeUndefined()
  })
})

describe('MigrationRunError.from', () => {
  it('turns a connection lost outside the script into P1017 with what was applied and where it stopped', () => {
    const applied = [
      { name: 'a', checksum: 'c', startedAt: new Date(), finishedAt: new Date(), durationMs: 1 }
    ]
    const error = MigrationRunError.from(new Error('Connection terminated unexpectedly'), applied, NAME)
    expect(error).toBeInstanceOf(MigrationRunError)
    expect(error).toMatchObject({ code: 'P1017', applied, failedMigration: NAME })
    expect((error as Error).message).toBe('Server has closed the connection.')
  })

  it('leaves other errors without a code as they are', () => {
    const other = new Error('boom')
    expect(MigrationRunError.from(other, [], NAME)).toBe(other)
  })
})

describe('describeConnectionLoss', () => {
  const resolveBoth = (hint: string): void => {
    expect(hint).toContain(`resolve-rolled-back: "${NAME}"`)
    expect(hint).toContain(`resolve-applied: "${NAME}"`)
  }

  it('script killed, state read again: failed, commit unknown, both resolve paths', () => {
    const { text, hint } = describeConnectionLoss({
      migration: NAME,
      duringScript: true,
      row: 'failed',
      reason: '57P01: terminating connection due to administrator command'
    })
    expect(text).toContain('the server said 57P01')
    expect(text).toContain('P3009')
    expect(text).toContain('cannot be known from here')
    expect(text).not.toMatch(/rolled back|was not committed/)
    resolveBoth(hint)
  })

  it('the session still runs at the server: wait for it (it may still commit)', () => {
    const { text, hint } = describeConnectionLoss({
      migration: NAME,
      duringScript: true,
      row: 'failed',
      sessionStillOpen: { pid: 4242, state: 'active' }
    })
    expect(text).toContain('pid 4242) is still open on the server (active)')
    expect(text).toContain('may still commit')
    expect(hint).toContain('pg_cancel_backend(4242)')
    resolveBoth(hint)
  })

  it('nothing could be read again: what the run knows, and the pid to look at first', () => {
    const { text, hint } = describeConnectionLoss({
      migration: NAME,
      duringScript: true,
      rereadError: "P1001: Can't reach database server at `h:5`.",
      pid: 77
    })
    expect(text).toContain('committed before the script ran and was never marked finished')
    expect(text).toContain('the state could not be read again: P1001')
    expect(text).toContain('pid 77) may still be open')
    resolveBoth(hint)
  })

  it('lost while recording the row, nothing read again: missing or failed, it says both', () => {
    const { text } = describeConnectionLoss({ migration: NAME, duringScript: false, rereadError: 'x' })
    expect(text).toContain('either missing')
    expect(text).toContain('if it is failed, every deploy stops with P3009')
    expect(text).toContain('may or may not have run')
  })

  it('no row on the new connection: the script never ran, the next deploy applies it', () => {
    const { text, hint } = describeConnectionLoss({ migration: NAME, duringScript: false, row: 'absent' })
    expect(text).toContain('its script never ran, and the next deploy applies it')
    expect(hint).not.toContain('resolve')
  })

  it('before any migration started', () => {
    expect(describeConnectionLoss({ duringScript: false }).text).toContain('before any migration started')
  })
})

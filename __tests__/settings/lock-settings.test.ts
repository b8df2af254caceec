import { describe, expect, it } from '@jest/globals'
import { readerFromMap } from '../../src/settings/input.js'
import { readLockSafetySettings, sessionTimeouts } from '../../src/settings/lock-settings.js'

describe('lock-safety inputs', () => {
  it('defaults: lock-timeout 1s, retries for 60 s, no statement timeout', () => {
    const settings = readLockSafetySettings(readerFromMap({}))
    expect(settings).toEqual({ lockTimeoutMs: 1000, statementTimeoutMs: 0, retryWindowMs: 60_000 })
    expect(sessionTimeouts(settings)).toEqual({ lock_timeout: '1000' })
  })

  it.each([
    ['500ms', 500],
    ['2s', 2000],
    ['1.5s', 1500],
    ['2min', 120_000],
    ['1h', 3_600_000],
    ['250', 250],
    ['0', 0],
    ['0.2ms', 1],
    ['3 S', 3000]
  ])('reads %s as %i ms (PostgreSQL units; a bare number is ms)', (raw, ms) => {
    expect(readLockSafetySettings(readerFromMap({ 'lock-timeout': raw })).lockTimeoutMs).toBe(ms)
  })

  it('sets the timeouts for the session, and nothing for 0', () => {
    const settings = readLockSafetySettings(
      readerFromMap({ 'lock-timeout': '0', 'statement-timeout': '15min', 'lock-retry-window': '0' })
    )
    expect(settings).toEqual({ lockTimeoutMs: 0, statementTimeoutMs: 900_000, retryWindowMs: 0 })
    expect(sessionTimeouts(settings)).toEqual({ statement_timeout: '900000' })
    expect(sessionTimeouts({ ...settings, statementTimeoutMs: 0 })).toBeUndefined()
  })

  it.each([
    ['lock-timeout', '-1s'],
    ['lock-timeout', '1 second'],
    ['lock-timeout', '1s -c search_path=evil'],
    ['statement-timeout', '5d'],
    ['lock-retry-window', 'forever'],
    ['lock-timeout', '3000000000'],
    ['lock-retry-window', '7h']
  ])('refuses %s: %s, naming the input', (name, raw) => {
    expect(() => readLockSafetySettings(readerFromMap({ [name]: raw }))).toThrow(`Input \`${name}\``)
  })
})

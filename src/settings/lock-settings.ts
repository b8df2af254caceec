/**
 * The lock-safety inputs of `migrate-deploy`: `lock-timeout`, `statement-timeout`, `lock-retry-window`.
 * Durations are written as PostgreSQL writes them (`500ms`, `1s`, `2min`, `1h`; a bare number is milliseconds).
 */
import { InputError } from '../errors.js'
import type { LockSafetySettings } from '../migrate/lock-safety.js'
import type { InputReader } from './input.js'

const DEFAULT_LOCK_TIMEOUT = '1s'
const DEFAULT_LOCK_RETRY_WINDOW = '60s'

/** PostgreSQL's limit for both timeouts (INT_MAX milliseconds). */
const MAX_TIMEOUT_MS = 2_147_483_647
const MAX_WINDOW_MS = 6 * 3_600_000

const UNITS: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 }

/** Milliseconds of a duration input, or an InputError naming it. */
function parseDuration(read: InputReader, name: string, fallback: string, maxMs: number): number {
  const raw = read(name) || fallback
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min|h)?$/i.exec(raw)
  const exact = match ? Number(match[1]) * UNITS[(match[2] ?? 'ms').toLowerCase()] : NaN
  // A positive duration never rounds down to 0, which would mean "off".
  const ms = exact > 0 ? Math.max(1, Math.round(exact)) : exact
  if (!Number.isFinite(ms) || ms > maxMs) {
    throw new InputError(
      name,
      match
        ? `is too long ("${raw}"); the most is ${maxMs / 1000} s.`
        : `must be a duration such as 500ms, 1s or 2min, got "${raw}".`,
      'Write a number with the unit ms, s, min or h (a bare number is milliseconds, as in PostgreSQL); 0 turns it off.'
    )
  }
  return ms
}

export function readLockSafetySettings(read: InputReader): LockSafetySettings {
  return {
    lockTimeoutMs: parseDuration(read, 'lock-timeout', DEFAULT_LOCK_TIMEOUT, MAX_TIMEOUT_MS),
    statementTimeoutMs: parseDuration(read, 'statement-timeout', '0', MAX_TIMEOUT_MS),
    retryWindowMs: parseDuration(read, 'lock-retry-window', DEFAULT_LOCK_RETRY_WINDOW, MAX_WINDOW_MS)
  }
}

/**
 * The run-time parameters of the deploy's session: sent as startup options with the connection request (no extra
 * round trip), and only that session gets them (not pg_dump, not the lock monitor). Values are digits (ms).
 */
export function sessionTimeouts(settings: LockSafetySettings): Record<string, string> | undefined {
  const out: Record<string, string> = {}
  if (settings.lockTimeoutMs > 0) out.lock_timeout = String(settings.lockTimeoutMs)
  if (settings.statementTimeoutMs > 0) out.statement_timeout = String(settings.statementTimeoutMs)
  return Object.keys(out).length > 0 ? out : undefined
}

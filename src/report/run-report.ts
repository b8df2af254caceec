import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { ACTION_NAME, ACTION_VERSION, type Mode } from '../constants.js'
import { ActionError } from '../errors.js'
import { scrub } from '../util/secrets.js'

/**
 * The JSON report (output `report-path`): everything a run found, for later steps. Its shape is documented in
 * the README ("The JSON report"); `reportVersion` changes when a field changes meaning or disappears.
 */
export interface RunReport {
  reportVersion: 1
  action: { name: string; version: string }
  mode: Mode | null
  startedAt: string
  finishedAt: string
  durationMs: number
  outcome: 'success' | 'failure'
  error: { code?: string; message: string; hint?: string } | null
  [section: string]: unknown
}

export function buildReport(options: {
  mode: Mode | null
  startedAt: Date
  sections: Record<string, unknown>
  error?: unknown
}): RunReport {
  const finishedAt = new Date()
  const error = options.error
  return {
    reportVersion: 1,
    action: { name: ACTION_NAME, version: ACTION_VERSION },
    mode: options.mode,
    startedAt: options.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - options.startedAt.getTime(),
    outcome: error ? 'failure' : 'success',
    error: error
      ? error instanceof ActionError
        ? { code: error.code, message: error.message, hint: error.hint }
        : { message: error instanceof Error ? error.message : String(error) }
      : null,
    ...options.sections
  }
}

/** Writes the report; every string in it passes through the secret scrubber first. */
export function writeReport(path: string, report: RunReport): void {
  mkdirSync(dirname(path), { recursive: true })
  const text = JSON.stringify(
    report,
    (_key, value: unknown) => (typeof value === 'string' ? scrub(value) : value),
    2
  )
  writeFileSync(path, text + '\n', { mode: 0o600 })
}

import type { ActionError } from '../errors.js'

/**
 * What each mode hands back to `main.ts`, which alone writes outputs, the job summary and the JSON report, and
 * alone calls `setFailed`. A mode that fails after it has something to report returns `failure` instead of
 * throwing, so that the summary and the report still say what happened.
 */
export interface ModeResult {
  /** Output name (kebab-case, as in action.yml) → value. */
  outputs: Record<string, string>
  /** The job summary (markdown, already size-limited). */
  markdown: string
  /** Merged into the JSON report under the mode's own keys. */
  report: Record<string, unknown>
  /**
   * What the run achieved that stays true whatever fails afterwards (e.g. "Backup stored as …"): repeated in the
   * failure message when outputs, report or summary cannot be written, so the log still tells it.
   */
  completed?: string
  failure?: ActionError
}

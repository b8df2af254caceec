/** What main.ts adds to a job summary when a run fails, or when writing one of its results fails. */
import type { Mode } from '../constants.js'
import { escapeHtml, foldLines, inline, text } from './markdown.js'

/** The summary of a run that failed before its mode could report: the error, each line as inline markdown. */
export function renderRunFailure(mode: Mode | null, message: string, code?: string): string {
  // Messages quote names and server text: each line as inline markdown, so that none of it renders as markup.
  const lines = message
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => inline(line))
  const suffix = code ? ` (${code})` : ''
  return [`### ❌ ${text(mode ?? 'prisma-postgres-ops')} failed${text(suffix)}`, ...lines].join('\n\n') + '\n'
}

/**
 * Notes about results that could not be written (the report, the outputs), appended to the summary: our own
 * sentence around a system error, kept readable as written (paths with `_`), HTML escaped, on one line.
 */
export function renderSinkFailures(failures: string[]): string {
  return failures.map((f) => `\n> ⚠️ ${foldLines(escapeHtml(f))}\n`).join('')
}

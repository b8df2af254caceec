/**
 * Fitting a report into GitHub's limits in linear time: every block and every line is rendered and measured once,
 * and a document is only ever cut between whole blocks or whole lines (never inside a code span, a fence or an
 * HTML element, where a cut would let the rest render as something else).
 */
import { byteLength } from './markdown.js'

export type Measure = (s: string) => number

/** PR comments are limited in characters (JS length counts UTF-16 units: never fewer than GitHub's count). */
export const chars: Measure = (s) => s.length
/** Job summaries are limited in bytes. */
export const bytes: Measure = byteLength

/** Blocks are joined by a blank line: a block costs its size plus that separator. */
export const SEPARATOR = 2

/** Blocks joined as a document ends up; its size is the sum of the blocks' costs minus one. */
export function joinBlocks(blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`
}

export function cost(measure: Measure, blocks: string[]): number {
  let total = 0
  for (const b of blocks) total += measure(b) + SEPARATOR
  return total
}

export interface FittedLines {
  /** The head and the kept lines, then (when some were left out) a blank line and the note; '' when none fit. */
  text: string
  kept: number
  omitted: number
}

/**
 * `head` (a table head, a title; may be '') and as many of `lines` as fit in `budget`, in order. When some are
 * left out, `more(omitted)` follows after a blank line (so that it never continues a table); its size is reserved
 * first. With no line kept, only the note is returned.
 */
export function fitLines(
  head: string,
  lines: string[],
  budget: number,
  measure: Measure,
  more: (omitted: number) => string
): FittedLines {
  const sizes = lines.map(measure)
  const headSize = head ? measure(head) : -1
  let total = headSize
  for (const size of sizes) total += 1 + size
  if (total <= budget)
    return { text: [...(head ? [head] : []), ...lines].join('\n'), kept: lines.length, omitted: 0 }
  const reserve = SEPARATOR + measure(more(lines.length))
  let used = headSize
  let kept = 0
  while (kept < lines.length && used + 1 + sizes[kept] + reserve <= budget) {
    used += 1 + sizes[kept]
    kept++
  }
  const omitted = lines.length - kept
  if (kept === 0) {
    const alone = more(omitted)
    return { text: measure(alone) <= budget ? alone : '', kept: 0, omitted }
  }
  return {
    text: `${[...(head ? [head] : []), ...lines.slice(0, kept)].join('\n')}\n\n${more(omitted)}`,
    kept,
    omitted
  }
}

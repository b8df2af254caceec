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

/** The note that closes a document cut by `fitDocument`. */
export const DOCUMENT_CUT_NOTE =
  "> ✂️ Cut to fit GitHub's size limit: the rest of this report is in the JSON report (the `report-path` output)."

/**
 * The last guard on a whole document (the job summary as written, whatever the mode put together): within
 * `limit`, cut at a line boundary outside code fences and `<details>` blocks, with a closing note. A document that
 * fits comes back unchanged; the renderers fit their own parts first, so this cuts only what they could not see
 * (notes appended after rendering).
 */
export function fitDocument(markdown: string, limit: number, measure: Measure): string {
  if (measure(markdown) <= limit) return markdown
  const budget = limit - measure(`\n${DOCUMENT_CUT_NOTE}\n`)
  const lines = markdown.split('\n')
  let used = 0
  let safe = 0
  let fence: string | undefined
  let openDetails = 0
  for (let i = 0; i < lines.length; i++) {
    const size = measure(lines[i]) + 1
    if (used + size > budget) break
    used += size
    const marks = /^\s*(`{3,}|~{3,})/.exec(lines[i])?.[1]
    if (marks && (!fence || (marks[0] === fence[0] && marks.length >= fence.length)))
      fence = fence ? undefined : marks
    else if (!fence)
      openDetails +=
        (lines[i].match(/<details/g) ?? []).length - (lines[i].match(/<\/details>/g) ?? []).length
    if (!fence && openDetails <= 0) safe = i + 1
  }
  return `${lines.slice(0, safe).join('\n')}\n${DOCUMENT_CUT_NOTE}\n`
}

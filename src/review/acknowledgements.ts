import type { ParsedScript } from '../sql/parse.js'
import { code } from '../render/markdown.js'

/**
 * `-- pg-ops:allow <rule-id>[,<rule-id>...] <reason>` on a comment line directly above a statement allows that
 * statement's findings of those rules through the deploy gate. Only other comment lines may sit between the
 * acknowledgement and the statement, so that it cannot drift onto an unrelated statement after an edit.
 */
export const ACK_PREFIX = 'pg-ops:allow'
const ACK = /^--\s*pg-ops:allow\b\s*(.*)$/

export interface ParsedAcknowledgement {
  line: number
  rules: string[]
  reason: string
  /** Index of the statement it applies to. */
  statementIndex: number
}

export interface InvalidAcknowledgement {
  line: number
  problem: string
}

export function readAcknowledgements(
  parsed: ParsedScript,
  knownRules: ReadonlySet<string>
): { valid: ParsedAcknowledgement[]; invalid: InvalidAcknowledgement[] } {
  const valid: ParsedAcknowledgement[] = []
  const invalid: InvalidAcknowledgement[] = []
  const commentLines = new Set<number>()
  for (const c of parsed.comments) for (let l = c.startLine; l <= c.endLine; l++) commentLines.add(l)
  for (const c of parsed.comments) {
    const m = c.kind === 'line' ? ACK.exec(c.text.trim()) : null
    if (!m) continue
    const [ruleList = '', ...reasonWords] = m[1].trim().split(/\s+/)
    const rules = ruleList.split(',').filter(Boolean)
    const reason = reasonWords.join(' ').trim()
    const unknown = rules.filter((r) => !knownRules.has(r))
    const trailing = parsed.statements.some((s) => s.endLine === c.startLine && s.byteEnd <= c.byteStart)
    const next = parsed.statements.find((s) => s.byteStart > c.byteEnd)
    let gap = false
    if (next) for (let l = c.endLine + 1; l < next.startLine; l++) if (!commentLines.has(l)) gap = true
    const problem =
      rules.length === 0
        ? `\`${ACK_PREFIX}\` names no rule`
        : unknown.length
          ? `unknown rule ${unknown.map((r) => code(r)).join(', ')}`
          : !reason
            ? 'a reason is required after the rule id'
            : trailing
              ? 'it must be on its own line above the statement, not after one'
              : !next
                ? 'no statement follows it'
                : gap
                  ? 'a blank line separates it from the next statement'
                  : undefined
    if (problem || !next) invalid.push({ line: c.startLine, problem: problem ?? 'no statement follows it' })
    else valid.push({ line: c.startLine, rules, reason, statementIndex: next.index })
  }
  return { valid, invalid }
}

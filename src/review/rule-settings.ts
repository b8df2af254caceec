import { InputError } from '../errors.js'
import { RULES, RULES_BY_ID } from './rules/index.js'
import type { Severity } from './types.js'

export const FAIL_ON = ['error', 'warning', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]
const LEVELS = ['off', 'on', 'error', 'warning', 'notice'] as const

/** Every rule at its default: style rules off, the rest at their own severity. */
export function defaultRuleSeverities(): Map<string, Severity> {
  return new Map(RULES.filter((r) => r.enabledByDefault).map((r) => [r.id, r.severity]))
}

/**
 * `rules`: comma- or newline-separated `<rule-id>=<level>`, level one of off, on (the rule's default severity,
 * e.g. to enable a style rule), error, warning, notice. Example: `drop-view=off, index-not-concurrent=error`.
 */
export function parseRuleOverrides(entries: string[], inputName = 'rules'): Map<string, Severity> {
  const severities = defaultRuleSeverities()
  for (const entry of entries) {
    const m = /^([a-z0-9-]+)\s*[=:]\s*([a-z]+)$/i.exec(entry)
    if (!m)
      throw new InputError(
        inputName,
        `cannot read "${entry}": write <rule-id>=<level>, e.g. "drop-view=off".`
      )
    const id = m[1].toLowerCase()
    const level = m[2].toLowerCase()
    const rule = RULES_BY_ID.get(id)
    if (!rule)
      throw new InputError(
        inputName,
        `has the unknown rule "${id}". Valid rule ids: ${RULES.map((r) => r.id).join(', ')}.`
      )
    if (!(LEVELS as readonly string[]).includes(level))
      throw new InputError(
        inputName,
        `has the unknown level "${m[2]}" for ${id}. Accepted levels: ${LEVELS.join(', ')}.`
      )
    if (level === 'off') severities.delete(id)
    else severities.set(id, level === 'on' ? rule.severity : (level as Severity))
  }
  return severities
}

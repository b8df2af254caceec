import { type InputReader, parseBool, parseChoice, parseList } from '../settings/input.js'
import { registerSecret } from '../util/secrets.js'
import { FAIL_ON, type FailOn, parseRuleOverrides } from './rule-settings.js'
import type { Severity } from './types.js'

export { defaultRuleSeverities, FAIL_ON, type FailOn, parseRuleOverrides } from './rule-settings.js'

export interface ReviewSettings {
  /** `allow-destructive`: deploy even with unacknowledged error-level findings. */
  allowDestructive: boolean
  /** `fail-on`: the lowest severity that fails migrate-status. */
  failOn: FailOn
  /** Effective severity per rule id; a rule that is off is absent. */
  rules: ReadonlyMap<string, Severity>
  /** `comment`: write the sticky PR comment on pull_request events. */
  comment: boolean
  /** `github-token` (registered as a secret). */
  githubToken: string
  /** `base-ref`: overrides the PR's base for the offline review (a branch, tag or SHA). */
  baseRef?: string
}

export function readReviewSettings(read: InputReader): ReviewSettings {
  const githubToken = read('github-token')
  registerSecret(githubToken)
  const baseRef = read('base-ref')
  return {
    allowDestructive: parseBool(read, 'allow-destructive', false),
    failOn: parseChoice(read, 'fail-on', FAIL_ON, 'error'),
    rules: parseRuleOverrides(parseList(read, 'rules')),
    comment: parseBool(read, 'comment', true),
    githubToken,
    baseRef: baseRef || undefined
  }
}

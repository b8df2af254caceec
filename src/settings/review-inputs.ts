import { FAIL_ON, parseRuleOverrides } from '../review/rule-settings.js'
import type { ReviewInputs } from './settings.js'
import { type InputReader, parseBool, parseChoice, parseList } from './input.js'

/**
 * The review inputs, checked together for both modes that review (migrate-status and migrate-deploy), so that a
 * wrong value fails either the same way; each mode keeps the fields it uses.
 */
export function readReviewInputs(read: InputReader): ReviewInputs {
  return {
    allowDestructive: parseBool(read, 'allow-destructive', false),
    failOn: parseChoice(read, 'fail-on', FAIL_ON, 'error'),
    rules: parseRuleOverrides(parseList(read, 'rules')),
    comment: parseBool(read, 'comment', true),
    githubToken: read('github-token'),
    baseRef: read('base-ref') || undefined
  }
}

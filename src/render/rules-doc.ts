/**
 * docs/rules.md, generated from the rule files (src/review/rules/): the table of rules and a section per rule with
 * what it flags, why it is dangerous, the safe alternative and an example. `npm run docs` writes it;
 * __tests__/docs/rules-doc.test.ts fails when the committed file is not what the rules say.
 */
import type { RuleDefinition } from '../review/rules/rule.js'
import { fence } from './markdown.js'

const INTRO = `# Review rules

Every finding of the SQL review links to its rule here. Severities are the defaults; change them, or turn rules on and off, with the \`rules\` input, e.g.:

\`\`\`yaml
rules: |
  drop-view=off
  index-not-concurrent=error
  prefer-bigint=warning   # style rules are off by default; \`on\` enables one at its default severity
\`\`\`

Error-level findings stop \`migrate-deploy\` unless \`allow-destructive: true\` is set or each is acknowledged in the migration file by a comment line directly above the statement (other comment lines may sit in between, blank lines may not):

\`\`\`sql
-- pg-ops:allow drop-table payers moved to the billing service in #123; backup in s3://backups/payers.dump
-- DropTable
DROP TABLE "payers";
\`\`\`

Several rules can be named at once (\`-- pg-ops:allow drop-column,drop-and-recreate-column <reason>\`). The reason is required. An acknowledgement that cannot apply, or that has nothing to acknowledge, is itself reported.

"Data loss" rules count what is at stake on the live database when one is reachable (rows, non-null values, NULLs, duplicate groups, rows holding removed enum values, values failing a cast), read-only and with short timeouts; a count that times out is replaced by the catalog estimate and labelled as such. Tables created earlier in the same pending migrations are new: no lock rules and no counts apply to them.

With a database, a "data loss" finding on an object that an earlier statement of the same deploy created (and filled only with its own constants) destroys nothing in that database: it is allowed through the deploy gate with the reason ("created by \`<migration>\` in this deploy; nothing to lose here"). An object that existed before the deploy (also under a new name), a new table filled from one that did, or anything a statement the review cannot follow (\`DO\`, \`CALL\`, \`COPY\`, triggers, functions the deploy defines) may have written still counts, and so does every finding of an offline review. In a pull request's comment, such a drop in a migration the PR adds stays an error when a migration on the base branch created the object: it destroys data wherever that migration already ran.

`

function severityCell(rule: RuleDefinition): string {
  return rule.enabledByDefault ? rule.severity : 'off (style)'
}

function dataLossCell(rule: RuleDefinition): string {
  if (!rule.destructive) return ''
  return rule.lossUnknown ? 'may' : 'yes'
}

function severityLine(rule: RuleDefinition): string {
  const severity = rule.enabledByDefault ? rule.severity : `${rule.severity} when enabled (off by default)`
  if (!rule.destructive) return severity
  const unknown = rule.lossUnknown ? ' (counted as destructive: what it does is unknown)' : ''
  return `${severity} · **data loss**${unknown}`
}

function section(rule: RuleDefinition): string {
  return [
    `## ${rule.id}`,
    `**Severity:** ${severityLine(rule)}`,
    `**What:** ${rule.title}.`,
    `**Why it is dangerous:** ${rule.docs?.why ?? rule.why}`,
    ...(rule.docs?.details ? [rule.docs.details] : []),
    `**Safe alternative:** ${rule.fix}`,
    '**Example:**',
    fence(rule.example, 'sql')
  ].join('\n\n')
}

export function renderRulesDoc(rules: readonly RuleDefinition[]): string {
  const table = [
    '| rule | default severity | data loss |',
    '|---|---|---|',
    ...rules.map((r) => `| [${r.id}](#${r.id}) | ${severityCell(r)} | ${dataLossCell(r)} |`)
  ].join('\n')
  return `${INTRO}${table}\n\n${rules.map(section).join('\n\n')}\n`
}

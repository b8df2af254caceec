import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderRulesDoc } from '../../src/render/rules-doc.js'
import { RULES } from '../../src/review/rules/index.js'

const PATH = join(import.meta.dirname, '../../docs/rules.md')

describe('docs/rules.md', () => {
  it('is generated from the rule files (run `npm run docs` after changing a rule)', () => {
    const rendered = renderRulesDoc(RULES)
    // `npm run docs` sets WRITE_RULES_DOC=1 (never in CI): the file is rewritten, then compared as usual.
    if (process.env.WRITE_RULES_DOC === '1' && process.env.CI !== 'true') writeFileSync(PATH, rendered)
    expect(readFileSync(PATH, 'utf8')).toBe(rendered)
  })

  it('has a section, an example and a table row for every rule', () => {
    const doc = renderRulesDoc(RULES)
    for (const rule of RULES) {
      expect(doc).toContain(`\n## ${rule.id}\n`)
      expect(doc).toContain(`| [${rule.id}](#${rule.id}) |`)
      expect(rule.example.trim().length).toBeGreaterThan(0)
    }
  })
})

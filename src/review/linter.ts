import { type ParsedScript, type ParsedStatement, parseScript } from '../sql/parse.js'
import { type AnyNode, objectKey, qualifiedName, stringsOf } from './ast.js'
import { PendingModel } from './model.js'
import { RULES } from './rules/index.js'
import type { FileContext, RuleDefinition, RuleHit } from './rules/rule.js'
import type { MigrationInput } from './types.js'

export interface LintHit {
  rule: RuleDefinition
  hit: RuleHit
  stmt: ParsedStatement
  /** Views the pending set dropped before this statement (a live dependent-view check ignores them). */
  viewsDroppedBefore: string[]
}

export interface LintedMigration {
  input: MigrationInput
  parsed: ParsedScript
  hits: LintHit[]
}

const BY_KIND = new Map<string, RuleDefinition[]>()
const ANY_KIND: RuleDefinition[] = []
for (const rule of RULES) {
  if (!rule.check) continue
  if (!rule.kinds) ANY_KIND.push(rule)
  else for (const kind of rule.kinds) BY_KIND.set(kind, [...(BY_KIND.get(kind) ?? []), rule])
}

/**
 * Runs every rule over the pending migrations in order, with one model of what the pending set creates, so that
 * a table created by an earlier pending migration (or earlier in the same file) counts as new. Every rule runs;
 * the settings (disabled rules, severities) are applied afterwards so that the Prisma cross-check sees all of
 * them. Requires `await loadParser()`.
 */
export function lintMigrations(
  migrations: MigrationInput[],
  enabled?: ReadonlySet<string>
): LintedMigration[] {
  const model = new PendingModel()
  const droppedViews: string[] = []
  return migrations.map((input) => {
    const parsed = parseScript(input.script)
    const file: FileContext = { migration: input, parsed }
    const hits: LintHit[] = []
    for (const stmt of parsed.statements) {
      const node = (stmt.node as AnyNode)[stmt.kind]
      const rules = [...(BY_KIND.get(stmt.kind) ?? []), ...ANY_KIND]
      for (const rule of rules) {
        if (enabled && !enabled.has(rule.id)) continue
        for (const hit of rule.check!({ stmt, node, file, model }))
          hits.push({ rule, hit, stmt, viewsDroppedBefore: [...droppedViews] })
      }
      if (
        stmt.kind === 'DropStmt' &&
        (node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW')
      )
        for (const obj of node.objects ?? []) droppedViews.push(objectKey(qualifiedName(stringsOf(obj))))
      model.apply(stmt, input.name)
    }
    return { input, parsed, hits }
  })
}

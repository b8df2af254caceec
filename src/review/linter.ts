import { type ParsedScript, type ParsedStatement, parseScript } from '../sql/parse.js'
import { type AnyNode, objectKey, qualifiedName, stringsOf } from '../sql/ast.js'
import { combineHoldings, type Holdings } from './holdings.js'
import { type DatabaseCatalog, PendingModel } from './model.js'
import { RULES } from './rules/index.js'
import type { FileContext, RuleDefinition, RuleHit } from './rules/rule.js'
import type { DatabaseLookup, MigrationInput } from './types.js'

export interface LintHit {
  rule: RuleDefinition
  hit: RuleHit
  stmt: ParsedStatement
  /** For a destructive rule: what the objects it destroys hold at this point of the deploy. */
  holds?: Holdings
}

export interface ParsedMigration {
  input: MigrationInput
  parsed: ParsedScript
}

export interface LintedMigration extends ParsedMigration {
  hits: LintHit[]
}

/** A rule that looks at statements, with its check (the review's own findings have none). */
interface CheckingRule {
  rule: RuleDefinition
  check: NonNullable<RuleDefinition['check']>
}

const BY_KIND = new Map<string, CheckingRule[]>()
const ANY_KIND: CheckingRule[] = []
for (const rule of RULES) {
  if (!rule.check) continue
  const checking = { rule, check: rule.check }
  if (!rule.kinds) ANY_KIND.push(checking)
  else for (const kind of rule.kinds) BY_KIND.set(kind, [...(BY_KIND.get(kind) ?? []), checking])
}

/** Requires `await loadParser()`. */
export function parseMigrations(migrations: MigrationInput[]): ParsedMigration[] {
  return migrations.map((input) => ({ input, parsed: parseScript(input.script) }))
}

function holdingsOf(hit: RuleHit, model: PendingModel): Holdings | undefined {
  const objects =
    hit.objects ??
    (hit.table === undefined ? [] : [{ table: { schema: hit.schema, name: hit.table }, column: hit.column }])
  return objects.length ? combineHoldings(objects.map((o) => model.holdings(o.table, o.column))) : undefined
}

/** A lookup under the database's names, ignoring the views the pending set dropped before the statement. */
function lookupInDatabase(
  lookup: DatabaseLookup,
  model: PendingModel,
  droppedViews: string[]
): DatabaseLookup | undefined {
  const mapped = model.stakeInDatabase({ kind: 'table-rows', table: lookup.table })
  return mapped?.kind === 'table-rows'
    ? { ...lookup, table: mapped.table, ignore: [...droppedViews] }
    : undefined
}

/**
 * Runs every rule over the pending migrations in order, with one model of what the pending set creates, so that
 * a table created by an earlier pending migration (or earlier in the same file) counts as new. Every rule runs;
 * the settings (disabled rules, severities) are applied afterwards so that the Prisma cross-check sees all of
 * them. With the target database's catalog, names resolve as Postgres will resolve them there, stakes are counted
 * under the database's names, and each destructive hit says what its object holds.
 */
export function lintMigrations(
  migrations: ParsedMigration[],
  options: { enabled?: ReadonlySet<string>; catalog?: DatabaseCatalog } = {}
): LintedMigration[] {
  const { enabled } = options
  const model = new PendingModel(options.catalog)
  const droppedViews: string[] = []
  return migrations.map(({ input, parsed }) => {
    const file: FileContext = { migration: input, parsed }
    const hits: LintHit[] = []
    model.beginMigration(input.name)
    for (const stmt of parsed.statements) {
      const node = (stmt.node as AnyNode)[stmt.kind]
      const rules = [...(BY_KIND.get(stmt.kind) ?? []), ...ANY_KIND]
      for (const { rule, check } of rules) {
        if (enabled && !enabled.has(rule.id)) continue
        for (const hit of check({ stmt, node, file, model })) {
          if (hit.stake) hit.stake = model.stakeInDatabase(hit.stake)
          if (hit.lookup) {
            // A table the pending set created is not in the database: nothing to ask.
            hit.lookup = lookupInDatabase(hit.lookup, model, droppedViews)
            if (!hit.lookup) continue
          }
          const holds =
            rule.destructive && !rule.lossUnknown && !hit.quiet ? holdingsOf(hit, model) : undefined
          hits.push({ rule, hit, stmt, holds })
        }
      }
      if (
        stmt.kind === 'DropStmt' &&
        (node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW')
      )
        for (const obj of node.objects ?? []) droppedViews.push(objectKey(qualifiedName(stringsOf(obj))))
      model.apply(stmt)
    }
    return { input, parsed, hits }
  })
}

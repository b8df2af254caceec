import { type AnyNode, columnDefOf, type ColumnDefInfo, displayType, relationOf } from '../../sql/ast.js'
import {
  alterCommands,
  qualifiedColumn,
  type RuleDefinition,
  type RuleHit,
  type StatementContext
} from './rule.js'

/** Columns a statement defines (CREATE TABLE columns and ADD COLUMN), for the type-style rules. */
export function definedColumns(
  ctx: StatementContext
): { table: { schema?: string; name: string }; col: ColumnDefInfo }[] {
  const table = relationOf(ctx.node.relation)
  if (!table) return []
  const defs: AnyNode[] =
    ctx.stmt.kind === 'CreateStmt'
      ? (ctx.node.tableElts ?? [])
      : alterCommands(ctx.node)
          .filter((c) => c.subtype === 'AT_AddColumn')
          .map((c) => c.def)
  return defs
    .map((d) => columnDefOf(d))
    .filter((c): c is ColumnDefInfo => c !== undefined)
    .map((col) => ({ table, col }))
}

export function typeStyleRule(options: {
  id: string
  title: string
  why: string
  fix: string
  example: string
  matches: (col: ColumnDefInfo) => boolean
  advice: string
}): RuleDefinition {
  return {
    id: options.id,
    severity: 'notice',
    destructive: false,
    enabledByDefault: false,
    kinds: ['CreateStmt', 'AlterTableStmt'],
    title: options.title,
    why: options.why,
    fix: options.fix,
    example: options.example,
    check: (ctx): RuleHit[] =>
      definedColumns(ctx)
        .filter(({ col }) => options.matches(col))
        .map(({ table, col }) => ({
          message: `${qualifiedColumn(table, col.name)} is ${displayType(col.type)}: ${options.advice}`,
          schema: table.schema,
          table: table.name,
          column: col.name
        }))
  }
}

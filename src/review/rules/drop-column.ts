import { columnDefOf, type RelationName, relationOf } from '../../sql/ast.js'
import { alterCommands, otherStatements, qualifiedColumn, type RuleDefinition, labelObject } from './rule.js'

/** Columns the same ALTER TABLE (or a later statement of the file) adds back under the same name. */
export function readdedColumns(ctx: Parameters<NonNullable<RuleDefinition['check']>>[0]): Set<string> {
  const rel = relationOf(ctx.node.relation)
  const out = new Set<string>()
  const scan = (node: unknown): void => {
    for (const cmd of alterCommands(node)) {
      if (cmd.subtype === 'AT_AddColumn') {
        const col = columnDefOf(cmd.def)
        if (col) out.add(col.name)
      }
    }
  }
  scan(ctx.node)
  for (const other of otherStatements(ctx, 'after')) {
    const otherRel = other.stmt.kind === 'AlterTableStmt' ? relationOf(other.node.relation) : undefined
    if (otherRel && rel && otherRel.name === rel.name && otherRel.schema === rel.schema) scan(other.node)
  }
  return out
}

/** The table of an ALTER TABLE that may drop columns, the columns it adds back, and whether the table is new. */
export function droppedColumnsTarget(
  ctx: Parameters<NonNullable<RuleDefinition['check']>>[0]
): { table: RelationName; readded: Set<string>; isNew: boolean } | undefined {
  if (ctx.node.objtype !== 'OBJECT_TABLE') return undefined
  const table = relationOf(ctx.node.relation)
  if (!table) return undefined
  return { table, readded: readdedColumns(ctx), isNew: ctx.model.isNewTable(table) }
}

export const dropColumn: RuleDefinition = {
  id: 'drop-column',
  severity: 'error',
  destructive: true,
  enabledByDefault: true,
  kinds: ['AlterTableStmt'],
  title: 'DROP COLUMN deletes every value in the column',
  why: 'The values are gone once the migration commits. Code still deployed that selects or writes the column fails until the new release is out.',
  fix: 'Expand and contract: stop reading and writing the column in one release (Prisma: remove the field, or mark it `@ignore` first), back the values up, then drop it in a later migration. If the column was renamed, use `ALTER TABLE ... RENAME COLUMN` (and `@map` in schema.prisma) instead.',
  example: 'ALTER TABLE "clients" DROP COLUMN "email";',
  label: (f) => `DROP COLUMN ${labelObject(f)}`,
  check: (ctx) => {
    const target = droppedColumnsTarget(ctx)
    if (!target) return []
    const { table, readded, isNew } = target
    return alterCommands(ctx.node)
      .filter((cmd) => cmd.subtype === 'AT_DropColumn' && !readded.has(cmd.name))
      .map((cmd) => ({
        message: `DROP COLUMN ${qualifiedColumn(table, cmd.name)} deletes every value in the column.`,
        schema: table.schema,
        table: table.name,
        column: cmd.name,
        stake: isNew ? undefined : { kind: 'non-null', table, column: cmd.name }
      }))
  }
}

import { columnDefOf, displayType, relationOf } from '../../sql/ast.js'
import { alterCommands, q, qualifiedColumn, type RuleDefinition, type RuleHit } from './rule.js'

export const addRequiredColumnWithoutDefault: RuleDefinition = {
  id: 'add-required-column-without-default',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  kinds: ['AlterTableStmt'],
  title: 'Adding a NOT NULL column without a default fails on a table with rows',
  why: 'Every existing row would get NULL in the new column, which NOT NULL forbids, so the statement fails as soon as the table has one row. A Prisma-level default (`@default(cuid())`, `@updatedAt`) does not help: it is not in the database.',
  fix: 'Add the column as nullable (or with a database DEFAULT), backfill it, then `SET NOT NULL` in a later migration. For a constant, `ADD COLUMN ... NOT NULL DEFAULT <value>` is instant on Postgres 11+.',
  example: 'ALTER TABLE "users" ADD COLUMN     "typeOfUserId" SMALLINT NOT NULL;',
  check: ({ node, model }) => {
    const table = relationOf(node.relation)
    if (!table) return []
    const quiet = model.isNewTable(table)
    const cmds = alterCommands(node)
    const dropped = new Set(cmds.filter((c) => c.subtype === 'AT_DropColumn').map((c) => c.name))
    const hits: RuleHit[] = []
    for (const cmd of cmds) {
      const col = cmd.subtype === 'AT_AddColumn' ? columnDefOf(cmd.def) : undefined
      // A column dropped and re-added in the same statement is drop-and-recreate-column's finding.
      if (!col || !col.notNull || col.hasDefault || col.generated || dropped.has(col.name)) continue
      hits.push({
        message: `ADD COLUMN ${qualifiedColumn(table, col.name)} ${displayType(col.type)} NOT NULL has no default: it fails if ${q(table.name)} has any row.`,
        schema: table.schema,
        table: table.name,
        column: col.name,
        stake: { kind: 'table-rows' as const, table },
        quiet
      })
    }
    return hits
  }
}

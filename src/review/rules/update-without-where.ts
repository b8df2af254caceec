import { code } from '../../render/markdown.js'
import { relationOf } from '../../sql/ast.js'
import { q, qTable, type RuleDefinition } from './rule.js'

export const updateWithoutWhere: RuleDefinition = {
  id: 'update-without-where',
  severity: 'error',
  destructive: true,
  enabledByDefault: true,
  kinds: ['UpdateStmt'],
  title: 'UPDATE without WHERE overwrites every row',
  why: 'The previous values of the updated columns are lost in every row, and the whole table stays row-locked until the migration commits.',
  fix: 'Add the WHERE clause that selects the rows to change (e.g. `WHERE col IS NULL` for a backfill) and batch large backfills outside the schema migration.',
  example: 'UPDATE "clients" SET "email" = NULL;',
  label: (f) => `UPDATE ${code(f.table ?? '?')} without WHERE`,
  check: ({ node, model }) => {
    const table = relationOf(node.relation)
    if (!table || node.whereClause || node.fromClause?.length || model.isNewTable(table)) return []
    const columns: string[] = (node.targetList ?? [])
      .map((t: { ResTarget?: { name?: string } }) => t.ResTarget?.name)
      .filter(Boolean)
    return [
      {
        message: `UPDATE ${qTable(table)} has no WHERE clause: it overwrites ${columns.map(q).join(', ')} in every row.`,
        schema: table.schema,
        table: table.name,
        columns,
        stake: { kind: 'table-rows', table }
      }
    ]
  }
}

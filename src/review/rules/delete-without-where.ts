import { code } from '../../render/markdown.js'
import { relationOf } from '../../sql/ast.js'
import { qTable, type RuleDefinition } from './rule.js'

export const deleteWithoutWhere: RuleDefinition = {
  id: 'delete-without-where',
  severity: 'error',
  destructive: true,
  enabledByDefault: true,
  kinds: ['DeleteStmt'],
  title: 'DELETE without WHERE deletes every row',
  why: 'A data migration that deletes without a condition empties the table, usually by mistake, and holds row locks on all of it for the rest of the migration.',
  fix: 'Add the WHERE clause that selects the rows to delete; for large tables delete in batches outside the schema migration.',
  example: 'DELETE FROM "payers";',
  label: (f) => `DELETE FROM ${code(f.table ?? '?')} without WHERE`,
  check: ({ node, model }) => {
    const table = relationOf(node.relation)
    if (!table || node.whereClause || model.isNewTable(table)) return []
    return [
      {
        message: `DELETE FROM ${qTable(table)} has no WHERE clause: it deletes every row.`,
        schema: table.schema,
        table: table.name,
        stake: { kind: 'table-rows', table }
      }
    ]
  }
}

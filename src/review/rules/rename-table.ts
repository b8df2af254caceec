import { relationOf } from '../../sql/ast.js'
import { q, qTable, type RuleDefinition } from './rule.js'

export const renameTable: RuleDefinition = {
  id: 'rename-table',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  kinds: ['RenameStmt'],
  title: 'Renaming a table breaks the code that is still running',
  why: 'The previous release keeps running during the deploy and its queries against the old name fail.',
  fix: 'Keep the table name and rename the model with `@@map("old_name")`, or rename and create a view with the old name until every instance runs the new code.',
  example: 'ALTER TABLE "Task" RENAME TO "task";',
  check: ({ node, model }) => {
    const table = relationOf(node.relation)
    if (node.renameType !== 'OBJECT_TABLE' || !table || model.isNewTable(table)) return []
    return [
      {
        message: `RENAME ${qTable(table)} TO ${q(node.newname)}: code still running uses the old name.`,
        schema: table.schema,
        table: table.name
      }
    ]
  }
}

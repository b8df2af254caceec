import { relationOf } from '../../sql/ast.js'
import { q, qualifiedColumn, type RuleDefinition } from './rule.js'

export const renameColumn: RuleDefinition = {
  id: 'rename-column',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  kinds: ['RenameStmt'],
  title: 'Renaming a column breaks the code that is still running',
  why: 'During a deploy the previous release keeps running and still uses the old name; its queries fail until every instance runs the new code.',
  fix: 'Keep the database name and rename only in Prisma with `@map("old_name")`, or expand and contract: add the new column, write both, backfill, switch reads, drop the old one later.',
  example: 'ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";',
  check: ({ node, model }) => {
    const table = relationOf(node.relation)
    if (node.renameType !== 'OBJECT_COLUMN' || !table || model.isNewTable(table)) return []
    return [
      {
        message: `RENAME COLUMN ${qualifiedColumn(table, node.subname)} TO ${q(node.newname)}: code still running uses the old name.`,
        schema: table.schema,
        table: table.name,
        column: node.subname
      }
    ]
  }
}

import { code } from '../../render/markdown.js'
import { qualifiedName, stringsOf } from '../../sql/ast.js'
import { qTable, type RuleDefinition } from './rule.js'

export const dropTable: RuleDefinition = {
  id: 'drop-table',
  severity: 'error',
  destructive: true,
  enabledByDefault: true,
  kinds: ['DropStmt'],
  title: 'DROP TABLE deletes the table and every row in it',
  why: 'The rows are gone once the migration commits; only a backup brings them back. Code still deployed that reads the table fails.',
  fix: 'Stop using the table first (a release without it), back it up, then drop it in a later migration. If Prisma generated the drop because the table is missing from schema.prisma, add the model (or `prisma db pull`) instead of dropping it.',
  example: '-- DropTable\nDROP TABLE "payers";',
  label: (f) => `DROP TABLE ${code(f.table ?? '?')}`,
  check: ({ node, model }) => {
    if (node.removeType !== 'OBJECT_TABLE') return []
    return (node.objects ?? []).map((obj: unknown) => {
      const table = qualifiedName(stringsOf(obj))
      const isNew = model.isNewTable(table)
      const cascade =
        node.behavior === 'DROP_CASCADE'
          ? ' CASCADE also drops the views and foreign keys that depend on it.'
          : ''
      return {
        message: `DROP TABLE ${qTable(table)} deletes the table and all its rows.${cascade}${isNew ? ' (The table is created earlier in the pending migrations.)' : ''}`,
        schema: table.schema,
        table: table.name,
        stake: isNew ? undefined : { kind: 'table-rows', table }
      }
    })
  }
}

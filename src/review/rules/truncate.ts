import { code } from '../../render/markdown.js'
import { relationOf } from '../../sql/ast.js'
import { qTable, type RuleDefinition, type RuleHit } from './rule.js'

export const truncate: RuleDefinition = {
  id: 'truncate',
  severity: 'error',
  destructive: true,
  enabledByDefault: true,
  kinds: ['TruncateStmt'],
  title: 'TRUNCATE deletes every row of the table',
  why: 'All rows are gone at once (and with CASCADE, the rows of every table that references it by foreign key). It also takes an ACCESS EXCLUSIVE lock.',
  fix: 'If the data really must go, back it up first and delete in batches with a WHERE clause; never use CASCADE in a migration.',
  example: 'TRUNCATE "sales_report_entries" CASCADE;',
  label: (f) => `TRUNCATE ${code(f.table ?? '?')}`,
  check: ({ node, model }) =>
    (node.relations ?? []).flatMap((r: unknown): RuleHit[] => {
      const table = relationOf(r)
      const cascading = node.behavior === 'DROP_CASCADE'
      // A new table holds nothing older, but CASCADE also empties the tables whose foreign keys reference it.
      if (!table || (model.isNewTable(table) && !cascading)) return []
      const cascade = cascading ? ' CASCADE also empties every table that references it.' : ''
      return [
        {
          message: `TRUNCATE ${qTable(table)} deletes every row of the table.${cascade}`,
          schema: table.schema,
          table: table.name,
          stake: { kind: 'table-rows', table },
          // Which tables the cascade reaches is not followed: never judged harmless.
          ...(cascading ? { objects: [] } : {})
        }
      ]
    })
}

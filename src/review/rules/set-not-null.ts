import { relationOf } from '../../sql/ast.js'
import { alterCommands, qualifiedColumn, type RuleDefinition } from './rule.js'

export const setNotNull: RuleDefinition = {
  id: 'set-not-null',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  kinds: ['AlterTableStmt'],
  title: 'SET NOT NULL fails on existing NULLs and scans the table under an exclusive lock',
  why: 'The statement fails if any row holds NULL, and while it checks every row it holds an ACCESS EXCLUSIVE lock: reads and writes of the table wait.',
  fix: 'Backfill the NULLs first. On a large table add `CHECK (col IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT` it, then `SET NOT NULL` (Postgres 12+ skips the scan) and drop the check.',
  example: 'ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;',
  check: ({ node, model }) => {
    const table = relationOf(node.relation)
    if (!table) return []
    const quiet = model.isNewTable(table)
    return alterCommands(node)
      .filter((cmd) => cmd.subtype === 'AT_SetNotNull')
      .map((cmd) => ({
        message: `ALTER COLUMN ${qualifiedColumn(table, cmd.name)} SET NOT NULL fails if any row holds NULL in it.`,
        schema: table.schema,
        table: table.name,
        column: cmd.name,
        stake: { kind: 'nulls' as const, table, column: cmd.name },
        quiet
      }))
  }
}

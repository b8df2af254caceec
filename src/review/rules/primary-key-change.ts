import { relationOf, stringsOf } from '../../sql/ast.js'
import { alterCommands, q, qTable, type RuleDefinition } from './rule.js'

export const primaryKeyChange: RuleDefinition = {
  id: 'primary-key-change',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  kinds: ['AlterTableStmt'],
  title: 'Changing a primary key rebuilds it under an exclusive lock and can fail',
  why: 'Dropping the primary key breaks the foreign keys and code that rely on it; adding one scans and indexes the whole table under an ACCESS EXCLUSIVE lock and fails on NULLs or duplicates. If a later step fails the table can be left without a primary key.',
  fix: 'Build the new unique index first with `CREATE UNIQUE INDEX CONCURRENTLY`, then swap in one short statement with `ADD CONSTRAINT ... PRIMARY KEY USING INDEX`.',
  example:
    'ALTER TABLE "book_genre" DROP CONSTRAINT "book_genre_pkey",\nADD CONSTRAINT "book_genre_pkey" PRIMARY KEY ("id");',
  check: ({ node, model }) => {
    const table = relationOf(node.relation)
    if (!table) return []
    const parts: string[] = []
    let columns: string[] | undefined
    for (const cmd of alterCommands(node)) {
      // Postgres and Prisma name primary keys `<table>_pkey`; the parser cannot tell a constraint's kind otherwise.
      if (cmd.subtype === 'AT_DropConstraint' && typeof cmd.name === 'string' && cmd.name.endsWith('_pkey'))
        parts.push(`drops ${q(cmd.name)}`)
      const con = cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined
      if (con?.contype === 'CONSTR_PRIMARY') {
        columns = stringsOf(con.keys)
        parts.push(`adds a primary key on (${columns.map(q).join(', ')})`)
      }
    }
    if (parts.length === 0) return []
    return [
      {
        message: `The primary key of ${qTable(table)} changes: the statement ${parts.join(' and ')}.`,
        schema: table.schema,
        table: table.name,
        columns,
        quiet: model.isNewTable(table)
      }
    ]
  }
}

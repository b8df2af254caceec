import { relationOf } from '../../sql/ast.js'
import { q, qTable, type RuleDefinition } from './rule.js'

export const indexNotConcurrent: RuleDefinition = {
  id: 'index-not-concurrent',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  kinds: ['IndexStmt'],
  title: 'CREATE INDEX without CONCURRENTLY blocks writes on an existing table',
  why: 'A plain CREATE INDEX takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits until the index is built, which on a large table means minutes of failed requests. Prisma always emits the plain form.',
  fix: 'Put `CREATE INDEX CONCURRENTLY` alone in its own migration file (it cannot run inside a transaction). Tables created earlier in the same pending migrations are exempt.',
  example: 'CREATE INDEX "clients_email_idx" ON "clients"("email");',
  check: ({ node, model }) => {
    const table = relationOf(node.relation)
    if (!table || node.concurrent || model.isNewTable(table)) return []
    return [
      {
        message:
          `CREATE ${node.unique ? 'UNIQUE ' : ''}INDEX ${node.idxname ? q(node.idxname) : ''} on ${qTable(table)} blocks writes to the table while it builds.`.replace(
            '  ',
            ' '
          ),
        schema: table.schema,
        table: table.name
      }
    ]
  }
}

import { type AnyNode, relationOf } from '../../sql/ast.js'
import { type RuleDefinition } from './rule.js'

function isConcurrent(kind: string, node: AnyNode): boolean {
  if (kind === 'IndexStmt' || kind === 'DropStmt') return node.concurrent === true
  if (kind === 'ReindexStmt')
    return (node.params ?? []).some((p: AnyNode) => p?.DefElem?.defname === 'concurrently')
  if (kind === 'AlterTableStmt')
    return (node.cmds ?? []).some(
      (c: AnyNode) =>
        c.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd?.def?.PartitionCmd?.concurrent
    )
  return false
}

export const concurrentlyInTransaction: RuleDefinition = {
  id: 'concurrently-in-transaction',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  kinds: ['IndexStmt', 'DropStmt', 'ReindexStmt', 'AlterTableStmt'],
  title: 'CONCURRENTLY in a migration file with other statements fails',
  why: 'Prisma up to 7.3 (and this action for such projects) runs a migration file as one transaction, and CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY refuse to run inside a transaction block: the migration fails and is recorded as failed. Prisma 7.4+ runs each statement on its own, so the finding is only raised where it still sends the file as one batch (its SQL parser cannot split it, e.g. DROP INDEX CONCURRENTLY or a DO block).',
  fix: 'Move the CONCURRENTLY statement into a migration file of its own, with no other statement in it.',
  example:
    'CREATE INDEX CONCURRENTLY "clients_email_idx" ON "clients"("email");\nALTER TABLE "clients" ADD COLUMN "note" TEXT;',
  check: ({ stmt, node, file }) => {
    if (!isConcurrent(stmt.kind, node) || file.parsed.statements.length <= 1) return []
    const table = relationOf(node.relation)
    return [
      {
        message: `This CONCURRENTLY statement shares its file with ${file.parsed.statements.length - 1} other statement(s): it fails inside the migration's transaction.`,
        schema: table?.schema,
        table: table?.name
      }
    ]
  }
}

import { type AnyNode, relationOf, stringsOf } from '../../sql/ast.js'
import { alterCommands, q, qTable, type RuleDefinition, type RuleHit } from './rule.js'

export const addUnique: RuleDefinition = {
  id: 'add-unique',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  kinds: ['IndexStmt', 'AlterTableStmt'],
  title: 'A new unique index or constraint fails on duplicate values',
  why: 'Building the unique index fails on the first duplicate, which aborts the whole migration. Without CONCURRENTLY it also blocks writes to the table while it builds.',
  fix: 'Find and resolve the duplicates first (the review counts them when it can reach the database). On a large table build the index with `CREATE UNIQUE INDEX CONCURRENTLY` in its own migration, then attach it with `ADD CONSTRAINT ... UNIQUE USING INDEX`.',
  example: 'CREATE UNIQUE INDEX "User_email_key" ON "User"("email");',
  check: ({ stmt, node, model }) => {
    const table = relationOf(node.relation)
    if (!table) return []
    const quiet = model.isNewTable(table)
    const hits: RuleHit[] = []
    const push = (columns: string[], name: string | undefined): void => {
      hits.push({
        message: `Unique ${name ? `index ${q(name)}` : 'constraint'} on ${qTable(table)} (${columns.map(q).join(', ') || 'expressions'}) fails if duplicate values exist.`,
        schema: table.schema,
        table: table.name,
        columns,
        stake: columns.length ? { kind: 'duplicates', table, columns } : undefined,
        quiet
      })
    }
    if (stmt.kind === 'IndexStmt') {
      if (node.unique) push(indexColumns(node), node.idxname)
      return hits
    }
    for (const cmd of alterCommands(node)) {
      const con = cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined
      if (con?.contype === 'CONSTR_UNIQUE' && !con.indexname) push(stringsOf(con.keys), con.conname)
    }
    return hits
  }
}

/** Plain columns of an index; empty when any part is an expression (no duplicate count then). */
export function indexColumns(node: AnyNode): string[] {
  const params: AnyNode[] = (node.indexParams ?? []).map((p: AnyNode) => p.IndexElem)
  return params.every((p) => typeof p?.name === 'string') ? params.map((p) => p.name) : []
}

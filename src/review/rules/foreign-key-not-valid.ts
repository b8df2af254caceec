import { relationOf, stringsOf } from '../../sql/ast.js'
import { alterCommands, q, qTable, type RuleDefinition } from './rule.js'

export const foreignKeyNotValid: RuleDefinition = {
  id: 'foreign-key-not-valid',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  kinds: ['AlterTableStmt'],
  title: 'Adding a foreign key without NOT VALID scans the table while blocking writes',
  why: 'ADD FOREIGN KEY checks every existing row while holding a SHARE ROW EXCLUSIVE lock on both tables, so writes wait for the whole scan; it fails if any row has no match. Prisma never emits NOT VALID.',
  fix: 'Add the constraint with `NOT VALID` (instant), then `ALTER TABLE ... VALIDATE CONSTRAINT` in a later migration, which only takes a light lock.',
  example:
    'ALTER TABLE "clients" ADD CONSTRAINT "clients_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payers"("id");',
  check: ({ node, model }) => {
    const table = relationOf(node.relation)
    if (!table || model.isNewTable(table)) return []
    return alterCommands(node)
      .map((cmd) => (cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined))
      .filter((con) => con?.contype === 'CONSTR_FOREIGN' && !con.skip_validation)
      .map((con) => {
        const ref = relationOf(con.pktable)
        const cols = stringsOf(con.fk_attrs)
        return {
          message: `Foreign key ${con.conname ? `${q(con.conname)} ` : ''}on ${qTable(table)} (${cols.map(q).join(', ')}) → ${ref ? qTable(ref) : '?'} is validated against every existing row while writes wait.`,
          schema: table.schema,
          table: table.name,
          columns: cols
        }
      })
  }
}

import { collectStringConstants, qualifiedName, stringsOf } from '../../sql/ast.js'
import { otherStatements, q, type RuleDefinition } from './rule.js'

export const enumValueUsedInSameFile: RuleDefinition = {
  id: 'enum-value-used-in-same-file',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  title: 'An enum value added with ADD VALUE cannot be used in the same migration',
  why: 'The migration file runs as one transaction, and Postgres refuses to use an enum value added in the same transaction ("unsafe use of new value", SQLSTATE 55P04): the migration fails.',
  fix: 'Move the statements that use the new value (defaults, UPDATEs, INSERTs) to a later migration file.',
  example:
    'ALTER TYPE "Role" ADD VALUE \'AUDITOR\';\nALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT \'AUDITOR\';',
  check: (ctx) => {
    if (ctx.stmt.kind === 'AlterEnumStmt') return []
    const added = otherStatements(ctx, 'before')
      .filter((o) => o.stmt.kind === 'AlterEnumStmt' && typeof o.node.newVal === 'string' && !o.node.oldVal)
      .map((o) => ({ value: o.node.newVal as string, type: qualifiedName(stringsOf(o.node.typeName)) }))
    if (added.length === 0) return []
    const constants = collectStringConstants(ctx.node)
    return added
      .filter((a) => constants.has(a.value))
      .map((a) => ({
        message: `The value ${q(a.value)}, added to the enum ${q(a.type.name)} earlier in this file, is used here: Postgres rejects it inside the same transaction.`,
        typeName: a.type.name,
        values: [a.value]
      }))
  }
}

import { code } from '../../render/markdown.js'
import { type AnyNode, qualifiedName, relationOf, stringsOf, typeOf } from '../../sql/ast.js'
import { alterCommands, otherStatements, q, qualifiedColumn, type RuleDefinition } from './rule.js'

/** Prisma removes enum values by building `E_new`, moving every column to it, and renaming it to `E`. */
export function swapTarget(
  ctx: Parameters<NonNullable<RuleDefinition['check']>>[0],
  newName: string
): string | undefined {
  for (const { stmt, node } of otherStatements(ctx, 'after')) {
    if (
      stmt.kind === 'RenameStmt' &&
      node.renameType === 'OBJECT_TYPE' &&
      qualifiedName(stringsOf(node.object)).name === newName
    )
      return node.newname
  }
  return undefined
}

export const enumValueRemoval: RuleDefinition = {
  id: 'enum-value-removal',
  severity: 'error',
  destructive: true,
  enabledByDefault: true,
  kinds: ['CreateEnumStmt'],
  title: 'Removing enum values fails or loses data when rows still hold them',
  why: 'Postgres cannot remove a value from an enum, so Prisma recreates the type (`CREATE TYPE "E_new"`, `ALTER COLUMN ... TYPE "E_new" USING (col::text::"E_new")`, rename, drop the old type). The cast fails on any row that still holds a removed value, and the swap rewrites each table using the type under an ACCESS EXCLUSIVE lock.',
  fix: "First migrate the rows to the remaining values (`UPDATE t SET col = 'NEW' WHERE col = 'OLD'`) in an earlier deploy, check that no row holds a removed value, then remove it.",
  example:
    'BEGIN;\nCREATE TYPE "Faction_new" AS ENUM (\'VAMPIRE\', \'HUMAN\');\nALTER TABLE "Player" ALTER COLUMN "faction" TYPE "Faction_new" USING ("faction"::text::"Faction_new");\nALTER TYPE "Faction" RENAME TO "Faction_old";\nALTER TYPE "Faction_new" RENAME TO "Faction";\nDROP TYPE "Faction_old";\nCOMMIT;',
  label: (f) =>
    `enum ${code(f.typeName ?? '?')} loses ${f.values ? `[${f.values.map((v) => code(v)).join(', ')}]` : 'values'}`,
  check: (ctx) => {
    const created = qualifiedName(stringsOf(ctx.node.typeName))
    const target = swapTarget(ctx, created.name)
    if (!target) return []
    const enumName = { schema: created.schema, name: target }
    const newValues = stringsOf(ctx.node.vals)
    const oldValues = ctx.model.enumValues(enumName)
    const removed = oldValues?.filter((v) => !newValues.includes(v))
    if (removed && removed.length === 0) return []
    const usages: { table: { schema?: string; name: string }; column: string }[] = []
    for (const { node } of otherStatements(ctx, 'after')) {
      const table = relationOf(node?.relation)
      if (!table) continue
      for (const cmd of alterCommands(node)) {
        if (
          cmd.subtype === 'AT_AlterColumnType' &&
          typeOf((cmd.def as AnyNode)?.ColumnDef?.typeName).name === created.name
        )
          usages.push({ table, column: cmd.name })
      }
    }
    const what = removed
      ? `removes the values [${removed.join(', ')}] from the enum ${q(target)}`
      : `recreates the enum ${q(target)} with only the values [${newValues.join(', ')}]; every other value is removed`
    const where = usages.length
      ? ` Columns converted: ${usages.map((u) => qualifiedColumn(u.table, u.column)).join(', ')}.`
      : ''
    return [
      {
        message: `This migration ${what}: rows still holding a removed value make it fail.${where}`,
        schema: created.schema,
        table: usages[0]?.table.name,
        column: usages[0]?.column,
        typeName: target,
        values: removed,
        objects: usages,
        stake: usages.some((u) => !ctx.model.isNewTable(u.table))
          ? {
              kind: 'enum-values',
              typeName: enumName,
              newValues,
              oldValues,
              usages: usages.filter((u) => !ctx.model.isNewTable(u.table))
            }
          : undefined
      }
    ]
  }
}

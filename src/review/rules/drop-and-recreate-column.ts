import { columnDefOf, displayType } from '../../sql/ast.js'
import { droppedColumnsTarget } from './drop-column.js'
import {
  alterCommands,
  otherStatements,
  qualifiedColumn,
  type RuleDefinition,
  type RuleHit,
  labelObject
} from './rule.js'

export const dropAndRecreateColumn: RuleDefinition = {
  id: 'drop-and-recreate-column',
  severity: 'error',
  destructive: true,
  enabledByDefault: true,
  kinds: ['AlterTableStmt'],
  title: 'A column dropped and added again under the same name loses all its values',
  why: 'Prisma renders a type change it cannot cast as `DROP COLUMN x, ADD COLUMN x <new type>`: the column keeps its name but every value is replaced by NULL or the default. If the new column is NOT NULL without a default, the statement fails on a non-empty table.',
  fix: 'Edit the migration to convert the values instead: `ALTER COLUMN x TYPE <new type> USING <expression>`, or add a new column, backfill it, and drop the old one in a later release.',
  example: 'ALTER TABLE "Alerts" DROP COLUMN "status",\nADD COLUMN     "status" "AlertStatus" NOT NULL;',
  label: (f) => `drop and re-add ${labelObject(f)}`,
  check: (ctx) => {
    const target = droppedColumnsTarget(ctx)
    if (!target) return []
    const { table, readded, isNew } = target
    const hits: RuleHit[] = []
    for (const cmd of alterCommands(ctx.node)) {
      if (cmd.subtype !== 'AT_DropColumn' || !readded.has(cmd.name)) continue
      const added = findAdd(ctx, cmd.name)
      const required = added && added.notNull && !added.hasDefault && !added.generated
      const requiredNote = required
        ? ' The new column is NOT NULL without a default, so the statement fails if the table has rows.'
        : ''
      hits.push({
        message: `${qualifiedColumn(table, cmd.name)} is dropped and added again${added ? ` as ${displayType(added.type)}` : ''}: every value in it is lost.${requiredNote}`,
        schema: table.schema,
        table: table.name,
        column: cmd.name,
        stake: isNew ? undefined : { kind: 'non-null', table, column: cmd.name }
      })
    }
    return hits
  }
}

function findAdd(
  ctx: Parameters<NonNullable<RuleDefinition['check']>>[0],
  name: string
): ReturnType<typeof columnDefOf> {
  const nodes = [ctx.node, ...otherStatements(ctx, 'after').map((o) => o.node)]
  for (const node of nodes) {
    for (const cmd of alterCommands(node)) {
      const col = cmd.subtype === 'AT_AddColumn' ? columnDefOf(cmd.def) : undefined
      if (col?.name === name) return col
    }
  }
  return undefined
}

import { displayType, relationOf, typeOf } from '../../sql/ast.js'
import { classifyTypeChange } from '../type-change.js'
import { swapTarget } from './enum-value-removal.js'
import { alterCommands, qualifiedColumn, type RuleDefinition, type RuleHit, labelObject } from './rule.js'

export const lossyTypeChange: RuleDefinition = {
  id: 'lossy-type-change',
  severity: 'error',
  destructive: true,
  enabledByDefault: true,
  kinds: ['AlterTableStmt'],
  title: 'A column type change that narrows, truncates or can fail',
  why: 'Changing to a narrower type (a shorter varchar, a smaller integer, fewer decimals, a scalar to an array, text to a number) either fails on the first value that does not fit, halfway through the deploy, or silently rounds and truncates values. The table is rewritten under an ACCESS EXCLUSIVE lock either way.',
  fix: 'Check the data first (the review counts the values that fail the cast when it can reach the database), clean up the values that do not fit, or add a new column with the new type, backfill it with an explicit conversion, and switch over in a later release.',
  example: 'ALTER TABLE "Review" ALTER COLUMN "comment" SET DATA TYPE VARCHAR(300);',
  label: (f) => `type change of ${labelObject(f)}`,
  check: (ctx) => {
    const table = relationOf(ctx.node.relation)
    if (!table) return []
    const hits: RuleHit[] = []
    for (const cmd of alterCommands(ctx.node)) {
      if (cmd.subtype !== 'AT_AlterColumnType') continue
      const def = cmd.def?.ColumnDef
      const target = typeOf(def?.typeName)
      // The enum swap is enum-value-removal's finding.
      if (target.name.endsWith('_new') && swapTarget(ctx, target.name)) continue
      const oldType = ctx.model.columnType(table, cmd.name)
      const hasUsing = def?.raw_default !== undefined
      const verdict = classifyTypeChange(oldType, target, hasUsing)
      if (verdict === 'safe') continue
      const from = oldType ? ` from ${displayType(oldType)}` : ''
      const caveat = oldType ? '' : ' (its current type is not known without the database)'
      hits.push({
        message: `${qualifiedColumn(table, cmd.name)} changes type${from} to ${displayType(target)}${hasUsing ? ' with a USING cast' : ''}${caveat}: values that do not fit make the migration fail or are truncated.`,
        schema: table.schema,
        table: table.name,
        column: cmd.name,
        certain: verdict === 'lossy',
        stake: ctx.model.isNewTable(table)
          ? undefined
          : { kind: 'cast', table, column: cmd.name, target, oldType }
      })
    }
    return hits
  }
}

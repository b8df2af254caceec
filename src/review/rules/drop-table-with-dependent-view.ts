import { qualifiedName, stringsOf } from '../../sql/ast.js'
import { code } from '../../render/markdown.js'
import { q, qTable, type RuleDefinition, type RuleHit } from './rule.js'

export const dropTableWithDependentView: RuleDefinition = {
  id: 'drop-table-with-dependent-view',
  severity: 'error',
  destructive: false,
  enabledByDefault: true,
  kinds: ['DropStmt'],
  title: 'DROP TABLE without CASCADE on a table a view reads fails',
  why: 'Postgres refuses to drop a table while a view depends on it ("cannot drop table ... because other objects depend on it"), so the migration fails halfway through the deploy. With CASCADE it silently drops the view too.',
  fix: 'Decide what happens to the view: drop it explicitly before the table (and stop the code that reads it), or keep the table. Prisma does not manage views, so a Prisma-generated DROP TABLE never accounts for them.',
  example: '-- sales_report_view reads sales_report_entries\nDROP TABLE "sales_report_entries";',
  confirm: (hit, views) =>
    `DROP TABLE ${code(hit.table ?? '?')} will fail: the view ${views.map((v) => code(v)).join(', ')} in the database reads it.`,
  check: ({ node, model, stmt }) => {
    if (node.removeType !== 'OBJECT_TABLE' || node.behavior === 'DROP_CASCADE') return []
    return (node.objects ?? []).flatMap((obj: unknown): RuleHit[] => {
      const table = qualifiedName(stringsOf(obj))
      const views = model.viewsReading(table)
      // Views in the database: asked of it (a table the pending set created has none there).
      if (views.length === 0)
        return model.isNewTable(table)
          ? []
          : [
              {
                message: `DROP TABLE ${qTable(table)} will fail if a view in the database reads it.`,
                line: stmt.startLine,
                schema: table.schema,
                table: table.name,
                lookup: { kind: 'dependent-views', table, ignore: [] }
              }
            ]
      const names = views.map((v) => q(v.name)).join(', ')
      return [
        {
          message: `DROP TABLE ${qTable(table)} will fail: the view ${names} (created earlier in the pending migrations) reads it.`,
          schema: table.schema,
          table: table.name
        }
      ]
    })
  }
}

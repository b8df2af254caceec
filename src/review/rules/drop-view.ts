import { qualifiedName, stringsOf } from '../../sql/ast.js'
import { qTable, type RuleDefinition } from './rule.js'

export const dropView: RuleDefinition = {
  id: 'drop-view',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  kinds: ['DropStmt'],
  title: 'Dropping a view breaks the code and reports that read it',
  why: 'Queries, dashboards and API endpoints that read the view fail as soon as it is gone. A materialized view also loses its stored rows.',
  fix: 'Make sure nothing reads the view any more (search the code and the BI tools), or replace it with `CREATE OR REPLACE VIEW` in the same migration.',
  example: 'DROP VIEW "sales_report_view";',
  check: ({ node, model }) => {
    if (node.removeType !== 'OBJECT_VIEW' && node.removeType !== 'OBJECT_MATVIEW') return []
    const kind = node.removeType === 'OBJECT_MATVIEW' ? 'MATERIALIZED VIEW' : 'VIEW'
    return (node.objects ?? [])
      .map((obj: unknown) => qualifiedName(stringsOf(obj)))
      .filter((view: { name: string }) => !model.isNewView(view))
      .map((view: { schema?: string; name: string }) => ({
        message: `DROP ${kind} ${qTable(view)}: everything that reads it fails.`,
        schema: view.schema,
        table: view.name
      }))
  }
}

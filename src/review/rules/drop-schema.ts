import { code } from '../../render/markdown.js'
import { q, type RuleDefinition } from './rule.js'

export const dropSchema: RuleDefinition = {
  id: 'drop-schema',
  severity: 'error',
  destructive: true,
  enabledByDefault: true,
  kinds: ['DropStmt'],
  title: 'DROP SCHEMA deletes every object in the schema',
  why: 'With CASCADE every table, view, type and function in the schema goes, with all their rows; without CASCADE the statement fails unless the schema is empty.',
  fix: 'Drop the objects one by one in reviewed migrations, after backing up their data.',
  example: 'DROP SCHEMA "legacy" CASCADE;',
  label: (f) => `DROP SCHEMA ${code(f.schema ?? '?')}`,
  check: ({ node }) => {
    if (node.removeType !== 'OBJECT_SCHEMA') return []
    return (node.objects ?? []).map((obj: { String?: { sval?: string } }) => {
      const name = obj.String?.sval ?? '?'
      return {
        message: `DROP SCHEMA ${q(name)}${node.behavior === 'DROP_CASCADE' ? ' CASCADE' : ''} deletes the schema and everything in it.`,
        schema: name
      }
    })
  }
}

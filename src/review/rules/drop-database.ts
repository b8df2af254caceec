import { q, type RuleDefinition } from './rule.js'

export const dropDatabase: RuleDefinition = {
  id: 'drop-database',
  severity: 'error',
  destructive: true,
  enabledByDefault: true,
  kinds: ['DropdbStmt'],
  title: 'DROP DATABASE deletes a whole database',
  why: 'Every schema, table and row of the database is gone. It also cannot run inside a transaction, so a migration containing it fails anyway.',
  fix: 'Never drop a database from a migration; do it by hand, after a backup, outside the deploy.',
  example: 'DROP DATABASE "railway";',
  label: () => 'DROP DATABASE',
  check: ({ node }) => [{ message: `DROP DATABASE ${q(node.dbname)} deletes the whole database.` }]
}

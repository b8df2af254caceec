import type { Diagnosis } from '../migrate/status.js'
import { code } from './markdown.js'

const codeList = (names: string[]): string => names.map((n) => code(n)).join(', ')

/** What the user should do next, by state; shown in the summary and the PR comment. */
export function nextSteps(diagnosis: Diagnosis): string[] {
  const steps: string[] = []
  if (diagnosis.failed.length > 0) {
    const first = diagnosis.failed[0].name
    steps.push(
      `Migration ${codeList(diagnosis.failed.map((f) => f.name))} failed and blocks every deploy (Prisma P3009). Inspect the database: if you reverted its partial changes, run this action with \`mode: migrate-resolve\` and ${code(`resolve-rolled-back: ${first}`)} (the next deploy re-applies it); if you completed it by hand, use ${code(`resolve-applied: ${first}`)}.`
    )
  }
  if (diagnosis.status === 'diverged') {
    steps.push(
      `The database has migrations that are not in this folder (${codeList(diagnosis.missingLocally)}) while local ones are pending: another branch deployed to this database. Merge or rebase onto that branch before deploying.`
    )
  }
  if (diagnosis.status === 'not-managed') {
    steps.push(
      'This database is not managed by Prisma Migrate (no `_prisma_migrations` table and no migrations). To keep its data, baseline it with `mode: migrate-resolve` and `resolve-applied: <first migration>`.'
    )
  }
  if (diagnosis.tablesWithoutHistory.length > 0) {
    const first = diagnosis.pending[0]?.name
    steps.push(
      `The database already has tables (${codeList(diagnosis.tablesWithoutHistory.slice(0, 3))}${diagnosis.tablesWithoutHistory.length > 3 ? ', ...' : ''}) but no \`_prisma_migrations\` history, so \`mode: migrate-deploy\` would stop with P3005 and apply nothing. ` +
        (first
          ? `If the migrations describe this schema, baseline it with \`mode: migrate-resolve\` and ${code(`resolve-applied: ${first}`)} (once for each migration the database already reflects); otherwise check \`database-url\`.`
          : 'Check `database-url`, or create a baseline migration first.')
    )
  } else if (diagnosis.pending.length > 0 && diagnosis.failed.length === 0) {
    steps.push(
      `${diagnosis.pending.length} migration${diagnosis.pending.length === 1 ? '' : 's'} will be applied by \`mode: migrate-deploy\`.`
    )
  }
  for (const name of diagnosis.edited) {
    steps.push(
      `${code(name)} was edited after it was applied (its checksum differs from the database's). Restore the applied version from git; put new changes in a new migration.`
    )
  }
  for (const name of diagnosis.unreadableApplied) {
    steps.push(
      `${code(name)} is recorded in the database but its migration.sql is missing: \`prisma migrate status\` stops with P3015 until you restore the file (deploy ignores it).`
    )
  }
  if (diagnosis.missingLocally.length > 0 && diagnosis.status !== 'diverged') {
    steps.push(
      `The database has migrations with no local directory: ${codeList(diagnosis.missingLocally)}. Prisma ignores them; check that this branch is up to date.`
    )
  }
  for (const item of diagnosis.nonTransactional) {
    steps.push(
      `${code(item.migration)} line ${item.line}: ${code(item.statement)} cannot run inside a transaction, but Prisma runs the whole file as one. Move it into a migration of its own (a single statement).`
    )
  }
  return steps
}

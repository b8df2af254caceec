/**
 * The text `prisma migrate status` prints after its Datasource header, per case of its decision table
 * (prisma-migrate-compat.md §7.2), without colours and with the plain `prisma` command name.
 */

export type HistoryDiagnostic =
  | { diagnostic: 'databaseIsBehind'; unappliedMigrationNames: string[] }
  | { diagnostic: 'migrationsDirectoryIsBehind'; unpersistedMigrationNames: string[] }
  | {
      diagnostic: 'historiesDiverge'
      lastCommonMigrationName: string | null
      unpersistedMigrationNames: string[]
      unappliedMigrationNames: string[]
    }
  | null

const plural = (names: string[]): string => (names.length > 1 ? 's' : '')

export function migrationsFoundLine(count: number): string {
  return count > 0
    ? `${count} migration${count > 1 ? 's' : ''} found in prisma/migrations`
    : 'No migration found in prisma/migrations'
}

export function pendingMessage(names: string[]): string {
  return (
    `Following migration${plural(names)} have not yet been applied:\n${names.join('\n')}\n\n` +
    'To apply migrations in development run prisma migrate dev.\nTo apply migrations in production run prisma migrate deploy.'
  )
}

export function divergedMessage(
  history: Extract<HistoryDiagnostic, { diagnostic: 'historiesDiverge' }>
): string {
  const unapplied = history.unappliedMigrationNames
  const unpersisted = history.unpersistedMigrationNames
  return (
    'Your local migration history and the migrations table from your database are different:\n\n' +
    `The last common migration is: ${history.lastCommonMigrationName ?? 'null'}\n\n` +
    `The migration${plural(unapplied)} have not yet been applied:\n${unapplied.join('\n')}\n\n` +
    `The migration${plural(unpersisted)} from the database are not found locally in prisma/migrations:\n${unpersisted.join('\n')}`
  )
}

export function notManagedMessage(firstLocal: string | undefined): string {
  const baseline = firstLocal
    ? `If you want to keep the current database structure and data and create new migrations, baseline this database with the migration "${firstLocal}":\nprisma migrate resolve --applied "${firstLocal}"\n\n`
    : ''
  return (
    'The current database is not managed by Prisma Migrate.\n\n' +
    baseline +
    'Read more about how to baseline an existing production database:\nhttps://pris.ly/d/migrate-baseline'
  )
}

export function failedMessage(names: string[]): string {
  return (
    `Following migration${plural(names)} have failed:\n${names.join('\n')}\n\n` +
    'During development if the failed migration(s) have not been deployed to a production database you can then fix the migration(s) and run prisma migrate dev.\n\n' +
    'The failed migration(s) can be marked as rolled back or applied:\n\n' +
    `- If you rolled back the migration(s) manually:\nprisma migrate resolve --rolled-back "${names[0]}"\n\n` +
    `- If you fixed the database manually (hotfix):\nprisma migrate resolve --applied "${names[0]}"\n\n` +
    'Read more about how to resolve migration issues in a production database:\nhttps://pris.ly/d/migrate-resolve'
  )
}

export const UP_TO_DATE_MESSAGE = 'Database schema is up to date!'

import { join, relative, resolve, sep } from 'node:path'
import { ActionError } from '../errors.js'
import { readMigrationScript } from '../migrate/migrations-dir.js'
import type { RepositoryFiles } from '../util/repo-files.js'
import { reviewMigrations } from './review.js'
import type { ExecutionStrategy } from '../migrate/execute.js'
import type { ReviewResult, RuleSeverities } from './types.js'

/** What a pull request changes in the migrations folder (src/github/changed-migrations.ts finds it). */
export interface ChangeSet {
  /** Migration directory names whose migration.sql the PR adds. */
  added: string[]
  /** Names whose migration.sql exists on the base and was changed. */
  modified: string[]
  /** Names whose migration.sql exists on the base and was deleted. */
  deleted: string[]
  source: 'git' | 'api'
  /** How the base is named, e.g. `origin/main` or "pull request #7's base". */
  base: string
}

export interface OfflineReviewOptions {
  workingDirectory: string
  /** Absolute, or relative to the working directory. */
  migrationsDir: string
  changed: ChangeSet
  settings: { rules: RuleSeverities }
  allowDestructive?: boolean
  /** How the project's Prisma version sends a migration.sql (Prisma 7.4+: statement by statement). */
  execution?: ExecutionStrategy
  /** The workspace: each changed migration.sql is read only as a regular file inside it. */
  files: RepositoryFiles
}

/**
 * The review without a database (fork PRs get no secrets): the migrations the PR adds or changes, plus an error for
 * each migration that already existed on the base and was changed or deleted. Each file is read as data
 * (src/util/repo-files.ts): a link (say, to .git/config) is refused, naming the file, before anything is rendered.
 */
export async function reviewChangedMigrations(opts: OfflineReviewOptions): Promise<ReviewResult> {
  const { changed } = opts
  const names = [...new Set([...changed.added, ...changed.modified])].sort()
  const migrationsDir = resolve(opts.workingDirectory, opts.migrationsDir)
  const migrations = names.map((name) => {
    const sqlPath = join(migrationsDir, name, 'migration.sql')
    const file = relative(opts.workingDirectory, sqlPath).split(sep).join('/')
    const read = readMigrationScript(opts.files, sqlPath)
    if ('error' in read)
      throw new ActionError(
        `${opts.files.show(sqlPath)} is changed by this pull request but cannot be read from the checkout.`,
        { hint: 'Check out the pull request head (actions/checkout does by default) before the review.' }
      )
    return { name, file, script: read.text }
  })
  const note = `No database to compare with (\`database-url\` is empty): this reviews only the ${names.length} migration(s) this pull request adds or changes, compared with ${changed.base} (${changed.source === 'git' ? 'git history' : 'the pull request file list'}). Nothing was compared with a database.`
  return reviewMigrations({
    migrations,
    settings: opts.settings,
    allowDestructive: opts.allowDestructive ?? false,
    notes: [note],
    modifiedMigrations: changed.modified,
    deletedMigrations: changed.deleted,
    base: changed.base,
    execution: opts.execution
  })
}

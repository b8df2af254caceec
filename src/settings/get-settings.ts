import { isAbsolute, join, relative, resolve } from 'node:path'
import { tmpdir } from 'node:os'
import { MODES, type Mode } from '../constants.js'
import { parseDatabaseUrl, secretsOfDatabaseUrl } from '../db/connection-url.js'
import { InputError } from '../errors.js'
import { resolveProjectLayout } from '../migrate/migrations-dir.js'
import { findDatasource } from '../migrate/prisma-schema.js'
import {
  detectPrismaVersion,
  executionFor,
  hasPrisma7ConfigNames,
  isPrisma7,
  readVersionInput
} from '../migrate/prisma-version.js'
import { RepositoryFiles } from '../util/repo-files.js'
import { registerSecret } from '../util/secrets.js'
import { type InputReader, parseBool } from './input.js'
import type { CommonSettings, MigrateSettings } from './settings.js'

export function readMode(read: InputReader): Mode {
  const raw = read('mode')
  if (raw === '') throw new InputError('mode', `is required. Accepted values: ${MODES.join(', ')}.`)
  const mode = MODES.find((m) => m === raw.toLowerCase())
  if (!mode)
    throw new InputError('mode', `has the unknown value "${raw}". Accepted values: ${MODES.join(', ')}.`)
  return mode
}

/**
 * Registers every secret input before anything else happens, so that no later log line, error or report can
 * show one. Called first thing in `run()`.
 */
export function registerSecretInputs(read: InputReader): void {
  for (const name of ['database-url', 'target-database-url']) {
    const raw = read(name)
    if (raw) for (const secret of secretsOfDatabaseUrl(raw)) registerSecret(secret)
  }
  for (const name of ['github-token', 'age-identity']) registerSecret(read(name))
}

export function readCommonSettings(read: InputReader, env: NodeJS.ProcessEnv = process.env): CommonSettings {
  const mode = readMode(read)
  const files = RepositoryFiles.forWorkspace(env)
  const workingDirectory = resolve(files.root, read('working-directory') || '.')
  // Outside the workspace, through a link or into .git: refused, naming the input.
  if (files.inspect(workingDirectory, { input: 'working-directory' }) !== 'directory') {
    throw new InputError(
      'working-directory',
      `"${read('working-directory') || '.'}" is not a directory in the workspace (${workingDirectory}).`,
      'Set it to the folder of the Prisma project (the one with package.json or prisma.config.ts), relative to the repository root, and check out the repository first (actions/checkout).'
    )
  }
  const databaseUrl = read('database-url')
  if (!databaseUrl && mode !== 'migrate-status') {
    throw new InputError(
      'database-url',
      `is required for mode ${mode}.`,
      'Pass the database URL from a secret, e.g. `database-url: ${{ secrets.DATABASE_URL }}` (on Railway: the DATABASE_PUBLIC_URL of the Postgres service).'
    )
  }
  const runnerTemp = env.RUNNER_TEMP || tmpdir()
  const reportName = `pg-ops-report-${mode}-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${process.pid}.json`
  return {
    mode,
    workspace: files.root,
    workingDirectory,
    databaseUrl,
    connection: databaseUrl ? parseDatabaseUrl(databaseUrl) : undefined,
    reportPath: join(runnerTemp, reportName)
  }
}

export async function readMigrateSettings(
  read: InputReader,
  common: CommonSettings
): Promise<MigrateSettings> {
  const prisma = await detectPrismaVersion(
    common.workingDirectory,
    common.workspace,
    readVersionInput(read('prisma-version'))
  )
  const explicit = read('migrations-dir')
  const explicitPath = explicit
    ? isAbsolute(explicit)
      ? explicit
      : resolve(common.workingDirectory, explicit)
    : undefined
  const files = new RepositoryFiles(common.workspace)
  if (explicitPath) {
    // Prisma treats a missing folder as "no migrations"; a folder the user named explicitly must exist.
    const kind = files.inspect(explicitPath, { input: 'migrations-dir' })
    if (kind === 'missing')
      throw new InputError(
        'migrations-dir',
        `"${explicit}" does not exist (${explicitPath}).`,
        'Set it relative to `working-directory`, e.g. prisma/migrations, or leave it empty to find it the way Prisma does.'
      )
    if (kind === 'file')
      throw new InputError(
        'migrations-dir',
        `"${explicit}" is a file, not a folder.`,
        'Point it at the folder that holds the <timestamp>_<name>/migration.sql directories.'
      )
  }
  const layout = resolveProjectLayout(common.workingDirectory, explicitPath, files, {
    prisma7: isPrisma7(prisma.version),
    prisma7ConfigNames: hasPrisma7ConfigNames(prisma.version)
  })
  const migrationsDir = layout.migrationsDir
  const layoutNotes: string[] = []
  let schemas: string[] | undefined
  if (layout.schema) {
    const datasource = findDatasource(layout.schema.path, files)
    const shown = relative(common.workingDirectory, datasource?.file ?? layout.schema.path) || '.'
    if (!datasource) layoutNotes.push(`Schema: ${layout.schema.reason}; no datasource block found in it.`)
    else if (datasource.schemasUnreadable)
      layoutNotes.push(
        `Datasource in ${shown}: \`schemas\` is not a list of string literals and is not used.`
      )
    else if (datasource.schemas) {
      schemas = datasource.schemas
      layoutNotes.push(`Datasource in ${shown}: schemas ${datasource.schemas.join(', ')} (multiSchema).`)
    }
  }
  if (layout.externalTables?.length)
    layoutNotes.push(
      `tables.external in ${relative(common.workingDirectory, layout.configFile ?? '')}: ${layout.externalTables.join(', ')}.`
    )
  layoutNotes.push(
    ...layout.notes.filter((note) => !migrationsDir.reason.includes(note)).map((note) => `Note: ${note}.`)
  )
  const resolveApplied = read('resolve-applied') || undefined
  const resolveRolledBack = read('resolve-rolled-back') || undefined
  if (common.mode === 'migrate-resolve') {
    if (resolveApplied && resolveRolledBack) {
      throw new InputError(
        'resolve-applied',
        'and `resolve-rolled-back` are both set; pass exactly one of them.',
        'Use resolve-rolled-back after undoing a failed migration by hand, resolve-applied after finishing it by hand or to baseline.'
      )
    }
    if (!resolveApplied && !resolveRolledBack) {
      throw new InputError(
        'resolve-applied',
        'or `resolve-rolled-back` is required for mode migrate-resolve.',
        'Set one of them to the full migration directory name, e.g. resolve-rolled-back: 20240102000000_add_post.'
      )
    }
  } else if (resolveApplied || resolveRolledBack) {
    throw new InputError(
      resolveApplied ? 'resolve-applied' : 'resolve-rolled-back',
      `is only used by mode migrate-resolve, but mode is ${common.mode}.`,
      'Remove it, or set mode: migrate-resolve.'
    )
  }
  const expectedPlanId = read('expected-plan-id') || undefined
  if (expectedPlanId && common.mode !== 'migrate-deploy') {
    throw new InputError(
      'expected-plan-id',
      `is only used by mode migrate-deploy, but mode is ${common.mode}.`,
      'Pass the `plan-id` output of the reviewed migrate-status step to the migrate-deploy step.'
    )
  }
  return {
    migrationsDir,
    failOnPending: parseBool(read, 'fail-on-pending', false),
    resolveApplied,
    resolveRolledBack,
    expectedPlanId,
    prisma: { ...prisma, execution: executionFor(prisma.version) },
    schemas,
    externalTables: layout.externalTables,
    layoutNotes
  }
}

/**
 * The one place that reads the action's inputs (actions/checkout's input-helper is the model): `getSettings`
 * registers every secret, refuses unknown inputs, then parses and checks what the mode uses into its member of
 * the `Settings` union. Backup and review inputs are loaded only by the modes that use them (start-up time).
 */
import { join, resolve } from 'node:path'
import { tmpdir } from 'node:os'
import { MODES, type Mode } from '../constants.js'
import { type ConnectionSettings, parseDatabaseUrl, secretsOfDatabaseUrl } from '../db/connection-url.js'
import { InputError } from '../errors.js'
import { RepositoryFiles } from '../util/repo-files.js'
import { registerSecret } from '../util/secrets.js'
import type { InputReader } from './input.js'
import { onlyFor, parseBool } from './input.js'
import { readLockSafetySettings } from './lock-settings.js'
import { readMigrateProject, readResolveTarget } from './migrate-project.js'
import type { MigrateModeSettings, RunSettings, Settings } from './settings.js'
import { checkUnknownInputs } from './unknown-inputs.js'

function readMode(read: InputReader): Mode {
  const raw = read('mode')
  if (raw === '') throw new InputError('mode', `is required. Accepted values: ${MODES.join(', ')}.`)
  const mode = MODES.find((m) => m === raw.toLowerCase())
  if (!mode)
    throw new InputError('mode', `has the unknown value "${raw}". Accepted values: ${MODES.join(', ')}.`)
  return mode
}

/**
 * Registers every secret input, in each form it can appear in, before anything else happens, so that no later
 * log line, error or report can show one.
 */
export function registerSecretInputs(read: InputReader): void {
  for (const name of ['database-url', 'target-database-url']) {
    const raw = read(name)
    if (raw) for (const secret of secretsOfDatabaseUrl(raw)) registerSecret(secret)
  }
  registerSecret(read('github-token'))
  const ageIdentity = read('age-identity')
  registerSecret(ageIdentity)
  for (const line of ageIdentity.split(/\r?\n/)) registerSecret(line.trim())
}

/** What is known of the run while its inputs are parsed: a run that fails on an input still names its mode and writes its report. */
export interface ParseProgress {
  mode?: Mode
  reportPath?: string
}

/**
 * Secrets registered, unknown inputs refused, then the inputs every run has: the mode, the working directory and
 * where the report goes.
 */
function readRunSettings(
  read: InputReader,
  env: NodeJS.ProcessEnv = process.env,
  progress: ParseProgress = {}
): RunSettings {
  registerSecretInputs(read)
  checkUnknownInputs(env)
  const mode = readMode(read)
  progress.mode = mode
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
  const runnerTemp = env.RUNNER_TEMP || tmpdir()
  const reportName = `pg-ops-report-${mode}-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${process.pid}.json`
  progress.reportPath = join(runnerTemp, reportName)
  return { mode, workspace: files.root, workingDirectory, reportPath: progress.reportPath }
}

/** The mode and its parsed `database-url`, which only migrate-status can do without (it reviews offline). */
type ModeConnection =
  | { mode: 'migrate-status'; connection?: ConnectionSettings }
  | { mode: Exclude<Mode, 'migrate-status'>; connection: ConnectionSettings }

/** `database-url`, required by every mode but migrate-status (which reviews offline without it). */
function readConnection(read: InputReader, mode: Mode): ModeConnection {
  const databaseUrl = read('database-url')
  if (mode === 'migrate-status')
    return { mode, connection: databaseUrl ? parseDatabaseUrl(databaseUrl) : undefined }
  if (!databaseUrl) {
    throw new InputError(
      'database-url',
      `is required for mode ${mode}.`,
      'Pass the database URL from a secret, e.g. `database-url: ${{ secrets.DATABASE_URL }}` (on Railway: the DATABASE_PUBLIC_URL of the Postgres service).'
    )
  }
  return { mode, connection: parseDatabaseUrl(databaseUrl) }
}

async function readMigrateModeSettings(
  read: InputReader,
  run: RunSettings,
  target: ModeConnection
): Promise<MigrateModeSettings> {
  const project = await readMigrateProject(read, run)
  const resolveTarget = readResolveTarget(read, run.mode)
  const expectedPlanId = onlyFor(
    read,
    'expected-plan-id',
    run.mode,
    'migrate-deploy',
    'Pass the `plan-id` output of the reviewed migrate-status step to the migrate-deploy step.'
  )
  const failOnPending = parseBool(read, 'fail-on-pending', false)
  if (target.mode === 'migrate-resolve' && resolveTarget)
    return { ...run, mode: target.mode, connection: target.connection, project, resolve: resolveTarget }
  const { readReviewInputs } = await import('./review-inputs.js')
  const review = readReviewInputs(read)
  if (target.mode === 'migrate-status') {
    const { rules, failOn, comment, githubToken, baseRef } = review
    return {
      ...run,
      mode: target.mode,
      connection: target.connection,
      project,
      failOnPending,
      review: { rules, failOn },
      pullRequest: { comment, githubToken, baseRef }
    }
  }
  const { readPreDeployBackup } = await import('./backup-inputs.js')
  const backup = readPreDeployBackup(read)
  return {
    ...run,
    mode: 'migrate-deploy',
    connection: target.connection,
    project,
    expectedPlanId,
    review: { rules: review.rules, allowDestructive: review.allowDestructive },
    lockSafety: readLockSafetySettings(read),
    backup
  }
}

/** The mode's own inputs, parsed and checked, on top of `run` (from readRunSettings). */
async function readModeSettings(read: InputReader, run: RunSettings): Promise<Settings> {
  const target = readConnection(read, run.mode)
  switch (target.mode) {
    case 'migrate-status':
    case 'migrate-deploy':
    case 'migrate-resolve':
      return readMigrateModeSettings(read, run, target)
    case 'backup': {
      const { readBackupSettings } = await import('./backup-inputs.js')
      return { ...run, mode: target.mode, connection: target.connection, backup: readBackupSettings(read) }
    }
    case 'restore-drill': {
      const { readDrillSettings } = await import('./backup-inputs.js')
      return { ...run, mode: target.mode, connection: target.connection, drill: readDrillSettings(read) }
    }
  }
}

/** Every input, parsed once: the settings of this run's mode. `progress` says how far it got (for failures). */
export async function getSettings(
  read: InputReader,
  env: NodeJS.ProcessEnv = process.env,
  progress: ParseProgress = {}
): Promise<Settings> {
  return readModeSettings(read, readRunSettings(read, env, progress))
}

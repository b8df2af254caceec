/**
 * Every input of the action, parsed once (src/settings/get-settings.ts) into one typed object per mode. Nothing
 * else reads inputs: each mode gets its own member of `Settings`, with exactly the fields it uses.
 */
import type { Mode } from '../constants.js'
import type { BackupSettings, DrillSettings, PreDeployBackupPolicy } from '../backup/settings.js'
import type { ConnectionSettings } from '../db/connection-url.js'
import type { ExecutionStrategy } from '../migrate/execute.js'
import type { LockSafetySettings } from '../migrate/lock-safety.js'
import type { PrismaVersionInfo } from '../migrate/prisma-version.js'
import type { FailOn } from '../review/rule-settings.js'
import type { RuleSeverities } from '../review/types.js'

/** What every run has: the mode and where things are. */
export interface RunSettings {
  /** `mode`. */
  mode: Mode
  /** GITHUB_WORKSPACE (or the process's cwd), absolute: every repository file the action reads lies inside it. */
  workspace: string
  /** Absolute path; `working-directory` resolved against the workspace, a real directory inside it (no link). */
  workingDirectory: string
  /** Where the JSON report is written (output `report-path`). */
  reportPath: string
}

/** The Prisma project the migrate modes work on: where its migrations are and how its Prisma runs them. */
export interface MigrateProject {
  /** Absolute path of the migrations folder and why it was chosen (logged). */
  migrationsDir: { path: string; reason: string }
  /** The project's Prisma version (input `prisma-version`, node_modules/prisma or the lockfile) and what it implies. */
  prisma: PrismaVersionInfo & { execution: ExecutionStrategy }
  /** The datasource's `schemas = [...]` (multiSchema), read from the schema file(s); they count for P3005. */
  schemas?: string[]
  /** `tables.external` of prisma.config ("schema.table"): not counted for P3005. */
  externalTables?: string[]
  /** Log lines about where the schema, the datasource and the config values came from. */
  layoutNotes: string[]
}

/** The review inputs as parsed (src/settings/review-inputs.ts); each mode keeps its part. */
export interface ReviewInputs {
  /** `allow-destructive`: deploy even with unacknowledged error-level findings. */
  allowDestructive: boolean
  /** `fail-on`: the lowest severity that fails migrate-status. */
  failOn: FailOn
  /** `rules`: effective severity per rule id; a rule that is off is absent. */
  rules: RuleSeverities
  /** `comment`: write the sticky PR comment on pull_request events. */
  comment: boolean
  /** `github-token` (registered as a secret); '' when not given. */
  githubToken: string
  /** `base-ref`: overrides the PR's base for the offline review (a branch, tag or SHA). */
  baseRef?: string
}

/** How migrate-status talks to the pull request. */
export type PullRequestSettings = Pick<ReviewInputs, 'comment' | 'githubToken' | 'baseRef'>

export interface MigrateStatusSettings extends RunSettings {
  mode: 'migrate-status'
  /** Parsed `database-url`; undefined when it is empty: the offline review of what the change adds. */
  connection?: ConnectionSettings
  /** The Prisma project (`working-directory`, `migrations-dir`, `prisma-version`). */
  project: MigrateProject
  /** `fail-on-pending`: fail the step when migrations are pending. */
  failOnPending: boolean
  /** `rules` and `fail-on`. */
  review: Pick<ReviewInputs, 'rules' | 'failOn'>
  /** `comment`, `github-token`, `base-ref`. */
  pullRequest: PullRequestSettings
}

export interface MigrateDeploySettings extends RunSettings {
  mode: 'migrate-deploy'
  /** Parsed `database-url`. */
  connection: ConnectionSettings
  /** The Prisma project (`working-directory`, `migrations-dir`, `prisma-version`). */
  project: MigrateProject
  /** `expected-plan-id`: refuse unless the pending plan's id equals this (output `plan-id` of a reviewed status run). */
  expectedPlanId?: string
  /** `rules` and `allow-destructive`. */
  review: Pick<ReviewInputs, 'rules' | 'allowDestructive'>
  /** `lock-timeout`, `statement-timeout`, `lock-retry-window`. */
  lockSafety: LockSafetySettings
  /** `backup-before-deploy` and the backup inputs. */
  backup: PreDeployBackupPolicy
}

export interface MigrateResolveSettings extends RunSettings {
  mode: 'migrate-resolve'
  /** Parsed `database-url`. */
  connection: ConnectionSettings
  /** The Prisma project (`working-directory`, `migrations-dir`, `prisma-version`). */
  project: MigrateProject
  /** `resolve-applied` or `resolve-rolled-back` (exactly one): the migration and how to mark it. */
  resolve: { migration: string; as: 'applied' | 'rolled-back' }
}

export interface BackupModeSettings extends RunSettings {
  mode: 'backup'
  /** Parsed `database-url`: the database to back up. */
  connection: ConnectionSettings
  /** `destination`, `format`, `encrypt-to`, `keep-last`… (src/backup/settings.ts). */
  backup: BackupSettings
}

export interface RestoreDrillSettings extends RunSettings {
  mode: 'restore-drill'
  /** The source (`database-url`): its name selects `latest`, and the drill proves the target is not it. */
  connection: ConnectionSettings
  /** `backup-uri`, `target-database-url`, `age-identity`… (src/backup/settings.ts). */
  drill: DrillSettings
}

export type Settings =
  | MigrateStatusSettings
  | MigrateDeploySettings
  | MigrateResolveSettings
  | BackupModeSettings
  | RestoreDrillSettings

/** The settings of the three migrate modes (they share the project and the migrations folder). */
export type MigrateModeSettings = MigrateStatusSettings | MigrateDeploySettings | MigrateResolveSettings

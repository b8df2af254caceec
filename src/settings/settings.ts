import type { Mode } from '../constants.js'
import type { ConnectionSettings } from '../db/connection-url.js'
import type { ExecutionStrategy } from '../migrate/execute.js'
import type { PrismaVersionInfo } from '../migrate/prisma-version.js'

/** Inputs every mode shares, parsed and validated once. */
export interface CommonSettings {
  mode: Mode
  /** GITHUB_WORKSPACE (or the process's cwd), absolute: every repository file the action reads lies inside it. */
  workspace: string
  /** Absolute path; `working-directory` resolved against the workspace, a real directory inside it (no link). */
  workingDirectory: string
  /** The raw `database-url` ('' when not given). Registered as a secret before anything is logged. */
  databaseUrl: string
  /** Parsed `database-url`; undefined when it is empty (only `migrate-status` allows that: offline review). */
  connection?: ConnectionSettings
  /** Where the JSON report is written (output `report-path`). */
  reportPath: string
}

/** Inputs of the three migrate modes. */
export interface MigrateSettings {
  /** Absolute path of the migrations folder and why it was chosen (logged). */
  migrationsDir: { path: string; reason: string }
  /** `migrate-status`: fail the step when migrations are pending. */
  failOnPending: boolean
  /** `migrate-resolve`: exactly one of the two. */
  resolveApplied?: string
  resolveRolledBack?: string
  /** `migrate-deploy`: refuse unless the pending plan's id equals this (output `plan-id` of a reviewed status run). */
  expectedPlanId?: string
  /** The project's Prisma version (input `prisma-version`, node_modules/prisma or the lockfile) and what it implies. */
  prisma: PrismaVersionInfo & { execution: ExecutionStrategy }
  /** The datasource's `schemas = [...]` (multiSchema), read from the schema file(s); they count for P3005. */
  schemas?: string[]
  /** `tables.external` of prisma.config ("schema.table"): not counted for P3005. */
  externalTables?: string[]
  /** Log lines about where the schema, the datasource and the config values came from. */
  layoutNotes: string[]
}

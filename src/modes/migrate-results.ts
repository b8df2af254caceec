/** What the migrate modes hand back: outputs and the parts of the JSON report they share. */
import { relative } from 'node:path'
import type { Diagnosis } from '../migrate/status.js'
import type { MigrationInput } from '../review/types.js'
import type { MigrateProject } from '../settings/settings.js'

/** Path of a migration's SQL file relative to the working directory: what annotations and reports show. */
export function relativeSqlPath(workingDirectory: string, sqlPath: string): string {
  return relative(workingDirectory, sqlPath).split('\\').join('/')
}

/**
 * The migrations folder relative to the working directory (`.` for that directory itself): as logs and summaries
 * show it, and where the search for changed migrations looks.
 */
export function shownMigrationsDir(workingDirectory: string, path: string): string {
  return relative(workingDirectory, path) || '.'
}

/** The pending migrations, as the review wants them (readable files only). */
export function pendingForReview(diagnosis: Diagnosis, workingDirectory: string): MigrationInput[] {
  return diagnosis.pending
    .filter((m) => m.script !== null)
    .map((m) => ({
      name: m.name,
      file: relativeSqlPath(workingDirectory, m.sqlPath),
      script: m.script as string
    }))
}

/** The outputs every migrate mode sets, from what is pending, applied by this run and failed. */
export function migrateOutputs(state: {
  status: string
  pending: string[]
  applied?: string[]
  failed?: string[]
}): Record<string, string> {
  return {
    status: state.status,
    'pending-count': String(state.pending.length),
    'pending-migrations': JSON.stringify(state.pending),
    'applied-count': String(state.applied?.length ?? 0),
    'applied-migrations': JSON.stringify(state.applied ?? []),
    'failed-migrations': JSON.stringify(state.failed ?? [])
  }
}

/** The JSON report's `prisma`: the version the run behaved as, where it came from, how it executes. */
export function prismaReport(project: MigrateProject): Record<string, unknown> {
  const v = project.prisma.version
  return {
    version: v ? `${v.major}.${v.minor}.${v.patch}` : null,
    source: project.prisma.source,
    execution: project.prisma.execution
  }
}

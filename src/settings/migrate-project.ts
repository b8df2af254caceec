import { isAbsolute, relative, resolve } from 'node:path'
import type { Mode } from '../constants.js'
import { InputError } from '../errors.js'
import { type ProjectLayout, resolveProjectLayout } from '../migrate/migrations-dir.js'
import { findDatasource } from '../migrate/prisma-schema.js'
import {
  detectPrismaVersion,
  executionFor,
  hasPrisma7ConfigNames,
  isPrisma7,
  readVersionInput
} from '../migrate/prisma-version.js'
import { RepositoryFiles } from '../util/repo-files.js'
import { type InputReader, onlyFor } from './input.js'
import type { MigrateProject, MigrateResolveSettings, RunSettings } from './settings.js'

/** `migrations-dir` as an absolute path; a folder the user named explicitly must exist (Prisma: "no migrations"). */
function explicitMigrationsDir(
  read: InputReader,
  workingDirectory: string,
  files: RepositoryFiles
): string | undefined {
  const explicit = read('migrations-dir')
  if (!explicit) return undefined
  const path = isAbsolute(explicit) ? explicit : resolve(workingDirectory, explicit)
  const kind = files.inspect(path, { input: 'migrations-dir' })
  if (kind === 'missing')
    throw new InputError(
      'migrations-dir',
      `"${explicit}" does not exist (${path}).`,
      'Set it relative to `working-directory`, e.g. prisma/migrations, or leave it empty to find it the way Prisma does.'
    )
  if (kind === 'file')
    throw new InputError(
      'migrations-dir',
      `"${explicit}" is a file, not a folder.`,
      'Point it at the folder that holds the <timestamp>_<name>/migration.sql directories.'
    )
  return path
}

/** The datasource's `schemas` and the log lines that say where the schema, datasource and config came from. */
function datasourceAndNotes(
  layout: ProjectLayout,
  workingDirectory: string,
  files: RepositoryFiles
): { schemas?: string[]; notes: string[] } {
  const notes: string[] = []
  let schemas: string[] | undefined
  if (layout.schema) {
    const datasource = findDatasource(layout.schema.path, files)
    const shown = relative(workingDirectory, datasource?.file ?? layout.schema.path) || '.'
    if (!datasource) notes.push(`Schema: ${layout.schema.reason}; no datasource block found in it.`)
    else if (datasource.schemasUnreadable)
      notes.push(`Datasource in ${shown}: \`schemas\` is not a list of string literals and is not used.`)
    else if (datasource.schemas) {
      schemas = datasource.schemas
      notes.push(`Datasource in ${shown}: schemas ${datasource.schemas.join(', ')} (multiSchema).`)
    }
  }
  if (layout.externalTables?.length)
    notes.push(
      `tables.external in ${relative(workingDirectory, layout.configFile ?? '')}: ${layout.externalTables.join(', ')}.`
    )
  notes.push(
    ...layout.notes
      .filter((note) => !layout.migrationsDir.reason.includes(note))
      .map((note) => `Note: ${note}.`)
  )
  return { schemas, notes }
}

/** The Prisma project of the three migrate modes: its Prisma version, migrations folder, schema and config. */
export async function readMigrateProject(
  read: InputReader,
  run: Pick<RunSettings, 'workspace' | 'workingDirectory'>
): Promise<MigrateProject> {
  const prisma = await detectPrismaVersion(
    run.workingDirectory,
    run.workspace,
    readVersionInput(read('prisma-version'))
  )
  const files = new RepositoryFiles(run.workspace)
  const explicitPath = explicitMigrationsDir(read, run.workingDirectory, files)
  const layout = resolveProjectLayout(run.workingDirectory, explicitPath, files, {
    prisma7: isPrisma7(prisma.version),
    prisma7ConfigNames: hasPrisma7ConfigNames(prisma.version)
  })
  const { schemas, notes } = datasourceAndNotes(layout, run.workingDirectory, files)
  return {
    migrationsDir: layout.migrationsDir,
    prisma: { ...prisma, execution: executionFor(prisma.version) },
    schemas,
    externalTables: layout.externalTables,
    layoutNotes: notes
  }
}

/** `resolve-applied` / `resolve-rolled-back`: exactly one for migrate-resolve, neither for another mode. */
export function readResolveTarget(
  read: InputReader,
  mode: Mode
): MigrateResolveSettings['resolve'] | undefined {
  const hint = 'Remove it, or set mode: migrate-resolve.'
  const applied = onlyFor(read, 'resolve-applied', mode, 'migrate-resolve', hint)
  const rolledBack = onlyFor(read, 'resolve-rolled-back', mode, 'migrate-resolve', hint)
  if (mode !== 'migrate-resolve') return undefined
  if (applied && rolledBack) {
    throw new InputError(
      'resolve-applied',
      'and `resolve-rolled-back` are both set; pass exactly one of them.',
      'Use resolve-rolled-back after undoing a failed migration by hand, resolve-applied after finishing it by hand or to baseline.'
    )
  }
  if (applied) return { migration: applied, as: 'applied' }
  if (rolledBack) return { migration: rolledBack, as: 'rolled-back' }
  throw new InputError(
    'resolve-applied',
    'or `resolve-rolled-back` is required for mode migrate-resolve.',
    'Set one of them to the full migration directory name, e.g. resolve-rolled-back: 20240102000000_add_post.'
  )
}

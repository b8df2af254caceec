/**
 * The one place where the Prisma-version code reads repository files (lockfiles, node_modules/prisma/package.json),
 * as data: never executed, never written, and only through RepositoryFiles (regular files inside the workspace,
 * no link followed). Version detection is best effort, so a file it may not read is simply not used: a pnpm
 * `node_modules/prisma` is a link, and the lockfile then decides.
 */
import { RepoFileError, type RepositoryFiles } from '../util/repo-files.js'

/** Lockfiles of large monorepos run to tens of megabytes; anything larger is not one. */
export const MAX_PROJECT_FILE_BYTES = 64 * 1024 * 1024

/** The file's text (UTF-8), or undefined when it is absent, not a regular file inside the workspace, or unreadable. */
export function readProjectFile(path: string, files: RepositoryFiles): string | undefined {
  try {
    return files.readText(path, { maxBytes: MAX_PROJECT_FILE_BYTES, what: 'a lockfile or package.json' })
  } catch (error) {
    if (error instanceof RepoFileError || (error as NodeJS.ErrnoException).code) return undefined
    throw error
  }
}

/** Config files and package.json are small; a larger one is not what Prisma reads. */
export const MAX_CONFIG_BYTES = 1024 * 1024
export const MAX_SCHEMA_FILE_BYTES = 8 * 1024 * 1024

/**
 * A small repository text file (a Prisma config, package.json, a schema file), or '' when it is absent or
 * unreadable (Prisma's loaders give up the same way). Links, special files and oversized files are refused, never
 * skipped: skipping would silently pick another migrations folder than Prisma.
 */
export function readSmallText(
  path: string,
  files: RepositoryFiles,
  what: string,
  maxBytes = MAX_CONFIG_BYTES
): string {
  try {
    return files.readText(path, { maxBytes, what }) ?? ''
  } catch (error) {
    if (error instanceof RepoFileError) throw error
    return ''
  }
}

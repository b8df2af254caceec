/**
 * The one place where the Prisma-version and datasource code reads repository files (lockfiles,
 * node_modules/prisma/package.json, schema files), as data: never executed, never written. Keep every such read
 * here, so that the workspace rules for repository files (regular files inside the workspace) apply to all of them.
 */
import { type Dirent, lstatSync, readFileSync, readdirSync } from 'node:fs'

/** The file's text (UTF-8), or undefined when it does not exist, is not a regular file, or cannot be read. */
export function readProjectFile(path: string): string | undefined {
  try {
    if (!lstatSync(path).isFile()) return undefined
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** A directory's entries (not followed when it is a link), or undefined when it is not a readable directory. */
export function listProjectDirectory(path: string): Dirent[] | undefined {
  try {
    if (!lstatSync(path).isDirectory()) return undefined
    return readdirSync(path, { withFileTypes: true })
  } catch {
    return undefined
  }
}

/** Whether `path` is a directory (not a link to one). */
export function isProjectDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory()
  } catch {
    return false
  }
}

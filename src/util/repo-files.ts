/**
 * Repository files are data, never paths to follow. A pull request controls every file of the checkout, and a
 * symbolic link is just a file whose content git turns into a path: `migration.sql -> /proc/self/environ`, or
 * `-> ../../.git/config` (where actions/checkout keeps the token). Rendering what such a path leads to would post
 * the runner's secrets in the PR comment. So the action reads a repository path only when it is a regular file
 * or directory inside the workspace, reached without following any link:
 * - `lstat` each path (and, when the fast check disagrees, each of its parent folders): a link is refused wherever
 *   it points, inside the workspace or not, so one rule covers every target;
 * - `realpath` must land where the path says, inside the workspace;
 * - named pipes, sockets and devices are refused before anything opens them (opening a FIFO blocks forever);
 * - paths through a `.git` folder are refused: git never checks a file out there, and it holds the credentials;
 * - files are opened with O_NOFOLLOW | O_NONBLOCK and checked again with fstat, so a path swapped after the check
 *   is refused too, and never more than a stated number of bytes is read.
 * Every refusal is an error that names the path (relative to the workspace, control characters escaped) and says
 * what to do; no message quotes what the file holds.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats
} from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { ActionError } from '../errors.js'

/** A repository path the action will not read: a link, a special file, outside the workspace, too large... */
export class RepoFileError extends ActionError {
  /** The path as messages show it (relative to the workspace). */
  readonly file: string
  /** The input that named the path, when one did (`working-directory`, `migrations-dir`). */
  readonly input?: string

  constructor(file: string, message: string, options: { hint?: string; input?: string } = {}) {
    super(options.input ? `Input \`${options.input}\`: ${message}` : message, { hint: options.hint })
    this.name = 'RepoFileError'
    this.file = file
    this.input = options.input
  }
}

type RepoEntry = 'missing' | 'file' | 'directory'

export interface RepoPathOptions {
  /** The input that named this path: the error names it, and its hint says to correct it. */
  input?: string
}

export interface ReadOptions extends RepoPathOptions {
  /** Refuse a file larger than this. */
  maxBytes: number
  /** What the file is, for the size message ("a migration.sql", "a Prisma config file"). */
  what: string
}

/**
 * A path or name as messages show it: control characters (newlines, carriage returns, NUL...) and the Unicode
 * line separators escaped, so one name is one line and cannot pass for something else.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }
    return named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

// Absent on Windows, where links and FIFOs are not what a checkout makes.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

function describeSpecial(stats: Stats): string | undefined {
  if (stats.isFIFO()) return 'a named pipe (FIFO)'
  if (stats.isSocket()) return 'a socket'
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'a device'
  if (!stats.isFile() && !stats.isDirectory() && !stats.isSymbolicLink()) return 'not a regular file'
  return undefined
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

/** The workspace, and the only way the action opens what a repository holds. */
export class RepositoryFiles {
  /** The workspace as configured (GITHUB_WORKSPACE), absolute. */
  readonly root: string
  /** The same folder with its own links resolved (e.g. /tmp -> /private/tmp); only paths below it are checked. */
  private readonly realRoot: string

  constructor(root: string) {
    this.root = resolve(root)
    try {
      this.realRoot = realpathSync.native(this.root)
    } catch {
      this.realRoot = this.root
    }
  }

  /** The workspace of this run: GITHUB_WORKSPACE, else the process's directory. */
  static forWorkspace(env: NodeJS.ProcessEnv = process.env): RepositoryFiles {
    return new RepositoryFiles(env.GITHUB_WORKSPACE || process.cwd())
  }

  /** Whether `path` lies inside the workspace (lexically; links are the business of `inspect`). */
  contains(path: string): boolean {
    return this.partsBelow(resolve(path)) !== undefined
  }

  /** `path` relative to the workspace with `/` separators, printable; absolute when outside. */
  show(path: string): string {
    const parts = this.partsBelow(resolve(path))
    if (!parts) return printable(resolve(path))
    return printable(parts.length === 0 ? '.' : parts.join('/'))
  }

  /**
   * What is at `path`: nothing, a regular file or a directory. Throws RepoFileError for a path outside the
   * workspace, through `.git`, through or at a symbolic link, or at a FIFO, socket or device.
   */
  inspect(path: string, options: RepoPathOptions = {}): RepoEntry {
    return this.check(path, options).kind
  }

  /**
   * The text of a regular file (UTF-8, as Node and Prisma decode it: a BOM is kept, invalid bytes become U+FFFD),
   * or undefined when nothing is there. Refusals throw RepoFileError; other I/O errors (permissions) are thrown
   * as they come, for callers that treat an unreadable file as Prisma does.
   */
  readText(path: string, options: ReadOptions): string | undefined {
    const checked = this.check(path, options)
    if (checked.kind === 'missing') return undefined
    if (checked.kind === 'directory')
      throw this.refusal(checked.canonical, 'is a directory, not a file.', {
        ...options,
        hint: `Replace it with the ${options.what} itself.`
      })
    const fd = openSync(checked.canonical, OPEN_FLAGS)
    try {
      const stats = fstatSync(fd)
      if (!stats.isFile() || stats.ino !== checked.stats.ino || stats.dev !== checked.stats.dev)
        throw this.refusal(
          checked.canonical,
          'changed while it was being read (it is no longer the same regular file).',
          {
            ...options,
            hint: 'Nothing in the workspace should change while the action runs; run it again.'
          }
        )
      if (stats.size > options.maxBytes) throw this.tooLarge(checked.canonical, options)
      // One byte more than allowed tells a file that grew since fstat from one that did not.
      const buffer = Buffer.allocUnsafe(Math.min(stats.size, options.maxBytes) + 1)
      let length = 0
      for (;;) {
        const n = readSync(fd, buffer, length, buffer.length - length, null)
        if (n === 0) break
        length += n
        if (length === buffer.length) {
          if (length > options.maxBytes) throw this.tooLarge(checked.canonical, options)
          break
        }
      }
      return buffer.toString('utf8', 0, length)
    } finally {
      closeSync(fd)
    }
  }

  private tooLarge(canonical: string, options: ReadOptions): RepoFileError {
    return this.refusal(
      canonical,
      `is larger than ${mib(options.maxBytes)}, the most the action reads of ${options.what}.`,
      {
        ...options,
        hint: 'Split it into smaller files (for migrations: several migration directories, applied in order).'
      }
    )
  }

  /**
   * The components of the absolute path `abs` below the workspace ([] for the workspace itself), or undefined
   * when it is not inside.
   */
  partsBelow(abs: string): string[] | undefined {
    for (const base of new Set([this.root, this.realRoot])) {
      const rel = relative(base, abs)
      if (rel === '') return []
      if (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return rel.split(sep)
    }
    return undefined
  }

  private check(
    path: string,
    options: RepoPathOptions
  ):
    { kind: 'missing'; canonical: string } | { kind: 'file' | 'directory'; canonical: string; stats: Stats } {
    const abs = resolve(path)
    const parts = this.partsBelow(abs)
    if (!parts)
      throw this.refusal(abs, `is outside the workspace (${printable(this.root)}).`, {
        ...options,
        hint: `The action reads only the checked-out repository: use a path inside it${options.input ? ', relative to the workspace' : ''}, and check out the repository into the workspace (actions/checkout \`path\` is relative to it).`
      })
    const canonical = join(this.realRoot, ...parts)
    if (parts.some((part) => part.toLowerCase() === '.git'))
      throw this.refusal(
        canonical,
        "is inside a .git folder, which holds git's own data (and the checkout's credentials), not project files.",
        { ...options, hint: 'Point the action at the project, outside .git.' }
      )
    let stats: Stats
    try {
      stats = lstatSync(canonical)
    } catch (error) {
      if (!isMissing(error)) throw error
      // Nothing there; but a link on the way would still lead somewhere else.
      this.refuseLinkOnTheWay(parts, options)
      return { kind: 'missing', canonical }
    }
    if (stats.isSymbolicLink()) throw this.linkRefusal(canonical, canonical, options)
    const special = describeSpecial(stats)
    if (special)
      throw this.refusal(canonical, `is ${special}, not a regular file; the action does not open it.`, {
        ...options,
        hint: 'Replace it with a regular file committed to the repository.'
      })
    let real: string | undefined
    try {
      real = realpathSync.native(canonical)
    } catch {
      real = undefined
    }
    // The fast check: no link on the way. Otherwise find the link (or accept: a case-insensitive file system may
    // spell the real path differently).
    if (real !== canonical) this.refuseLinkOnTheWay(parts, options)
    return { kind: stats.isDirectory() ? 'directory' : 'file', canonical, stats }
  }

  /** Throws for the first parent folder of the path that is a link; a missing one ends the walk. */
  private refuseLinkOnTheWay(parts: string[], options: RepoPathOptions): void {
    const target = join(this.realRoot, ...parts)
    for (let i = 1; i < parts.length; i++) {
      const prefix = join(this.realRoot, ...parts.slice(0, i))
      let stats: Stats
      try {
        stats = lstatSync(prefix)
      } catch (error) {
        if (isMissing(error)) return
        throw error
      }
      if (stats.isSymbolicLink()) throw this.linkRefusal(prefix, target, options)
      if (!stats.isDirectory()) return
    }
  }

  private linkRefusal(link: string, target: string, options: RepoPathOptions): RepoFileError {
    const where =
      link === target ? this.show(link) : `${this.show(link)} (on the way to ${this.show(target)})`
    return new RepoFileError(
      this.show(target),
      `${where} is a symbolic link. The action reads repository files only as regular files inside the workspace and never follows a link, wherever it points: a pull request could point one at a file outside the repository (the runner's environment, the checkout's credentials).`,
      {
        input: options.input,
        hint: `Commit the file or folder itself instead of a link to it${options.input ? `, or set \`${options.input}\` to its real location` : ''}.`
      }
    )
  }

  private refusal(
    canonical: string,
    message: string,
    options: RepoPathOptions & { hint: string }
  ): RepoFileError {
    const shown = this.show(canonical)
    return new RepoFileError(shown, `${shown} ${message}`, { input: options.input, hint: options.hint })
  }
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`
    : `${bytes} bytes`
}

import { constants } from 'node:fs'
import { access, mkdir, stat } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * `mkdir -p` that always settles. Node's own `mkdir(path, { recursive: true })` spins forever (100% CPU, the
 * promise never settles, the sync form freezes the event loop) when mkdir of a child answers ENOENT although its
 * parent exists: any path under /proc, a dangling symlink to an unmounted disk. Here each level is retried at most
 * once after its parent exists, so an ENOENT then is final, and the walk only ever moves towards the root.
 */
export async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir)
    return
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return ensureDirectory(dir, error)
    const parent = dirname(dir)
    if (code !== 'ENOENT' || parent === dir) throw error
  }
  await makeDirectory(dirname(dir))
  try {
    await mkdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return ensureDirectory(dir, error)
    throw error
  }
}

/** EEXIST is success only for a directory (or a symlink to one); a file or a dangling symlink is an error. */
async function ensureDirectory(dir: string, original: unknown): Promise<void> {
  const info = await stat(dir).catch(() => undefined)
  if (info?.isDirectory()) return
  const error = new Error(
    info ? `${dir} exists and is not a directory` : `${dir} exists but does not resolve to a directory`
  ) as NodeJS.ErrnoException
  error.code = info ? 'ENOTDIR' : 'ENOENT'
  error.cause = original
  throw error
}

/** Create `dir` if needed and check that this process may create files in it. */
export async function ensureWritableDirectory(dir: string): Promise<void> {
  await makeDirectory(dir)
  await access(dir, constants.W_OK | constants.X_OK)
}

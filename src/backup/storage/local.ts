import { createWriteStream } from 'node:fs'
import { copyFile, open, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ActionError, InputError } from '../../errors.js'
import { ensureWritableDirectory, makeDirectory } from '../fs-util.js'
import type { BackupStorage, StoredObject } from './types.js'

const PARTIAL = '.partial'

/** A directory on the runner (self-hosted runners, or a later upload step). Writes go to `.partial` and are renamed. */
export class LocalStorage implements BackupStorage {
  readonly kind = 'local' as const
  readonly canDelete = true

  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (key.split('/').some((part) => part === '..'))
      throw new ActionError(`Refusing the key "${key}": it leaves ${this.root}.`)
    return join(this.root, ...key.split('/'))
  }

  uri(key: string): string {
    return this.path(key)
  }

  /** `mkdir -p` and a write-permission check of the directory, before anything is dumped. */
  async check(): Promise<void> {
    try {
      await ensureWritableDirectory(this.root)
    } catch (error) {
      const e = error as NodeJS.ErrnoException
      throw new InputError(
        'destination',
        `is the directory ${this.root}, which cannot be created or written (${e.code ?? e.message}).`,
        'Use a directory this job can write (e.g. one under RUNNER_TEMP or the workspace), or s3://bucket/prefix or artifact.'
      )
    }
  }

  async upload(key: string, source: Readable): Promise<void> {
    const target = this.path(key)
    const partial = target + PARTIAL
    await makeDirectory(dirname(target))
    if (await exists(target))
      throw new ActionError(`${target} already exists; backups are never overwritten.`)
    try {
      await pipeline(source, createWriteStream(partial, { flags: 'w', mode: 0o600 }))
      // The data must be on disk before the name says it is complete.
      const handle = await open(partial, 'r+')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(partial, target)
    } catch (error) {
      await unlink(partial).catch(() => undefined)
      throw error
    }
  }

  async putBytes(key: string, body: Buffer): Promise<void> {
    const target = this.path(key)
    await makeDirectory(dirname(target))
    await writeFile(target + PARTIAL, body, { mode: 0o600 })
    await rename(target + PARTIAL, target)
  }

  async getBytes(key: string): Promise<Buffer> {
    return readFile(this.path(key))
  }

  async download(key: string, filePath: string): Promise<void> {
    await copyFile(this.path(key), filePath)
  }

  async list(directory: string): Promise<StoredObject[]> {
    const dir = this.path(directory)
    let names: string[]
    try {
      names = await readdir(dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const out: StoredObject[] = []
    for (const name of names) {
      if (name.endsWith(PARTIAL)) continue
      const info = await stat(join(dir, name)).catch(() => undefined)
      if (info?.isFile()) out.push({ key: directory ? `${directory}/${name}` : name, size: info.size })
    }
    return out
  }

  async delete(key: string): Promise<void> {
    await unlink(this.path(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

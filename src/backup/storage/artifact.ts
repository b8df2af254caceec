import { createWriteStream } from 'node:fs'
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { DefaultArtifactClient } from '@actions/artifact'
import { ActionError } from '../../errors.js'
import type { BackupStorage, StoredObject } from './types.js'

/**
 * Artifact names cannot hold `/`; a key's folders are joined with `__` instead (database names in keys are
 * sanitised so that they never contain it).
 */
export function artifactName(key: string): string {
  return key.split('/').join('__')
}

export function keyOfArtifact(name: string): string {
  return name.split('__').join('/')
}

/**
 * A GitHub artifact per object (`skipArchive`: the file as-is, no zip). The artifact API takes files, not streams,
 * so the object is written to RUNNER_TEMP first and uploaded only after the source ended successfully; a failure
 * before that leaves no artifact. Artifacts cannot be deleted without a token, so retention uses `retention-days`.
 */
export class ArtifactStorage implements BackupStorage {
  readonly kind = 'artifact' as const
  readonly canDelete = false
  private readonly client = new DefaultArtifactClient()

  constructor(
    private readonly tempRoot: string,
    private readonly retentionDays?: number
  ) {}

  uri(key: string): string {
    return `artifact://${artifactName(key)}`
  }

  private async withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(this.tempRoot, 'pgops-artifact-'))
    try {
      return await work(dir)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  private async uploadFile(name: string, dir: string): Promise<void> {
    try {
      await this.client.uploadArtifact(name, [join(dir, name)], dir, {
        skipArchive: true,
        retentionDays: this.retentionDays
      })
    } catch (error) {
      throw new ActionError(`Uploading the artifact ${name} failed: ${(error as Error).message}`, {
        hint: 'Artifacts work only inside a GitHub Actions job (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL) and not on GHES.',
        cause: error
      })
    }
  }

  async upload(key: string, source: Readable): Promise<void> {
    const name = artifactName(key)
    await this.withTempDir(async (dir) => {
      await pipeline(source, createWriteStream(join(dir, name), { mode: 0o600 }))
      await this.uploadFile(name, dir)
    })
  }

  async putBytes(key: string, body: Buffer): Promise<void> {
    const name = artifactName(key)
    await this.withTempDir(async (dir) => {
      await writeFile(join(dir, name), body, { mode: 0o600 })
      await this.uploadFile(name, dir)
    })
  }

  private async fetchTo<T>(key: string, use: (file: string) => Promise<T>): Promise<T> {
    const name = artifactName(key)
    const { artifact } = await this.client.getArtifact(name).catch((error: unknown) => {
      throw new ActionError(
        `Artifact ${name} was not found in this workflow run: ${(error as Error).message}`,
        { cause: error }
      )
    })
    return this.withTempDir(async (dir) => {
      await this.client.downloadArtifact(artifact.id, { path: dir, skipDecompress: true })
      const files = await readdir(dir)
      if (files.length !== 1) throw new ActionError(`Artifact ${name} did not download as a single file.`)
      return use(join(dir, files[0]))
    })
  }

  async getBytes(key: string): Promise<Buffer> {
    return this.fetchTo(key, (file) => readFile(file))
  }

  async download(key: string, filePath: string): Promise<void> {
    await this.fetchTo(key, (file) => copyFile(file, filePath))
  }

  async list(directory: string): Promise<StoredObject[]> {
    const { artifacts } = await this.client.listArtifacts({ latest: true })
    const prefix = directory ? `${directory}/` : ''
    return artifacts
      .map((a) => ({ key: keyOfArtifact(a.name), size: a.size }))
      .filter((o) => o.key.startsWith(prefix) && !o.key.slice(prefix.length).includes('/'))
  }

  async delete(): Promise<void> {
    throw new ActionError('Artifacts are not deleted by this action; they expire after `retention-days`.')
  }
}

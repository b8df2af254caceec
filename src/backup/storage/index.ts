import { basename, dirname, isAbsolute, resolve } from 'node:path'
import { InputError } from '../../errors.js'
import { type Destination, checkKeyPath } from '../destination.js'
import { LocalStorage } from './local.js'
import type { BackupStorage } from './types.js'

export type { BackupStorage, StoredObject } from './types.js'
export { joinKey } from './types.js'

export interface StorageOptions {
  s3Endpoint?: string
  s3Region: string
  s3ForcePathStyle: boolean
  retentionDays?: number
  /** RUNNER_TEMP or another scratch directory (artifact uploads need files). */
  tempDir: string
  s3MaxAttempts?: number
  s3PartSize?: number
}

/** The key prefix our objects live under at a destination. */
export function prefixOf(destination: Destination): string {
  return destination.kind === 's3' ? destination.prefix : ''
}

/**
 * The storage behind a destination plus the key prefix our objects live under. The S3 and artifact adapters are
 * loaded on demand: their SDKs are large, and start-up time counts against every backup.
 */
export async function createStorage(
  destination: Destination,
  options: StorageOptions
): Promise<{ storage: BackupStorage; prefix: string }> {
  switch (destination.kind) {
    case 's3': {
      const { S3Storage } = await import('./s3.js')
      const storage = new S3Storage({
        bucket: destination.bucket,
        region: options.s3Region,
        endpoint: options.s3Endpoint,
        forcePathStyle: options.s3ForcePathStyle,
        maxAttempts: options.s3MaxAttempts,
        partSize: options.s3PartSize
      })
      return { storage, prefix: prefixOf(destination) }
    }
    case 'artifact': {
      const { ArtifactStorage } = await import('./artifact.js')
      return { storage: new ArtifactStorage(options.tempDir, options.retentionDays), prefix: '' }
    }
    case 'local':
      return { storage: new LocalStorage(destination.directory), prefix: '' }
  }
}

/** Resolve a `backup-uri` (s3://bucket/key, artifact://name, a path or file:// URI) to its storage and key. */
export async function storageForUri(
  uri: string,
  options: StorageOptions & { workingDirectory: string }
): Promise<{ storage: BackupStorage; key: string }> {
  const text = uri.trim()
  const s3 = /^s3:\/\/([^/]+)\/(.+)$/i.exec(text)
  if (s3) {
    checkKeyPath(s3[2], 'backup-uri', 'key')
    const { storage } = await createStorage({ kind: 's3', bucket: s3[1], prefix: '' }, options)
    return { storage, key: s3[2] }
  }
  if (/^artifact:\/\//i.test(text)) {
    const name = text.slice('artifact://'.length)
    if (!name)
      throw new InputError(
        'backup-uri',
        'names no artifact.',
        'Use artifact://<name> as printed by the backup step.'
      )
    const { ArtifactStorage, keyOfArtifact } = await import('./artifact.js')
    const key = keyOfArtifact(name)
    checkKeyPath(key, 'backup-uri', 'artifact name')
    return { storage: new ArtifactStorage(options.tempDir), key }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^file:\/\//i.test(text)) {
    throw new InputError(
      'backup-uri',
      'has an unsupported scheme.',
      'Use s3://bucket/key, artifact://name, a file path, or `latest` with `destination`.'
    )
  }
  const path = /^file:\/\//i.test(text) ? decodeURIComponent(new URL(text).pathname) : text
  const full = isAbsolute(path) ? path : resolve(options.workingDirectory, path)
  return { storage: new LocalStorage(dirname(full)), key: basename(full) }
}

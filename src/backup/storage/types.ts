import type { Readable } from 'node:stream'

export interface StoredObject {
  key: string
  size?: number
}

/**
 * One destination for backups. Keys are `/`-separated paths relative to the destination's root.
 * `upload` is the one place where the all-or-nothing promise lives: it resolves only once the whole object is
 * stored and visible, and when the source errors or the store fails it rejects and leaves no object behind.
 */
export interface BackupStorage {
  readonly kind: 's3' | 'local' | 'artifact'
  /** A secret-free URI of a key, e.g. s3://bucket/key, a file path, artifact://name. */
  uri: (key: string) => string
  /**
   * `expectedBytes` is an estimate of the object's size (S3 chooses its part size from it); never a limit.
   * Implementations must start reading `source` promptly and, on any failure, reject (never hang) and destroy it.
   */
  upload: (key: string, source: Readable, contentType: string, expectedBytes?: number) => Promise<void>
  putBytes: (key: string, body: Buffer, contentType: string) => Promise<void>
  getBytes: (key: string) => Promise<Buffer>
  /** Copy an object to a local file. */
  download: (key: string, filePath: string) => Promise<void>
  /** Objects directly under `directory` (a key prefix without the trailing slash). */
  list: (directory: string) => Promise<StoredObject[]>
  delete: (key: string) => Promise<void>
  /** Fails (an InputError naming the input) when the destination clearly cannot be written; before any dump. */
  check?: () => Promise<void>
  /** Whether this store can delete (retention) at all. */
  readonly canDelete: boolean
}

export function joinKey(...parts: string[]): string {
  return parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p.length > 0)
    .join('/')
}

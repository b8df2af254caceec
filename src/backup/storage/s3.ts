import { createWriteStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig
} from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import * as core from '@actions/core'
import { ActionError } from '../../errors.js'
import { redactEndpoint } from '../destination.js'
import type { BackupStorage, StoredObject } from './types.js'

export interface S3Options {
  bucket: string
  region: string
  endpoint?: string
  forcePathStyle: boolean
  /** Attempts per request (the SDK's standard retry mode: exponential backoff with jitter on 5xx/throttling/network). */
  maxAttempts?: number
  /** Tests use small parts to exercise multipart uploads without 64 MiB of data. */
  partSize?: number
}

const MiB = 1024 * 1024
/** S3's limits: at most 10,000 parts of 5 MiB to 5 GiB each (the last part may be smaller). */
export const MAX_PARTS = 10_000
export const MAX_PART_SIZE = 5 * 1024 * MiB
/**
 * The smallest part we use: an 8 MiB part keeps the upload close behind pg_dump (what is left after the dump ends
 * is at most one part), while 5 MiB parts would double the requests for no measurable gain.
 */
export const MIN_PART_SIZE = 8 * MiB
/** Without a size estimate: 10,000 × 64 MiB = 625 GiB, so objects of 500 GiB and more still fit. */
export const PART_SIZE = 64 * MiB
export const QUEUE_SIZE = 2

/**
 * The part size for an object of at most `expectedBytes`: the smallest whole number of MiB, at least 8 MiB, with
 * which 10,000 parts hold it. Memory is bounded by about (QUEUE_SIZE + 1) parts: 24 MiB for every object up to
 * 78 GiB, ~3 × 54 MiB for a 500 GiB object. The estimate must be an upper bound (the caller adds a margin): an
 * object that outgrows 10,000 parts fails, leaving nothing behind.
 */
export function partSizeFor(expectedBytes?: number): number {
  if (expectedBytes === undefined || !Number.isFinite(expectedBytes) || expectedBytes <= 0) return PART_SIZE
  const needed = Math.ceil(expectedBytes / MAX_PARTS / MiB) * MiB
  return Math.min(Math.max(MIN_PART_SIZE, needed), MAX_PART_SIZE)
}

export class S3Storage implements BackupStorage {
  readonly kind = 's3' as const
  readonly canDelete = true
  private readonly client: S3Client

  constructor(private readonly options: S3Options) {
    const config: S3ClientConfig = {
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      maxAttempts: options.maxAttempts ?? 6,
      retryMode: 'standard'
    }
    if (options.endpoint) {
      config.endpoint = options.endpoint
      // R2, MinIO and friends reject or mishandle the SDK's default CRC32 checksums (aws/aws-sdk-js-v3#6810).
      config.requestChecksumCalculation = 'WHEN_REQUIRED'
      config.responseChecksumValidation = 'WHEN_REQUIRED'
    }
    // Credentials come from the standard chain: AWS_* variables (also set by aws-actions/configure-aws-credentials
    // with OIDC), shared config, container/instance metadata. Never from inputs.
    this.client = new S3Client(config)
  }

  uri(key: string): string {
    return `s3://${this.options.bucket}/${key}`
  }

  async upload(key: string, source: Readable, contentType: string, expectedBytes?: number): Promise<void> {
    const partSize = this.options.partSize ?? partSizeFor(expectedBytes)
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: key, Body: source, ContentType: contentType },
      partSize,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false
    })
    let ended = 0
    source.once('end', () => (ended = Date.now()))
    try {
      await upload.done()
      core.debug(
        `backup timing: ${partSize / 1024 / 1024} MiB parts; the upload completed ${Date.now() - ended} ms after the stream ended`
      )
    } catch (error) {
      // lib-storage stops reading on a failed part; the caller destroys the source (and stops pg_dump) when
      // this rejects.
      throw this.wrap(error, `upload ${key}`)
    }
  }

  async putBytes(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.call(`write ${key}`, () =>
      this.client.send(
        new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: body, ContentType: contentType })
      )
    )
  }

  async getBytes(key: string): Promise<Buffer> {
    const response = await this.call(`read ${key}`, () =>
      this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }))
    )
    return Buffer.from(
      await (response.Body as { transformToByteArray: () => Promise<Uint8Array> }).transformToByteArray()
    )
  }

  async download(key: string, filePath: string): Promise<void> {
    const response = await this.call(`read ${key}`, () =>
      this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }))
    )
    await pipeline(response.Body as Readable, createWriteStream(filePath, { mode: 0o600 }))
  }

  async list(directory: string): Promise<StoredObject[]> {
    const out: StoredObject[] = []
    let token: string | undefined
    do {
      const page = await this.call(`list ${directory}/`, () =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.options.bucket,
            Prefix: directory ? `${directory}/` : '',
            Delimiter: '/',
            ContinuationToken: token
          })
        )
      )
      for (const item of page.Contents ?? []) if (item.Key) out.push({ key: item.Key, size: item.Size })
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    return out
  }

  async delete(key: string): Promise<void> {
    await this.call(`delete ${key}`, () =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }))
    )
  }

  private async call<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation()
    } catch (error) {
      throw this.wrap(error, what)
    }
  }

  private wrap(error: unknown, what: string): ActionError {
    if (error instanceof ActionError) return error
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } }
    const where = `s3://${this.options.bucket}${this.options.endpoint ? ` at ${redactEndpoint(this.options.endpoint)}` : ''}`
    const status = e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''
    const name = e.name && e.name !== 'Error' ? `${e.name}: ` : ''
    let hint = 'Check `destination`, `s3-endpoint`, `s3-region` and `s3-force-path-style`.'
    if (/credential/i.test(`${e.name} ${e.message}`)) {
      hint =
        'Provide AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or use aws-actions/configure-aws-credentials (OIDC) before this step.'
    } else if (e.name === 'NoSuchBucket')
      hint = `Create the bucket "${this.options.bucket}" first, or fix \`destination\`.`
    else if (e.name === 'AccessDenied' || e.$metadata?.httpStatusCode === 403)
      hint =
        'The credentials lack permission (s3:PutObject, s3:GetObject, s3:ListBucket, s3:DeleteObject, s3:AbortMultipartUpload).'
    return new ActionError(
      `Storage error during ${what} on ${where}${status}: ${name}${e.message ?? String(error)}`,
      { hint, cause: error }
    )
  }
}

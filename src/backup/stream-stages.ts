import { createHash, type Hash } from 'node:crypto'
import { Transform, type TransformCallback, type Writable } from 'node:stream'

/** Passes bytes through while hashing and counting them; optionally keeps the first and last few bytes. */
export class DigestTap extends Transform {
  bytes = 0
  private readonly hash: Hash = createHash('sha256')
  private headChunks: Buffer[] = []
  private headLength = 0
  private tailBuffer = Buffer.alloc(0)

  constructor(private readonly keep: { head?: number; tail?: number } = {}) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk)
    this.bytes += chunk.length
    const headLimit = this.keep.head ?? 0
    if (this.headLength < headLimit) {
      const part = chunk.subarray(0, headLimit - this.headLength)
      this.headChunks.push(Buffer.from(part))
      this.headLength += part.length
    }
    const tailLimit = this.keep.tail ?? 0
    if (tailLimit > 0) {
      this.tailBuffer = Buffer.concat([this.tailBuffer, chunk.subarray(-tailLimit)]).subarray(-tailLimit)
    }
    callback(null, chunk)
  }

  /** Hex SHA-256 of everything that passed; call once, after the stream ended. */
  digest(): string {
    return this.hash.digest('hex')
  }

  head(): Buffer {
    return Buffer.concat(this.headChunks)
  }

  tail(): Buffer {
    return this.tailBuffer
  }
}

/**
 * Copies every chunk into a child's stdin (the verifying pg_restore) with backpressure, and passes it on. If the
 * child stops reading, copying stops; whether that was a failure is decided by the child's exit code.
 */
export class ChildTee extends Transform {
  private stopped = false

  constructor(private readonly target: Writable) {
    super()
    target.on('error', () => {
      // EPIPE: the child exited; its exit status carries the verdict.
      this.stopped = true
    })
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.stopped || this.target.destroyed) return callback(null, chunk)
    if (this.target.write(chunk)) return callback(null, chunk)
    const done = (): void => {
      this.target.off('drain', done)
      this.target.off('close', done)
      callback(null, chunk)
    }
    this.target.once('drain', done)
    this.target.once('close', done)
  }

  override _flush(callback: TransformCallback): void {
    if (this.stopped || this.target.destroyed) return callback()
    this.target.end(() => callback())
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.target.destroyed) this.target.destroy()
    callback(error)
  }
}

/**
 * Holds back the end of the stream until `check` has passed. The upload only completes (S3: the last part and
 * CompleteMultipartUpload; local: the rename) after the end, so a failed check means nothing becomes visible.
 */
export class Gate extends Transform {
  constructor(private readonly check: () => Promise<void>) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    this.check().then(
      () => callback(),
      (error: unknown) => callback(error as Error)
    )
  }
}

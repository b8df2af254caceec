import { createHash, type Hash } from 'node:crypto'
import { Transform, type TransformCallback, type Writable } from 'node:stream'

/**
 * Buffer per stage. Node's default (16 KiB) couples every process of the pipeline in lockstep: a moment when the
 * verifier or the upload is not scheduled stalls pg_dump. 1 MiB per stage lets each run ahead a little.
 */
export const STAGE_BUFFER = 1024 * 1024
/** Chunks for the verifier are written in batches of this size (one writev, one wake-up of the child). */
export const CHILD_TEE_BATCH = 512 * 1024
/** How far the verifier may fall behind before the stream waits for it (bounded memory, not lockstep). */
export const CHILD_TEE_SLACK = 8 * 1024 * 1024

/** Passes bytes through while hashing and counting them; optionally keeps the first and last few bytes. */
export class DigestTap extends Transform {
  bytes = 0
  private readonly hash: Hash = createHash('sha256')
  private headChunks: Buffer[] = []
  private headLength = 0
  private tailBuffer = Buffer.alloc(0)

  constructor(private readonly keep: { head?: number; tail?: number } = {}) {
    super({ highWaterMark: STAGE_BUFFER })
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
 * child stops reading, copying stops; whether that was a failure is decided by the child's exit code. The child
 * may fall up to CHILD_TEE_SLACK behind; past that the stream waits until its input has drained.
 */
export class ChildTee extends Transform {
  private stopped = false
  private pending: Buffer[] = []
  private pendingBytes = 0

  constructor(private readonly target: Writable) {
    super({ highWaterMark: STAGE_BUFFER })
    target.on('error', () => {
      // EPIPE: the child exited; its exit status carries the verdict.
      this.stopped = true
    })
  }

  private get childGone(): boolean {
    return this.stopped || this.target.destroyed
  }

  /** One writev for many chunks: each write to the child's socket wakes it, and wake-ups cost more than bytes. */
  private writePending(): void {
    if (this.pending.length === 0) return
    this.target.cork()
    for (const chunk of this.pending) this.target.write(chunk)
    this.target.uncork()
    this.pending = []
    this.pendingBytes = 0
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.childGone) return callback(null, chunk)
    this.pending.push(chunk)
    this.pendingBytes += chunk.length
    if (this.pendingBytes < CHILD_TEE_BATCH) return callback(null, chunk)
    this.writePending()
    if (this.target.writableLength < CHILD_TEE_SLACK) return callback(null, chunk)
    const done = (): void => {
      this.target.off('drain', done)
      this.target.off('close', done)
      callback(null, chunk)
    }
    this.target.once('drain', done)
    this.target.once('close', done)
  }

  override _flush(callback: TransformCallback): void {
    if (this.childGone) return callback()
    this.writePending()
    this.target.end(() => callback())
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.pending = []
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
    super({ highWaterMark: STAGE_BUFFER })
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

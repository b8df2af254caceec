import { Duplex, PassThrough, type Readable, pipeline } from 'node:stream'
import * as core from '@actions/core'
import { ActionError } from '../errors.js'
import type { ConnectionSettings } from '../db/connection-url.js'
import { type ArchiveHeader, parseArchiveHeader } from './archive-header.js'
import { type ChildExit, exitSummary, spawnClient, stderrTail, type RunningChild } from './child.js'
import { clientEnv } from './child-env.js'
import { encryptStage } from './encryption.js'
import type { PgClient } from './pg-client.js'
import type { BackupStorage } from './storage/types.js'
import { ChildTee, DigestTap, Gate, STAGE_BUFFER } from './stream-stages.js'

export interface DumpPipelineOptions {
  pgDump: PgClient
  /** The verifying pg_restore (custom format with `verify`); undefined skips the full read-back. */
  verifier?: PgClient
  connection: ConnectionSettings
  baseDir: string
  format: 'custom' | 'plain'
  extraArgs: string[]
  snapshot?: string
  recipients: string[]
  /**
   * The storage, or how to get it: called once the children run, so that loading a storage SDK (CPU-bound module
   * evaluation on this thread) overlaps with pg_dump's start instead of delaying it.
   */
  storage: BackupStorage | (() => Promise<BackupStorage>)
  key: string
  contentType: string
  /** An upper estimate of the stored size, for the storage's part size. */
  expectedBytes?: number
  /** Fail when data waits this long without the storage reading any of it (default 10 minutes). */
  stallTimeoutMs?: number
}

export interface DumpPipelineResult {
  plain: { bytes: number; sha256: string }
  stored: { bytes: number; sha256: string }
  header?: ArchiveHeader
  verification: { performed: boolean; method: string; passed: boolean }
  durationMs: number
}

/** pg_dump ends every complete plain dump with this line. */
const PLAIN_TRAILER = '-- PostgreSQL database dump complete'

/**
 * A slow store (S3 retrying a part with backoff, a large part on a slow link) may not read for minutes; a store
 * that has not read anything for this long while data waits is stuck, and waiting longer only burns runner time.
 */
export const STALL_TIMEOUT_MS = 10 * 60_000
/** pg_dump gets SIGTERM first (it closes its connection cleanly), SIGKILL if it is still there after this. */
const KILL_GRACE_MS = 5_000
/** After a failure elsewhere, how long the storage may take to clean up (S3: AbortMultipartUpload); at most the stall timeout. */
const STORAGE_SETTLE_MS = 60_000

export function dumpArgs(options: Pick<DumpPipelineOptions, 'format' | 'extraArgs' | 'snapshot'>): string[] {
  const args = [`--format=${options.format}`, '--no-password']
  if (options.snapshot) args.push(`--snapshot=${options.snapshot}`)
  return [...args, ...options.extraArgs]
}

/** The last stage, read by the storage; remembers when the storage last asked for data (stall detection). */
class StorageFeed extends PassThrough {
  lastRead = Date.now()

  constructor() {
    super({ highWaterMark: STAGE_BUFFER })
  }

  override read(size?: number): unknown {
    this.lastRead = Date.now()
    return super.read(size)
  }
}

function delay(ms: number): { promise: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined
  const promise = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
  })
  return { promise, cancel: () => clearTimeout(timer) }
}

/**
 * pg_dump → SHA-256 of the plain dump → (tee into `pg_restore -f /dev/null`) → (age → SHA-256 of the stored
 * bytes) → gate → storage. Nothing touches the disk for S3 and memory is bounded by the upload's part buffers.
 * The gate lets the stream end only after pg_dump exited 0 and the verifier read the archive to its end with exit
 * 0; any failure before that destroys the stream, so the storage never completes the object.
 *
 * Every failure goes through one path, `fail`: whichever comes first (a stage, a child, the verifier, the
 * storage rejecting at any moment, a storage that stops reading, a storage that claims success before the end)
 * stops both children and destroys the stream, and the function settles once the children are gone. It never
 * waits on the storage alone: a storage that neither reads nor settles is given up on after the stall timeout.
 */
export async function runDumpPipeline(options: DumpPipelineOptions): Promise<DumpPipelineResult> {
  const started = Date.now()
  // Before any child exists: nothing can fail between spawning them and the one failure path below.
  const encrypted = options.recipients.length > 0
  const encrypt = encrypted ? await encryptStage(options.recipients) : undefined
  const dump = spawnClient(
    options.pgDump.path,
    dumpArgs(options),
    clientEnv(options.connection, options.baseDir),
    {
      stdin: 'ignore',
      stdout: 'pipe'
    }
  )
  void dump.exited.then((exit) =>
    core.debug(`backup timing: pg_dump ${exitSummary('pg_dump', exit)} after ${Date.now() - started} ms`)
  )
  let verifier: RunningChild | undefined
  if (options.verifier) {
    verifier = spawnClient(options.verifier.path, ['--file=/dev/null'], clientEnv(), {
      stdin: 'pipe',
      stdout: 'ignore'
    })
  }
  const plainTap = new DigestTap({ head: 64 * 1024, tail: options.format === 'plain' ? 256 : 0 })
  // Unencrypted, the stored bytes are the dump's bytes: one hash serves both.
  const storedTap = encrypted ? new DigestTap() : undefined
  const output = new StorageFeed()

  // The first failure and where it came from: ours (a check of this pipeline), a stream stage, or the storage.
  const first: { error?: Error; origin?: 'ours' | 'stream' | 'storage' } = {}
  let uploadError: unknown
  let dumpKilledByUs = false
  let escalated = false
  let killTimer: NodeJS.Timeout | undefined
  let failed!: () => void
  const failure = new Promise<void>((resolve) => (failed = resolve))
  const alive = (child: RunningChild): boolean =>
    child.child.exitCode === null && child.child.signalCode === null
  const stopChildren = (): void => {
    if (alive(dump)) {
      dumpKilledByUs = true
      dump.child.kill('SIGTERM')
      killTimer = setTimeout(() => {
        if (!alive(dump)) return
        escalated = true
        dump.child.kill('SIGKILL')
      }, KILL_GRACE_MS)
    }
    if (verifier && alive(verifier)) verifier.child.kill('SIGKILL')
  }
  const fail = (error: Error, origin: 'ours' | 'stream' | 'storage' = 'ours'): void => {
    if (first.error) return
    first.error = error
    first.origin = origin
    stopChildren()
    if (!output.destroyed) output.destroy(error)
    failed()
  }

  const dumpFailure = (exit: ChildExit): ActionError =>
    new ActionError(`pg_dump failed: ${exitSummary('pg_dump', exit)}.\n${stderrTail(dump.stderr())}`.trim(), {
      hint: "Nothing was stored. Check the database connection and pg_dump's message above."
    })

  const verification = { performed: false, method: 'none', passed: false }
  const gate = new Gate(async () => {
    const dumpExit = await dump.exited
    if (dumpExit.code !== 0 || dumpExit.signal) throw dumpFailure(dumpExit)
    if (plainTap.bytes === 0) throw new ActionError('pg_dump exited 0 but wrote nothing.')
    if (verifier) {
      const exit = await verifier.exited
      verification.performed = true
      verification.method = 'pg_restore --file=/dev/null read every block of the archive'
      if (exit.code !== 0 || exit.signal) {
        throw new ActionError(
          `Verification failed: the archive does not parse to the end (${exitSummary('pg_restore', exit)}).\n${stderrTail(verifier.stderr())}`.trim(),
          {
            hint: 'Nothing was stored. A truncated or corrupt archive points at pg_dump or the connection being cut.'
          }
        )
      }
      verification.passed = true
    } else if (options.format === 'plain') {
      verification.performed = true
      verification.method = `plain SQL ends with "${PLAIN_TRAILER}"`
      if (!plainTap.tail().toString('utf8').includes(PLAIN_TRAILER)) {
        throw new ActionError(
          "Verification failed: the plain dump does not end with pg_dump's completion line.",
          {
            hint: 'Nothing was stored; the dump is truncated.'
          }
        )
      }
      verification.passed = true
    } else if (!plainTap.head().subarray(0, 5).equals(Buffer.from('PGDMP'))) {
      throw new ActionError('pg_dump did not write a custom-format archive (no PGDMP header).')
    }
    core.debug(`backup timing: stream checked and ending after ${Date.now() - started} ms`)
  })

  const stages: (NodeJS.ReadableStream | NodeJS.ReadWriteStream | NodeJS.WritableStream)[] = [
    dump.child.stdout as Readable,
    plainTap
  ]
  if (verifier?.child.stdin) stages.push(new ChildTee(verifier.child.stdin))
  if (encrypt) stages.push(Duplex.from(encrypt))
  if (storedTap) stages.push(storedTap)
  stages.push(gate, output)

  pipeline(stages, (error) => {
    if (error) fail(error, 'stream')
  })
  // A verifier that fails mid-stream need not wait for pg_dump to finish.
  void verifier?.exited.then((exit) => {
    core.debug(
      `backup timing: pg_restore ${exitSummary('pg_restore', exit)} after ${Date.now() - started} ms`
    )
    if ((exit.code !== 0 || exit.signal) && !output.readableEnded) {
      fail(
        new ActionError(
          `Verification failed while streaming: ${exitSummary('pg_restore', exit)}.\n${stderrTail(verifier.stderr())}`.trim()
        )
      )
    }
  })

  const stallMs = options.stallTimeoutMs ?? STALL_TIMEOUT_MS
  const watchdog = setInterval(
    () => {
      if (output.readableLength > 0 && Date.now() - output.lastRead > stallMs) {
        fail(
          new ActionError(
            `Storing the backup stalled: the storage read nothing for ${Math.round(stallMs / 1000)} s while data was waiting.`,
            { hint: 'Nothing was stored. Check that the destination is reachable and writable.' }
          )
        )
      }
    },
    Math.max(Math.min(stallMs / 4, 5_000), 10)
  )

  const getStorage = options.storage
  const uploading = Promise.resolve()
    .then(() => (typeof getStorage === 'function' ? getStorage() : getStorage))
    .then((storage) => storage.upload(options.key, output, options.contentType, options.expectedBytes))
    .then(
      () => {
        // The storage contract: resolve only once the whole stream is stored. Anything else would be a partial object.
        if (!output.readableEnded)
          fail(new ActionError('The storage reported success before it had read the whole backup.'))
      },
      (error: unknown) => {
        uploadError = error
        fail(error instanceof Error ? error : new Error(String(error)), 'storage')
      }
    )

  let uploadSettled = false
  try {
    await Promise.race([uploading.then(() => (uploadSettled = true)), failure])
    // Let the children finish (after a failure they are being stopped) so that exit status and stderr are complete.
    await Promise.all([dump.exited, verifier?.exited])
    if (!uploadSettled) {
      // A failure elsewhere: the stream is destroyed, so a storage that keeps its promise rejects now; give it
      // time to clean up (S3 aborts the multipart upload), but never wait forever on it.
      const timeout = delay(Math.min(STORAGE_SETTLE_MS, stallMs))
      await Promise.race([uploading, timeout.promise])
      timeout.cancel()
    }
  } finally {
    clearInterval(watchdog)
    clearTimeout(killTimer)
  }

  // pg_dump's own failure is the root cause even when the verifier or the storage noticed first (a SIGKILL we did
  // not send, an exit code before we stopped it); what our stopping caused (SIGTERM, SIGPIPE) is not.
  const dumpExit = await dump.exited
  const ownFailure =
    (dumpExit.code !== 0 || dumpExit.signal !== null) &&
    (!dumpKilledByUs || (dumpExit.signal === 'SIGKILL' && !escalated))
  if (ownFailure) throw dumpFailure(dumpExit)
  const firstError = first.error
  if (firstError) {
    const storageFirst =
      uploadError !== undefined &&
      (first.origin === 'storage' || (first.origin === 'stream' && isUploadEcho(firstError, uploadError)))
    if (storageFirst) {
      if (uploadError instanceof ActionError) throw uploadError
      throw new ActionError(`Storing the backup failed: ${(uploadError as Error).message}`, {
        hint: 'Nothing was stored.',
        cause: uploadError
      })
    }
    if (firstError instanceof ActionError) throw firstError
    throw new ActionError(`The backup stream failed: ${firstError.message}`, {
      hint: 'Nothing was stored.',
      cause: firstError
    })
  }
  const header = options.format === 'custom' ? parseArchiveHeader(plainTap.head()) : undefined
  const plain = { bytes: plainTap.bytes, sha256: plainTap.digest() }
  return {
    plain,
    stored: storedTap ? { bytes: storedTap.bytes, sha256: storedTap.digest() } : plain,
    header,
    verification,
    durationMs: Date.now() - started
  }
}

/**
 * A stream error that the storage itself caused is not a second failure: the error it failed the stream with
 * (local: the file's write error), or the premature close / abort that its giving up left behind.
 */
function isUploadEcho(streamError: Error, uploadError: unknown): boolean {
  return (
    streamError === uploadError ||
    (streamError as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    streamError.name === 'AbortError'
  )
}

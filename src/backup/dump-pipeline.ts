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

/** Where the first failure of a pipeline came from: a check of ours, a stream stage, or the storage. */
export type FailureOrigin = 'ours' | 'stream' | 'storage'

/** What is known once a pipeline has settled, for choosing its root cause. */
export interface PipelineOutcome {
  dumpExit: ChildExit
  /** We sent pg_dump SIGTERM (after a failure elsewhere), and whether we had to escalate to SIGKILL. */
  dumpKilledByUs: boolean
  escalated: boolean
  first?: { error: Error; origin: FailureOrigin }
  uploadError?: unknown
}

export type RootCause =
  { kind: 'pg_dump' } | { kind: 'storage'; error: unknown } | { kind: 'other'; error: Error } | undefined

/**
 * Pure: which failure to report. pg_dump's own failure is the root cause even when the verifier or the storage
 * noticed first (a SIGKILL we did not send, an exit code before we stopped it); what our stopping caused
 * (SIGTERM, SIGPIPE) is not. Then the storage's, when it failed first or the stream error only echoes it; then the
 * first failure. Undefined: the pipeline succeeded.
 */
export function rootCause(outcome: PipelineOutcome): RootCause {
  const { dumpExit, first, uploadError } = outcome
  const ownFailure =
    (dumpExit.code !== 0 || dumpExit.signal !== null) &&
    (!outcome.dumpKilledByUs || (dumpExit.signal === 'SIGKILL' && !outcome.escalated))
  if (ownFailure) return { kind: 'pg_dump' }
  if (!first) return undefined
  const storageFirst =
    uploadError !== undefined &&
    (first.origin === 'storage' || (first.origin === 'stream' && isUploadEcho(first.error, uploadError)))
  if (storageFirst) return { kind: 'storage', error: uploadError }
  return { kind: 'other', error: first.error }
}

/** The error the pipeline rejects with for a root cause. */
function rootCauseError(cause: NonNullable<RootCause>, dumpFailure: () => ActionError): ActionError {
  if (cause.kind === 'pg_dump') return dumpFailure()
  if (cause.kind === 'storage') {
    if (cause.error instanceof ActionError) return cause.error
    return new ActionError(`Storing the backup failed: ${(cause.error as Error).message}`, {
      hint: 'Nothing was stored.',
      cause: cause.error
    })
  }
  if (cause.error instanceof ActionError) return cause.error
  return new ActionError(`The backup stream failed: ${cause.error.message}`, {
    hint: 'Nothing was stored.',
    cause: cause.error
  })
}

/** The children and the one failure path every part of the pipeline reports to. */
class PipelineRun {
  readonly output = new StorageFeed()
  first?: { error: Error; origin: FailureOrigin }
  uploadError: unknown
  dumpKilledByUs = false
  escalated = false
  private killTimer: NodeJS.Timeout | undefined
  private failed!: () => void
  readonly failure = new Promise<void>((resolve) => (this.failed = resolve))

  constructor(
    readonly dump: RunningChild,
    readonly verifier: RunningChild | undefined,
    /** Date.now() when the pipeline was asked for. */
    readonly started: number
  ) {}

  /** Stop both children and destroy the stream: the storage never completes the object. */
  fail(error: Error, origin: FailureOrigin = 'ours'): void {
    if (this.first) return
    this.first = { error, origin }
    this.stopChildren()
    if (!this.output.destroyed) this.output.destroy(error)
    this.failed()
  }

  dumpFailure(exit: ChildExit): ActionError {
    return new ActionError(
      `pg_dump failed: ${exitSummary('pg_dump', exit)}.\n${stderrTail(this.dump.stderr())}`.trim(),
      {
        hint: "Nothing was stored. Check the database connection and pg_dump's message above."
      }
    )
  }

  private stopChildren(): void {
    const { dump, verifier } = this
    if (alive(dump)) {
      this.dumpKilledByUs = true
      dump.child.kill('SIGTERM')
      this.killTimer = setTimeout(() => {
        if (!alive(dump)) return
        this.escalated = true
        dump.child.kill('SIGKILL')
      }, KILL_GRACE_MS)
    }
    if (verifier && alive(verifier)) verifier.child.kill('SIGKILL')
  }

  clearTimers(): void {
    clearTimeout(this.killTimer)
  }
}

const alive = (child: RunningChild): boolean =>
  child.child.exitCode === null && child.child.signalCode === null

/**
 * The gate's check: the stream may end only after pg_dump exited 0 and the verifier read the archive to its end
 * with exit 0 (custom format), or the plain dump ends with pg_dump's completion line.
 */
function endCheck(
  run: PipelineRun,
  format: 'custom' | 'plain',
  plainTap: DigestTap,
  verification: DumpPipelineResult['verification']
): () => Promise<void> {
  return async () => {
    const dumpExit = await run.dump.exited
    if (dumpExit.code !== 0 || dumpExit.signal) throw run.dumpFailure(dumpExit)
    if (plainTap.bytes === 0) throw new ActionError('pg_dump exited 0 but wrote nothing.')
    const verifier = run.verifier
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
    } else if (format === 'plain') {
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
    core.debug(`backup timing: stream checked and ending after ${Date.now() - run.started} ms`)
  }
}

/** A storage that has read nothing for `stallMs` while data waits is stuck: fail the run. */
function watchStall(run: PipelineRun, stallMs: number): NodeJS.Timeout {
  return setInterval(
    () => {
      if (run.output.readableLength > 0 && Date.now() - run.output.lastRead > stallMs) {
        run.fail(
          new ActionError(
            `Storing the backup stalled: the storage read nothing for ${Math.round(stallMs / 1000)} s while data was waiting.`,
            { hint: 'Nothing was stored. Check that the destination is reachable and writable.' }
          )
        )
      }
    },
    Math.max(Math.min(stallMs / 4, 5_000), 10)
  )
}

/** The upload of the stream; resolves once the storage settled, having reported a failure to the run. */
function startUpload(run: PipelineRun, options: DumpPipelineOptions): Promise<void> {
  const getStorage = options.storage
  return Promise.resolve()
    .then(() => (typeof getStorage === 'function' ? getStorage() : getStorage))
    .then((storage) => storage.upload(options.key, run.output, options.contentType, options.expectedBytes))
    .then(
      () => {
        // The storage contract: resolve only once the whole stream is stored. Anything else would be a partial object.
        if (!run.output.readableEnded)
          run.fail(new ActionError('The storage reported success before it had read the whole backup.'))
      },
      (error: unknown) => {
        run.uploadError = error
        run.fail(error instanceof Error ? error : new Error(String(error)), 'storage')
      }
    )
}

/** Wait for the upload or the first failure, then for the children; never forever on a storage that hangs. */
async function settle(run: PipelineRun, uploading: Promise<void>, stallMs: number): Promise<void> {
  let uploadSettled = false
  await Promise.race([uploading.then(() => (uploadSettled = true)), run.failure])
  // Let the children finish (after a failure they are being stopped) so that exit status and stderr are complete.
  await Promise.all([run.dump.exited, run.verifier?.exited])
  if (uploadSettled) return
  // A failure elsewhere: the stream is destroyed, so a storage that keeps its promise rejects now; give it time
  // to clean up (S3 aborts the multipart upload), but never wait forever on it.
  const timeout = delay(Math.min(STORAGE_SETTLE_MS, stallMs))
  await Promise.race([uploading, timeout.promise])
  timeout.cancel()
}

function spawnChildren(options: DumpPipelineOptions): { dump: RunningChild; verifier?: RunningChild } {
  const dump = spawnClient(
    options.pgDump.path,
    dumpArgs(options),
    clientEnv(options.connection, options.baseDir),
    {
      stdin: 'ignore',
      stdout: 'pipe'
    }
  )
  const verifier = options.verifier
    ? spawnClient(options.verifier.path, ['--file=/dev/null'], clientEnv(), {
        stdin: 'pipe',
        stdout: 'ignore'
      })
    : undefined
  return { dump, verifier }
}

/**
 * pg_dump → SHA-256 of the plain dump → (tee into `pg_restore -f /dev/null`) → (age → SHA-256 of the stored
 * bytes) → gate → storage. Nothing touches the disk for S3 and memory is bounded by the upload's part buffers.
 * The gate lets the stream end only after pg_dump exited 0 and the verifier read the archive to its end with exit
 * 0; any failure before that destroys the stream, so the storage never completes the object.
 *
 * Every failure goes through one path, `PipelineRun.fail`: whichever comes first (a stage, a child, the verifier,
 * the storage rejecting at any moment, a storage that stops reading, a storage that claims success before the
 * end) stops both children and destroys the stream, and the function settles once the children are gone. It
 * never waits on the storage alone: a storage that neither reads nor settles is given up on after the stall
 * timeout.
 */
export async function runDumpPipeline(options: DumpPipelineOptions): Promise<DumpPipelineResult> {
  const started = Date.now()
  // Before any child exists: nothing can fail between spawning them and the one failure path below.
  const encrypt = options.recipients.length > 0 ? await encryptStage(options.recipients) : undefined
  const { dump, verifier } = spawnChildren(options)
  const run = new PipelineRun(dump, verifier, started)
  void dump.exited.then((exit) =>
    core.debug(`backup timing: pg_dump ${exitSummary('pg_dump', exit)} after ${Date.now() - run.started} ms`)
  )
  const plainTap = new DigestTap({ head: 64 * 1024, tail: options.format === 'plain' ? 256 : 0 })
  // Unencrypted, the stored bytes are the dump's bytes: one hash serves both.
  const storedTap = encrypt ? new DigestTap() : undefined
  const verification = { performed: false, method: 'none', passed: false }
  const stages: (NodeJS.ReadableStream | NodeJS.ReadWriteStream | NodeJS.WritableStream)[] = [
    dump.child.stdout as Readable,
    plainTap
  ]
  if (verifier?.child.stdin) stages.push(new ChildTee(verifier.child.stdin))
  if (encrypt) stages.push(Duplex.from(encrypt))
  if (storedTap) stages.push(storedTap)
  stages.push(new Gate(endCheck(run, options.format, plainTap, verification)), run.output)
  pipeline(stages, (error) => {
    if (error) run.fail(error, 'stream')
  })
  // A verifier that fails mid-stream need not wait for pg_dump to finish.
  void verifier?.exited.then((exit) => {
    core.debug(
      `backup timing: pg_restore ${exitSummary('pg_restore', exit)} after ${Date.now() - run.started} ms`
    )
    if ((exit.code !== 0 || exit.signal) && !run.output.readableEnded) {
      run.fail(
        new ActionError(
          `Verification failed while streaming: ${exitSummary('pg_restore', exit)}.\n${stderrTail(verifier.stderr())}`.trim()
        )
      )
    }
  })
  const stallMs = options.stallTimeoutMs ?? STALL_TIMEOUT_MS
  const watchdog = watchStall(run, stallMs)
  try {
    await settle(run, startUpload(run, options), stallMs)
  } finally {
    clearInterval(watchdog)
    run.clearTimers()
  }
  const dumpExit = await dump.exited
  const cause = rootCause({
    dumpExit,
    dumpKilledByUs: run.dumpKilledByUs,
    escalated: run.escalated,
    first: run.first,
    uploadError: run.uploadError
  })
  if (cause) throw rootCauseError(cause, () => run.dumpFailure(dumpExit))
  const plain = { bytes: plainTap.bytes, sha256: plainTap.digest() }
  return {
    plain,
    stored: storedTap ? { bytes: storedTap.bytes, sha256: storedTap.digest() } : plain,
    header: options.format === 'custom' ? parseArchiveHeader(plainTap.head()) : undefined,
    verification,
    durationMs: Date.now() - run.started
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

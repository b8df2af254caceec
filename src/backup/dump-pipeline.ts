import { Duplex, PassThrough, type Readable, pipeline } from 'node:stream'
import * as core from '@actions/core'
import { ActionError } from '../errors.js'
import type { ConnectionSettings } from '../db/connection-url.js'
import { type ArchiveHeader, parseArchiveHeader } from './archive-header.js'
import { describeExit, spawnClient, stderrTail, type RunningChild } from './child.js'
import { clientEnv } from './child-env.js'
import { encryptStage } from './encryption.js'
import type { PgClient } from './pg-client.js'
import type { BackupStorage } from './storage/types.js'
import { ChildTee, DigestTap, Gate } from './stream-stages.js'

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
  storage: BackupStorage
  key: string
  contentType: string
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

export function dumpArgs(options: Pick<DumpPipelineOptions, 'format' | 'extraArgs' | 'snapshot'>): string[] {
  const args = [`--format=${options.format}`, '--no-password']
  if (options.snapshot) args.push(`--snapshot=${options.snapshot}`)
  return [...args, ...options.extraArgs]
}

/**
 * pg_dump → SHA-256 of the plain dump → (tee into `pg_restore -f /dev/null`) → (age) → SHA-256 of the stored
 * bytes → gate → storage. Nothing touches the disk for S3 and memory is bounded by the upload's part buffers.
 * The gate lets the stream end only after pg_dump exited 0 and the verifier read the archive to its end with exit
 * 0; any failure before that destroys the stream, so the storage never completes the object.
 */
export async function runDumpPipeline(options: DumpPipelineOptions): Promise<DumpPipelineResult> {
  const started = Date.now()
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
    core.debug(`backup timing: pg_dump ${describeExit('pg_dump', exit)} after ${Date.now() - started} ms`)
  )
  let verifier: RunningChild | undefined
  if (options.verifier) {
    verifier = spawnClient(options.verifier.path, ['--file=/dev/null'], clientEnv(), {
      stdin: 'pipe',
      stdout: 'ignore'
    })
  }
  const plainTap = new DigestTap({ head: 64 * 1024, tail: options.format === 'plain' ? 256 : 0 })
  const storedTap = new DigestTap()
  let killedByUs = false
  const stopChildren = (): void => {
    killedByUs = true
    if (dump.child.exitCode === null && dump.child.signalCode === null) dump.child.kill('SIGTERM')
    if (verifier && verifier.child.exitCode === null && verifier.child.signalCode === null)
      verifier.child.kill('SIGKILL')
  }

  let gateError: ActionError | undefined
  const verification = { performed: false, method: 'none', passed: false }
  const gate = new Gate(async () => {
    const dumpExit = await dump.exited
    if (dumpExit.code !== 0 || dumpExit.signal) {
      gateError = new ActionError(
        `pg_dump failed: ${describeExit('pg_dump', dumpExit)}.\n${stderrTail(dump.stderr())}`.trim(),
        {
          hint: "Nothing was stored. Check the database connection and pg_dump's message above."
        }
      )
      throw gateError
    }
    if (plainTap.bytes === 0) {
      gateError = new ActionError('pg_dump exited 0 but wrote nothing.')
      throw gateError
    }
    if (verifier) {
      const exit = await verifier.exited
      verification.performed = true
      verification.method = 'pg_restore --file=/dev/null read every block of the archive'
      if (exit.code !== 0 || exit.signal) {
        gateError = new ActionError(
          `Verification failed: the archive does not parse to the end (${describeExit('pg_restore', exit)}).\n${stderrTail(verifier.stderr())}`.trim(),
          {
            hint: 'Nothing was stored. A truncated or corrupt archive points at pg_dump or the connection being cut.'
          }
        )
        throw gateError
      }
      verification.passed = true
    } else if (options.format === 'plain') {
      verification.performed = true
      verification.method = `plain SQL ends with "${PLAIN_TRAILER}"`
      if (!plainTap.tail().toString('utf8').includes(PLAIN_TRAILER)) {
        gateError = new ActionError(
          "Verification failed: the plain dump does not end with pg_dump's completion line.",
          {
            hint: 'Nothing was stored; the dump is truncated.'
          }
        )
        throw gateError
      }
      verification.passed = true
    } else if (!plainTap.head().subarray(0, 5).equals(Buffer.from('PGDMP'))) {
      gateError = new ActionError('pg_dump did not write a custom-format archive (no PGDMP header).')
      throw gateError
    }
  })

  const stages: (NodeJS.ReadableStream | NodeJS.ReadWriteStream | NodeJS.WritableStream)[] = [
    dump.child.stdout as Readable,
    plainTap
  ]
  if (verifier?.child.stdin) stages.push(new ChildTee(verifier.child.stdin))
  if (options.recipients.length > 0) stages.push(Duplex.from(encryptStage(options.recipients)))
  const output = new PassThrough()
  stages.push(storedTap, gate, output)

  let pipelineError: Error | undefined
  pipeline(stages, (error) => {
    if (error) {
      pipelineError = error
      stopChildren()
    }
  })
  // A verifier that fails mid-stream need not wait for pg_dump to finish.
  void verifier?.exited.then((exit) => {
    if ((exit.code !== 0 || exit.signal) && !killedByUs && !output.writableEnded && !output.destroyed) {
      output.destroy(
        new ActionError(
          `Verification failed while streaming: ${describeExit('pg_restore', exit)}.\n${stderrTail(verifier.stderr())}`.trim()
        )
      )
    }
  })

  let uploadError: unknown
  try {
    await options.storage.upload(options.key, output, options.contentType)
  } catch (error) {
    uploadError = error
    if (!output.destroyed) output.destroy(error as Error)
    stopChildren()
  }
  // Let the children finish so that their exit status and stderr are complete before we judge.
  await dump.exited
  await verifier?.exited

  if (gateError) throw gateError
  const stageError = pipelineError && !isUploadEcho(pipelineError, uploadError) ? pipelineError : undefined
  if (stageError) {
    if (stageError instanceof ActionError) throw stageError
    throw new ActionError(`The backup stream failed: ${stageError.message}`, {
      hint: 'Nothing was stored.',
      cause: stageError
    })
  }
  if (uploadError) {
    if (uploadError instanceof ActionError) throw uploadError
    throw new ActionError(`Storing the backup failed: ${(uploadError as Error).message}`, {
      hint: 'Nothing was stored.',
      cause: uploadError
    })
  }
  const header = options.format === 'custom' ? parseArchiveHeader(plainTap.head()) : undefined
  return {
    plain: { bytes: plainTap.bytes, sha256: plainTap.digest() },
    stored: { bytes: storedTap.bytes, sha256: storedTap.digest() },
    header,
    verification,
    durationMs: Date.now() - started
  }
}

/** The stream error that the storage itself caused (it destroys its source when it fails) is not a second failure. */
function isUploadEcho(stageError: Error, uploadError: unknown): boolean {
  if (uploadError === undefined) return false
  if (
    (stageError as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    stageError.name === 'AbortError'
  )
    return true
  return stageError === uploadError || stageError === (uploadError as Error).cause
}

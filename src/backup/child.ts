import { type ChildProcess, spawn } from 'node:child_process'
import { scrub } from '../util/secrets.js'

export interface ChildExit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface RunningChild {
  child: ChildProcess
  /** Settles when the process has exited and its stdio closed; never rejects (spawn errors become code -1). */
  exited: Promise<ChildExit>
  /** The last bytes of stderr, secrets scrubbed. */
  stderr: () => string
}

const STDERR_LIMIT = 16 * 1024

/** Spawn without a shell, keep a bounded tail of stderr for error messages. */
/** The pipe of a child spawned with it (`stdio: 'pipe'`); node types it as possibly null. */
export function pipeOf<T>(stream: T | null, what: string): T {
  if (!stream) throw new Error(`${what} is not a pipe`)
  return stream
}

export function spawnClient(
  path: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdio: { stdin: 'pipe' | 'ignore'; stdout: 'pipe' | 'ignore' }
): RunningChild {
  const child = spawn(path, args, { env, stdio: [stdio.stdin, stdio.stdout, 'pipe'] })
  let tail = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (text: string) => {
    tail = (tail + text).slice(-STDERR_LIMIT)
  })
  let spawnError: Error | undefined
  const exited = new Promise<ChildExit>((resolve) => {
    child.on('error', (error) => {
      spawnError = error
      resolve({ code: -1, signal: null })
    })
    child.on('close', (code, signal) => resolve({ code, signal }))
  })
  return {
    child,
    exited,
    stderr: () => scrub(spawnError ? `${spawnError.message}\n${tail}` : tail).trim()
  }
}

export function exitSummary(name: string, exit: ChildExit): string {
  return exit.signal ? `${name} was killed by ${exit.signal}` : `${name} exited with code ${exit.code}`
}

/** The last few lines of stderr, for an error message. */
export function stderrTail(text: string, lines = 8): string {
  const kept = text.split('\n').filter((l) => l.trim().length > 0)
  return kept.slice(-lines).join('\n')
}

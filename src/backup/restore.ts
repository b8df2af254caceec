/** Restoring a verified dump into the drill's target, and reading back which tables the archive holds data for. */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import { type ConnectionSettings, describeTarget } from '../db/connection-url.js'
import { ActionError } from '../errors.js'
import { type ChildExit, exitSummary, pipeOf, spawnClient, stderrTail } from './child.js'
import { clientEnv } from './child-env.js'
import { type DatabaseIdentity, identityGuardSql } from './identity.js'
import type { TableRowCount } from './manifest.js'
import type { PgClient } from './pg-client.js'
import { newRestrictKey, plainDumpStream, scanPlainDump } from './plain-restore.js'

/** The `schema.table` of every table whose data the archive holds. */
export async function tablesWithData(
  file: string,
  format: 'custom' | 'plain',
  pgRestore: PgClient,
  candidates: TableRowCount[]
): Promise<Set<string>> {
  const lines: string[] = []
  if (format === 'custom') {
    const list = spawnClient(pgRestore.path, ['--list', file], clientEnv(), {
      stdin: 'ignore',
      stdout: 'pipe'
    })
    const reader = createInterface({ input: pipeOf(list.child.stdout, 'pg_restore --list stdout') })
    for await (const line of reader) lines.push(line)
    const exit = await list.exited
    if (exit.code !== 0)
      throw new ActionError(
        `pg_restore --list failed: ${exitSummary('pg_restore', exit)}\n${stderrTail(list.stderr())}`
      )
  } else {
    const reader = createInterface({ input: createReadStream(file) })
    for await (const line of reader) if (line.startsWith('-- Data for Name: ')) lines.push(line)
  }
  // Names may contain spaces, so match the known tables against each entry instead of splitting it.
  const found = new Set<string>()
  for (const t of candidates) {
    const custom = ` TABLE DATA ${t.schema} ${t.table} `
    const plain = `-- Data for Name: ${t.table}; Type: TABLE DATA; Schema: ${t.schema};`
    if (
      lines.some((l) =>
        format === 'custom' ? /^\d+; \d+ \d+ /.test(l) && l.includes(custom) : l.startsWith(plain)
      )
    ) {
      found.add(`${t.schema}.${t.table}`)
    }
  }
  return found
}

function conninfoDbname(database: string): string {
  return `dbname='${database.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

/** psql's complaint when the file tried a meta-command in restricted mode, e.g. `psql:<stdin>:12: error: backslash…`. */
const RESTRICTED = /psql:[^\n]*?:(\d+): error: backslash commands are restricted/

/** Restore `file` into `target` in one transaction; plain SQL with psql's meta-commands off, guarded to `checked`. */
export async function restoreInto(
  target: ConnectionSettings,
  workingDirectory: string,
  client: PgClient,
  file: string,
  format: 'custom' | 'plain',
  checked: DatabaseIdentity
): Promise<void> {
  const env = clientEnv(target, workingDirectory)
  if (format === 'custom') {
    const args = [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${conninfoDbname(target.database)}`,
      file
    ]
    const child = spawnClient(client.path, args, env, { stdin: 'ignore', stdout: 'ignore' })
    failUnlessRestored(target, client, await child.exited, child.stderr())
    return
  }
  // Plain SQL: psql in restricted mode (no meta-command of the file runs), guarded to the checked database.
  const scan = await scanPlainDump(file)
  const args = [
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '--single-transaction',
    '--no-password',
    '-c',
    `\\restrict ${newRestrictKey()}`,
    '-c',
    identityGuardSql(checked),
    '-f',
    '-'
  ]
  const child = spawnClient(client.path, args, env, { stdin: 'pipe', stdout: 'ignore' })
  // psql stops reading when it stops on an error: the broken pipe is expected, its exit status tells the story.
  const fed = pipeline(plainDumpStream(file, scan), pipeOf(child.child.stdin, 'psql stdin')).catch(
    () => undefined
  )
  const exit = await child.exited
  await fed
  const stderr = child.stderr()
  const restricted = RESTRICTED.exec(stderr)
  if (restricted && exit.code !== 0) {
    throw new ActionError(
      `The plain-format backup holds a psql meta-command at line ${restricted[1]} (such as \\! or \\o |command, which would run on the runner). The drill restores plain backups with psql's meta-commands disabled, so it ran nothing, stopped there and rolled the restore back.`,
      {
        hint: 'pg_dump writes no meta-commands but its own \\restrict lines (and \\connect with --create, which a drill cannot restore). Do not trust this backup, and check who can write to the backup storage: a manifest proves that the object matches it, not who wrote them.'
      }
    )
  }
  failUnlessRestored(target, client, exit, stderr)
}

function failUnlessRestored(
  target: ConnectionSettings,
  client: PgClient,
  exit: ChildExit,
  stderr: string
): void {
  if (exit.code !== 0 || exit.signal) {
    throw new ActionError(
      `Restoring into ${describeTarget(target)} failed: ${exitSummary(client.tool, exit)}.\n${stderrTail(stderr)}`.trim(),
      {
        hint: 'The backup could not be restored as it is; fix the cause before relying on it.'
      }
    )
  }
}

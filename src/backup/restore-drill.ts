import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import * as core from '@actions/core'
import { type ConnectOptions, type DbSession, connect, quoteIdent } from '../db/connect.js'
import { type ConnectionSettings, describeTarget } from '../db/connection-url.js'
import { ActionError, getErrorMessage } from '../errors.js'
import { info } from '../util/log.js'
import { type ChildExit, exitSummary, pipeOf, spawnClient, stderrTail } from './child.js'
import { clientEnv } from './child-env.js'
import { checkArtifactRuntime, resolveDestination } from './destination.js'
import { checkIdentity, decryptFile } from './encryption.js'
import {
  type DatabaseIdentity,
  checkTargetIsNotSource,
  describeIdentity,
  identityGuardSql,
  readIdentity,
  sameDatabase
} from './identity.js'
import { type BackupManifest, type TableRowCount, manifestKeyFor, parseManifest } from './manifest.js'
import { type PgClient, checkExplicitPath, findClient } from './pg-client.js'
import { newRestrictKey, plainDumpStream, psqlHasRestrict, scanPlainDump } from './plain-restore.js'
import { listOurBackups } from './retention.js'
import { exactCounts } from './row-counts.js'
import type { DrillSettings } from './settings.js'
import { type BackupStorage, createStorage, storageForUri } from './storage/index.js'

export interface RestoreDrillContext {
  /** The source database (`database-url`): its name selects `latest`. */
  connection: ConnectionSettings
  workingDirectory: string
  settings: DrillSettings
  tempDir?: string
}

export type TableStatus = 'match' | 'mismatch' | 'missing' | 'estimated' | 'not-in-dump' | 'unexpected'

export interface TableComparison {
  schema: string
  table: string
  expected: number | null
  actual: number | null
  status: TableStatus
}

export interface DrillResult {
  status: 'passed' | 'failed'
  uri: string
  manifestUri: string
  manifest: BackupManifest
  target: string
  pgRestoreVersion: string
  durationMs: number
  tables: TableComparison[]
  compared: number
  mismatches: number
  /** What the identity check proved about the target, for the report. */
  targetIdentity: TargetIdentity
  failure?: ActionError
}

export interface TargetIdentity {
  /** The target is a database next to the source, on the source's own server. */
  sameServerAsSource: boolean
  target: DatabaseIdentity
  source: DatabaseIdentity
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function resolveBackup(
  ctx: RestoreDrillContext,
  tempDir: string
): Promise<{ storage: BackupStorage; key: string }> {
  const { settings } = ctx
  const storageOptions = {
    s3Endpoint: settings.s3Endpoint,
    s3Region: settings.s3Region,
    s3ForcePathStyle: settings.s3ForcePathStyle,
    tempDir,
    workingDirectory: ctx.workingDirectory
  }
  if (settings.backupUri !== 'latest' || !settings.destination)
    return await storageForUri(settings.backupUri, storageOptions)
  const destination = resolveDestination(settings.destination, ctx.workingDirectory)
  const { storage, prefix } = await createStorage(destination, storageOptions)
  const backups = (await listOurBackups(storage, prefix, ctx.connection.database)).filter(
    (b) => b.manifest.verification.passed
  )
  backups.sort((a, b) => b.candidate.createdAt.getTime() - a.candidate.createdAt.getTime())
  if (backups.length === 0) {
    throw new ActionError(
      `No verified backup of database "${ctx.connection.database}" was found under the destination.`,
      {
        hint: 'Run mode backup first, or give `backup-uri` explicitly.'
      }
    )
  }
  return { storage, key: backups[0].candidate.key }
}

/** The `schema.table` of every table whose data the archive holds. */
async function tablesWithData(
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

/** Pure: compare the manifest's counts with what the restore produced. */
export function compareCounts(
  manifest: BackupManifest,
  inDump: Set<string>,
  restored: TableRowCount[]
): TableComparison[] {
  const actual = new Map(restored.map((t) => [`${t.schema}.${t.table}`, t.rows]))
  const out: TableComparison[] = []
  const seen = new Set<string>()
  for (const t of manifest.rowCounts.tables) {
    const name = `${t.schema}.${t.table}`
    seen.add(name)
    const got = actual.get(name)
    let status: TableStatus
    if (!inDump.has(name)) status = got === undefined || got === 0 ? 'not-in-dump' : 'unexpected'
    else if (got === undefined) status = 'missing'
    else if (manifest.rowCounts.kind === 'estimated') status = 'estimated'
    else status = got === t.rows ? 'match' : 'mismatch'
    out.push({ schema: t.schema, table: t.table, expected: t.rows, actual: got ?? null, status })
  }
  for (const t of restored) {
    const name = `${t.schema}.${t.table}`
    if (!seen.has(name))
      out.push({ schema: t.schema, table: t.table, expected: null, actual: t.rows, status: 'unexpected' })
  }
  return out
}

function conninfoDbname(database: string): string {
  return `dbname='${database.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

const SESSION: Omit<ConnectOptions, 'baseDir'> = { ensureSchema: false, setSearchPath: false }

async function connectAs(
  input: 'database-url' | 'target-database-url',
  settings: ConnectionSettings,
  baseDir: string
): Promise<DbSession> {
  try {
    return await connect(settings, { ...SESSION, baseDir })
  } catch (error) {
    const e = error instanceof ActionError ? error : new ActionError(getErrorMessage(error))
    const why =
      input === 'database-url'
        ? 'A drill proves that `target-database-url` is not the source by comparing what both connections reach (server system identifier, database oid), so the source must be reachable from this job; a role that may only connect is enough.'
        : 'Check `target-database-url`: the scratch database must exist and accept connections from this job.'
    throw new ActionError(
      `Restore drill: connecting to \`${input}\` failed, so nothing was dropped or restored. ${e.message}`,
      { code: e.code, hint: e.hint ? `${why} ${e.hint}` : why, cause: error }
    )
  }
}

/**
 * Connect to both databases and refuse a target that is the source, however its URL spells it. The source
 * session is opened first and read last: had its server restarted in between (a new start time), that session
 * would be gone and the read would fail instead of comparing a stale identity.
 */
export async function proveTargetIsNotSource(ctx: RestoreDrillContext): Promise<TargetIdentity> {
  const source = await connectAs('database-url', ctx.connection, ctx.workingDirectory)
  try {
    const targetSession = await connectAs('target-database-url', ctx.settings.target, ctx.workingDirectory)
    let target: DatabaseIdentity
    try {
      target = await readIdentity(targetSession.client)
    } finally {
      await targetSession.close()
    }
    const sourceIdentity = await readIdentity(source.client)
    const sameServerAsSource = checkTargetIsNotSource(sourceIdentity, target)
    info(`Restore target: ${describeIdentity(target)}; source: ${describeIdentity(sourceIdentity)}`)
    if (sameServerAsSource) {
      core.warning(
        `target-database-url is another database on the source's own server. The backup's SQL runs there with the target role's privileges, so a forged backup can reach whatever that role reaches on the production server (roles, other databases, COPY ... PROGRAM for a superuser). Prefer a throwaway server such as a \`services: postgres\` container.`
      )
    }
    return { sameServerAsSource, target, source: sourceIdentity }
  } finally {
    await source.close()
  }
}

async function prepareTarget(ctx: RestoreDrillContext, checked: DatabaseIdentity): Promise<void> {
  const target = ctx.settings.target
  const session = await connectAs('target-database-url', target, ctx.workingDirectory)
  try {
    // The same session that may drop schemas proves it is the database that was compared with the source.
    const now = await readIdentity(session.client)
    if (!sameDatabase(checked, now)) {
      throw new ActionError(
        `Restore drill: \`target-database-url\` now reaches ${describeIdentity(now)}, not the ${describeIdentity(checked)} that was compared with the source; nothing was dropped or restored.`,
        {
          hint: 'The host name resolves to different servers (DNS, a load balancer, a restart). Use an address that always reaches the same scratch server.'
        }
      )
    }
    const { rows } = await session.client.query<{ nspname: string; tables: string }>(
      `SELECT n.nspname, count(c.oid)::text AS tables FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' GROUP BY 1 ORDER BY 1`
    )
    const tables = rows.reduce((sum, r) => sum + Number(r.tables), 0)
    if (tables === 0) return
    if (!ctx.settings.targetClean) {
      throw new ActionError(
        `The drill target ${describeTarget(target)} already holds ${tables} tables or views; refusing to restore into it.`,
        {
          hint: 'Use an empty scratch database, or set `target-clean: true` to drop its schemas first.'
        }
      )
    }
    info(
      `target-clean: dropping schemas ${rows.map((r) => r.nspname).join(', ')} of ${describeTarget(target)}`
    )
    for (const r of rows) await session.client.query(`DROP SCHEMA ${quoteIdent(r.nspname)} CASCADE`)
    await session.client.query('CREATE SCHEMA IF NOT EXISTS public')
  } finally {
    await session.close()
  }
}

/** psql's complaint when the file tried a meta-command in restricted mode, e.g. `psql:<stdin>:12: error: backslash…`. */
const RESTRICTED = /psql:[^\n]*?:(\d+): error: backslash commands are restricted/

async function restoreInto(
  ctx: RestoreDrillContext,
  client: PgClient,
  file: string,
  format: 'custom' | 'plain',
  checked: DatabaseIdentity
): Promise<void> {
  const target = ctx.settings.target
  const env = clientEnv(target, ctx.workingDirectory)
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

async function makeScratch(root: string): Promise<string> {
  try {
    return await mkdtemp(join(root, 'pgops-drill-'))
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    throw new ActionError(
      `The drill cannot create its download directory in ${root} (${e.code ?? e.message}); nothing was dropped or restored.`,
      { hint: 'RUNNER_TEMP must be a writable directory with room for the backup.', cause: error }
    )
  }
}

/**
 * Download a backup, prove it is the one the manifest describes (SHA-256 of the stored bytes and, after
 * decryption, of the dump), restore it into a scratch database and compare every table's row count.
 */
export async function runRestoreDrill(ctx: RestoreDrillContext): Promise<DrillResult> {
  const started = Date.now()
  const { settings } = ctx
  // Inputs that need neither the backup nor a database fail first, before anything is downloaded or restored.
  await Promise.all([
    settings.ageIdentity === undefined ? undefined : checkIdentity(settings.ageIdentity),
    checkExplicitPath(settings.pgDumpPath)
  ])
  const fromArtifact =
    /^artifact:\/\//i.test(settings.backupUri) ||
    (settings.backupUri === 'latest' && settings.destination?.kind === 'artifact')
  if (fromArtifact) checkArtifactRuntime(settings.backupUri === 'latest' ? 'destination' : 'backup-uri')
  // Before anything is downloaded, dropped or restored: the target must not be the source, however it is named.
  const targetIdentity = await proveTargetIsNotSource(ctx)
  const scratch = await makeScratch(ctx.tempDir ?? process.env.RUNNER_TEMP ?? tmpdir())
  try {
    const { storage, key } = await resolveBackup(ctx, scratch)
    const manifestKey = manifestKeyFor(key)
    let manifestBytes: Buffer
    try {
      manifestBytes = await storage.getBytes(manifestKey)
    } catch (error) {
      throw new ActionError(
        `The manifest ${storage.uri(manifestKey)} could not be read: ${(error as Error).message}`,
        {
          hint: 'Drills need a backup made by this action (the object and its .manifest.json).',
          cause: error
        }
      )
    }
    const manifest = parseManifest(manifestBytes)
    if (!manifest || basename(manifest.object.key) !== basename(key)) {
      throw new ActionError(
        `${storage.uri(manifestKey)} is not a manifest of this action for ${storage.uri(key)}.`
      )
    }
    const format = manifest.dump.format
    if ((format !== 'custom' && format !== 'plain') || !Number.isInteger(manifest.pgDump?.major)) {
      throw new ActionError(
        `${storage.uri(manifestKey)} names the dump format "${String(format)}" and pg_dump major "${String(manifest.pgDump?.major)}"; this action writes custom or plain dumps of a known major.`,
        { hint: 'The manifest was not written by this action, or was altered. Do not restore this backup.' }
      )
    }
    const tool = format === 'custom' ? 'pg_restore' : 'psql'
    const client = await findClient(tool, manifest.pgDump.major, {
      explicitPath: settings.pgDumpPath,
      installClient: settings.installClient
    })
    if (format === 'plain' && !psqlHasRestrict(client.version)) {
      throw new ActionError(
        `psql ${client.version} (${client.path}) cannot switch its meta-commands off (\\restrict needs psql 13.22, 14.19, 15.14, 16.10, 17.6, 18 or newer), and psql would run any \\! or \\o |command planted in a plain-format backup on this runner; the drill refuses to restore it with this psql.`,
        {
          hint: 'Use a current PostgreSQL client (`install-client: true`, or `pg-dump-path` pointing at a newer client directory), or take backups with `format: custom`.'
        }
      )
    }

    const objectFile = join(scratch, 'object')
    await storage.download(key, objectFile)
    const size = (await stat(objectFile)).size
    const digest = await sha256File(objectFile)
    if (size !== manifest.object.size || digest !== manifest.object.sha256) {
      throw new ActionError(
        `The downloaded backup does not match its manifest: ${size} bytes, sha256 ${digest}; the manifest says ${manifest.object.size} bytes, sha256 ${manifest.object.sha256}.`,
        { hint: 'The object was altered or damaged in storage. Do not restore it.' }
      )
    }
    let dumpFile = objectFile
    if (manifest.encryption) {
      if (!settings.ageIdentity) {
        throw new ActionError('This backup is encrypted; `age-identity` is required.', {
          hint: `Give the secret key of one of: ${manifest.encryption.recipients.map((r) => r.fingerprint).join(', ')}.`
        })
      }
      dumpFile = join(scratch, 'dump')
      await decryptFile(objectFile, dumpFile, settings.ageIdentity)
      const plainDigest = await sha256File(dumpFile)
      if (plainDigest !== manifest.dump.sha256) {
        throw new ActionError(
          `The decrypted dump's sha256 ${plainDigest} differs from the manifest's ${manifest.dump.sha256}.`
        )
      }
    }

    await prepareTarget(ctx, targetIdentity.target)
    await restoreInto(ctx, client, dumpFile, format, targetIdentity.target)
    const inDump = await tablesWithData(dumpFile, format, client, manifest.rowCounts.tables)
    const target = settings.target
    const session = await connectAs('target-database-url', target, ctx.workingDirectory)
    let restored: TableRowCount[]
    try {
      restored = await exactCounts(session.client)
    } finally {
      await session.close()
    }
    const tables = compareCounts(manifest, inDump, restored)
    const compared = tables.filter(
      (t) => t.status === 'match' || t.status === 'mismatch' || t.status === 'missing'
    ).length
    const mismatches = tables.filter((t) => t.status === 'mismatch' || t.status === 'missing').length
    const failure =
      mismatches > 0
        ? new ActionError(
            `Restore drill: ${mismatches} of ${compared} tables differ from the manifest's row counts.`,
            {
              hint: 'See the table in the job summary.'
            }
          )
        : undefined
    return {
      status: failure ? 'failed' : 'passed',
      uri: storage.uri(key),
      manifestUri: storage.uri(manifestKey),
      manifest,
      target: describeTarget(target),
      pgRestoreVersion: client.version,
      durationMs: Date.now() - started,
      tables,
      compared,
      mismatches,
      targetIdentity,
      failure
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline'
import * as core from '@actions/core'
import { connect, quoteIdent } from '../db/connect.js'
import { type ConnectionSettings, describeTarget } from '../db/connection-url.js'
import { ActionError } from '../errors.js'
import { exitSummary, spawnClient, stderrTail } from './child.js'
import { clientEnv } from './child-env.js'
import { resolveDestination } from './destination.js'
import { checkIdentity, decryptFile } from './encryption.js'
import { type BackupManifest, type TableRowCount, manifestKeyFor, parseManifest } from './manifest.js'
import { type PgClient, checkExplicitPath, findClient } from './pg-client.js'
import { listOurBackups } from './retention.js'
import { exactCounts } from './row-counts.js'
import type { BackupSettings } from './settings.js'
import { type BackupStorage, createStorage, storageForUri } from './storage/index.js'

export interface RestoreDrillContext {
  /** The source database (`database-url`): its name selects `latest`. */
  connection: ConnectionSettings
  workingDirectory: string
  settings: BackupSettings
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
  failure?: ActionError
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
  if (settings.backupUri !== 'latest') return await storageForUri(settings.backupUri ?? '', storageOptions)
  const destination = resolveDestination(settings.destination!, ctx.workingDirectory)
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
    const reader = createInterface({ input: list.child.stdout! })
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

async function prepareTarget(ctx: RestoreDrillContext): Promise<void> {
  const target = ctx.settings.targetConnection!
  const session = await connect(target, {
    baseDir: ctx.workingDirectory,
    ensureSchema: false,
    setSearchPath: false
  })
  try {
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
    core.info(
      `target-clean: dropping schemas ${rows.map((r) => r.nspname).join(', ')} of ${describeTarget(target)}`
    )
    for (const r of rows) await session.client.query(`DROP SCHEMA ${quoteIdent(r.nspname)} CASCADE`)
    await session.client.query('CREATE SCHEMA IF NOT EXISTS public')
  } finally {
    await session.close()
  }
}

async function restoreInto(
  ctx: RestoreDrillContext,
  client: PgClient,
  file: string,
  format: 'custom' | 'plain'
): Promise<void> {
  const target = ctx.settings.targetConnection!
  const env = clientEnv(target, ctx.workingDirectory)
  const args =
    format === 'custom'
      ? [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          '--single-transaction',
          `--dbname=${conninfoDbname(target.database)}`,
          file
        ]
      : ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '--no-password', `--file=${file}`]
  const child = spawnClient(client.path, args, env, { stdin: 'ignore', stdout: 'ignore' })
  const exit = await child.exited
  if (exit.code !== 0 || exit.signal) {
    throw new ActionError(
      `Restoring into ${describeTarget(target)} failed: ${exitSummary(client.tool, exit)}.\n${stderrTail(child.stderr())}`.trim(),
      {
        hint: 'The backup could not be restored as it is; fix the cause before relying on it.'
      }
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
  const scratch = await mkdtemp(join(ctx.tempDir ?? process.env.RUNNER_TEMP ?? tmpdir(), 'pgops-drill-'))
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
    const tool = format === 'custom' ? 'pg_restore' : 'psql'
    const client = await findClient(tool, manifest.pgDump.major, {
      explicitPath: settings.pgDumpPath,
      installClient: settings.installClient
    })

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

    await prepareTarget(ctx)
    await restoreInto(ctx, client, dumpFile, format)
    const inDump = await tablesWithData(dumpFile, format, client, manifest.rowCounts.tables)
    const target = settings.targetConnection!
    const session = await connect(target, {
      baseDir: ctx.workingDirectory,
      ensureSchema: false,
      setSearchPath: false
    })
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
      failure
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

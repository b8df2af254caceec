import * as core from '@actions/core'
import pg from 'pg'
import { ActionError } from '../errors.js'
import { info } from '../util/log.js'
import { withRetry } from '../util/retry.js'
import { type ConnectionSettings, describeTarget, toPgConfig } from './connection-url.js'

export interface DbSession {
  client: pg.Client
  settings: ConnectionSettings
  /** e.g. 150018 */
  serverVersionNum: number
  /** e.g. "15.18" */
  serverVersion: string
  /**
   * The results of `ConnectOptions.firstReads`, read in the same message as the session's set-up query; or the
   * error that stopped them (the session was then set up by a second message without them).
   */
  firstReads?: { results: pg.QueryResult[] } | { error: unknown; fallback: pg.QueryResult[] }
  close: () => Promise<void>
}

export interface ConnectOptions {
  baseDir: string
  /** Create the `?schema=` schema when missing, as Prisma does on every migrate command. */
  ensureSchema: boolean
  /** Set the session's search_path to `?schema=` (Prisma does). */
  setSearchPath?: boolean
  attempts?: number
  baseDelayMs?: number
  /**
   * Run-time parameters for this session only (e.g. `{ lock_timeout: '1000' }`), nothing else (pg_dump, other
   * sessions) gets them. Sent as startup options (`-c name=value`, after the URL's `options`, so they win): no
   * extra round trip. Through a connection pooler (`pgbouncer=true`, or one that refuses the `options` startup
   * parameter, as PgBouncer does for settings it does not track) one `set_config` (a SET) after connecting instead.
   */
  sessionSettings?: Record<string, string>
  /**
   * Read-only statements (one or more, `;`-separated, literals only) sent in the same message as the session's
   * set-up query, so that they cost no round trip of their own: results in `DbSession.firstReads`. `types` parses
   * the whole message. When they fail (a missing table), the set-up query is sent again with `fallback`.
   */
  firstReads?: { text: string; types?: pg.CustomTypesConfig; fallback?: string }
  /**
   * A connection request already on its way (`startConnecting`, with the same settings): its client is this
   * session's first attempt. One made for other startup options is closed and a new one opened.
   */
  early?: EarlyClient
}

/** What decides a session's startup options: `startConnecting` and `connect` must agree on them. */
export type StartupOptions = Pick<ConnectOptions, 'baseDir' | 'sessionSettings' | 'setSearchPath'>

/**
 * A connection request sent before the session is needed (`startConnecting`): TCP, TLS and authentication take three
 * round trips or more, answered while the caller does local work. Nothing is sent but the startup message and the
 * authentication exchange until `connect` takes it; `discard` closes it unused.
 */
export interface EarlyClient {
  /** The startup `options` it was opened with. */
  readonly startup: string | undefined
  /** The client, once; later calls (and a discarded request) give undefined. */
  take: () => Promise<pg.Client> | undefined
  discard: () => void
}

/** What one connection adds to the URL's settings. */
export interface SessionExtras {
  /** Appended to the URL's `options` (startup `-c name=value` parameters). */
  options?: string
  /** Replaces the URL's `application_name`. */
  applicationName?: string
}

const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE'])
// cannot_connect_now (server starting), too_many_connections, admin_shutdown / crash_shutdown
const TRANSIENT_SQLSTATES = new Set(['57P03', '53300', '57P01', '57P02'])
const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER'
])

interface ErrorLike {
  code?: string
  message?: string
}

function isTimeout(error: ErrorLike): boolean {
  return /timeout/i.test(error.message ?? '') && !error.code
}

export function isRetryableConnectError(error: unknown): boolean {
  const e = error as ErrorLike
  if (e.code && (TRANSIENT_NODE_CODES.has(e.code) || TRANSIENT_SQLSTATES.has(e.code))) return true
  return isTimeout(e) || /Connection terminated unexpectedly/.test(e.message ?? '')
}

const RAILWAY_HINT =
  "Hosts ending in .railway.internal exist only inside Railway's private network and cannot be reached from a GitHub-hosted runner. Use the public URL instead: the DATABASE_PUBLIC_URL variable of the Postgres service (a *.proxy.rlwy.net host), stored as a repository or environment secret."

/** Turn a low-level connection failure into the user-facing error Prisma would report, plus what to do. */
export function classifyConnectError(error: unknown, settings: ConnectionSettings): ActionError {
  const e = error as ErrorLike
  const target = describeTarget(settings)
  const where = `${settings.host}:${settings.port}`
  const railway = settings.host.endsWith('.railway.internal')
  const code = e.code ?? ''
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new ActionError(
      `Can't reach database server at \`${where}\`: the host name could not be resolved (DNS lookup failed).`,
      {
        code: 'P1001',
        hint: railway
          ? RAILWAY_HINT
          : 'Check the host in `database-url`; a private or internal host name is not resolvable from GitHub-hosted runners.',
        cause: error
      }
    )
  }
  if (['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(code)) {
    return new ActionError(`Can't reach database server at \`${where}\` (${code}).`, {
      code: 'P1001',
      hint: railway
        ? RAILWAY_HINT
        : 'Check the host and port in `database-url`, that the server is running, and that it accepts connections from the runner (firewall, allow-list, public proxy).',
      cause: error
    })
  }
  if (code === '28P01' || (code === '28000' && /password|authentication/i.test(e.message ?? ''))) {
    return new ActionError(
      `Authentication failed against database server at \`${where}\`: the credentials for user \`${settings.user}\` are not valid.`,
      {
        code: 'P1000',
        hint: 'Check the user and password in `database-url` (percent-encode special characters); the secret may be stale after a password rotation.',
        cause: error
      }
    )
  }
  if (code === '28000') {
    return new ActionError(
      `User \`${settings.user}\` was denied access on the database server at \`${where}\`.`,
      {
        code: 'P1010',
        hint: 'The server refused the connection (pg_hba.conf or a role without LOGIN). Check the user, the database and whether TLS is required (`?sslmode=require`).',
        cause: error
      }
    )
  }
  if (code === '3D000') {
    return new ActionError(
      `Database \`${settings.database}\` does not exist on the database server at \`${where}\`.`,
      {
        code: 'P1003',
        hint: 'Check the database name in the path of `database-url` (Railway calls it "railway"), or create the database first.',
        cause: error
      }
    )
  }
  if (TLS_CODES.has(code) || /SSL|TLS|certificate/i.test(e.message ?? '')) {
    return new ActionError(`Error opening a TLS connection to \`${where}\`: ${e.message ?? code}.`, {
      code: 'P1011',
      hint: "With a self-signed server certificate (Railway, most proxies) keep Prisma's default `sslaccept=accept_invalid_certs`, or pass the server CA with `sslcert=<path>` and `sslaccept=strict`. Use `sslmode=disable` only on a trusted network.",
      cause: error
    })
  }
  if (isTimeout(e)) {
    return new ActionError(
      `Timed out connecting to the database server at \`${where}\` after ${settings.connectTimeoutSec}s.`,
      {
        code: 'P1001',
        hint: railway
          ? RAILWAY_HINT
          : 'The server did not answer in time. Check the host and port, or raise `connect_timeout` in `database-url`.',
        cause: error
      }
    )
  }
  return new ActionError(`Could not connect to ${target}: ${e.message ?? String(error)}`, { cause: error })
}

/** One connection with Prisma's TLS semantics (`prefer` tries TLS first); no retry, no session set-up. */
export async function openClient(
  settings: ConnectionSettings,
  baseDir: string,
  extras: SessionExtras = {}
): Promise<pg.Client> {
  const attempt = async (useTls: boolean): Promise<pg.Client> => {
    const client = new pg.Client(toPgConfig(settings, baseDir, useTls, extras))
    // An idle client whose server goes away emits 'error'; without a listener Node would crash the process.
    client.on('error', (err) => core.debug(`database connection error: ${err.message}`))
    try {
      await client.connect()
      return client
    } catch (error) {
      await client.end().catch(() => undefined)
      throw error
    }
  }
  if (settings.sslmode !== 'prefer') return attempt(settings.sslmode === 'require')
  try {
    return await attempt(true)
  } catch (error) {
    // libpq's `prefer`: a server without TLS support gets a plain connection.
    if (/does not support SSL/i.test((error as Error).message ?? '')) return attempt(false)
    throw error
  }
}

/** The results of a simple query, one per statement (pg returns a bare result for a single statement). */
export async function queryAll(
  client: pg.Client,
  text: string,
  types?: pg.CustomTypesConfig
): Promise<pg.QueryResult[]> {
  const result = (await client.query({ text, types })) as unknown as pg.QueryResult | pg.QueryResult[]
  return Array.isArray(result) ? result : [result]
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** `-c name=value` for the startup `options`: the server splits them at spaces unless escaped with a backslash. */
function startupOptions(settings: [string, string][]): string {
  return settings
    .map(([name, value]) => `-c ${name}=${value.replace(/\\/g, '\\\\').replace(/ /g, '\\ ')}`)
    .join(' ')
}

/** PgBouncer < 1.20 refuses `options`; later versions refuse settings in it that they do not track. */
function refusesStartupOptions(error: unknown): boolean {
  return /unsupported.*startup parameter/i.test((error as ErrorLike).message ?? '')
}

function runtimeParameters(settings: ConnectionSettings, options: StartupOptions): [string, string][] {
  const runtime = Object.entries(options.sessionSettings ?? {})
  for (const [name] of runtime)
    if (!/^[a-z_][a-z0-9_.]*$/.test(name)) throw new Error(`Invalid run-time parameter name: ${name}`)
  // Prisma sets search_path to `?schema=` only (no public fallback), on every migrate command.
  if (settings.schema && options.setSearchPath !== false)
    runtime.push(['search_path', quoteIdent(settings.schema)])
  return runtime
}

/** The startup `options` of a session's first connection request (a pooler gets SETs instead). */
function firstStartup(settings: ConnectionSettings, runtime: [string, string][]): string | undefined {
  return runtime.length > 0 && !settings.pgbouncer ? startupOptions(runtime) : undefined
}

/**
 * Send the connection request now, take the session later with `connect(settings, { ...options, early })`: the
 * connection's round trips overlap the caller's loading and reading. A failed request is reported by `connect`
 * (retried, classified, named as usual), never here.
 */
export function startConnecting(settings: ConnectionSettings, options: StartupOptions): EarlyClient {
  const startup = firstStartup(settings, runtimeParameters(settings, options))
  let pending: Promise<pg.Client> | undefined = openClient(settings, options.baseDir, { options: startup })
  pending.catch(() => undefined)
  return {
    startup,
    take: () => {
      const client = pending
      pending = undefined
      return client
    },
    discard: () => {
      const client = pending
      pending = undefined
      client?.then((c) => c.end()).catch(() => undefined)
    }
  }
}

/** The results of the set-up message: the set-up's own (one per SET, then its query's), then what followed it. */
interface SetupResults {
  own: pg.QueryResult[]
  after: pg.QueryResult[]
}

/**
 * The run-time parameters as statements, for a pooler that refuses startup options. set_config parses each value as
 * the startup option would: `SET search_path = '"s"'` would take the quotes as part of one schema's name (and leave
 * no schema to create tables in).
 */
function setConfig(client: pg.Client, runtime: [string, string][]): string[] {
  return runtime.map(
    ([name, value]) =>
      `SELECT set_config(${client.escapeLiteral(name)}, ${client.escapeLiteral(value)}, false)`
  )
}

/**
 * One connection, set up in one message after the connection request: run-time parameters and `?schema=`'s
 * search_path travel as startup options (`-c name=value`; Prisma's own native engine sends search_path as a startup
 * parameter too), the server's version and whether the schema exists are read together with the caller's
 * `firstReads`. A connection pooler that refuses the `options` startup parameter (PgBouncer) gets the same settings
 * with `SET`, in that same message.
 */
export async function connect(settings: ConnectionSettings, options: ConnectOptions): Promise<DbSession> {
  const runtime = runtimeParameters(settings, options)
  const firstOptions = firstStartup(settings, runtime)
  let early = options.early
  if (early && early.startup !== firstOptions) {
    early.discard()
    early = undefined
  }
  const open = (startup: string | undefined): Promise<pg.Client> =>
    withRetry(() => early?.take() ?? openClient(settings, options.baseDir, { options: startup }), {
      attempts: options.attempts ?? 3,
      baseDelayMs: options.baseDelayMs ?? 1000,
      isRetryable: isRetryableConnectError,
      onRetry: (error, attempt, delay) =>
        info(
          `Connecting to ${describeTarget(settings)} failed (${(error as ErrorLike).code ?? (error as Error).message}); attempt ${attempt + 1} in ${delay} ms`
        )
    }).catch((error: unknown) => {
      throw classifyConnectError(error, settings)
    })
  let viaSet = runtime.length > 0 && settings.pgbouncer
  let client: pg.Client
  try {
    client = await open(firstOptions)
  } catch (error) {
    if (runtime.length === 0 || viaSet || !refusesStartupOptions((error as ActionError).cause ?? error))
      throw error
    info(
      `The server (a connection pooler?) refused the startup parameter \`options\`; setting ${runtime.map(([name]) => name).join(' and ')} with SET instead.`
    )
    client = await open(undefined)
    viaSet = true
  }
  try {
    const sets = viaSet ? setConfig(client, runtime) : []
    const setup = [
      ...sets,
      `SELECT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = ${client.escapeLiteral(settings.defaultSchema)}) AS exists, current_setting('server_version_num') AS num, current_setting('server_version') AS version`
    ].join(';\n')
    const send = async (after: string | undefined, types?: pg.CustomTypesConfig): Promise<SetupResults> => {
      const all = await queryAll(client, after === undefined ? setup : `${setup};\n${after}`, types)
      return { own: all.slice(0, sets.length + 1), after: all.slice(sets.length + 1) }
    }
    let firstReads: DbSession['firstReads']
    let sent: SetupResults
    if (options.firstReads) {
      const { text, types, fallback } = options.firstReads
      try {
        sent = await send(text, types)
        firstReads = { results: sent.after }
      } catch (error) {
        // One of the reads failed (a missing table...): the message was rolled back, settings included.
        if (isRetryableConnectError(error)) throw error
        sent = await send(fallback || undefined, types)
        firstReads = { error, fallback: sent.after }
      }
    } else sent = await send(undefined)
    const row = sent.own[sets.length].rows[0] as { exists: boolean; num: string; version: string }
    if (!row.exists && options.ensureSchema)
      await client.query(`CREATE SCHEMA ${quoteIdent(settings.defaultSchema)}`)
    return {
      client,
      settings,
      serverVersionNum: Number(row.num),
      serverVersion: row.version.split(' ')[0],
      firstReads,
      close: async () => {
        await client.end().catch(() => undefined)
      }
    }
  } catch (error) {
    await client.end().catch(() => undefined)
    throw error
  }
}

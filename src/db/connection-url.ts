import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import type { ClientConfig } from 'pg'
import type { ConnectionOptions } from 'node:tls'
import { InputError } from '../errors.js'

/**
 * A Postgres URL read the way Prisma's schema engine (quaint) reads it, so that the action connects where
 * `prisma migrate` would, with the same TLS behaviour. See shared/reference/prisma-migrate-compat.md §10.1.
 */
export interface ConnectionSettings {
  host: string
  port: number
  user: string
  password: string
  database: string
  /** `?schema=`: the search_path and the schema Prisma creates and checks. Undefined: server default. */
  schema?: string
  /** The schema Prisma treats as default: `?schema=` or `public`. */
  defaultSchema: string
  sslmode: 'disable' | 'prefer' | 'require'
  /** `sslaccept=strict` verifies the server certificate; Prisma's default accepts any certificate. */
  sslAcceptInvalidCerts: boolean
  /** `sslcert`: the server's root CA (PEM), as Prisma means it (pg would read it as a client certificate). */
  sslCaPath?: string
  sslIdentityPath?: string
  sslPassword?: string
  /** Seconds; Prisma's default is 5, 0 means no timeout. */
  connectTimeoutSec: number
  applicationName?: string
  options?: string
  pgbouncer: boolean
}

const INPUT = 'database-url'

const ENCODE_HINT =
  'Percent-encode the user name and the password, e.g. with encodeURIComponent: `@` as %40, `/` as %2F, `?` as %3F, `#` as %23, `:` as %3A.'

/**
 * The parts of the URL as a WHATWG parser (Node's, and the Rust `url` crate Prisma uses) splits them, taken from
 * the text itself: what comes after the authority, and the path segments before dot segments are removed.
 */
function rawParts(text: string): { afterAuthority: string; pathSegments: string[] } {
  // WHATWG removes ASCII tabs and newlines anywhere before parsing.
  const cleaned = text.replace(/[\t\n\r]/g, '')
  const start = cleaned.indexOf('//')
  if (start < 0) return { afterAuthority: '', pathSegments: [] }
  let end = start + 2
  while (end < cleaned.length && !'/?#'.includes(cleaned[end])) end++
  const afterAuthority = cleaned.slice(end)
  let pathEnd = 0
  while (pathEnd < afterAuthority.length && !'?#'.includes(afterAuthority[pathEnd])) pathEnd++
  const path = afterAuthority.slice(0, pathEnd)
  return { afterAuthority, pathSegments: path ? path.slice(1).split('/') : [] }
}

/**
 * What Prisma would take for the password when the URL is ambiguous: everything between `//` and the last `@`,
 * after the first `:`. Only used to register it as a secret before refusing such a URL.
 */
function greedyPassword(text: string): string | undefined {
  const start = text.indexOf('//')
  const at = text.lastIndexOf('@')
  if (start < 0 || at <= start) return undefined
  const userinfo = text.slice(start + 2, at)
  const colon = userinfo.indexOf(':')
  return colon >= 0 ? userinfo.slice(colon + 1) : undefined
}

/**
 * Percent-decoding as quaint does it (Rust `percent_decode` then UTF-8): `%` not followed by two hex digits stays
 * as it is, and a result that is not UTF-8 falls back to the undecoded text.
 */
export function percentDecodeLikePrisma(value: string): string {
  const bytes: number[] = []
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3)
    if (value[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else bytes.push(...Buffer.from(value[i], 'utf8'))
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes))
  } catch {
    return value
  }
}

/**
 * Every form of the secrets a database URL holds, to register before anything is logged: the URL, the password
 * as the URL writes it and as Prisma decodes it, `sslpassword`, and for a URL this action refuses because it is
 * ambiguous, what the password would be if its delimiters were meant literally.
 */
export function secretsOfDatabaseUrl(raw: string): string[] {
  const text = raw.trim()
  const secrets = [raw, text]
  const guess = greedyPassword(text)
  if (guess) secrets.push(guess, percentDecodeLikePrisma(guess))
  try {
    const url = new URL(text)
    secrets.push(url.password, percentDecodeLikePrisma(url.password))
    const sslpassword = url.searchParams.get('sslpassword')
    if (sslpassword) secrets.push(sslpassword)
  } catch {
    // an unparseable URL is refused by the settings parser; the whole text is registered above
  }
  return secrets.filter((s) => s.length > 0)
}

/**
 * The URL as URL parsers (Prisma's too) will read it, refused when they would read it other than it is written:
 * checked on the text before any part of it is shown, since a password with an unencoded `/`, `?` or `#` makes
 * every parser read the rest of it as host, port, path or query, and a target named from such parts would print
 * pieces of the password.
 */
function checkedUrl(text: string, inputName: string): URL {
  const { afterAuthority, pathSegments } = rawParts(text)
  if (text.includes('#'))
    throw new InputError(
      inputName,
      "contains `#`: URL parsers, Prisma's too, ignore everything after it, so part of the password or of the URL would be lost.",
      ENCODE_HINT
    )
  if (afterAuthority.includes('@'))
    throw new InputError(
      inputName,
      "has an `@` after the host: the password (or user name) probably contains an unencoded `/`, `?` or `#`, so URL parsers, Prisma's too, would read part of it as the host, port, database or parameters.",
      `${ENCODE_HINT} An \`@\` in a parameter value is written %40.`
    )
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError(
      inputName,
      'is not a valid URL.',
      'Use the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE?schema=public (percent-encode special characters in the password).'
    )
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new InputError(
      inputName,
      `has the scheme "${url.protocol.replace(/:$/, '')}", but this action needs a PostgreSQL URL.`,
      'It must start with postgresql:// or postgres:// (Prisma Accelerate and prisma+postgres:// URLs cannot run migrations or pg_dump).'
    )
  }
  const dotSegment = pathSegments.find((segment) => ['.', '..'].includes(segment.replace(/%2e/gi, '.')))
  if (dotSegment !== undefined)
    throw new InputError(
      inputName,
      `has the path segment "${dotSegment}", which URL parsers (Prisma's too) remove as a relative path step, so the database would not be the one named there.`,
      'Name the database as the only path segment, e.g. postgresql://USER:PASSWORD@HOST:5432/app. A database whose name is "." or ".." cannot be reached through a URL.'
    )
  return url
}

/** `connect_timeout`: whole seconds, Prisma's default 5, 0 = none. */
function connectTimeoutOf(params: URLSearchParams, inputName: string): number {
  const connectTimeout = params.get('connect_timeout')
  if (connectTimeout === null) return 5
  const seconds = Number(connectTimeout)
  if (!Number.isInteger(seconds) || seconds < 0)
    throw new InputError(
      inputName,
      `has connect_timeout=${connectTimeout}; it must be a whole number of seconds (0 = none).`
    )
  return seconds
}

export function parseDatabaseUrl(raw: string, inputName = INPUT): ConnectionSettings {
  const url = checkedUrl(raw.trim(), inputName)
  const params = url.searchParams
  // quaint: the host as the URL writes it (not decoded), unless `host=` names it.
  const host = params.get('host') ?? url.hostname.replace(/^\[(.*)\]$/, '$1')
  if (!host) throw new InputError(inputName, 'has no host.', 'Add the host name after "@".')
  const user = percentDecodeLikePrisma(url.username) || 'postgres'
  // quaint: the first path segment, as the URL writes it (not decoded); no path at all means `postgres`, an empty
  // segment (`.../`) an empty name, for which the server takes the user name.
  const database = url.pathname === '' ? 'postgres' : url.pathname.slice(1).split('/')[0] || user
  const port = url.port ? Number(url.port) : 5432
  const schemaParam = params.get('schema') ?? undefined
  const sslmodeParam = (params.get('sslmode') ?? 'prefer').toLowerCase()
  // quaint: disable / prefer / require; anything else (verify-full, verify-ca, allow) silently becomes prefer.
  const sslmode = sslmodeParam === 'disable' ? 'disable' : sslmodeParam === 'require' ? 'require' : 'prefer'
  // quaint: `accept_invalid_certs` is the default; any other value than that means strict.
  const sslaccept = params.get('sslaccept')
  const connectTimeoutSec = connectTimeoutOf(params, inputName)
  return {
    host,
    port,
    user,
    password: percentDecodeLikePrisma(url.password),
    database,
    schema: schemaParam,
    defaultSchema: schemaParam ?? 'public',
    sslmode,
    sslAcceptInvalidCerts: sslaccept === null || sslaccept === 'accept_invalid_certs',
    sslCaPath: params.get('sslcert') ?? undefined,
    sslIdentityPath: params.get('sslidentity') ?? undefined,
    sslPassword: params.get('sslpassword') ?? undefined,
    connectTimeoutSec,
    applicationName: params.get('application_name') ?? undefined,
    options: params.get('options') ?? undefined,
    pgbouncer: params.get('pgbouncer') === 'true'
  }
}

/** The URL with its password replaced, for logs and reports. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw.trim())
    if (url.password) url.password = '***'
    for (const key of ['sslpassword', 'password'])
      if (url.searchParams.has(key)) url.searchParams.set(key, '***')
    return url.toString()
  } catch {
    return '<unparseable database URL>'
  }
}

/** A short, secret-free name of the target for reports: host:port/database (schema). */
export function describeTarget(settings: ConnectionSettings): string {
  const schema = settings.schema ? ` (schema ${settings.schema})` : ''
  return `${settings.host}:${settings.port}/${settings.database}${schema}`
}

function tlsOptions(settings: ConnectionSettings, baseDir: string): ConnectionOptions | false {
  if (settings.sslmode === 'disable') return false
  const tls: ConnectionOptions = { rejectUnauthorized: !settings.sslAcceptInvalidCerts }
  const read = (path: string, what: string): Buffer => {
    const full = isAbsolute(path) ? path : resolve(baseDir, path)
    try {
      return readFileSync(full)
    } catch {
      throw new InputError(
        INPUT,
        `names ${what} file "${path}" that cannot be read.`,
        `Check the path (relative paths are resolved against ${baseDir}).`
      )
    }
  }
  if (settings.sslCaPath) tls.ca = read(settings.sslCaPath, 'the sslcert (server CA)')
  if (settings.sslIdentityPath) {
    tls.pfx = read(settings.sslIdentityPath, 'the sslidentity')
    if (settings.sslPassword) tls.passphrase = settings.sslPassword
  }
  // With strict verification pg would also check the host name, as Prisma does.
  return tls
}

/**
 * Options for `pg.Client`, built field by field so that pg never reads the raw URL, PG* variables or
 * ~/.pgpass and so behaves like Prisma. `prefer` is attempted with TLS first, then without (see connect.ts).
 */
export function toPgConfig(
  settings: ConnectionSettings,
  baseDir: string,
  useTls: boolean,
  extras: { options?: string; applicationName?: string } = {}
): ClientConfig {
  const config: ClientConfig = {
    host: settings.host,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    database: settings.database,
    connectionTimeoutMillis: settings.connectTimeoutSec * 1000,
    keepAlive: true,
    application_name: extras.applicationName ?? settings.applicationName ?? 'prisma-postgres-ops-action',
    ssl: useTls ? tlsOptions(settings, baseDir) : false
  }
  // Later `-c` settings win: the session's own (lock_timeout...) override the same names in the URL's options.
  const options = [settings.options, extras.options].filter(Boolean).join(' ')
  if (options) config.options = options
  return config
}

/**
 * libpq environment for pg_dump/pg_restore/psql children: every field explicit, the password only in
 * PGPASSWORD (never argv). TLS mirrors Prisma's meaning of the URL as closely as libpq allows.
 */
export function toLibpqEnv(settings: ConnectionSettings, baseDir: string): Record<string, string> {
  const env: Record<string, string> = {
    PGHOST: settings.host,
    PGPORT: String(settings.port),
    PGUSER: settings.user,
    PGDATABASE: settings.database,
    PGCONNECT_TIMEOUT: String(settings.connectTimeoutSec || 0),
    PGAPPNAME: settings.applicationName ?? 'prisma-postgres-ops-action'
  }
  if (settings.password) env.PGPASSWORD = settings.password
  if (settings.sslmode === 'disable') env.PGSSLMODE = 'disable'
  else if (!settings.sslAcceptInvalidCerts && settings.sslCaPath) {
    env.PGSSLMODE = 'verify-full'
    env.PGSSLROOTCERT = isAbsolute(settings.sslCaPath)
      ? settings.sslCaPath
      : resolve(baseDir, settings.sslCaPath)
  } else env.PGSSLMODE = settings.sslmode
  if (settings.options) env.PGOPTIONS = settings.options
  return env
}

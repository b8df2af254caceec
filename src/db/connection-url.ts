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

export function parseDatabaseUrl(raw: string, inputName = INPUT): ConnectionSettings {
  const text = raw.trim()
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
  const params = url.searchParams
  const decode = (value: string, what: string): string => {
    try {
      return decodeURIComponent(value)
    } catch {
      throw new InputError(
        inputName,
        `has a ${what} with invalid percent-encoding.`,
        'Percent-encode it with encodeURIComponent.'
      )
    }
  }
  const host = params.get('host') ?? decode(url.hostname.replace(/^\[(.*)\]$/, '$1'), 'host')
  if (!host) throw new InputError(inputName, 'has no host.', 'Add the host name after "@".')
  const port = url.port ? Number(url.port) : 5432
  const database = decode(url.pathname.replace(/^\//, ''), 'database name') || 'postgres'
  const schemaParam = params.get('schema') ?? undefined
  const sslmodeParam = (params.get('sslmode') ?? 'prefer').toLowerCase()
  // quaint: disable / prefer / require; anything else (verify-full, verify-ca, allow) silently becomes prefer.
  const sslmode = sslmodeParam === 'disable' ? 'disable' : sslmodeParam === 'require' ? 'require' : 'prefer'
  // quaint: `accept_invalid_certs` is the default; any other value than that means strict.
  const sslaccept = params.get('sslaccept')
  const connectTimeout = params.get('connect_timeout')
  let connectTimeoutSec = 5
  if (connectTimeout !== null) {
    connectTimeoutSec = Number(connectTimeout)
    if (!Number.isInteger(connectTimeoutSec) || connectTimeoutSec < 0) {
      throw new InputError(
        inputName,
        `has connect_timeout=${connectTimeout}; it must be a whole number of seconds (0 = none).`
      )
    }
  }
  return {
    host,
    port,
    user: decode(url.username, 'user name') || 'postgres',
    password: decode(url.password, 'password'),
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

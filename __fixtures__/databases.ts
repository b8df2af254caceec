/** Per-test databases on the suite's server (started by global-setup.ts or given by TEST_DATABASE_URL). */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url)
    throw new Error(
      'TEST_DATABASE_URL is not set: run the tests through jest (global setup starts a cluster)'
    )
  return url
}

/** The password of the test server, as the tests must look for it in every output. */
export function serverPassword(): string {
  return process.env.TEST_DATABASE_PASSWORD ?? decodeURIComponent(new URL(serverUrl()).password)
}

export function urlFor(database: string, params = ''): string {
  const url = new URL(serverUrl())
  url.pathname = `/${database}`
  url.search = params
  return url.toString()
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
  database?: string
): Promise<T[]> {
  const client = new pg.Client({ connectionString: database ? urlFor(database) : serverUrl() })
  await client.connect()
  try {
    return (await client.query<T>(sql, values)).rows
  } finally {
    await client.end()
  }
}

/** Creates an empty database with a unique name and returns its name and URL. */
export async function createTestDatabase(prefix = 't'): Promise<{ name: string; url: string }> {
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`
  await adminQuery(`CREATE DATABASE "${name}"`)
  return { name, url: urlFor(name) }
}

export async function dropTestDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
}

/** Runs SQL on one test database (simple protocol when no values are given, so multi-statement scripts work). */
export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(
  database: string,
  sql: string,
  values?: unknown[]
): Promise<T[]> {
  return adminQuery<T>(sql, values ?? [], database)
}

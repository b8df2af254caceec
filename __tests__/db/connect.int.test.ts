import { describe, expect, it } from '@jest/globals'
import { connect } from '../../src/db/connect.js'
import { parseDatabaseUrl } from '../../src/db/connection-url.js'
import { adminQuery, createTestDatabase, serverUrl, urlFor } from '../../__fixtures__/databases.js'

const opts = { baseDir: process.cwd(), ensureSchema: true, attempts: 1 }

describe('connect (real Postgres)', () => {
  it('connects with a Prisma URL, sets search_path and creates the ?schema= schema like Prisma', async () => {
    const db = await createTestDatabase('conn')
    const session = await connect(parseDatabaseUrl(`${db.url}?schema=tenant_a&sslmode=prefer`), opts)
    try {
      expect(session.serverVersionNum).toBeGreaterThan(100000)
      // Sent as a startup option, quoted as Prisma's native engine sends it: SHOW keeps the quotes.
      const { rows } = await session.client.query<{ search_path: string; schema: string; path: string[] }>(
        'SELECT current_setting($1) AS search_path, current_schema() AS schema, current_schemas(false)::text[] AS path',
        ['search_path']
      )
      expect(rows[0]).toEqual({ search_path: '"tenant_a"', schema: 'tenant_a', path: ['tenant_a'] })
      const ns = await adminQuery(`SELECT 1 FROM pg_namespace WHERE nspname = 'tenant_a'`, [], db.name)
      expect(ns).toHaveLength(1)
    } finally {
      await session.close()
    }
  })

  it('reports a wrong password as P1000 without the password', async () => {
    const url = new URL(serverUrl())
    url.password = 'definitely-wrong-pw'
    const error = await connect(parseDatabaseUrl(url.toString()), opts).catch(
      (e: unknown) => e as Error & { code?: string }
    )
    expect(error).toMatchObject({ code: 'P1000' })
    expect((error as Error).message).not.toContain('definitely-wrong-pw')
  })

  it('reports a missing database as P1003', async () => {
    const error = await connect(parseDatabaseUrl(urlFor('no_such_db_xyz')), opts).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'P1003' })
    expect((error as Error).message).toContain('no_such_db_xyz')
  })

  it('reports a closed port as P1001 after retrying', async () => {
    const error = await connect(parseDatabaseUrl('postgresql://u:p@127.0.0.1:1/db'), {
      ...opts,
      attempts: 2,
      baseDelayMs: 10
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'P1001' })
    expect((error as Error).message).toContain('127.0.0.1:1')
  })

  it('explains that *.railway.internal is unreachable from hosted runners', async () => {
    const error = await connect(
      parseDatabaseUrl('postgresql://u:p@postgres-og9n.railway.internal:5432/railway'),
      { ...opts, attempts: 1 }
    ).catch((e: unknown) => e as { hint?: string; code?: string })
    expect(error).toMatchObject({ code: 'P1001' })
    expect((error as { hint: string }).hint).toContain('DATABASE_PUBLIC_URL')
  })
})

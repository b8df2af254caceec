import { describe, expect, it } from '@jest/globals'
import { parseDatabaseUrl, redactUrl, toLibpqEnv, toPgConfig } from '../../src/db/connection-url.js'
import { InputError } from '../../src/errors.js'

describe('parseDatabaseUrl (Prisma/quaint semantics)', () => {
  it('reads every field and decodes the user and password', () => {
    const s = parseDatabaseUrl(
      'postgresql://post%40gres:p%40ss%2Fw@caboose.proxy.rlwy.net:55777/railway?schema=plaid&connect_timeout=12&application_name=ci'
    )
    expect(s).toMatchObject({
      host: 'caboose.proxy.rlwy.net',
      port: 55777,
      user: 'post@gres',
      password: 'p@ss/w',
      database: 'railway',
      schema: 'plaid',
      defaultSchema: 'plaid',
      connectTimeoutSec: 12,
      applicationName: 'ci'
    })
  })

  it('defaults like Prisma: port 5432, schema public, sslmode prefer, accept invalid certs, 5 s timeout', () => {
    const s = parseDatabaseUrl('postgres://u@db.example.com/app')
    expect(s).toMatchObject({
      port: 5432,
      schema: undefined,
      defaultSchema: 'public',
      sslmode: 'prefer',
      sslAcceptInvalidCerts: true,
      connectTimeoutSec: 5
    })
  })

  it.each([
    ['disable', 'disable'],
    ['prefer', 'prefer'],
    ['require', 'require'],
    ['verify-full', 'prefer'],
    ['verify-ca', 'prefer'],
    ['allow', 'prefer']
  ])('sslmode=%s is %s (unknown values fall back to prefer, as in quaint)', (given, expected) => {
    expect(parseDatabaseUrl(`postgresql://u:p@h/db?sslmode=${given}`).sslmode).toBe(expected)
  })

  it('sslaccept=strict verifies; anything but accept_invalid_certs is strict', () => {
    expect(parseDatabaseUrl('postgresql://u:p@h/db?sslaccept=strict').sslAcceptInvalidCerts).toBe(false)
    expect(parseDatabaseUrl('postgresql://u:p@h/db?sslaccept=bogus').sslAcceptInvalidCerts).toBe(false)
    expect(
      parseDatabaseUrl('postgresql://u:p@h/db?sslaccept=accept_invalid_certs').sslAcceptInvalidCerts
    ).toBe(true)
  })

  it('builds pg options field by field: sslmode=require encrypts without verifying', () => {
    const config = toPgConfig(parseDatabaseUrl('postgresql://u:p@h:1/db?sslmode=require'), '/', true)
    expect(config).toMatchObject({
      host: 'h',
      port: 1,
      user: 'u',
      password: 'p',
      database: 'db',
      ssl: { rejectUnauthorized: false }
    })
    expect(config).not.toHaveProperty('connectionString')
    expect(toPgConfig(parseDatabaseUrl('postgresql://u:p@h/db?sslmode=disable'), '/', true).ssl).toBe(false)
  })

  it('passes the password to libpq children in PGPASSWORD only', () => {
    const env = toLibpqEnv(parseDatabaseUrl('postgresql://u:s3cret@h:6/db?sslmode=require'), '/')
    expect(env).toMatchObject({
      PGHOST: 'h',
      PGPORT: '6',
      PGUSER: 'u',
      PGDATABASE: 'db',
      PGPASSWORD: 's3cret',
      PGSSLMODE: 'require'
    })
  })

  it.each([
    ['not a url', 'is not a valid URL'],
    ['mysql://u:p@h/db', 'needs a PostgreSQL URL'],
    ['prisma://accelerate.prisma-data.net/?api_key=x', 'needs a PostgreSQL URL'],
    ['postgresql://u:p@h/db?connect_timeout=soon', 'connect_timeout=soon']
  ])('rejects %s with an error naming the input', (url, message) => {
    let error: unknown
    try {
      parseDatabaseUrl(url)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toContain('`database-url`')
    expect((error as Error).message).toContain(message)
  })

  it('redacts the password and keeps the rest', () => {
    expect(redactUrl('postgresql://u:hunter2@h:5/db?schema=x')).toBe('postgresql://u:***@h:5/db?schema=x')
    expect(redactUrl('garbage')).not.toContain('garbage')
  })
})

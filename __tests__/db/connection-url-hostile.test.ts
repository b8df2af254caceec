/**
 * Database URLs a bad day (or an attacker) produces: passwords with unencoded delimiters, dot segments and
 * percent-encoding in the path. Each either parses as Prisma's quaint (Rust `url`, WHATWG) parses it or is refused
 * with an error that shows no piece of the password.
 */
import { describe, expect, it } from '@jest/globals'
import {
  describeTarget,
  parseDatabaseUrl,
  percentDecodeLikePrisma,
  secretsOfDatabaseUrl
} from '../../src/db/connection-url.js'
import { InputError } from '../../src/errors.js'

function refusal(url: string): InputError {
  try {
    parseDatabaseUrl(url)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`accepted: ${url}`)
}

/** The pieces of a password between the characters a URL treats specially, 3 characters or more. */
function fragments(password: string): string[] {
  return password.split(/[@/?#:%]/).filter((piece) => piece.length >= 3)
}

describe('a password with unencoded URL delimiters', () => {
  const PASSWORD = 'Sup3rS3cret@Hunter2/Tail9#Frag7?Q8x:Z9z'

  it.each([
    ['/', 'Alpha1/Bravo2'],
    ['/ with a numeric start (WHATWG reads a port)', '5432/Bravo2'],
    ['?', 'Alpha1?Bravo2'],
    ['? with a numeric start', '5432?Bravo2'],
    ['#', 'Alpha1#Bravo2'],
    ['# with a numeric start', '5432#Bravo2'],
    ['all of them', PASSWORD]
  ])('%s: refused, naming the input, showing no piece of it', (_name, password) => {
    const url = `postgresql://app:${password}@db.example.com:5432/app`
    const error = refusal(url)
    const text = `${error.message}\n${error.hint ?? ''}`
    expect(text).toContain('`database-url`')
    expect(text).toMatch(/percent-encode/i)
    for (const piece of [password, ...fragments(password)]) expect(text).not.toContain(piece)
    // registered as a secret before the refusal, in the form Prisma would have read
    expect(secretsOfDatabaseUrl(url)).toContain(password)
  })

  it('a password of numbers before a "/" would otherwise have become the host and port', () => {
    // WHATWG: host "app", port 5432, database "Bravo2@db.example.com:5432"
    expect(refusal('postgresql://app:5432/Bravo2@db.example.com:5432/app').message).toContain(
      'after the host'
    )
  })

  it.each([
    ['an unencoded @', 'p@ss@word1', 'p@ss@word1'],
    ['an unencoded :', 'pa:ss:w0rd', 'pa:ss:w0rd'],
    ['percent-encoded delimiters', encodeURIComponent(PASSWORD), PASSWORD],
    ['a % that starts no escape (quaint keeps it)', '100%zz', '100%zz'],
    ['a valid escape next to an invalid one', '%41%zz', 'A%zz'],
    ['an escape that is not UTF-8 (quaint keeps the text)', 'p%ffq', 'p%ffq']
  ])('%s: parsed as Prisma parses it', (_name, written, password) => {
    const settings = parseDatabaseUrl(`postgresql://app:${written}@db.example.com:6543/app`)
    expect(settings).toMatchObject({
      host: 'db.example.com',
      port: 6543,
      user: 'app',
      database: 'app',
      password
    })
    expect(describeTarget(settings)).toBe('db.example.com:6543/app')
    for (const piece of fragments(password)) expect(describeTarget(settings)).not.toContain(piece)
  })

  it('an @ in a parameter value must be written %40', () => {
    expect(refusal('postgresql://app:pw@h/app?application_name=ci@github').hint).toContain('%40')
    expect(parseDatabaseUrl('postgresql://app:pw@h/app?application_name=ci%40github').applicationName).toBe(
      'ci@github'
    )
  })
})

describe('the database name, read from the path as quaint reads it', () => {
  it.each(['/..', '/.', '/%2e%2e', '/%2E%2e', '/.%2E', '/%2e', '/app/..', '/./app', '/.\t.', '/..?schema=x'])(
    '%s is refused: URL parsers remove dot segments and would connect elsewhere',
    (path) => {
      const error = refusal(`postgresql://app:pw@db.example.com:5432${path}`)
      expect(error.message).toContain('`database-url`')
      expect(error.message).toContain('path segment')
    }
  )

  it.each([
    ['postgresql://app:pw@h:5432/railway', 'railway'],
    ['postgresql://app:pw@h:5432', 'postgres'],
    ['postgresql://app:pw@h:5432?schema=x', 'postgres'],
    ['postgresql://app:pw@h:5432/', 'app'],
    ['postgresql://app:pw@h:5432/?schema=x', 'app'],
    ['postgresql://app:pw@h:5432/first/second', 'first'],
    ['postgresql://app:pw@h:5432/%2F', '%2F'],
    ['postgresql://app:pw@h:5432/my%20db', 'my%20db'],
    ['postgresql://app:pw@h:5432/my db', 'my%20db']
  ])('%s connects to %s', (url, database) => {
    expect(parseDatabaseUrl(url).database).toBe(database)
  })

  it('keeps the host as written, like quaint (a socket directory comes from ?host=)', () => {
    expect(parseDatabaseUrl('postgresql://app:pw@my%2Dhost/db').host).toBe('my%2Dhost')
    expect(parseDatabaseUrl('postgresql://app:pw@[::1]:5/db').host).toBe('::1')
    expect(parseDatabaseUrl('postgresql://app:pw@h/db?host=%2Fvar%2Frun%2Fpostgresql').host).toBe(
      '/var/run/postgresql'
    )
  })
})

describe('percentDecodeLikePrisma', () => {
  it('decodes valid escapes, keeps the rest, falls back on non-UTF-8', () => {
    expect(percentDecodeLikePrisma('a%20b%2fc')).toBe('a b/c')
    expect(percentDecodeLikePrisma('%E2%82%AC')).toBe('€')
    expect(percentDecodeLikePrisma('50%')).toBe('50%')
    expect(percentDecodeLikePrisma('%e2%82')).toBe('%e2%82')
  })
})

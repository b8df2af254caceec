import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ActionError, InputError } from '../../src/errors.js'
import { migrationChecksum } from '../../src/migrate/checksum.js'
import { lockfileProvider } from '../../src/migrate/lockfile.js'
import {
  checkLockfile,
  readMigrationsFolder,
  resolveMigrationsDir
} from '../../src/migrate/migrations-dir.js'
import { findExternalTables, findMigrationsPath, stripComments } from '../../src/migrate/prisma-config.js'
import { LOCKFILE, makeMigrationsDir, removeTempDirs } from './helpers.js'

const scratch: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mdir-'))
  scratch.push(dir)
  return dir
}

afterAll(() => {
  removeTempDirs()
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

describe('readMigrationsFolder (Prisma listMigrations.ts rules)', () => {
  it('orders with localeCompare, as the CLI does (underscore before digits, case-insensitive)', async () => {
    const dir = makeMigrationsDir({
      '20240101000000_B': '',
      '20240101_init': '',
      '20240101000000_a': '',
      '2024010100_x': ''
    })
    const folder = await readMigrationsFolder(dir)
    expect(folder.migrations.map((m) => m.name)).toEqual([
      '20240101_init',
      '2024010100_x',
      '20240101000000_a',
      '20240101000000_B'
    ])
  })

  it('keeps directories only: files and symlinks are ignored, hidden directories count', async () => {
    const dir = makeMigrationsDir({ '20240101000000_init': 'SELECT 1;\n', '.hidden': 'SELECT 2;\n' })
    writeFileSync(join(dir, 'README.md'), 'not a migration')
    symlinkSync(join(dir, '20240101000000_init'), join(dir, '20240102000000_link'))
    const folder = await readMigrationsFolder(dir)
    expect(folder.migrations.map((m) => m.name)).toEqual(['.hidden', '20240101000000_init'])
    expect(folder.exists).toBe(true)
    expect(folder.lockfile.content).toBe(LOCKFILE)
  })

  it('reads migration.sql as UTF-8 with its checksum; a directory without it is kept with the read error', async () => {
    const dir = makeMigrationsDir({ '20240101000000_init': 'SELECT 1;\r\n', '20240102000000_empty': null })
    const [init, empty] = (await readMigrationsFolder(dir)).migrations
    expect(init).toMatchObject({
      script: 'SELECT 1;\r\n',
      checksum: migrationChecksum('SELECT 1;\r\n'),
      sqlPath: join(dir, '20240101000000_init', 'migration.sql')
    })
    expect(empty).toMatchObject({ name: '20240102000000_empty', script: null, checksum: null })
    expect(empty.readError).toContain('ENOENT')
  })

  it('treats a missing folder as an empty history (Prisma does not fail)', async () => {
    const folder = await readMigrationsFolder(join(tempDir(), 'nope'))
    expect(folder).toMatchObject({ exists: false, migrations: [], lockfile: { content: null } })
  })

  it('rejects a path that is a file, naming the input', async () => {
    const file = join(tempDir(), 'migrations')
    writeFileSync(file, '')
    const error = await readMigrationsFolder(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('migrations-dir')
  })
})

describe('migration_lock.toml (literal parser, P3019)', () => {
  it.each([
    [LOCKFILE, 'postgresql'],
    ['provider = "postgresql"\r\n', 'postgresql'],
    ['provider = "mysql"\n', 'mysql'],
    ['provider="postgresql"\n', 'provider="postgresql'],
    ['  provider = "postgresql"\n', '<PROVIDER NOT FOUND>'],
    ['# nothing\n', '<PROVIDER NOT FOUND>']
  ])('%j -> %s', (content, provider) => {
    expect(lockfileProvider(content)).toBe(provider)
  })

  it('accepts postgresql and a missing lock file', async () => {
    expect(() =>
      checkLockfile({
        path: '/x',
        exists: true,
        lockfile: { path: '/x/migration_lock.toml', content: LOCKFILE },
        migrations: []
      })
    ).not.toThrow()
    expect(() =>
      checkLockfile({
        path: '/x',
        exists: true,
        lockfile: { path: '/x/migration_lock.toml', content: null },
        migrations: []
      })
    ).not.toThrow()
  })

  it.each(['provider = "postgres"\n', 'provider = "sqlite"\n', 'provider="postgresql"\n'])(
    'rejects %j with P3019 and Prisma text',
    (content) => {
      let error: unknown
      try {
        checkLockfile({
          path: '/x/migrations',
          exists: true,
          lockfile: { path: '/x/migrations/migration_lock.toml', content },
          migrations: []
        })
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(ActionError)
      expect((error as ActionError).code).toBe('P3019')
      expect((error as ActionError).message).toContain(
        'does not match the one specified in the migration_lock.toml'
      )
      expect((error as ActionError).hint).toContain('provider = "postgresql"')
    }
  )
})

describe('resolveMigrationsDir', () => {
  it('uses the input when given', () => {
    const wd = tempDir()
    expect(resolveMigrationsDir(wd, 'db/migrations')).toEqual({
      path: join(wd, 'db/migrations'),
      reason: 'input `migrations-dir`'
    })
  })

  it('takes a string literal migrations.path from prisma.config.ts, relative to the config file', () => {
    const wd = tempDir()
    writeFileSync(
      join(wd, 'prisma.config.ts'),
      "import { defineConfig } from 'prisma/config'\n// migrations: { path: 'wrong' },\nexport default defineConfig({\n  schema: 'db/schema.prisma',\n  migrations: { seed: 'tsx seed.ts', path: \"db/migrations\" },\n})\n"
    )
    expect(resolveMigrationsDir(wd, undefined)).toEqual({
      path: join(wd, 'db/migrations'),
      reason: 'migrations.path in prisma.config.ts'
    })
  })

  it('never evaluates an expression; falls back to the schema literal and says why', () => {
    const wd = tempDir()
    writeFileSync(
      join(wd, 'prisma.config.mjs'),
      "export default { schema: 'src/db/schema.prisma', migrations: { path: process.env.MIGRATIONS } }\n"
    )
    const found = resolveMigrationsDir(wd, undefined)
    expect(found.path).toBe(join(wd, 'src/db/migrations'))
    expect(found.reason).toContain('prisma.config.mjs')
    expect(found.reason).toContain('not a string literal')
  })

  it('uses the schema folder datasource file for a multi-file schema', () => {
    const wd = tempDir()
    mkdirSync(join(wd, 'schema', 'base'), { recursive: true })
    writeFileSync(join(wd, 'schema', 'models.prisma'), 'model A { id Int @id }\n')
    writeFileSync(join(wd, 'schema', 'base', 'db.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n')
    writeFileSync(join(wd, 'prisma.config.ts'), "export default { schema: 'schema' }\n")
    expect(resolveMigrationsDir(wd, undefined).path).toBe(join(wd, 'schema', 'base', 'migrations'))
  })

  it('uses "prisma.schema" from package.json', () => {
    const wd = tempDir()
    writeFileSync(
      join(wd, 'package.json'),
      JSON.stringify({ name: 'x', prisma: { schema: 'db/schema.prisma' } })
    )
    const found = resolveMigrationsDir(wd, undefined)
    expect(found.path).toBe(join(wd, 'db/migrations'))
    expect(found.reason).toContain('package.json')
  })

  it('uses ./migrations next to a root schema.prisma, else prisma/migrations', () => {
    const withRootSchema = tempDir()
    writeFileSync(join(withRootSchema, 'schema.prisma'), '')
    expect(resolveMigrationsDir(withRootSchema, undefined).path).toBe(join(withRootSchema, 'migrations'))
    const plain = tempDir()
    expect(resolveMigrationsDir(plain, '  ')).toEqual({
      path: join(plain, 'prisma', 'migrations'),
      reason: "Prisma's default prisma/migrations"
    })
  })

  it('reads only literals out of config text', () => {
    expect(findMigrationsPath("migrations: { path: 'a/b' }")).toEqual({ found: 'literal', value: 'a/b' })
    expect(findMigrationsPath('migrations: { path: `a/${x}` }')).toEqual({ found: 'expression' })
    expect(findMigrationsPath("/* migrations: { path: 'a' } */ export default {}")).toEqual({
      found: 'absent'
    })
    expect(stripComments("const u = 'http://x' // c\n")).toBe("const u = 'http://x' \n")
  })
})

describe('Prisma 7 rules (prisma-migrate-compat.md §9.1)', () => {
  const P7 = { prisma7: true }
  const P710 = { prisma7: true, prisma7ConfigNames: true }

  function folderProject(): string {
    const wd = tempDir()
    mkdirSync(join(wd, 'schema', 'base'), { recursive: true })
    writeFileSync(join(wd, 'schema', 'models.prisma'), 'model A { id Int @id }\n')
    writeFileSync(join(wd, 'schema', 'base', 'db.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n')
    writeFileSync(join(wd, 'prisma.config.ts'), "export default { schema: 'schema' }\n")
    return wd
  }

  it('a schema folder: 7.x uses <folder>/migrations, 6.x the datasource file’s directory', () => {
    const wd = folderProject()
    expect(resolveMigrationsDir(wd, undefined, P7)).toEqual({
      path: join(wd, 'schema', 'migrations'),
      reason: 'in the root of the schema schema named in prisma.config.ts (Prisma 7 rule)'
    })
    expect(resolveMigrationsDir(wd, undefined).path).toBe(join(wd, 'schema', 'base', 'migrations'))
  })

  it('a single schema file: the same directory in both', () => {
    const wd = tempDir()
    writeFileSync(join(wd, 'prisma.config.ts'), "export default { schema: 'db/app.prisma' }\n")
    mkdirSync(join(wd, 'db'))
    writeFileSync(join(wd, 'db', 'app.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n')
    expect(resolveMigrationsDir(wd, undefined, P7).path).toBe(join(wd, 'db', 'migrations'))
    expect(resolveMigrationsDir(wd, undefined).path).toBe(join(wd, 'db', 'migrations'))
  })

  it('7.x ignores package.json "prisma.schema" (removed in 7)', () => {
    const wd = tempDir()
    writeFileSync(join(wd, 'package.json'), JSON.stringify({ prisma: { schema: 'db/schema.prisma' } }))
    expect(resolveMigrationsDir(wd, undefined, P7).path).toBe(join(wd, 'prisma', 'migrations'))
    expect(resolveMigrationsDir(wd, undefined).path).toBe(join(wd, 'db', 'migrations'))
  })

  it('7.10 looks for prisma7.config.* and .config/prisma7.* first; earlier versions never read them', () => {
    const wd = tempDir()
    writeFileSync(
      join(wd, 'prisma.config.ts'),
      "export default { migrations: { path: 'legacy/migrations' } }\n"
    )
    mkdirSync(join(wd, '.config'))
    writeFileSync(
      join(wd, '.config', 'prisma7.mts'),
      "export default { migrations: { path: '../v7/migrations' } }\n"
    )
    expect(resolveMigrationsDir(wd, undefined, P710)).toEqual({
      path: join(wd, 'v7', 'migrations'),
      reason: 'migrations.path in .config/prisma7.mts'
    })
    writeFileSync(
      join(wd, 'prisma7.config.ts'),
      "export default { migrations: { path: 'top/migrations' } }\n"
    )
    expect(resolveMigrationsDir(wd, undefined, P710).path).toBe(join(wd, 'top', 'migrations'))
    expect(resolveMigrationsDir(wd, undefined, P7).path).toBe(join(wd, 'legacy', 'migrations'))
  })

  it('tables.external is taken only as a list of string literals', () => {
    expect(
      findExternalTables('defineConfig({ tables: { external: [\'public.users\', "auth.sessions",] } })')
    ).toEqual({
      found: 'literal',
      values: ['public.users', 'auth.sessions']
    })
    expect(findExternalTables('defineConfig({ tables: { external: [] } })')).toEqual({
      found: 'literal',
      values: []
    })
    expect(findExternalTables('defineConfig({ tables: { external: EXTERNAL } })')).toEqual({
      found: 'expression'
    })
    expect(findExternalTables("defineConfig({ tables: { external: ['a.b', process.env.X] } })")).toEqual({
      found: 'expression'
    })
    expect(findExternalTables("// tables: { external: ['a.b'] }\ndefineConfig({})")).toEqual({
      found: 'absent'
    })
  })
})

import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ActionError, InputError } from '../../src/errors.js'
import { migrationChecksum } from '../../src/migrate/checksum.js'
import { lockfileProvider } from '../../src/migrate/lockfile.js'
import {
  MAX_MIGRATION_SQL_BYTES,
  checkLockfile,
  readMigrationsFolder,
  resolveMigrationsDir
} from '../../src/migrate/migrations-dir.js'
import { findExternalTables, findMigrationsPath, stripComments } from '../../src/migrate/prisma-config.js'
import { RepoFileError, RepositoryFiles } from '../../src/util/repo-files.js'
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
    const folder = await readMigrationsFolder(dir, new RepositoryFiles(dir))
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
    const folder = await readMigrationsFolder(dir, new RepositoryFiles(dir))
    expect(folder.migrations.map((m) => m.name)).toEqual(['.hidden', '20240101000000_init'])
    expect(folder.skippedLinks).toEqual(['20240102000000_link'])
    expect(folder.exists).toBe(true)
    expect(folder.lockfile.content).toBe(LOCKFILE)
  })

  it('reads migration.sql as UTF-8 with its checksum; a directory without it is kept with the read error', async () => {
    const dir = makeMigrationsDir({ '20240101000000_init': 'SELECT 1;\r\n', '20240102000000_empty': null })
    const [init, empty] = (await readMigrationsFolder(dir, new RepositoryFiles(dir))).migrations
    expect(init).toMatchObject({
      script: 'SELECT 1;\r\n',
      checksum: migrationChecksum('SELECT 1;\r\n'),
      sqlPath: join(dir, '20240101000000_init', 'migration.sql')
    })
    expect(empty).toMatchObject({ name: '20240102000000_empty', script: null, checksum: null })
    expect(empty.readError).toContain('ENOENT')
  })

  it('treats a missing folder as an empty history (Prisma does not fail)', async () => {
    const folder = await readMigrationsFolder(join(tempDir(), 'nope'), new RepositoryFiles(tmpdir()))
    expect(folder).toMatchObject({ exists: false, migrations: [], lockfile: { content: null } })
  })

  it('rejects a path that is a file, naming the input', async () => {
    const file = join(tempDir(), 'migrations')
    writeFileSync(file, '')
    const error = await readMigrationsFolder(file, new RepositoryFiles(file)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('migrations-dir')
  })
})

describe('readMigrationsFolder: files are data (src/util/repo-files.ts)', () => {
  const SECRET = 'ghs_MigrationsDirSecret0123456789'
  function secretFile(): string {
    const file = join(tempDir(), 'environ')
    writeFileSync(file, `GITHUB_TOKEN=${SECRET}\n`)
    return file
  }
  const refusalOf = async (dir: string): Promise<RepoFileError> => {
    const error = await readMigrationsFolder(dir, new RepositoryFiles(dir)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RepoFileError)
    expect((error as RepoFileError).message).not.toContain(SECRET)
    return error as RepoFileError
  }

  it('refuses a migration.sql that is a link, naming it, without reading what it points at', async () => {
    const dir = makeMigrationsDir({ '20240101000000_init': 'SELECT 1;\n' })
    mkdirSync(join(dir, '20240102000000_evil'))
    symlinkSync(secretFile(), join(dir, '20240102000000_evil', 'migration.sql'))
    const error = await refusalOf(dir)
    expect(error.file).toBe('20240102000000_evil/migration.sql')
    expect(error.message).toContain('is a symbolic link')
  })

  it('refuses a linked migration_lock.toml', async () => {
    const dir = makeMigrationsDir({ '20240101000000_init': 'SELECT 1;\n' }, null)
    symlinkSync(secretFile(), join(dir, 'migration_lock.toml'))
    expect((await refusalOf(dir)).file).toBe('migration_lock.toml')
  })

  it('refuses a migration.sql that is a FIFO without blocking', async () => {
    const dir = makeMigrationsDir({ '20240101000000_init': null })
    execFileSync('mkfifo', [join(dir, '20240101000000_init', 'migration.sql')])
    expect((await refusalOf(dir)).message).toContain('named pipe (FIFO)')
  })

  it('refuses a NUL byte, naming the file and the line, since Postgres and the parser stop reading there', async () => {
    const dir = makeMigrationsDir({
      '20240101000000_init': 'CREATE TABLE "a" ("id" INT);\n-- hidden:\nSELECT 1;\u0000\nDROP TABLE "a";\n'
    })
    const error = await refusalOf(dir)
    expect(error.message).toContain('20240101000000_init/migration.sql line 3 contains a NUL byte')
    expect(error.message).not.toContain('DROP TABLE')
  })

  it(`refuses a migration.sql over ${MAX_MIGRATION_SQL_BYTES / 1024 / 1024} MiB, and reads one of exactly that size`, async () => {
    const dir = makeMigrationsDir({ '20240101000000_init': '-'.repeat(MAX_MIGRATION_SQL_BYTES) })
    const folder = await readMigrationsFolder(dir, new RepositoryFiles(dir))
    expect(folder.migrations[0].script).toHaveLength(MAX_MIGRATION_SQL_BYTES)
    writeFileSync(join(dir, '20240101000000_init', 'migration.sql'), '-'.repeat(MAX_MIGRATION_SQL_BYTES + 1))
    expect((await refusalOf(dir)).message).toContain('is larger than 8 MiB')
  })

  it('refuses a migrations folder reached through a link, or outside the root', async () => {
    const dir = makeMigrationsDir({ '20240101000000_init': 'SELECT 1;\n' })
    const ws = tempDir()
    symlinkSync(dir, join(ws, 'migrations'))
    const files = new RepositoryFiles(ws)
    await expect(readMigrationsFolder(join(ws, 'migrations'), files)).rejects.toThrow('is a symbolic link')
    await expect(readMigrationsFolder(dir, files)).rejects.toThrow('is outside the workspace')
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
    expect(resolveMigrationsDir(wd, 'db/migrations', new RepositoryFiles(wd))).toEqual({
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
    expect(resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd))).toEqual({
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
    const found = resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd))
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
    expect(resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd)).path).toBe(
      join(wd, 'schema', 'base', 'migrations')
    )
  })

  it('uses "prisma.schema" from package.json', () => {
    const wd = tempDir()
    writeFileSync(
      join(wd, 'package.json'),
      JSON.stringify({ name: 'x', prisma: { schema: 'db/schema.prisma' } })
    )
    const found = resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd))
    expect(found.path).toBe(join(wd, 'db/migrations'))
    expect(found.reason).toContain('package.json')
  })

  it('uses ./migrations next to a root schema.prisma, else prisma/migrations', () => {
    const withRootSchema = tempDir()
    writeFileSync(join(withRootSchema, 'schema.prisma'), '')
    expect(resolveMigrationsDir(withRootSchema, undefined, new RepositoryFiles(withRootSchema)).path).toBe(
      join(withRootSchema, 'migrations')
    )
    const plain = tempDir()
    expect(resolveMigrationsDir(plain, '  ', new RepositoryFiles(plain))).toEqual({
      path: join(plain, 'prisma', 'migrations'),
      reason: "Prisma's default prisma/migrations"
    })
  })

  describe('refuses what the config leads to when it is not a regular file in the workspace', () => {
    it.each([
      ['prisma.config.ts', (wd: string) => symlinkSync(join(wd, 'real.ts'), join(wd, 'prisma.config.ts'))],
      ['package.json', (wd: string) => symlinkSync(join(wd, 'real.ts'), join(wd, 'package.json'))],
      ['schema.prisma', (wd: string) => symlinkSync(join(wd, 'real.ts'), join(wd, 'schema.prisma'))],
      ['.config (a linked folder)', (wd: string) => symlinkSync(tmpdir(), join(wd, '.config'))]
    ])('a linked %s', (_name, plant) => {
      const wd = tempDir()
      writeFileSync(join(wd, 'real.ts'), "export default { migrations: { path: 'db' } }\n")
      plant(wd)
      expect(() => resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd))).toThrow(/is a symbolic link/)
    })

    it('a schema or migrations path outside the workspace, saying where it came from', () => {
      const wd = tempDir()
      writeFileSync(join(wd, 'prisma.config.ts'), "export default { schema: '../../etc/schema.prisma' }\n")
      let error: unknown
      try {
        resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd))
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(RepoFileError)
      expect((error as RepoFileError).message).toContain('is outside the workspace')
      expect((error as RepoFileError).message).toContain('named in prisma.config.ts')
      expect((error as RepoFileError).hint).toContain('set `migrations-dir`')
      writeFileSync(join(wd, 'prisma.config.ts'), "export default { migrations: { path: '/proc/self' } }\n")
      expect(() => resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd))).toThrow(
        'is outside the workspace'
      )
    })

    it('a linked file inside a schema folder', () => {
      const wd = tempDir()
      mkdirSync(join(wd, 'schema'))
      writeFileSync(join(wd, 'schema', 'models.prisma'), 'model A { id Int @id }\n')
      symlinkSync(join(wd, 'schema', 'models.prisma'), join(wd, 'schema', 'db.prisma'))
      writeFileSync(join(wd, 'prisma.config.ts'), "export default { schema: 'schema' }\n")
      expect(() => resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd))).toThrow(
        'schema/db.prisma is a symbolic link'
      )
    })

    it('the migrations-dir input, named in the error', () => {
      const wd = tempDir()
      const error = (() => {
        try {
          resolveMigrationsDir(wd, '../elsewhere', new RepositoryFiles(wd))
        } catch (e) {
          return e as RepoFileError
        }
      })()
      expect(error?.input).toBe('migrations-dir')
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
    expect(resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd), P7)).toEqual({
      path: join(wd, 'schema', 'migrations'),
      reason: 'in the root of the schema schema named in prisma.config.ts (Prisma 7 rule)'
    })
    expect(resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd)).path).toBe(
      join(wd, 'schema', 'base', 'migrations')
    )
  })

  it('a single schema file: the same directory in both', () => {
    const wd = tempDir()
    writeFileSync(join(wd, 'prisma.config.ts'), "export default { schema: 'db/app.prisma' }\n")
    mkdirSync(join(wd, 'db'))
    writeFileSync(join(wd, 'db', 'app.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n')
    expect(resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd), P7).path).toBe(
      join(wd, 'db', 'migrations')
    )
    expect(resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd)).path).toBe(
      join(wd, 'db', 'migrations')
    )
  })

  it('7.x ignores package.json "prisma.schema" (removed in 7)', () => {
    const wd = tempDir()
    writeFileSync(join(wd, 'package.json'), JSON.stringify({ prisma: { schema: 'db/schema.prisma' } }))
    expect(resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd), P7).path).toBe(
      join(wd, 'prisma', 'migrations')
    )
    expect(resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd)).path).toBe(
      join(wd, 'db', 'migrations')
    )
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
    expect(resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd), P710)).toEqual({
      path: join(wd, 'v7', 'migrations'),
      reason: 'migrations.path in .config/prisma7.mts'
    })
    writeFileSync(
      join(wd, 'prisma7.config.ts'),
      "export default { migrations: { path: 'top/migrations' } }\n"
    )
    expect(resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd), P710).path).toBe(
      join(wd, 'top', 'migrations')
    )
    expect(resolveMigrationsDir(wd, undefined, new RepositoryFiles(wd), P7).path).toBe(
      join(wd, 'legacy', 'migrations')
    )
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

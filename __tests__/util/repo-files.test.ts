import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RepoFileError, RepositoryFiles, printable } from '../../src/util/repo-files.js'

const SECRET = 'AKIAREPOFILESTEST0001'
const scratch: string[] = []
const servers: Server[] = []

function tempDir(prefix = 'repo-files-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  scratch.push(dir)
  return dir
}

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

/** A workspace with a regular file, and a secret file outside it. */
function workspace(): { ws: string; files: RepositoryFiles; outside: string } {
  const ws = tempDir('ws-')
  mkdirSync(join(ws, 'prisma', 'migrations', '20240101000000_init'), { recursive: true })
  writeFileSync(join(ws, 'prisma', 'migrations', '20240101000000_init', 'migration.sql'), '\ufeffSELECT 1;\n')
  const outside = join(tempDir('outside-'), 'environ')
  writeFileSync(outside, `AWS_SECRET_ACCESS_KEY=${SECRET}\n`)
  return { ws, files: new RepositoryFiles(ws), outside }
}

function refusal(fn: () => unknown): RepoFileError {
  try {
    fn()
  } catch (error) {
    if (error instanceof RepoFileError) return error
    throw error
  }
  throw new Error('expected a RepoFileError')
}

const read = (files: RepositoryFiles, path: string): string | undefined =>
  files.readText(path, { maxBytes: 1024, what: 'a test file' })

describe('RepositoryFiles: regular files inside the workspace', () => {
  it('reads a regular file as UTF-8 with its BOM, and tells files, folders and absent paths apart', () => {
    const { ws, files } = workspace()
    const sql = join(ws, 'prisma', 'migrations', '20240101000000_init', 'migration.sql')
    expect(read(files, sql)).toBe('\ufeffSELECT 1;\n')
    expect(files.inspect(sql)).toBe('file')
    expect(files.inspect(join(ws, 'prisma'))).toBe('directory')
    expect(files.inspect(ws)).toBe('directory')
    expect(files.inspect(join(ws, 'nope', 'x.sql'))).toBe('missing')
    expect(read(files, join(ws, 'nope.sql'))).toBeUndefined()
    // a path below a file is simply absent (ENOTDIR), as for Prisma
    expect(files.inspect(join(sql, 'deeper'))).toBe('missing')
  })

  it('accepts a workspace that is itself reached through a link (e.g. /tmp -> /private/tmp)', () => {
    const { ws } = workspace()
    const alias = join(tempDir('alias-'), 'ws')
    symlinkSync(ws, alias)
    const files = new RepositoryFiles(alias)
    expect(read(files, join(alias, 'prisma', 'migrations', '20240101000000_init', 'migration.sql'))).toBe(
      '\ufeffSELECT 1;\n'
    )
    expect(files.show(join(ws, 'prisma'))).toBe('prisma')
  })
})

describe('RepositoryFiles: what it refuses, naming the path and never its content', () => {
  it.each([
    ['a link to a secret outside the workspace', 'outside'],
    ['a link to a file inside the workspace', 'inside'],
    ['a link to a directory', 'directory'],
    ['a dangling link', 'dangling'],
    ['a relative link climbing out', 'relative']
  ])('%s', (_title, kind) => {
    const { ws, files, outside } = workspace()
    const dir = join(ws, 'prisma', 'migrations', '20240102000000_evil')
    mkdirSync(dir)
    const target = {
      outside,
      inside: join(ws, 'prisma', 'migrations', '20240101000000_init', 'migration.sql'),
      directory: join(ws, 'prisma'),
      dangling: join(ws, 'no-such-file'),
      relative: '../../../../../../../../proc/self/environ'
    }[kind]!
    symlinkSync(target, join(dir, 'migration.sql'))
    const error = refusal(() => read(files, join(dir, 'migration.sql')))
    expect(error.file).toBe('prisma/migrations/20240102000000_evil/migration.sql')
    expect(error.message).toContain('prisma/migrations/20240102000000_evil/migration.sql is a symbolic link')
    expect(error.hint).toContain('instead of a link')
    expect(error.message).not.toContain(SECRET)
    expect(error.message).not.toContain(target)
    expect(() => files.inspect(join(dir, 'migration.sql'))).toThrow(RepoFileError)
  })

  it('refuses a path through a linked folder, naming the link, even when nothing is at the end', () => {
    const { ws, files } = workspace()
    const elsewhere = tempDir('elsewhere-')
    mkdirSync(join(elsewhere, 'migrations', 'x'), { recursive: true })
    writeFileSync(join(elsewhere, 'migrations', 'x', 'migration.sql'), `-- ${SECRET}\n`)
    symlinkSync(elsewhere, join(ws, 'db'))
    const error = refusal(() => read(files, join(ws, 'db', 'migrations', 'x', 'migration.sql')))
    expect(error.message).toContain('db (on the way to db/migrations/x/migration.sql) is a symbolic link')
    expect(error.message).not.toContain(SECRET)
    expect(() => files.inspect(join(ws, 'db', 'migrations', 'none'))).toThrow(/db \(on the way to/)
  })

  it('refuses a named pipe without opening it (opening a FIFO would block forever)', () => {
    const { ws, files } = workspace()
    const fifo = join(ws, 'prisma', 'migrations', '20240101000000_init', 'pipe.sql')
    execFileSync('mkfifo', [fifo])
    const error = refusal(() => read(files, fifo))
    expect(error.message).toContain('is a named pipe (FIFO), not a regular file')
  })

  it('refuses a socket', async () => {
    const { ws, files } = workspace()
    const path = join(ws, 'sock.sql')
    const server = createServer()
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(path, resolve))
    expect(refusal(() => read(files, path)).message).toContain('is a socket')
  })

  it('refuses a device', () => {
    const files = new RepositoryFiles('/dev')
    const error = refusal(() => read(files, '/dev/zero'))
    expect(error.message).toContain('zero is a device, not a regular file')
  })

  it('refuses anything outside the workspace, however it is written', () => {
    const { ws, files, outside } = workspace()
    for (const path of [outside, join(ws, '..'), join(ws, '..', 'x'), '/proc/self/environ']) {
      const error = refusal(() => files.inspect(path))
      expect(error.message).toContain('is outside the workspace')
    }
    expect(files.contains(join(ws, 'a', '..', 'b'))).toBe(true)
    expect(files.contains(`${ws}-sibling`)).toBe(false)
  })

  it('refuses paths through a .git folder, where the checkout keeps its credentials', () => {
    const { ws, files } = workspace()
    mkdirSync(join(ws, '.git'))
    writeFileSync(join(ws, '.git', 'config'), `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`)
    for (const path of [join(ws, '.git', 'config'), join(ws, '.GIT', 'config'), join(ws, 'sub', '.git')]) {
      const error = refusal(() => read(files, path))
      expect(error.message).toContain('is inside a .git folder')
      expect(error.message).not.toContain(SECRET)
    }
  })

  it('refuses a file larger than the bound, and a directory where a file is expected', () => {
    const { ws, files } = workspace()
    writeFileSync(join(ws, 'big.sql'), 'x'.repeat(1025))
    expect(refusal(() => read(files, join(ws, 'big.sql'))).message).toBe(
      'big.sql is larger than 1024 bytes, the most the action reads of a test file.'
    )
    writeFileSync(join(ws, 'exact.sql'), 'x'.repeat(1024))
    expect(read(files, join(ws, 'exact.sql'))).toHaveLength(1024)
    expect(refusal(() => read(files, join(ws, 'prisma'))).message).toContain('is a directory, not a file')
  })

  it('names the input that led to the path', () => {
    const { ws, files } = workspace()
    symlinkSync(join(ws, 'prisma'), join(ws, 'app'))
    const error = refusal(() => files.inspect(join(ws, 'app'), { input: 'working-directory' }))
    expect(error.input).toBe('working-directory')
    expect(error.message).toMatch(/^Input `working-directory`: app is a symbolic link/)
    expect(error.hint).toContain('or set `working-directory` to its real location')
  })

  it('shows names with control characters escaped, one line each', () => {
    expect(printable('a\n::warning::x\r\u0000\u2028b')).toBe('a\\n::warning::x\\r\\u0000\\u2028b')
    const { ws, files } = workspace()
    const dir = join(ws, 'x\n::add-mask::y')
    mkdirSync(dir)
    symlinkSync('/etc/hostname', join(dir, 'migration.sql'))
    const error = refusal(() => read(files, join(dir, 'migration.sql')))
    expect(error.message.split('\n')).toHaveLength(1)
    expect(error.file).toBe('x\\n::add-mask::y/migration.sql')
  })
})

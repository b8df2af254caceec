/** Which Prisma version a repository uses, read from files as data (the input, node_modules, lockfiles). */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { InputError } from '../../src/errors.js'
import {
  describePrismaVersion,
  detectPrismaVersion,
  executionFor,
  hasPrisma7ConfigNames,
  isPrisma7,
  parseVersion,
  readVersionInput
} from '../../src/migrate/prisma-version.js'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'prisma-version-'))
  dirs.push(root)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

const pkg = (version: string): string => JSON.stringify({ name: 'prisma', version })

async function detected(root: string, wd = root): Promise<string | undefined> {
  const v = (await detectPrismaVersion(join(root, wd === root ? '' : wd), root, undefined)).version
  return v ? `${v.major}.${v.minor}.${v.patch}` : undefined
}

describe('the prisma-version input', () => {
  it('takes major.minor or a full version, or auto / empty to detect', () => {
    expect(readVersionInput('7.4')).toMatchObject({ major: 7, minor: 4, patch: 0 })
    expect(readVersionInput(' 6.19.3 ')).toMatchObject({ major: 6, minor: 19, patch: 3 })
    expect(readVersionInput('7.4.0-dev.3')).toMatchObject({ major: 7, minor: 4 })
    expect(readVersionInput('')).toBeUndefined()
    expect(readVersionInput('auto')).toBeUndefined()
  })

  it.each(['7', 'latest', '^7.4.0', '7.x', 'v7.4; rm -rf /'])('refuses %j, naming the input', (raw) => {
    const error = (() => {
      try {
        readVersionInput(raw)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toContain('Input `prisma-version`')
  })
})

describe('what a version decides', () => {
  it.each([
    ['6.19.3', 'whole-file', false, false],
    ['7.0.0', 'whole-file', true, false],
    ['7.3.1', 'whole-file', true, false],
    ['7.4.0', 'per-statement', true, false],
    ['7.4.0-dev.12', 'per-statement', true, false],
    ['7.10.1', 'per-statement', true, true],
    ['8.0.0', 'per-statement', true, true]
  ])('%s: %s execution, 7.x rules %s, prisma7.config names %s', (text, execution, seven, names) => {
    const version = parseVersion(text)
    expect(executionFor(version)).toBe(execution)
    expect(isPrisma7(version)).toBe(seven)
    expect(hasPrisma7ConfigNames(version)).toBe(names)
  })

  it('unknown: Prisma 6 behaviour, and the log says how to state it', async () => {
    expect(executionFor(undefined)).toBe('whole-file')
    const info = await detectPrismaVersion(tree({ 'package.json': '{}' }), '/nonexistent', undefined)
    expect(info.version).toBeUndefined()
    expect(describePrismaVersion(info)).toContain('Set `prisma-version`')
  })
})

describe('detection', () => {
  it('the input wins; then node_modules/prisma (also a parent up to the workspace root); then the lockfile', async () => {
    const root = tree({
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: { 'node_modules/prisma': { version: '6.19.3' } }
      }),
      'node_modules/prisma/package.json': pkg('7.4.1'),
      'apps/web/package.json': '{}'
    })
    expect(await detectPrismaVersion(root, root, readVersionInput('7.2'))).toMatchObject({
      version: { major: 7, minor: 2 },
      source: 'input `prisma-version`'
    })
    expect(await detectPrismaVersion(root, root, undefined)).toMatchObject({
      version: { major: 7, minor: 4, patch: 1 },
      source: 'node_modules/prisma/package.json'
    })
    expect(await detectPrismaVersion(join(root, 'apps/web'), root, undefined)).toMatchObject({
      version: { major: 7, minor: 4, patch: 1 },
      source: '../../node_modules/prisma/package.json'
    })
  })

  it('never reads above the workspace root', async () => {
    const outer = tree({ 'node_modules/prisma/package.json': pkg('7.4.1'), 'repo/package.json': '{}' })
    const repo = join(outer, 'repo')
    expect((await detectPrismaVersion(repo, repo, undefined)).version).toBeUndefined()
  })

  it('a linked node_modules/prisma/package.json is not read (the lockfile decides)', async () => {
    const outside = tree({ 'package.json': pkg('9.9.9') })
    const root = tree({ 'yarn.lock': 'prisma@^6.19.0:\n  version "6.19.3"\n' })
    mkdirSync(join(root, 'node_modules', 'prisma'), { recursive: true })
    symlinkSync(join(outside, 'package.json'), join(root, 'node_modules', 'prisma', 'package.json'))
    expect(await detectPrismaVersion(root, root, undefined)).toMatchObject({
      version: { major: 6, minor: 19, patch: 3 },
      source: 'yarn.lock'
    })
  })

  it('package-lock.json v3: the copy Node would resolve from the working directory', async () => {
    const root = tree({
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { name: 'mono' },
          'node_modules/prisma': { version: '6.19.3' },
          'packages/api/node_modules/prisma': { version: '7.4.0' }
        }
      }),
      'packages/api/package.json': '{}',
      'packages/web/package.json': '{}'
    })
    expect(await detected(root, 'packages/api')).toBe('7.4.0')
    expect(await detected(root, 'packages/web')).toBe('6.19.3')
    expect(await detected(root)).toBe('6.19.3')
  })

  it('package-lock.json v1', async () => {
    const root = tree({
      'package-lock.json': JSON.stringify({
        lockfileVersion: 1,
        dependencies: { prisma: { version: '5.22.0' } }
      })
    })
    expect(await detected(root)).toBe('5.22.0')
  })

  it('pnpm-lock.yaml v9 (importer of the working directory) and v6 (package keys)', async () => {
    const v9 = tree({
      'pnpm-lock.yaml':
        "lockfileVersion: '9.0'\nimporters:\n  .:\n    devDependencies:\n      prisma:\n        specifier: ^6.0.0\n        version: 6.19.3(typescript@5.9.3)\n  apps/api:\n    dependencies:\n      prisma:\n        specifier: ^7.4.0\n        version: 7.4.2\npackages:\n  prisma@6.19.3:\n    resolution: {integrity: sha512-A}\n  prisma@7.4.2:\n    resolution: {integrity: sha512-B}\n",
      'apps/api/package.json': '{}'
    })
    expect(await detected(v9)).toBe('6.19.3')
    expect(await detected(v9, 'apps/api')).toBe('7.4.2')
    const v6 = tree({
      'pnpm-lock.yaml':
        "lockfileVersion: '6.0'\ndevDependencies:\n  prisma:\n    specifier: 7.3.0\n    version: 7.3.0\npackages:\n  /prisma@7.3.0:\n    resolution: {integrity: sha512-A}\n"
    })
    expect(await detected(v6)).toBe('7.3.0')
  })

  it('yarn.lock v1 (several descriptors on one entry) and berry', async () => {
    const v1 = tree({
      'yarn.lock':
        '# yarn lockfile v1\n\n"@prisma/client@^7.4.0":\n  version "7.4.0"\n\nprisma@^7.4.0, prisma@~7.4.1:\n  version "7.4.1"\n  resolved "https://registry.yarnpkg.com/prisma/-/prisma-7.4.1.tgz"\n'
    })
    expect(await detected(v1)).toBe('7.4.1')
    const berry = tree({
      'yarn.lock':
        '__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"@prisma/engines@npm:6.19.3":\n  version: 6.19.3\n\n"prisma@npm:^6.19.0, prisma@npm:^6.19.3":\n  version: 6.19.3\n  resolution: "prisma@npm:6.19.3"\n'
    })
    expect(await detected(berry)).toBe('6.19.3')
  })

  it('bun.lock (JSON with trailing commas); bun.lockb is binary, not read, and the log says so', async () => {
    const text = tree({
      'bun.lock':
        '{\n  "lockfileVersion": 1,\n  "packages": {\n    "prisma": ["prisma@7.10.1", "", {}, "sha512-A",],\n    "x,]": ["x@1.0.0",],\n  },\n}\n'
    })
    expect(await detected(text)).toBe('7.10.1')
    const binary = tree({ 'bun.lockb': '\u0000bun-lockfile-format-v0\u0000prisma@7.4.0' })
    const info = await detectPrismaVersion(binary, binary, undefined)
    expect(info.version).toBeUndefined()
    expect(info.notes.join('\n')).toContain('bun.lockb is bun')
  })

  it('several versions nobody maps to the working directory: not guessed, the log names them', async () => {
    const root = tree({
      'yarn.lock': 'prisma@^6.0.0:\n  version "6.19.3"\n\nprisma@^7.4.0:\n  version "7.4.1"\n'
    })
    const info = await detectPrismaVersion(root, root, undefined)
    expect(info.version).toBeUndefined()
    expect(info.notes.join('\n')).toContain('several prisma versions (6.19.3, 7.4.1)')
  })

  it('hostile lockfiles: invalid JSON, a YAML alias bomb, a fake version string; the next source is tried', async () => {
    const bomb =
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n'
    const root = tree({
      'package-lock.json': '{ not json',
      'pnpm-lock.yaml': bomb,
      'yarn.lock': 'prisma@^7.4.0:\n  version "::warning::7.4.0"\n',
      'bun.lock': '{"packages":{"prisma":["prisma@7.4.3"]}}'
    })
    const info = await detectPrismaVersion(root, root, undefined)
    expect(info.notes.join('\n')).toContain('package-lock.json could not be read as a lockfile')
    expect(info.notes.join('\n')).toContain('pnpm-lock.yaml could not be read as a lockfile')
    expect(info).toMatchObject({ version: { major: 7, minor: 4, patch: 3 }, source: 'bun.lock' })
  })
})

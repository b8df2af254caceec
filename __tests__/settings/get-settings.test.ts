import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/errors.js'
import { readCommonSettings, readMigrateSettings } from '../../src/settings/get-settings.js'
import { readerFromMap } from '../../src/settings/input.js'

const ws = mkdtempSync(join(tmpdir(), 'ws-'))
mkdirSync(join(ws, 'packages', 'platform-api'), { recursive: true })
const env = { GITHUB_WORKSPACE: ws, RUNNER_TEMP: '/rt', GITHUB_RUN_ID: '7' }

function thrown(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

async function rejected(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (error instanceof InputError) return error
  throw error ?? new Error('expected an InputError')
}

describe('readCommonSettings', () => {
  it('resolves the working directory against the workspace and puts the report in RUNNER_TEMP', () => {
    const s = readCommonSettings(
      readerFromMap({
        mode: 'migrate-deploy',
        'database-url': 'postgresql://u:p@h/db',
        'working-directory': 'packages/platform-api'
      }),
      env
    )
    expect(s.workingDirectory).toBe(join(ws, 'packages', 'platform-api'))
    expect(s.reportPath.startsWith('/rt/pg-ops-report-migrate-deploy-7-')).toBe(true)
    expect(s.connection?.database).toBe('db')
  })

  it('lists the accepted modes for an unknown one', () => {
    const error = thrown(() => readCommonSettings(readerFromMap({ mode: 'migrate-dev' }), env))
    expect(error.input).toBe('mode')
    expect(error.message).toContain('migrate-status, migrate-deploy, migrate-resolve, backup, restore-drill')
  })

  it('requires database-url except for migrate-status (offline review)', () => {
    expect(thrown(() => readCommonSettings(readerFromMap({ mode: 'backup' }), env)).input).toBe(
      'database-url'
    )
    expect(readCommonSettings(readerFromMap({ mode: 'migrate-status' }), env).connection).toBeUndefined()
  })
})

describe('readMigrateSettings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'settings-'))
  mkdirSync(join(dir, 'prisma', 'migrations'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{}')
  const common = (
    mode: 'migrate-resolve' | 'migrate-status' | 'migrate-deploy'
  ): ReturnType<typeof readCommonSettings> =>
    readCommonSettings(readerFromMap({ mode, 'database-url': 'postgresql://u:p@h/db' }), {
      ...env,
      GITHUB_WORKSPACE: dir
    })

  it('needs exactly one of resolve-applied / resolve-rolled-back for migrate-resolve', async () => {
    expect(
      (await rejected(readMigrateSettings(readerFromMap({}), common('migrate-resolve')))).message
    ).toContain('is required for mode migrate-resolve')
    expect(
      (
        await rejected(
          readMigrateSettings(
            readerFromMap({ 'resolve-applied': 'a', 'resolve-rolled-back': 'b' }),
            common('migrate-resolve')
          )
        )
      ).message
    ).toContain('exactly one')
    expect(
      (await readMigrateSettings(readerFromMap({ 'resolve-rolled-back': 'b' }), common('migrate-resolve')))
        .resolveRolledBack
    ).toBe('b')
  })

  it('refuses inputs that belong to another mode', async () => {
    expect(
      (
        await rejected(
          readMigrateSettings(readerFromMap({ 'resolve-applied': 'a' }), common('migrate-status'))
        )
      ).input
    ).toBe('resolve-applied')
    expect(
      (
        await rejected(
          readMigrateSettings(readerFromMap({ 'expected-plan-id': 'x' }), common('migrate-status'))
        )
      ).input
    ).toBe('expected-plan-id')
  })

  it('parses fail-on-pending strictly', async () => {
    expect(
      (await readMigrateSettings(readerFromMap({ 'fail-on-pending': 'true' }), common('migrate-status')))
        .failOnPending
    ).toBe(true)
    expect(
      (
        await rejected(
          readMigrateSettings(readerFromMap({ 'fail-on-pending': 'maybe' }), common('migrate-status'))
        )
      ).input
    ).toBe('fail-on-pending')
  })

  it('defaults the migrations folder to prisma/migrations and says why', async () => {
    const s = await readMigrateSettings(readerFromMap({}), common('migrate-status'))
    expect(s.migrationsDir.path).toBe(join(dir, 'prisma', 'migrations'))
    expect(s.migrationsDir.reason.length).toBeGreaterThan(0)
  })
})

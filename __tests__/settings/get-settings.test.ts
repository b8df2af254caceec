import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/errors.js'
import { getSettings, type ParseProgress } from '../../src/settings/get-settings.js'
import { readerFromMap } from '../../src/settings/input.js'
import type { Settings } from '../../src/settings/settings.js'
import { resetSecrets, scrub } from '../../src/util/secrets.js'

const ws = mkdtempSync(join(tmpdir(), 'ws-'))
mkdirSync(join(ws, 'packages', 'platform-api'), { recursive: true })
const env = { GITHUB_WORKSPACE: ws, RUNNER_TEMP: '/rt', GITHUB_RUN_ID: '7' }
const URL = 'postgresql://u:p@h/db'

async function thrown(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (error instanceof InputError) return error
  throw new Error(`expected an InputError, got ${String(error)}`)
}

describe('getSettings: what every run has', () => {
  it('resolves the working directory against the workspace and puts the report in RUNNER_TEMP', async () => {
    const s = await getSettings(
      readerFromMap({
        mode: 'backup',
        'database-url': URL,
        destination: '/tmp/x',
        'working-directory': 'packages/platform-api'
      }),
      env
    )
    expect(s.workingDirectory).toBe(join(ws, 'packages', 'platform-api'))
    expect(s.reportPath.startsWith('/rt/pg-ops-report-backup-7-')).toBe(true)
    expect(s.mode === 'backup' && s.connection.database).toBe('db')
  })

  it('lists the accepted modes for an unknown one', async () => {
    const error = await thrown(getSettings(readerFromMap({ mode: 'migrate-dev' }), env))
    expect(error.input).toBe('mode')
    expect(error.message).toContain('migrate-status, migrate-deploy, migrate-resolve, backup, restore-drill')
  })

  it('requires database-url except for migrate-status (offline review), and says how far it got', async () => {
    const progress: ParseProgress = {}
    expect((await thrown(getSettings(readerFromMap({ mode: 'backup' }), env, progress))).input).toBe(
      'database-url'
    )
    // A run that fails on an input still names its mode and writes its report.
    expect(progress.mode).toBe('backup')
    expect(progress.reportPath?.startsWith('/rt/pg-ops-report-backup-')).toBe(true)
  })

  it('registers every secret input before anything is parsed, even when an input is wrong', async () => {
    resetSecrets()
    await thrown(
      getSettings(
        readerFromMap({
          mode: 'backup',
          'database-url': 'postgresql://u:Db-Secret-1@h/db',
          'github-token': 'ghs_abcdefSECRET123',
          'target-database-url': 'postgresql://t:Tgt-Secret-2@h/t',
          'age-identity': '# c\nAGE-SECRET-KEY-1ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ',
          format: 'tar'
        }),
        env
      )
    )
    expect(
      scrub(
        'Db-Secret-1 ghs_abcdefSECRET123 Tgt-Secret-2 AGE-SECRET-KEY-1ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ'
      )
    ).toBe('*** *** *** ***')
    resetSecrets()
  })
})

describe('getSettings: the migrate modes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'settings-'))
  mkdirSync(join(dir, 'prisma', 'migrations'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{}')
  const settings = (inputs: Record<string, string>): Promise<Settings> =>
    getSettings(readerFromMap({ 'database-url': URL, ...inputs }), { ...env, GITHUB_WORKSPACE: dir })

  it('needs exactly one of resolve-applied / resolve-rolled-back for migrate-resolve', async () => {
    expect((await thrown(settings({ mode: 'migrate-resolve' }))).message).toContain(
      'is required for mode migrate-resolve'
    )
    expect(
      (
        await thrown(
          settings({ mode: 'migrate-resolve', 'resolve-applied': 'a', 'resolve-rolled-back': 'b' })
        )
      ).message
    ).toContain('exactly one')
    expect(await settings({ mode: 'migrate-resolve', 'resolve-rolled-back': 'b' })).toMatchObject({
      mode: 'migrate-resolve',
      resolve: { migration: 'b', as: 'rolled-back' }
    })
  })

  it('refuses inputs that belong to another mode', async () => {
    expect((await thrown(settings({ mode: 'migrate-status', 'resolve-applied': 'a' }))).input).toBe(
      'resolve-applied'
    )
    expect((await thrown(settings({ mode: 'migrate-status', 'expected-plan-id': 'x' }))).input).toBe(
      'expected-plan-id'
    )
  })

  it('names resolve-applied first when both resolve inputs come with another mode, each with its hint', async () => {
    const both = await thrown(
      settings({ mode: 'migrate-deploy', 'resolve-applied': 'a', 'resolve-rolled-back': 'b' })
    )
    expect([both.input, both.message, both.hint]).toEqual([
      'resolve-applied',
      'Input `resolve-applied`: is only used by mode migrate-resolve, but mode is migrate-deploy.',
      'Remove it, or set mode: migrate-resolve.'
    ])
    const rolledBack = await thrown(settings({ mode: 'migrate-status', 'resolve-rolled-back': 'b' }))
    expect([rolledBack.input, rolledBack.message]).toEqual([
      'resolve-rolled-back',
      'Input `resolve-rolled-back`: is only used by mode migrate-resolve, but mode is migrate-status.'
    ])
    const plan = await thrown(settings({ mode: 'migrate-status', 'expected-plan-id': 'x' }))
    expect([plan.message, plan.hint]).toEqual([
      'Input `expected-plan-id`: is only used by mode migrate-deploy, but mode is migrate-status.',
      'Pass the `plan-id` output of the reviewed migrate-status step to the migrate-deploy step.'
    ])
  })

  it('parses fail-on-pending strictly', async () => {
    const s = await settings({ mode: 'migrate-status', 'fail-on-pending': 'true' })
    expect(s.mode === 'migrate-status' && s.failOnPending).toBe(true)
    expect((await thrown(settings({ mode: 'migrate-status', 'fail-on-pending': 'maybe' }))).input).toBe(
      'fail-on-pending'
    )
  })

  it('defaults the migrations folder to prisma/migrations and says why', async () => {
    const s = await settings({ mode: 'migrate-status' })
    if (s.mode !== 'migrate-status') throw new Error(s.mode)
    expect(s.project.migrationsDir.path).toBe(join(dir, 'prisma', 'migrations'))
    expect(s.project.migrationsDir.reason.length).toBeGreaterThan(0)
  })

  it('sets the defaults of each mode, with only the fields that mode uses', async () => {
    const status = await settings({ mode: 'migrate-status' })
    expect(status).toMatchObject({
      mode: 'migrate-status',
      failOnPending: false,
      review: { failOn: 'error' },
      pullRequest: { comment: true, githubToken: '' }
    })
    expect(Object.keys(status).sort()).toEqual(
      [
        'connection',
        'failOnPending',
        'mode',
        'project',
        'pullRequest',
        'reportPath',
        'review',
        'workingDirectory',
        'workspace'
      ].sort()
    )
    const deploy = await settings({ mode: 'migrate-deploy' })
    expect(deploy).toMatchObject({
      mode: 'migrate-deploy',
      review: { allowDestructive: false },
      lockSafety: { lockTimeoutMs: 1000, statementTimeoutMs: 0, retryWindowMs: 60_000 },
      backup: { when: 'never' }
    })
    expect(Object.keys(deploy.mode === 'migrate-deploy' ? deploy.review : {}).sort()).toEqual([
      'allowDestructive',
      'rules'
    ])
  })

  it('checks the review and backup inputs of migrate-deploy', async () => {
    expect((await thrown(settings({ mode: 'migrate-deploy', 'fail-on': 'always' }))).input).toBe('fail-on')
    expect((await thrown(settings({ mode: 'migrate-deploy', 'backup-before-deploy': 'always' }))).input).toBe(
      'destination'
    )
  })

  it('parses s3-force-path-style once, among the inputs of a fixed syntax, for every backup mode', async () => {
    const backup = (inputs: Record<string, string>): Promise<Settings> =>
      getSettings(
        readerFromMap({ mode: 'backup', 'database-url': URL, destination: 's3://backups/p', ...inputs }),
        env
      )
    const s = await backup({ 's3-force-path-style': 'yes' })
    expect(s.mode === 'backup' && s.backup.s3ForcePathStyle).toBe(true)
    const t = await backup({})
    expect(t.mode === 'backup' && t.backup.s3ForcePathStyle).toBe(false)
    // Reported after format and before retention-days, and before s3-endpoint's own check.
    const error = await thrown(
      backup({
        's3-force-path-style': 'maybe',
        'retention-days': '0',
        's3-endpoint': 'ftp://x'
      })
    )
    expect([error.input, error.message]).toEqual([
      's3-force-path-style',
      'Input `s3-force-path-style`: must be true or false, got "maybe".'
    ])
    expect((await thrown(backup({ format: 'zip', 's3-force-path-style': 'maybe' }))).input).toBe('format')
    const drill = await getSettings(
      readerFromMap({
        mode: 'restore-drill',
        'database-url': URL,
        'target-database-url': 'postgresql://u:p@h/scratch',
        'backup-uri': 's3://backups/p/x.dump',
        's3-force-path-style': 'true'
      }),
      env
    )
    expect(drill.mode === 'restore-drill' && drill.drill.s3ForcePathStyle).toBe(true)
  })
})

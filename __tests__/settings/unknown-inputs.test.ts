import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { DECLARED_INPUTS_PATH, renderDeclaredInputs } from '../../scripts/action-docs.mjs'
import { InputError } from '../../src/errors.js'
import { DECLARED_INPUTS } from '../../src/settings/declared-inputs.js'
import { checkUnknownInputs, closestInput, inputVariable } from '../../src/settings/unknown-inputs.js'

const actionYml = readFileSync('action.yml', 'utf8')
const runnerEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: '/usr/bin',
  ...Object.fromEntries(DECLARED_INPUTS.map((name) => [inputVariable(name), ''])),
  ...extra
})

function failure(env: NodeJS.ProcessEnv): InputError {
  try {
    checkUnknownInputs(env)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('no error')
}

describe('declared inputs', () => {
  it(`${DECLARED_INPUTS_PATH} lists exactly the inputs of action.yml (run \`npm run docs\` after changing it)`, () => {
    expect([...DECLARED_INPUTS]).toEqual(Object.keys((parse(actionYml) as { inputs: object }).inputs))
    expect(readFileSync(DECLARED_INPUTS_PATH, 'utf8')).toBe(renderDeclaredInputs(actionYml))
  })

  it('every declared input, as the runner sets it, is accepted', () => {
    expect(() => checkUnknownInputs(runnerEnv())).not.toThrow()
  })
})

describe('an input action.yml does not declare', () => {
  it('database_url (what `with: database_url:` sets) fails, naming database-url, never the value', () => {
    const value = 'postgresql://app:S3cretValue@db.example.com/app'
    const error = failure(runnerEnv({ INPUT_DATABASE_URL: value }))
    expect(error.message).toContain('Input `database_url`')
    expect(error.message).toContain('did you mean `database-url`?')
    expect(error.describe()).not.toContain('S3cretValue')
    expect(error.describe()).not.toContain('db.example.com')
  })

  it.each([
    ['INPUT_DATABSE-URL', 'database-url'],
    ['INPUT_BACKUP_BEFORE_DEPLOY', 'backup-before-deploy'],
    ['INPUT_ALLOW-DESTRUCTIV', 'allow-destructive'],
    ['INPUT_MIGRATION-DIR', 'migrations-dir'],
    ['INPUT_GITHUB TOKEN', 'github-token']
  ])('%s: did you mean %s?', (variable, closest) => {
    expect(failure(runnerEnv({ [variable]: 'x' })).message).toContain(`did you mean \`${closest}\``)
  })

  it('lists every unknown input at once', () => {
    const error = failure(runnerEnv({ INPUT_DATABASE_URL: 'x', INPUT_FAIL_ON: 'never' }))
    expect(error.message).toContain('Input `database_url`')
    expect(error.message).toContain('Also unknown: `fail_on`')
  })

  it('closestInput prefers the same name written with underscores', () => {
    expect(closestInput('target_database_url')).toBe('target-database-url')
    expect(closestInput('DATABASE_URL')).toBe('database-url')
  })
})

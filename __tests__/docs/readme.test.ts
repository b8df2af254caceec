import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { renderActionDocs } from '../../scripts/action-docs.mjs'
import { ACTION_VERSION } from '../../src/constants.js'

const readme = readFileSync('README.md', 'utf8')
const section = (name: string): string =>
  readme
    .slice(
      readme.indexOf(`<!-- ${name}:start -->`) + `<!-- ${name}:start -->`.length,
      readme.indexOf(`<!-- ${name}:end -->`)
    )
    .trim()

describe('README and action.yml', () => {
  const docs = renderActionDocs(readFileSync('action.yml', 'utf8'))

  it('lists exactly the inputs of action.yml (run `npm run docs` after changing action.yml)', () => {
    expect(section('inputs')).toBe(docs.inputs)
  })

  it('lists exactly the outputs of action.yml', () => {
    expect(section('outputs')).toBe(docs.outputs)
  })

  it('gives the two set-up commands: the demo and the tests', () => {
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm test')
  })

  it('the version in package.json is the one the report carries', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(pkg.version)
  })

  it('the test command in .ci/run is the README test command', () => {
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test$/m)
  })
})

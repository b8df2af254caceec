// Renders the inputs and outputs tables of the README from action.yml, and the list of declared inputs the action
// checks its INPUT_* variables against (`npm run docs` rewrites both; tests fail when either disagrees with
// action.yml).
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()

export function renderActionDocs(actionYml) {
  const action = parse(actionYml)
  const inputs = Object.entries(action.inputs).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``} | ${cell(spec.description)} |`
  )
  const outputs = Object.entries(action.outputs).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
  )
  return {
    inputs: ['| Input | Required | Default | Description |', '| --- | --- | --- | --- |', ...inputs].join(
      '\n'
    ),
    outputs: ['| Output | Description |', '| --- | --- |', ...outputs].join('\n')
  }
}

export const DECLARED_INPUTS_PATH = 'src/settings/declared-inputs.ts'

/** src/settings/declared-inputs.ts: the input names of action.yml, in its order (formatted as prettier would). */
export function renderDeclaredInputs(actionYml) {
  const names = Object.keys(parse(actionYml).inputs)
  return [
    '// Generated from action.yml by `npm run docs` (scripts/action-docs.mjs): do not edit.',
    '/** The inputs action.yml declares, in its order. */',
    'export const DECLARED_INPUTS: readonly string[] = [',
    names.map((name) => `  '${name}'`).join(',\n'),
    ']',
    ''
  ].join('\n')
}

export function replaceSection(readme, name, content) {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`)
  return readme.slice(0, from + start.length) + '\n' + content + '\n' + readme.slice(to)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const docs = renderActionDocs(readFileSync('action.yml', 'utf8'))
  let readme = readFileSync('README.md', 'utf8')
  readme = replaceSection(readme, 'inputs', docs.inputs)
  readme = replaceSection(readme, 'outputs', docs.outputs)
  writeFileSync('README.md', readme)
  writeFileSync(DECLARED_INPUTS_PATH, renderDeclaredInputs(readFileSync('action.yml', 'utf8')))
  console.log(`README.md inputs and outputs, and ${DECLARED_INPUTS_PATH}, updated from action.yml`)
}

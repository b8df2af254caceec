// Renders the inputs and outputs tables of the README from action.yml (`npm run docs` rewrites the README;
// a test fails when the README and action.yml disagree).
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
  console.log('README.md inputs and outputs updated from action.yml')
}

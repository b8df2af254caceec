// Plain ESM so that the tests, `npm run demo` and bench/ scripts share one way of running the action.
/**
 * Runs the bundled action (dist/index.js) the way the runner does: inputs as INPUT_* variables, outputs through
 * the GITHUB_OUTPUT file, the job summary through GITHUB_STEP_SUMMARY, the event payload at GITHUB_EVENT_PATH.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { assertFreshBundle } from './fresh-bundle.mjs'
const REPO_ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..')
export function parseOutputFile(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (match) {
      const [, name, delimiter] = match
      const value = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      outputs[name] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}
export async function runAction(options) {
  const tempDir = mkdtempSync(join(tmpdir(), 'action-run-'))
  const outputFile = join(tempDir, 'output')
  const summaryFile = join(tempDir, 'summary.md')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value === undefined ||
      key.startsWith('INPUT_') ||
      key.startsWith('GITHUB_') ||
      key.startsWith('RUNNER_') ||
      key.startsWith('PG')
    )
      continue
    env[key] = value
  }
  Object.assign(env, {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: options.workspace ?? REPO_ROOT,
    GITHUB_REPOSITORY: 'acme/platform',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: tempDir,
    GITHUB_EVENT_NAME: options.event?.name ?? 'workflow_dispatch'
  })
  if (options.event) {
    const eventPath = join(tempDir, 'event.json')
    writeFileSync(eventPath, JSON.stringify(options.event.payload))
    env.GITHUB_EVENT_PATH = eventPath
  }
  // The runner sets every input declared in action.yml, with its default when the workflow does not give it.
  const declared = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')).inputs
  const inputs = {}
  for (const [name, spec] of Object.entries(declared)) {
    const fallback = spec.default === undefined ? '' : String(spec.default)
    inputs[name] = fallback.includes('${{') ? (options.githubToken ?? '') : fallback
  }
  Object.assign(inputs, options.inputs)
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  Object.assign(env, options.env ?? {})
  const entry = options.entry ?? join(REPO_ROOT, 'dist', 'index.js')
  if (!options.entry) assertFreshBundle()
  const child = spawn(process.execPath, [entry], {
    env,
    cwd: options.workspace ?? REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d.toString()))
  child.stderr.on('data', (d) => (stderr += d.toString()))
  const exitCode = await new Promise((resolveExit) => child.on('close', (code) => resolveExit(code ?? 1)))
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
  const summary = readFileSync(summaryFile, 'utf8')
  let report
  let reportText = ''
  if (outputs['report-path'] && existsSync(outputs['report-path'])) {
    reportText = readFileSync(outputs['report-path'], 'utf8')
    report = JSON.parse(reportText)
  }
  // `::add-mask::` commands are consumed by the runner and never shown: they are the one place a secret must be.
  const shownStdout = stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  const everything = [shownStdout, stderr, JSON.stringify(outputs), summary, reportText].join('\n')
  return { exitCode, stdout, stderr, outputs, summary, report, everything, tempDir }
}
/**
 * The parts of base64 text that any string containing `secret` encodes to, whatever its position: one core per
 * alignment (0, 1 or 2 bytes before it), standard and URL-safe alphabets.
 */
export function base64Forms(secret) {
  const bytes = Buffer.from(secret, 'utf8')
  const forms = []
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const core = encoded.slice([0, 2, 3][offset], Math.floor((offset + bytes.length) / 3) * 4)
    if (core.length >= 8) forms.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return [...new Set(forms)]
}
/** Every form a secret could leak in: raw, URL-encoded, URL-decoded, base64 (any alignment). */
export function secretForms(secret) {
  const forms = new Set([secret, encodeURIComponent(secret)])
  try {
    forms.add(decodeURIComponent(secret))
  } catch {
    // not percent-encoded
  }
  for (const form of [...forms]) for (const encoded of base64Forms(form)) forms.add(encoded)
  return [...forms]
}

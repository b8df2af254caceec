import * as core from '@actions/core'
import { MAX_SUMMARY_BYTES, type Mode } from './constants.js'
import { ActionError, getErrorMessage } from './errors.js'
import type { ModeResult } from './modes/types.js'
import { buildReport, writeReport } from './report/run-report.js'
import { getSettings, type ParseProgress } from './settings/get-settings.js'
import type { InputReader } from './settings/input.js'
import type { MigrateModeSettings, Settings } from './settings/settings.js'
import type { EarlyClient } from './db/connect.js'
import { bytes, fitDocument } from './render/fit.js'
import { renderRunFailure, renderSinkFailures } from './render/run-failure.js'
import { scrub } from './util/secrets.js'
import { info } from './util/log.js'

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

/**
 * A migrate mode's connection request, sent before the mode's code is loaded so that its round trips are answered
 * meanwhile (src/modes/early-connection.ts). The mode takes it, or closes it unused when it stops first.
 */
async function sendConnectionRequest(settings: MigrateModeSettings): Promise<EarlyClient | undefined> {
  const { connectEarly } = await import('./modes/early-connection.js')
  return connectEarly(settings)
}

/** The mode's module, imported; a request sent for it is closed if that fails. */
async function load<T>(early: EarlyClient | undefined, mode: () => Promise<T>): Promise<T> {
  try {
    return await mode()
  } catch (error) {
    early?.discard()
    throw error
  }
}

// Each mode is imported when it runs: a backup never loads the SQL parser or Octokit, a migrate mode never loads
// the AWS SDK. Start-up time counts against every run (see bench/).
async function dispatch(settings: Settings): Promise<ModeResult> {
  switch (settings.mode) {
    case 'migrate-status': {
      const early = await sendConnectionRequest(settings)
      const { runMigrateStatus } = await load(early, () => import('./modes/migrate-status.js'))
      return runMigrateStatus(settings, early)
    }
    case 'migrate-deploy': {
      const early = await sendConnectionRequest(settings)
      const { runMigrateDeploy } = await load(early, () => import('./modes/migrate-deploy.js'))
      return runMigrateDeploy(settings, early)
    }
    case 'migrate-resolve': {
      const early = await sendConnectionRequest(settings)
      const { runMigrateResolve } = await load(early, () => import('./modes/migrate-resolve.js'))
      return runMigrateResolve(settings, early)
    }
    case 'backup': {
      const { runBackupMode } = await import('./modes/backup.js')
      return runBackupMode(settings)
    }
    case 'restore-drill': {
      const { runRestoreDrillMode } = await import('./modes/restore-drill.js')
      return runRestoreDrillMode(settings)
    }
  }
}

async function writeSummary(markdown: string): Promise<void> {
  if (!markdown) return
  if (!process.env.GITHUB_STEP_SUMMARY) {
    // Local runs (demo, CLI, local-action without a summary file): show it in the log instead.
    info(scrub(markdown))
    return
  }
  // Whatever a mode rendered and whatever was appended to it: never over GitHub's limit for a job summary.
  await core.summary.addRaw(fitDocument(scrub(markdown), MAX_SUMMARY_BYTES, bytes), true).write()
}

function failureMarkdown(mode: Mode | null, error: unknown): string {
  const code = error instanceof ActionError && error.code ? error.code : undefined
  return renderRunFailure(mode, getErrorMessage(error), code)
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
  const notes = renderSinkFailures(failed)
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
  const known: ParseProgress = {}
  try {
    const settings = await getSettings(read, process.env, known)
    const { mode, reportPath: path } = settings
    const result = await dispatch(settings)
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
    const mode = known.mode ?? null
    try {
      if (known.reportPath) {
        writeReport(known.reportPath, buildReport({ mode, startedAt, sections: {}, error }))
        core.setOutput('report-path', known.reportPath)
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

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
import { scrub } from './util/secrets.js'

// Each mode is imported when it runs: a backup never loads the SQL parser or Octokit, a migrate mode never loads
// the AWS SDK. Start-up time counts against every run (see bench/).
async function dispatch(common: CommonSettings, read: InputReader): Promise<ModeResult> {
  switch (common.mode) {
    case 'migrate-status': {
      const { runMigrateStatus } = await import('./modes/migrate-status.js')
      return runMigrateStatus(common, readMigrateSettings(read, common), read)
    }
    case 'migrate-deploy': {
      const { runMigrateDeploy } = await import('./modes/migrate-deploy.js')
      return runMigrateDeploy(common, readMigrateSettings(read, common), read)
    }
    case 'migrate-resolve': {
      const { runMigrateResolve } = await import('./modes/migrate-resolve.js')
      return runMigrateResolve(common, readMigrateSettings(read, common))
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
  const lines = [
    `### ❌ ${mode ?? 'prisma-postgres-ops'} failed${code}`,
    '',
    getErrorMessage(error).replace(/</g, '&lt;')
  ]
  return lines.join('\n') + '\n'
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
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, scrub(value))
    core.setOutput('report-path', reportPath)
    writeReport(reportPath, buildReport({ mode, startedAt, sections: result.report, error: result.failure }))
    await writeSummary(result.markdown)
    if (result.failure) core.setFailed(scrub(getErrorMessage(result.failure)))
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
    if (!(error instanceof ActionError) && error instanceof Error && error.stack)
      core.debug(scrub(error.stack))
    core.setFailed(message)
  }
}

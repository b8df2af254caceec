import type { ConnectionSettings } from '../db/connection-url.js'
import * as core from '@actions/core'
import { code, fence, MAX_PROSE_CHARS, quote } from '../render/markdown.js'
import { formatBytes } from './report.js'
import { runBackup } from './run-backup.js'
import type { BackupSettings } from './settings.js'

export interface PreDeployBackupContext {
  connection: ConnectionSettings
  workingDirectory: string
  settings: BackupSettings
}

export interface PreDeployBackup {
  uri: string
  manifestUri: string
  sha256: string
  size: number
  restoreCommand: string
  /** A short section for the deploy report: where the backup is and how to restore it. */
  markdown: string
}

/**
 * The backup migrate-deploy takes before applying migrations (`backup-before-deploy`). It throws an ActionError
 * when the backup fails, so that the deploy does not go ahead without one (a failed retention after the backup is
 * stored is only a warning); whether to call it at all (always, or
 * only for destructive SQL) is the deploy mode's decision.
 */
export async function backupBeforeDeploy(ctx: PreDeployBackupContext): Promise<PreDeployBackup> {
  const result = await runBackup({
    connection: ctx.connection,
    workingDirectory: ctx.workingDirectory,
    settings: ctx.settings
  })
  // The deploy has its backup: a retention that cannot delete is worth a warning, not a blocked deploy.
  const retentionFailed = result.retention?.failed
  if (retentionFailed !== undefined)
    core.warning(`Backup before deploy stored as ${result.uri}, but retention failed: ${retentionFailed}`)
  const markdown = [
    '#### Backup before deploy',
    '',
    `${code(result.uri, MAX_PROSE_CHARS)} · ${formatBytes(result.size)} · sha256 ${code(result.sha256)} · verified: ${result.verification.passed ? 'yes' : 'no'}`,
    ...(retentionFailed === undefined ? [] : ['', `⚠️ Retention failed: ${quote(retentionFailed)}`]),
    '',
    'To roll back, set `DATABASE_URL` to the database and run:',
    '',
    fence(result.restoreCommand, 'sh')
  ].join('\n')
  return {
    uri: result.uri,
    manifestUri: result.manifestUri,
    sha256: result.sha256,
    size: result.size,
    restoreCommand: result.restoreCommand,
    markdown: markdown + '\n'
  }
}

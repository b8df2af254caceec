import type { ConnectionSettings } from '../db/connection-url.js'
import { ActionError, getErrorMessage } from '../errors.js'
import { renderBackupFailure, renderBackupReport } from '../backup/report.js'
import { runBackup } from '../backup/run-backup.js'
import type { BackupSettings } from '../backup/settings.js'
import { scrub } from '../util/secrets.js'
import type { ModeResult } from './types.js'

/** What `backup` and `restore-drill` need from main.ts. */
export interface BackupModeContext {
  connection: ConnectionSettings
  workingDirectory: string
  settings: BackupSettings
}

export function toActionError(error: unknown): ActionError {
  if (error instanceof ActionError) return error
  return new ActionError(scrub(getErrorMessage(error)), { cause: error })
}

/** mode: backup — one streamed, verified, manifest-backed backup plus retention. */
export async function runBackupMode(ctx: BackupModeContext): Promise<ModeResult> {
  try {
    const result = await runBackup({
      connection: ctx.connection,
      workingDirectory: ctx.workingDirectory,
      settings: ctx.settings
    })
    return {
      outputs: {
        'backup-uri': result.uri,
        'backup-size': String(result.size),
        'backup-sha256': result.sha256,
        'manifest-uri': result.manifestUri
      },
      markdown: renderBackupReport(result),
      report: {
        backup: {
          uri: result.uri,
          manifestUri: result.manifestUri,
          destination: result.destination,
          size: result.size,
          sha256: result.sha256,
          durationMs: result.durationMs,
          restoreCommand: result.restoreCommand,
          retention: result.retention ?? null,
          manifest: result.manifest
        }
      }
    }
  } catch (error) {
    const failure = toActionError(error)
    return {
      outputs: {},
      markdown: renderBackupFailure(ctx.connection.database, scrub(failure.message)),
      report: { backup: { failed: true, error: scrub(failure.describe()) } },
      failure
    }
  }
}

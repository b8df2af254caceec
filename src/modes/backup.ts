import { ActionError, getErrorMessage } from '../errors.js'
import { renderBackupFailure, renderBackupReport } from '../backup/report.js'
import { BackupLeftoverError, runBackup } from '../backup/run-backup.js'
import type { BackupModeSettings } from '../settings/settings.js'
import { scrub } from '../util/secrets.js'
import type { ModeResult } from './types.js'

export function toActionError(error: unknown): ActionError {
  if (error instanceof ActionError) return error
  return new ActionError(scrub(getErrorMessage(error)), { cause: error })
}

/** mode: backup — one streamed, verified, manifest-backed backup plus retention. */
export async function runBackupMode(
  ctx: Pick<BackupModeSettings, 'connection' | 'workingDirectory' | 'backup'>
): Promise<ModeResult> {
  try {
    const result = await runBackup({
      connection: ctx.connection,
      workingDirectory: ctx.workingDirectory,
      settings: ctx.backup
    })
    const retentionFailed = result.retention?.failed
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
      },
      completed: `Backup stored as ${result.uri} (${result.size} bytes, sha256 ${result.sha256}) with its manifest ${result.manifestUri}`,
      // Retention that cannot delete fails the step (storage would grow unnoticed), but never un-reports the backup.
      failure:
        retentionFailed === undefined
          ? undefined
          : new ActionError(
              `Backup stored as ${result.uri} with its manifest ${result.manifestUri}, but retention failed: ${retentionFailed}`,
              {
                hint: 'The new backup is complete and usable. Give the credentials s3:DeleteObject (and s3:ListBucket) on the prefix, or remove `keep-last`/`keep-days` and expire old backups with a bucket lifecycle rule.'
              }
            )
    }
  } catch (error) {
    const failure = toActionError(error)
    const leftover = error instanceof BackupLeftoverError ? error.leftover : undefined
    return {
      outputs: {},
      markdown: renderBackupFailure(ctx.connection.database, scrub(failure.message), leftover),
      report: { backup: { failed: true, error: scrub(failure.describe()), leftover: leftover ?? null } },
      failure
    }
  }
}

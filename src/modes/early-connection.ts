/**
 * The connection request of a migrate mode, sent before the mode's code is loaded. Through a remote database's
 * public proxy every round trip costs 10–100 ms, and a connection takes three or more (TCP, TLS, authentication)
 * before the first query: sent first, they are answered while the mode loads and the migrations folder is read
 * (see bench/, status through a 20 ms round trip). Only the startup message and the authentication exchange are
 * sent before the folder is accepted: a refused migration file still stops the run before any statement reaches
 * the database, and the request is closed unused (`discard`).
 *
 * Kept small on purpose: importing this module must cost little more than `pg` itself.
 */
import { startConnecting, type EarlyClient, type StartupOptions } from '../db/connect.js'
import { sessionTimeouts } from '../settings/lock-settings.js'
import type { MigrateModeSettings } from '../settings/settings.js'

/** The startup options of a migrate mode's session (migrate-deploy's lock_timeout / statement_timeout). */
export function migrateStartup(settings: MigrateModeSettings): StartupOptions {
  return {
    baseDir: settings.workingDirectory,
    sessionSettings: settings.mode === 'migrate-deploy' ? sessionTimeouts(settings.lockSafety) : undefined
  }
}

/** The mode's connection request, on its way; undefined without a database (an offline review). */
export function connectEarly(settings: MigrateModeSettings): EarlyClient | undefined {
  return settings.connection ? startConnecting(settings.connection, migrateStartup(settings)) : undefined
}

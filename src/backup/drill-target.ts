/**
 * The drill's target database: proven not to be the source however its URL spells it, checked again by the
 * session that may drop its schemas, and emptied only with `target-clean`.
 */
import * as core from '@actions/core'
import { type ConnectOptions, type DbSession, connect, quoteIdent } from '../db/connect.js'
import { type ConnectionSettings, describeTarget } from '../db/connection-url.js'
import { ActionError, getErrorMessage } from '../errors.js'
import { info } from '../util/log.js'
import {
  type DatabaseIdentity,
  checkTargetIsNotSource,
  describeIdentity,
  readIdentity,
  sameDatabase
} from './identity.js'
import type { TargetIdentity } from './results.js'

const SESSION: Omit<ConnectOptions, 'baseDir'> = { ensureSchema: false, setSearchPath: false }

export async function connectAs(
  input: 'database-url' | 'target-database-url',
  settings: ConnectionSettings,
  baseDir: string
): Promise<DbSession> {
  try {
    return await connect(settings, { ...SESSION, baseDir })
  } catch (error) {
    const e = error instanceof ActionError ? error : new ActionError(getErrorMessage(error))
    const why =
      input === 'database-url'
        ? 'A drill proves that `target-database-url` is not the source by comparing what both connections reach (server system identifier, database oid), so the source must be reachable from this job; a role that may only connect is enough.'
        : 'Check `target-database-url`: the scratch database must exist and accept connections from this job.'
    throw new ActionError(
      `Restore drill: connecting to \`${input}\` failed, so nothing was dropped or restored. ${e.message}`,
      { code: e.code, hint: e.hint ? `${why} ${e.hint}` : why, cause: error }
    )
  }
}

/**
 * Connect to both databases and refuse a target that is the source, however its URL spells it. The source
 * session is opened first and read last: had its server restarted in between (a new start time), that session
 * would be gone and the read would fail instead of comparing a stale identity.
 */
export async function proveTargetIsNotSource(ctx: {
  connection: ConnectionSettings
  target: ConnectionSettings
  workingDirectory: string
}): Promise<TargetIdentity> {
  const source = await connectAs('database-url', ctx.connection, ctx.workingDirectory)
  try {
    const targetSession = await connectAs('target-database-url', ctx.target, ctx.workingDirectory)
    let target: DatabaseIdentity
    try {
      target = await readIdentity(targetSession.client)
    } finally {
      await targetSession.close()
    }
    const sourceIdentity = await readIdentity(source.client)
    const sameServerAsSource = checkTargetIsNotSource(sourceIdentity, target)
    info(`Restore target: ${describeIdentity(target)}; source: ${describeIdentity(sourceIdentity)}`)
    if (sameServerAsSource) {
      core.warning(
        `target-database-url is another database on the source's own server. The backup's SQL runs there with the target role's privileges, so a forged backup can reach whatever that role reaches on the production server (roles, other databases, COPY ... PROGRAM for a superuser). Prefer a throwaway server such as a \`services: postgres\` container.`
      )
    }
    return { sameServerAsSource, target, source: sourceIdentity }
  } finally {
    await source.close()
  }
}

/** Connect to the target, prove it is still the database that was checked, and empty it (`clean`) or refuse. */
export async function prepareTarget(
  target: ConnectionSettings,
  options: { workingDirectory: string; clean: boolean },
  checked: DatabaseIdentity
): Promise<void> {
  const session = await connectAs('target-database-url', target, options.workingDirectory)
  try {
    // The same session that may drop schemas proves it is the database that was compared with the source.
    const now = await readIdentity(session.client)
    if (!sameDatabase(checked, now)) {
      throw new ActionError(
        `Restore drill: \`target-database-url\` now reaches ${describeIdentity(now)}, not the ${describeIdentity(checked)} that was compared with the source; nothing was dropped or restored.`,
        {
          hint: 'The host name resolves to different servers (DNS, a load balancer, a restart). Use an address that always reaches the same scratch server.'
        }
      )
    }
    const { rows } = await session.client.query<{ nspname: string; tables: string }>(
      `SELECT n.nspname, count(c.oid)::text AS tables FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' GROUP BY 1 ORDER BY 1`
    )
    const tables = rows.reduce((sum, r) => sum + Number(r.tables), 0)
    if (tables === 0) return
    if (!options.clean) {
      throw new ActionError(
        `The drill target ${describeTarget(target)} already holds ${tables} tables or views; refusing to restore into it.`,
        {
          hint: 'Use an empty scratch database, or set `target-clean: true` to drop its schemas first.'
        }
      )
    }
    info(
      `target-clean: dropping schemas ${rows.map((r) => r.nspname).join(', ')} of ${describeTarget(target)}`
    )
    for (const r of rows) await session.client.query(`DROP SCHEMA ${quoteIdent(r.nspname)} CASCADE`)
    await session.client.query('CREATE SCHEMA IF NOT EXISTS public')
  } finally {
    await session.close()
  }
}

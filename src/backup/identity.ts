import type pg from 'pg'
import { InputError } from '../errors.js'

/**
 * Who a connection really reached, whatever its URL says: the server (its system identifier, and the start time
 * of its postmaster) and the database (its oid and name). Two URLs can name one database in many spellings
 * (a socket directory in `?host=`, `localhost`/`127.0.0.1`/`127.1`, another port forwarded to it, another user,
 * upper case, percent-encoding), so the restore drill compares these instead.
 */
export interface DatabaseIdentity {
  /** pg_control_system().system_identifier; null when the role may not call it (some managed services). */
  systemIdentifier: string | null
  /** pg_postmaster_start_time() in UTC with microseconds: one value per running server. */
  startedAt: string
  databaseOid: string
  databaseName: string
  /** pg_database.datistemplate: template1 and friends are copied into every new database. */
  isTemplate: boolean
}

/** Time-zone and DateStyle independent, so that two sessions with different settings agree. */
const STARTED_AT = `to_char(pg_postmaster_start_time() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
const DATABASE_OID = '(SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())'

export async function readIdentity(client: pg.Client): Promise<DatabaseIdentity> {
  const { rows } = await client.query<{ oid: string; name: string; started: string; template: boolean }>(
    `SELECT d.oid::text AS oid, d.datname AS name, d.datistemplate AS template, ${STARTED_AT} AS started
     FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()`
  )
  let systemIdentifier: string | null = null
  try {
    const result = await client.query<{ id: string }>(
      'SELECT system_identifier::text AS id FROM pg_catalog.pg_control_system()'
    )
    systemIdentifier = result.rows[0]?.id ?? null
  } catch {
    // Revoked on some managed services: the postmaster's start time then tells servers apart.
    systemIdentifier = null
  }
  return {
    systemIdentifier,
    startedAt: rows[0].started,
    databaseOid: rows[0].oid,
    databaseName: rows[0].name,
    isTemplate: rows[0].template
  }
}

/**
 * The same server: equal system identifiers when both sides can read them, else the same postmaster start time.
 * A physical copy of a server (a promoted replica, a point-in-time restore, some providers' branches) keeps the
 * system identifier, so it counts as the same server: a drill there must use a database of another name.
 */
export function sameServer(a: DatabaseIdentity, b: DatabaseIdentity): boolean {
  if (a.systemIdentifier !== null && b.systemIdentifier !== null)
    return a.systemIdentifier === b.systemIdentifier
  return a.startedAt === b.startedAt
}

function serverName(identity: DatabaseIdentity): string {
  return identity.systemIdentifier !== null
    ? `system identifier ${identity.systemIdentifier}`
    : `started at ${identity.startedAt}`
}

export function describeIdentity(identity: DatabaseIdentity): string {
  return `database "${identity.databaseName}" (oid ${identity.databaseOid}) on the server with ${serverName(identity)}`
}

/**
 * Refuse a drill target that is the source database. The same server is allowed only with another database:
 * a database of another name and oid is another database (a scratch one next to the source).
 * Returns whether the target is on the source's server.
 */
export function checkTargetIsNotSource(source: DatabaseIdentity, target: DatabaseIdentity): boolean {
  if (target.isTemplate) {
    throw new InputError(
      'target-database-url',
      `reaches the template database "${target.databaseName}": every database created on that server afterwards would copy what the drill restores there. Nothing was dropped or restored.`,
      'Point `target-database-url` at a scratch database: a `services: postgres` container, or an empty database made for the drill (e.g. CREATE DATABASE drill).'
    )
  }
  if (!sameServer(source, target)) return false
  if (source.databaseOid === target.databaseOid || source.databaseName === target.databaseName) {
    throw new InputError(
      'target-database-url',
      `reaches the source database: ${describeIdentity(target)}, the database \`database-url\` names (however the two URLs spell host, port, socket directory, user or name). A restore drill never restores into the source; nothing was dropped or restored.`,
      'Point `target-database-url` at a scratch database: a `services: postgres` container, another server, or an empty database of another name on this server (e.g. CREATE DATABASE drill).'
    )
  }
  return true
}

/** Whether `now` (read again before a destructive step) is still the target that was checked. */
export function sameDatabase(checked: DatabaseIdentity, now: DatabaseIdentity): boolean {
  return (
    checked.databaseOid === now.databaseOid &&
    checked.databaseName === now.databaseName &&
    checked.startedAt === now.startedAt &&
    checked.systemIdentifier === now.systemIdentifier
  )
}

/**
 * SQL that fails unless its session is connected to `checked`: the first statement of a psql restore, so that the
 * process doing the restore proves it reached the database that was compared with the source.
 */
export function identityGuardSql(checked: DatabaseIdentity): string {
  const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`
  return [
    'DO $pgops_guard$ BEGIN',
    `  IF ${DATABASE_OID}::text IS DISTINCT FROM ${literal(checked.databaseOid)}`,
    `     OR ${STARTED_AT} IS DISTINCT FROM ${literal(checked.startedAt)} THEN`,
    `    RAISE EXCEPTION 'restore-drill: this session did not reach the checked target database; nothing is restored';`,
    '  END IF;',
    'END $pgops_guard$;'
  ].join('\n')
}

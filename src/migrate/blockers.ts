/**
 * Who is in the way: the sessions a blocked migration waits for (`pg_blocking_pids`), and the session holding
 * Prisma's migrate lock. Only who and since when, never the query text: it can hold data.
 *
 * A backend that waits for a lock cannot answer questions about itself, and once lock_timeout has cancelled its
 * statement it no longer waits for anybody, so the blockers are sampled from a second short-lived connection
 * while the attempt runs.
 */
import * as core from '@actions/core'
import type pg from 'pg'
import { PRISMA_ADVISORY_LOCK_KEY } from '../constants.js'
import { openClient } from '../db/connect.js'
import type { ConnectionSettings } from '../db/connection-url.js'

/** Samples who blocks the session while an attempt runs; `stop` returns the latest non-empty sample. */
export interface BlockerWatch {
  stop: () => Promise<BlockingSession[]>
}

export interface BlockerWatcher {
  watch: (onSample?: (blockers: BlockingSession[]) => void) => BlockerWatch
}

export interface BlockingSession {
  pid: number
  applicationName: string | null
  user: string | null
  /** Client address (host), `local socket`, or null when this role may not see it. */
  client: string | null
  /** `active`, `idle in transaction`...; null when this role may not see it. */
  state: string | null
  /** Seconds since the session's current transaction began; null outside a transaction or when not visible. */
  transactionAgeSeconds: number | null
  /** When the session connected (ISO); null when not visible. */
  sessionStartedAt: string | null
  /** When `state` last changed (ISO); null when not visible. */
  stateSince: string | null
}

/**
 * One row per session, every column but `query`. Other roles' sessions show only pid, user and
 * application_name unless we are a superuser or a member of pg_read_all_stats; the rest is then NULL.
 */
const SESSION_COLUMNS = `a.pid, a.application_name, a.usename,
  CASE WHEN a.client_addr IS NOT NULL THEN host(a.client_addr) WHEN a.client_port = -1 THEN 'local socket' END AS client,
  a.state,
  EXTRACT(EPOCH FROM clock_timestamp() - a.xact_start)::float8 AS xact_age,
  to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS backend_start,
  to_char(a.state_change AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS state_change`

/**
 * The sessions `$1` waits for. pg_blocking_pids takes the lock manager's locks, so it is only called while the
 * backend actually waits for a heavyweight lock (pg_stat_activity alone is cheap).
 */
const BLOCKERS_SQL = `WITH waiting AS (
  SELECT CASE WHEN wait_event_type = 'Lock' THEN pg_blocking_pids(pid) END AS pids
  FROM pg_stat_activity WHERE pid = $1
)
SELECT ${SESSION_COLUMNS}
FROM waiting, pg_stat_activity a
WHERE a.pid = ANY(waiting.pids)
ORDER BY a.xact_start NULLS LAST, a.pid`

/**
 * The rows of `pg_locks` (as `alias`) that are Prisma's migrate lock, granted, on this database. Session-level
 * `pg_advisory_lock(bigint)`: classid = high 32 bits, objid = low 32 bits, objsubid = 1.
 */
export function prismaLockCondition(alias: string): string {
  return `${alias}.locktype = 'advisory' AND ${alias}.granted AND ${alias}.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND ${alias}.classid = 0 AND ${alias}.objid = ${PRISMA_ADVISORY_LOCK_KEY} AND ${alias}.objsubid = 1`
}

const ADVISORY_HOLDERS_SQL = `SELECT ${SESSION_COLUMNS}
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE ${prismaLockCondition('l')}
ORDER BY a.pid`

interface SessionRow {
  pid: number
  application_name: string | null
  usename: string | null
  client: string | null
  state: string | null
  xact_age: number | null
  backend_start: string | null
  state_change: string | null
}

function toSession(row: SessionRow): BlockingSession {
  return {
    pid: row.pid,
    applicationName: row.application_name,
    user: row.usename,
    client: row.client,
    state: row.state,
    transactionAgeSeconds: row.xact_age === null ? null : Math.round(row.xact_age * 10) / 10,
    sessionStartedAt: row.backend_start,
    stateSince: row.state_change
  }
}

/** The sessions backend `pid` is waiting for right now (empty when it waits for nothing). */
export async function sampleBlockers(client: pg.Client, pid: number): Promise<BlockingSession[]> {
  const { rows } = await client.query<SessionRow>(BLOCKERS_SQL, [pid])
  return rows.map(toSession)
}

/** The sessions holding Prisma's migrate lock (72707369) on this database. */
export async function advisoryLockHolders(client: pg.Client): Promise<BlockingSession[]> {
  const { rows } = await client.query<SessionRow>(ADVISORY_HOLDERS_SQL)
  return rows.map(toSession)
}

/**
 * Text from the database (application_name, user, index names) or SQL we wrote around it, as one code span that
 * nothing can break out of: control characters and backticks written as \uXXXX escapes, the rest as is. Safe in
 * logs, messages and markdown (no HTML, mention or link is live inside a code span).
 */
export function dbText(value: string): string {
  const safe = value.replace(
    /[\u0000-\u001f\u007f\u0085\u2028\u2029`]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  return `\`${safe}\``
}

function ageText(value: number): string {
  return value < 10 ? `${value.toFixed(1)} s` : `${Math.round(value)} s`
}

/** One line about a session: pid, application_name, user, client, state, transaction age (never its query). */
export function describeSession(
  session: BlockingSession,
  extra: 'transaction' | 'since' = 'transaction'
): string {
  const parts = [`pid ${session.pid}`]
  parts.push(`application_name ${session.applicationName ? dbText(session.applicationName) : '(empty)'}`)
  if (session.user !== null) parts.push(`user ${dbText(session.user)}`)
  const visible = session.state !== null || session.client !== null || session.sessionStartedAt !== null
  if (!visible) {
    parts.push('other details not visible to this role (grant it pg_read_all_stats to see them)')
    return parts.join(', ')
  }
  if (session.client !== null) parts.push(`client ${dbText(session.client)}`)
  if (session.state !== null) parts.push(`state ${dbText(session.state)}`)
  if (extra === 'transaction') {
    parts.push(
      session.transactionAgeSeconds === null
        ? 'no transaction open'
        : `transaction open for ${ageText(session.transactionAgeSeconds)}`
    )
  } else {
    if (session.sessionStartedAt) parts.push(`connected since ${session.sessionStartedAt}`)
    if (session.stateSince && session.state) parts.push(`${session.state} since ${session.stateSince}`)
  }
  return parts.join(', ')
}

const LIST_LIMIT = 10

/** "pid 1 (...); pid 2 (...)", at most ten, then how many more. */
export function describeSessions(
  sessions: BlockingSession[],
  extra: 'transaction' | 'since' = 'transaction'
): string {
  const shown = sessions.slice(0, LIST_LIMIT).map((s) => describeSession(s, extra))
  const more = sessions.length - shown.length
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '')
}

/**
 * Samples `pg_blocking_pids` of one backend from its own connection, every `intervalMs` while an attempt runs.
 * Best effort: when it cannot connect or a sample fails, the deploy goes on without names.
 */
export class BlockerMonitor implements BlockerWatcher {
  private constructor(
    private readonly client: Promise<pg.Client | undefined>,
    private readonly pid: number,
    private readonly intervalMs: number
  ) {}

  /**
   * Starts opening the monitor's connection and returns at once: the connection is only needed for the first
   * sample, one interval into an attempt, so opening it costs the deploy no round trip of its own. When it cannot
   * connect, it says why once and the deploy goes on without names.
   */
  static start(
    settings: ConnectionSettings,
    baseDir: string,
    pid: number,
    intervalMs: number
  ): BlockerMonitor {
    // No startup options: they are what a connection pooler may refuse, and its queries never wait for a lock.
    const client = openClient(settings, baseDir, {
      applicationName: 'prisma-postgres-ops-action lock monitor'
    }).catch((error: unknown) => {
      core.warning(
        `Could not open a second connection to watch for blocking sessions (${(error as Error).message}); a migration that waits for a lock will not name who holds it.`
      )
      return undefined
    })
    return new BlockerMonitor(client, pid, intervalMs)
  }

  watch(onSample?: (blockers: BlockingSession[]) => void): BlockerWatch {
    let stopped = false
    let latest: BlockingSession[] = []
    let timer: NodeJS.Timeout | undefined
    let wake: (() => void) | undefined
    const loop = (async () => {
      while (!stopped) {
        await new Promise<void>((resolve) => {
          wake = resolve
          timer = setTimeout(resolve, this.intervalMs)
        })
        if (stopped) break
        const client = await this.client
        if (!client) break
        try {
          const sample = await sampleBlockers(client, this.pid)
          if (sample.length > 0) latest = sample
          onSample?.(sample)
        } catch (error) {
          core.debug(`blocker sample failed: ${(error as Error).message}`)
        }
      }
    })()
    return {
      stop: async () => {
        stopped = true
        clearTimeout(timer)
        wake?.()
        await loop
        return latest
      }
    }
  }

  async close(): Promise<void> {
    await (await this.client)?.end().catch(() => undefined)
  }
}

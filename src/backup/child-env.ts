import { type ConnectionSettings, toLibpqEnv } from '../db/connection-url.js'

/** Variables a PostgreSQL client may need from the runner; everything else (INPUT_*, AWS_*, tokens) stays out. */
const PASS_THROUGH = [
  'PATH',
  'HOME',
  'TMPDIR',
  'TZ',
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'LC_CTYPE',
  'LC_MESSAGES',
  'SYSTEMROOT'
]

/**
 * The environment of pg_dump/pg_restore/psql: an allow-list of the runner's variables plus explicit libpq
 * settings. The password travels in PGPASSWORD, never in argv, and secrets of other inputs never reach the child.
 */
export function clientEnv(settings?: ConnectionSettings, baseDir = process.cwd()): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const name of PASS_THROUGH) if (process.env[name] !== undefined) env[name] = process.env[name]
  // Without a connection the child still must not fall back to a local cluster via PG* defaults.
  return settings ? { ...env, ...toLibpqEnv(settings, baseDir) } : env
}

/**
 * `migration_lock.toml`, read with the schema engine's literal parser (prisma-migrate-compat.md §3.3): not TOML,
 * just the first line starting with `provider`, with `provider = ` and surrounding quotes trimmed.
 */
import { providerSwitchedError } from './prisma-errors.js'

export const LOCKFILE_NAME = 'migration_lock.toml'
export const PROVIDER_NOT_FOUND = '<PROVIDER NOT FOUND>'

/** The provider as Prisma reads it. */
export function lockfileProvider(content: string): string {
  // Rust's `str::lines` splits on \n and drops one trailing \r per line.
  const line = content
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
    .find((l) => l.startsWith('provider'))
  if (line === undefined) return PROVIDER_NOT_FOUND
  let value = line
  while (value.startsWith('provider = ')) value = value.slice('provider = '.length)
  return value.replace(/^"+|"+$/g, '')
}

/** Prisma's connector type for both `postgresql` and its alias `postgres`. */
const CONNECTOR_TYPE = 'postgresql'

/** Throws P3019 when the lock file names another provider; an absent lock file is not checked (like Prisma). */
export function checkLockfileContent(content: string | null, path: string): void {
  if (content === null) return
  const provider = lockfileProvider(content)
  if (provider !== CONNECTOR_TYPE) throw providerSwitchedError(provider, path)
}

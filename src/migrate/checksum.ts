/**
 * The `_prisma_migrations.checksum` of a migration script, computed and compared exactly as Prisma's schema
 * engine does (prisma-migrate-compat.md §2): SHA-256 of the UTF-8 text as Node reads it, lowercase hex.
 */
import { createHash } from 'node:crypto'

function sha256(script: string): Buffer {
  return createHash('sha256').update(script, 'utf8').digest()
}

/** The 64-character rendering Prisma stores. */
export function migrationChecksum(script: string): string {
  return sha256(script).toString('hex')
}

/** Tables written by Prisma before 2.15 hold digests whose bytes were rendered without zero padding. */
function legacyChecksum(digest: Buffer): string {
  let out = ''
  for (const byte of digest) out += byte.toString(16)
  return out
}

/**
 * Whether a local script still matches a stored checksum, tolerating line-ending conversions (a checkout with
 * `core.autocrlf` must not look like an edit). Mirrors `script_matches_checksum`, including its quirk of turning
 * an existing `\r\n` into `\r\r\n` in the LF-to-CRLF candidate.
 */
export function scriptMatchesChecksum(script: string, stored: string): boolean {
  if (stored.length === 0) return false
  const render = stored.length === 64 ? (digest: Buffer) => digest.toString('hex') : legacyChecksum
  const candidates = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')]
  return candidates.some((candidate) => render(sha256(candidate)) === stored)
}

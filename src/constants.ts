export const MODES = [
  'migrate-status',
  'migrate-deploy',
  'migrate-resolve',
  'backup',
  'restore-drill'
] as const
export type Mode = (typeof MODES)[number]

/** Injected at build time would be nicer; package.json is the one source of truth and the tests check this. */
export const ACTION_NAME = 'prisma-postgres-ops-action'
export const ACTION_VERSION = '0.1.0'

/** GitHub's limits. */
export const MAX_COMMENT_CHARS = 65536
export const MAX_SUMMARY_BYTES = 1024 * 1024
export const MAX_ANNOTATIONS_PER_LEVEL = 10

/** Prisma Migrate's advisory lock key and its client-side timeout. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369
export const PRISMA_ADVISORY_LOCK_TIMEOUT_MS = 10_000

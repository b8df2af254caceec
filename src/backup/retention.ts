import { getErrorMessage } from '../errors.js'
import { info } from '../util/log.js'
import {
  type BackupManifest,
  backupDirectory,
  manifestKeyFor,
  objectKeyOfManifest,
  parseManifest
} from './manifest.js'
import type { BackupStorage } from './storage/types.js'

export interface RetentionPolicy {
  keepLast?: number
  keepDays?: number
}

export interface RetentionCandidate {
  key: string
  manifestKey: string
  createdAt: Date
  verified: boolean
}

export interface RetentionDecision {
  keep: RetentionCandidate[]
  delete: (RetentionCandidate & { reason: string })[]
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Which of our backups to delete. A backup goes only when every given rule lets it go (outside the newest
 * `keepLast` and older than `keepDays`), and the newest verified backup always stays, whatever the rules say.
 * Pure: candidates are the backups whose manifests we wrote; anything else never reaches this function.
 */
export function decideRetention(
  candidates: RetentionCandidate[],
  policy: RetentionPolicy,
  now: Date
): RetentionDecision {
  const sorted = [...candidates].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.key.localeCompare(a.key)
  )
  if (policy.keepLast === undefined && policy.keepDays === undefined) return { keep: sorted, delete: [] }
  const newestVerified = sorted.find((c) => c.verified)
  const decision: RetentionDecision = { keep: [], delete: [] }
  sorted.forEach((candidate, index) => {
    const keptByCount = policy.keepLast !== undefined && index < policy.keepLast
    const ageDays = (now.getTime() - candidate.createdAt.getTime()) / DAY_MS
    const keptByAge = policy.keepDays !== undefined && ageDays < policy.keepDays
    if (candidate === newestVerified || keptByCount || keptByAge) {
      decision.keep.push(candidate)
      return
    }
    const reasons: string[] = []
    if (policy.keepLast !== undefined) reasons.push(`not among the newest ${policy.keepLast}`)
    if (policy.keepDays !== undefined)
      reasons.push(`older than ${policy.keepDays} days (${ageDays.toFixed(1)})`)
    decision.delete.push({ ...candidate, reason: reasons.join(' and ') })
  })
  return decision
}

/** Our backups of `database` under `prefix`: objects that a manifest of ours (same key) vouches for. */
export async function listOurBackups(
  storage: BackupStorage,
  prefix: string,
  database: string
): Promise<{ candidate: RetentionCandidate; manifest: BackupManifest }[]> {
  const directory = backupDirectory(prefix, database)
  const objects = await storage.list(directory)
  const keys = new Set(objects.map((o) => o.key))
  const out: { candidate: RetentionCandidate; manifest: BackupManifest }[] = []
  for (const object of objects) {
    const key = objectKeyOfManifest(object.key)
    if (key === undefined || !keys.has(key)) continue
    const manifest = parseManifest(await storage.getBytes(object.key), key)
    if (!manifest || manifest.database !== database) continue
    out.push({
      candidate: {
        key,
        manifestKey: object.key,
        createdAt: new Date(manifest.createdAt),
        verified: manifest.verification.passed
      },
      manifest
    })
  }
  return out
}

export interface RetentionResult {
  deleted: { uri: string; createdAt: string; reason: string }[]
  kept: number
  skipped?: string
  /** Why retention stopped (e.g. the credentials may not delete); the new backup is stored all the same. */
  failed?: string
}

/**
 * Apply the policy after a verified backup. The object goes first, then its manifest: an interrupted run leaves
 * at worst a manifest without object (ignored by `latest` and retention), never an object nobody vouches for.
 */
export async function applyRetention(
  storage: BackupStorage,
  prefix: string,
  database: string,
  policy: RetentionPolicy,
  newestKey: string,
  now = new Date()
): Promise<RetentionResult> {
  const backups = await listOurBackups(storage, prefix, database)
  const candidates = backups.map((b) => b.candidate)
  // The backup we just made is the newest verified one by construction; make sure it is in the set.
  if (!candidates.some((c) => c.key === newestKey)) {
    return {
      deleted: [],
      kept: candidates.length,
      skipped: 'the new backup was not found in the listing, so nothing was deleted'
    }
  }
  const decision = decideRetention(candidates, policy, now)
  const deleted: RetentionResult['deleted'] = []
  // Retention stops at the first deletion refused: what was deleted so far is reported, the rest kept.
  const stopped = (key: string, error: unknown): RetentionResult => ({
    deleted,
    kept: candidates.length - deleted.length,
    failed: `deleting ${storage.uri(key)} failed: ${getErrorMessage(error)}`
  })
  for (const item of decision.delete) {
    if (item.key === newestKey) continue
    try {
      await storage.delete(item.key)
    } catch (error) {
      return stopped(item.key, error)
    }
    deleted.push({ uri: storage.uri(item.key), createdAt: item.createdAt.toISOString(), reason: item.reason })
    info(`Retention: deleted ${storage.uri(item.key)} (${item.reason})`)
    try {
      await storage.delete(manifestKeyFor(item.key))
    } catch (error) {
      // The object is gone; a manifest without its object is ignored by `latest` and by retention.
      return stopped(manifestKeyFor(item.key), error)
    }
  }
  return { deleted, kept: decision.keep.length }
}

/**
 * Pure: whether retention runs after a backup. Only a verified backup may let older ones go, and only where the
 * destination can delete (artifacts expire by `retention-days` instead); no rule, no retention.
 */
export function retentionAfterBackup(
  policy: RetentionPolicy,
  backup: { verified: boolean; canDelete: boolean }
): 'apply' | { skipped: string } | undefined {
  if (policy.keepLast === undefined && policy.keepDays === undefined) return undefined
  if (!backup.verified) return { skipped: 'retention runs only after a verified backup (`verify: true`)' }
  if (!backup.canDelete) return { skipped: 'this destination cannot delete; use retention-days' }
  return 'apply'
}

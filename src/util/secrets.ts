import * as core from '@actions/core'

/**
 * Every secret value seen this run, in each form it could appear in: raw, URL-encoded, URL-decoded, and the base64
 * text of each of those at any alignment (standard and URL-safe alphabet). `core.setSecret` masks them in the
 * runner's log; `scrub` removes them from text we write elsewhere (summary, PR comment, report file, outputs,
 * error messages).
 */
const known = new Set<string>()
/** `known`, longest first (a secret that contains another is replaced whole); rebuilt when one is added. */
let ordered: string[] | undefined

/** Shorter base64 runs would match unrelated text too often (a 6-byte secret has 8 characters of its own). */
const MIN_BASE64_CORE = 8

function forms(value: string): string[] {
  const out = new Set<string>([value])
  out.add(encodeURIComponent(value))
  try {
    out.add(decodeURIComponent(value))
  } catch {
    // not valid percent-encoding: the raw form is enough
  }
  return [...out].filter((v) => v.length >= 3)
}

/**
 * The base64 characters that encode `value` alone wherever it sits in a longer text: one run per alignment (0, 1
 * or 2 bytes before it), without the edge characters it shares with its neighbours, in the standard and the
 * URL-safe alphabet. `.git/config` keeps the checkout token as base64("x-access-token:<token>"), for instance.
 */
export function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8')
  const cores = new Set<string>()
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const run = encoded.slice([0, 2, 3][offset], Math.floor((offset + bytes.length) / 3) * 4)
    if (run.length < MIN_BASE64_CORE) continue
    cores.add(run)
    cores.add(run.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return [...cores]
}

function remember(value: string): void {
  if (known.has(value)) return
  known.add(value)
  ordered = undefined
  for (const line of value.split(/\r?\n/)) if (line.trim().length >= 3) core.setSecret(line.trim())
}

export function registerSecret(value: string | undefined): void {
  if (!value) return
  for (const form of forms(value)) {
    remember(form)
    // The runner masks base64(value) and base64 of the value without its first one or two bytes, each with its
    // padding: that catches a secret at the end of a base64 text only, and never the URL-safe alphabet. The
    // alignment-free runs below catch it anywhere.
    for (const encoded of base64Cores(form)) remember(encoded)
  }
}

export function scrub(text: string): string {
  // Called for every string of a report: the order is computed once, and text without a secret is not copied.
  ordered ??= [...known].sort((a, b) => b.length - a.length)
  let out = text
  for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join('***')
  return out
}

/** For tests: forget every registered secret. */
export function resetSecrets(): void {
  known.clear()
  ordered = undefined
}

import * as core from '@actions/core'

/**
 * Every secret value seen this run, in each form it could appear in (raw, URL-encoded, URL-decoded).
 * `core.setSecret` masks them in the runner's log; `scrub` removes them from text we write elsewhere
 * (summary, PR comment, report file, outputs, error messages).
 */
const known = new Set<string>()

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

export function registerSecret(value: string | undefined): void {
  if (!value) return
  for (const form of forms(value)) {
    if (known.has(form)) continue
    known.add(form)
    for (const line of form.split(/\r?\n/)) if (line.trim().length >= 3) core.setSecret(line.trim())
  }
}

export function scrub(text: string): string {
  let out = text
  const ordered = [...known].sort((a, b) => b.length - a.length)
  for (const secret of ordered) out = out.split(secret).join('***')
  return out
}

/** For tests: forget every registered secret. */
export function resetSecrets(): void {
  known.clear()
}

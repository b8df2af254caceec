import { InputError } from '../errors.js'

const INPUT = 'pg-dump-args'

interface FlagSpec {
  long: string
  short?: string
  takesValue: boolean
  /** Only allowed with this dump format. */
  format?: 'custom' | 'plain'
}

/**
 * Options that narrow or shape what is dumped. Everything that decides where the dump goes, how it connects or
 * which format it has is ours (`-f`, `-F`, `-d`, `-h`, `-U`, `-j`, `--snapshot`, ...), so it is not accepted here.
 */
const ALLOWED: FlagSpec[] = [
  { long: 'schema', short: 'n', takesValue: true },
  { long: 'exclude-schema', short: 'N', takesValue: true },
  { long: 'table', short: 't', takesValue: true },
  { long: 'exclude-table', short: 'T', takesValue: true },
  { long: 'table-and-children', takesValue: true },
  { long: 'exclude-table-and-children', takesValue: true },
  { long: 'exclude-table-data', takesValue: true },
  { long: 'exclude-table-data-and-children', takesValue: true },
  { long: 'extension', short: 'e', takesValue: true },
  { long: 'exclude-extension', takesValue: true },
  { long: 'section', takesValue: true },
  { long: 'encoding', short: 'E', takesValue: true },
  { long: 'lock-wait-timeout', takesValue: true },
  { long: 'role', takesValue: true },
  { long: 'compress', short: 'Z', takesValue: true, format: 'custom' },
  { long: 'rows-per-insert', takesValue: true, format: 'plain' },
  { long: 'no-owner', short: 'O', takesValue: false },
  { long: 'no-privileges', short: 'x', takesValue: false },
  { long: 'no-acl', takesValue: false },
  { long: 'no-comments', takesValue: false },
  { long: 'no-publications', takesValue: false },
  { long: 'no-subscriptions', takesValue: false },
  { long: 'no-security-labels', takesValue: false },
  { long: 'no-tablespaces', takesValue: false },
  { long: 'no-table-access-method', takesValue: false },
  { long: 'no-toast-compression', takesValue: false },
  { long: 'no-unlogged-table-data', takesValue: false },
  { long: 'no-large-objects', takesValue: false },
  { long: 'large-objects', short: 'b', takesValue: false },
  { long: 'blobs', takesValue: false },
  { long: 'no-blobs', short: 'B', takesValue: false },
  { long: 'quote-all-identifiers', takesValue: false },
  { long: 'load-via-partition-root', takesValue: false },
  { long: 'enable-row-security', takesValue: false },
  { long: 'strict-names', takesValue: false },
  { long: 'serializable-deferrable', takesValue: false },
  { long: 'no-sync', takesValue: false },
  { long: 'clean', short: 'c', takesValue: false, format: 'plain' },
  { long: 'if-exists', takesValue: false, format: 'plain' },
  { long: 'create', short: 'C', takesValue: false },
  { long: 'inserts', takesValue: false, format: 'plain' },
  { long: 'column-inserts', takesValue: false, format: 'plain' },
  { long: 'attribute-inserts', takesValue: false, format: 'plain' },
  { long: 'on-conflict-do-nothing', takesValue: false, format: 'plain' },
  { long: 'disable-dollar-quoting', takesValue: false },
  { long: 'disable-triggers', takesValue: false }
]

const byLong = new Map(ALLOWED.map((f) => [f.long, f]))
const byShort = new Map(ALLOWED.filter((f) => f.short).map((f) => [f.short as string, f]))

/** Split like a shell would for words and quotes, without any expansion (no shell ever runs these). */
export function splitArgs(text: string): string[] {
  const out: string[] = []
  let current = ''
  let inWord = false
  let quote: '"' | "'" | null = null
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === quote) quote = null
      else if (ch === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\'))
        current += text[++i]
      else current += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      inWord = true
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(current)
      current = ''
      inWord = false
    } else {
      current += ch
      inWord = true
    }
  }
  if (quote) throw new InputError(INPUT, 'has an unterminated quote.')
  if (inWord) out.push(current)
  return out
}

function refuse(arg: string, format: string): never {
  const names = ALLOWED.filter((f) => !f.format || f.format === format).map((f) => `--${f.long}`)
  throw new InputError(
    INPUT,
    `does not accept "${arg}".`,
    `Allowed options with format ${format}: ${names.join(', ')}. Connection, output file and format are set by the action.`
  )
}

/**
 * Validate the extra pg_dump options against the allow-list and return them in one canonical form
 * (`--long=value` / `--long`), so what runs is exactly what the manifest records.
 */
export function parseDumpArgs(text: string, format: 'custom' | 'plain'): string[] {
  const words = splitArgs(text)
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]
    let spec: FlagSpec | undefined
    let value: string | undefined
    if (word.startsWith('--')) {
      const eq = word.indexOf('=')
      const name = eq === -1 ? word.slice(2) : word.slice(2, eq)
      spec = byLong.get(name)
      if (eq !== -1) value = word.slice(eq + 1)
    } else if (/^-[A-Za-z]/.test(word)) {
      spec = byShort.get(word[1])
      if (word.length > 2) value = word.slice(2)
    }
    if (!spec || (spec.format && spec.format !== format)) refuse(word, format)
    if (spec.takesValue) {
      if (value === undefined) {
        value = words[++i]
        if (value === undefined) throw new InputError(INPUT, `needs a value after "${word}".`)
      }
      if (value === '') throw new InputError(INPUT, `has an empty value for "${word}".`)
      out.push(`--${spec.long}=${value}`)
    } else {
      if (value !== undefined) refuse(word, format)
      out.push(`--${spec.long}`)
    }
  }
  return out
}

import type { Mode } from '../constants.js'
import { InputError } from '../errors.js'

/**
 * Reads one input by its kebab-case name: the trimmed value, or '' when it is not set.
 * `main.ts` builds it from `core.getInput`; tests pass a plain map. No other module reads inputs.
 */
export type InputReader = (name: string) => string

export function readerFromMap(values: Record<string, string | undefined>): InputReader {
  return (name) => (values[name] ?? '').trim()
}

const TRUE = ['true', 'yes', 'on', '1']
const FALSE = ['false', 'no', 'off', '0']

export function parseBool(read: InputReader, name: string, fallback: boolean): boolean {
  const raw = read(name).toLowerCase()
  if (raw === '') return fallback
  if (TRUE.includes(raw)) return true
  if (FALSE.includes(raw)) return false
  throw new InputError(name, `must be true or false, got "${read(name)}".`)
}

export function parseChoice<T extends string>(
  read: InputReader,
  name: string,
  choices: readonly T[],
  fallback: T
): T {
  const raw = read(name)
  if (raw === '') return fallback
  const found = choices.find((c) => c === raw.toLowerCase())
  if (!found)
    throw new InputError(name, `has the unknown value "${raw}". Accepted values: ${choices.join(', ')}.`)
  return found
}

export function parseInteger(
  read: InputReader,
  name: string,
  options: { min: number; max?: number; fallback?: number }
): number | undefined {
  const raw = read(name)
  if (raw === '') return options.fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < options.min || (options.max !== undefined && value > options.max)) {
    const range = options.max === undefined ? `≥ ${options.min}` : `from ${options.min} to ${options.max}`
    throw new InputError(name, `must be a whole number ${range}, got "${raw}".`)
  }
  return value
}

/** A list given as comma- or newline-separated values; empty items are dropped. */
export function parseList(read: InputReader, name: string): string[] {
  return read(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** An input that only one mode reads, given to another: refused rather than ignored. */
export function onlyFor(
  read: InputReader,
  name: string,
  mode: Mode,
  used: Mode,
  hint: string
): string | undefined {
  const value = read(name) || undefined
  if (value && mode !== used)
    throw new InputError(name, `is only used by mode ${used}, but mode is ${mode}.`, hint)
  return value
}

import type { TypeInfo } from '../sql/ast.js'

/** Canonical names, so that `integer` from the catalog and `int4` from the parser compare equal. */
const ALIASES: Record<string, string> = {
  integer: 'int4',
  int: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  real: 'float4',
  'double precision': 'float8',
  decimal: 'numeric',
  'character varying': 'varchar',
  character: 'bpchar',
  char: 'bpchar',
  boolean: 'bool',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  serial: 'int4',
  serial4: 'int4',
  bigserial: 'int8',
  serial8: 'int8',
  smallserial: 'int2',
  serial2: 'int2'
}

export function canonicalType(t: TypeInfo): TypeInfo {
  return { ...t, name: ALIASES[t.name.toLowerCase()] ?? t.name }
}

const INTEGER_RANK: Record<string, number> = { int2: 1, int4: 2, int8: 3 }
const STRINGS = new Set(['text', 'varchar', 'bpchar'])

function unbounded(t: TypeInfo): boolean {
  return (t.name === 'text' || t.name === 'varchar') && t.mods.length === 0 && !t.isArray
}

/**
 * Whether every value of the old type survives the change. `unknown` when the old type is not known (no
 * database and the table was not created in the pending set) and the new type could be narrower.
 */
export function classifyTypeChange(
  oldType: TypeInfo | undefined,
  newType: TypeInfo,
  hasUsing: boolean
): 'safe' | 'lossy' | 'unknown' {
  const next = canonicalType(newType)
  if (!oldType) {
    if (unbounded(next)) return 'safe'
    // Without USING, Postgres only applies assignment casts; into these wide types they do not lose data.
    const wide = !next.isArray && next.mods.length === 0 && ['int8', 'numeric', 'float8'].includes(next.name)
    return wide && !hasUsing ? 'safe' : 'unknown'
  }
  const old = canonicalType(oldType)
  if (old.isArray !== next.isArray) return unbounded(next) ? 'safe' : 'lossy'
  if (unbounded(next)) return 'safe'
  if (old.name === next.name) return modsWiden(old, next) ? 'safe' : 'lossy'
  if (STRINGS.has(old.name) && next.name === 'varchar') return next.mods.length === 0 ? 'safe' : 'lossy'
  const from = INTEGER_RANK[old.name]
  const to = INTEGER_RANK[next.name]
  if (from && to) return to > from ? 'safe' : 'lossy'
  if (from && next.name === 'numeric')
    return next.mods.length === 0 || next.mods[0] - (next.mods[1] ?? 0) >= 19 ? 'safe' : 'lossy'
  if (from && from < 3 && next.name === 'float8') return 'safe'
  if (old.name === 'timestamp' && next.name === 'timestamptz') return modsWiden(old, next) ? 'safe' : 'lossy'
  return 'lossy'
}

function modsWiden(old: TypeInfo, next: TypeInfo): boolean {
  if (next.mods.length === 0) return true
  if (old.mods.length === 0) return false
  if (old.name === 'numeric') {
    const [p1, s1 = 0] = old.mods
    const [p2, s2 = 0] = next.mods
    return p2 - s2 >= p1 - s1 && s2 >= s1
  }
  return next.mods[0] >= old.mods[0]
}

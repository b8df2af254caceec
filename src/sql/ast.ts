/**
 * Small readers over libpg-query's AST. The node shapes are the server's own parse nodes (RangeVar, ColumnDef,
 * TypeName, ...); these helpers keep the review's rules short and free of casts, and tell migrate/ what a file
 * calls (the fast path's `set_config` check). Next to the parser, so that both folders may read the AST with them.
 */
// The AST is JSON from the WebAssembly parser; rules read it structurally.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNode = any

export interface RelationName {
  schema?: string
  name: string
}

/** `{ RangeVar }` or a bare RangeVar → schema and name. */
export function relationOf(node: AnyNode): RelationName | undefined {
  const rv = node?.RangeVar ?? node
  if (!rv || typeof rv.relname !== 'string') return undefined
  return { schema: rv.schemaname, name: rv.relname }
}

/** A `List` of `String` nodes (or a bare array of them) → strings. */
export function stringsOf(node: AnyNode): string[] {
  const items: AnyNode[] = Array.isArray(node) ? node : (node?.List?.items ?? [])
  return items.map((i) => i?.String?.sval).filter((s): s is string => typeof s === 'string')
}

/** A qualified name list (['public', 'E']) → RelationName. */
export function qualifiedName(parts: string[]): RelationName {
  return parts.length > 1
    ? { schema: parts[parts.length - 2], name: parts[parts.length - 1] }
    : { name: parts[0] ?? '' }
}

/** The key used to follow one object through the pending set; unqualified and `public` are the same. */
export function objectKey(rel: RelationName): string {
  return rel.schema && rel.schema !== 'public' ? `${rel.schema}.${rel.name}` : rel.name
}

export function displayName(rel: RelationName): string {
  return rel.schema && rel.schema !== 'public' ? `${rel.schema}.${rel.name}` : rel.name
}

export interface TypeInfo {
  /** Base name without pg_catalog, e.g. `varchar`, `int4`, `MyEnum`. */
  name: string
  schema?: string
  /** Numeric type modifiers, e.g. [50] for varchar(50), [10, 2] for numeric(10,2). */
  mods: number[]
  isArray: boolean
}

export function typeOf(typeName: AnyNode): TypeInfo {
  const parts = stringsOf(typeName?.names ?? [])
  const name = parts[parts.length - 1] ?? 'unknown'
  const schema = parts.length > 1 && parts[0] !== 'pg_catalog' ? parts[0] : undefined
  const mods = (typeName?.typmods ?? [])
    .map((m: AnyNode) => m?.A_Const?.ival?.ival)
    .filter((v: unknown): v is number => typeof v === 'number')
  return {
    name,
    schema,
    mods,
    isArray: Array.isArray(typeName?.arrayBounds) && typeName.arrayBounds.length > 0
  }
}

const DISPLAY: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  bpchar: 'char',
  varchar: 'varchar',
  timestamptz: 'timestamptz',
  timestamp: 'timestamp',
  numeric: 'numeric'
}

/** How a type reads in a message: `varchar(50)`, `integer`, `"Status"[]`. */
export function displayType(t: TypeInfo): string {
  const base = DISPLAY[t.name] ?? (/^[a-z_][a-z0-9_]*$/.test(t.name) ? t.name : `"${t.name}"`)
  const mods = t.mods.length ? `(${t.mods.join(',')})` : ''
  return `${base}${mods}${t.isArray ? '[]' : ''}`
}

export interface ColumnDefInfo {
  name: string
  type: TypeInfo
  notNull: boolean
  hasDefault: boolean
  /** Identity or generated columns fill themselves. */
  generated: boolean
}

export function columnDefOf(node: AnyNode): ColumnDefInfo | undefined {
  const def = node?.ColumnDef
  if (!def) return undefined
  const constraints: AnyNode[] = (def.constraints ?? []).map((c: AnyNode) => c.Constraint).filter(Boolean)
  const type = typeOf(def.typeName)
  const serial = ['serial', 'serial4', 'serial8', 'bigserial', 'smallserial', 'serial2'].includes(type.name)
  return {
    name: def.colname,
    type,
    notNull: constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY'),
    hasDefault:
      serial || def.raw_default !== undefined || constraints.some((c) => c.contype === 'CONSTR_DEFAULT'),
    generated:
      constraints.some((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED') ||
      def.identity
  }
}

/** Every RangeVar under a node (the tables a view's query reads). */
export function collectRelations(node: AnyNode, out: RelationName[] = []): RelationName[] {
  if (Array.isArray(node)) {
    for (const item of node) collectRelations(item, out)
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'RangeVar') {
        const rel = relationOf(value)
        if (rel) out.push(rel)
      } else collectRelations(value, out)
    }
  }
  return out
}

/** Every string constant under a node. */
export function collectStringConstants(node: AnyNode, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) collectStringConstants(item, out)
  } else if (node && typeof node === 'object') {
    const sval = node.A_Const?.sval?.sval
    if (typeof sval === 'string') out.add(sval)
    for (const value of Object.values(node)) collectStringConstants(value, out)
  }
  return out
}

/** `"quoted ""name"""` or `plain` → the identifier Postgres would see before truncation. */
export function identifierFromToken(text: string): string {
  if (text.startsWith('"')) return text.slice(1, -1).replace(/""/g, '"')
  if (/^u&"/i.test(text)) return text.slice(3, -1)
  return text.toLowerCase()
}

/** Names of the CTEs (`WITH x AS (...)`) anywhere under a node: a RangeVar with such a name is not a table. */
export function cteNames(node: AnyNode, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) cteNames(item, out)
  } else if (node && typeof node === 'object') {
    const name = node.CommonTableExpr?.ctename
    if (typeof name === 'string') out.add(name)
    for (const value of Object.values(node)) cteNames(value, out)
  }
  return out
}

/** Whether an expression reads nothing: no column, no subquery, no table (constants, casts, `now()`...). */
export function isSelfContained(node: AnyNode): boolean {
  if (Array.isArray(node)) return node.every(isSelfContained)
  if (!node || typeof node !== 'object') return true
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ColumnRef' || key === 'SubLink' || key === 'RangeVar') return false
    if (!isSelfContained(value)) return false
  }
  return true
}

/** The last name of every function called under a node. */
export function calledFunctions(node: AnyNode, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) calledFunctions(item, out)
  } else if (node && typeof node === 'object') {
    const names = node.FuncCall ? stringsOf(node.FuncCall.funcname) : []
    if (names.length) out.add(names[names.length - 1])
    for (const value of Object.values(node)) calledFunctions(value, out)
  }
  return out
}

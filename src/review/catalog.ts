import type pg from 'pg'
import type { ParsedStatement } from '../sql/parse.js'
import { type AnyNode, calledFunctions, qualifiedName, stringsOf } from '../sql/ast.js'
import { type DatabaseCatalog, relationKey } from './model.js'

/** Every `relname` under a node: RangeVars, wrapped (`{ RangeVar }`) or bare (a statement's target table). */
function relationNames(node: AnyNode, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) relationNames(item, out)
  } else if (node && typeof node === 'object') {
    if (typeof node.relname === 'string') out.add(node.relname)
    for (const value of Object.values(node)) relationNames(value, out)
  }
}

/** Every relation name the statements mention (tables read, written, created, altered, renamed or dropped). */
export function mentionedRelationNames(statements: ParsedStatement[]): string[] {
  const names = new Set<string>()
  for (const stmt of statements) {
    const node = (stmt.node as AnyNode)[stmt.kind]
    relationNames(node, names)
    if (stmt.kind === 'DropStmt')
      for (const obj of node.objects ?? []) {
        const name = qualifiedName(stringsOf(obj)).name
        if (name) names.add(name)
      }
  }
  return [...names]
}

/** Every function the statements call, by last name. */
export function calledFunctionNames(statements: ParsedStatement[]): string[] {
  const names = new Set<string>()
  for (const stmt of statements) calledFunctions((stmt.node as AnyNode)[stmt.kind], names)
  return [...names]
}

/** `ARRAY['a','b']::text[]`: escaped literals, not parameters, so that several reads travel in one message. */
export function textArray(client: pg.Client, values: string[]): string {
  return `ARRAY[${values.map((v) => client.escapeLiteral(v)).join(',')}]::text[]`
}

/**
 * What the review needs to know about the target database to name objects exactly: the session's search path,
 * which of the relation names the pending SQL mentions exist (in any schema), and which of the functions it calls
 * are the database's own (neither built in nor from an extension: they can read and write anything). Catalog reads
 * in one message (one round trip), no lock taken on any table.
 */
export async function readCatalog(
  client: pg.Client,
  names: string[],
  functions: string[] = []
): Promise<DatabaseCatalog> {
  const reads = [
    'SELECT current_schema() AS creation, current_schemas(false)::text[] AS path',
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relname = ANY(${textArray(client, names)}) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relpersistence <> 't'`
  ]
  if (functions.length)
    reads.push(`SELECT DISTINCT p.proname AS name
           FROM pg_catalog.pg_proc p
           JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
          WHERE p.proname = ANY(${textArray(client, functions)}) AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                             WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`)
  const [path, found, own] = (await client.query(reads.join(';\n'))) as unknown as pg.QueryResult[]
  const first = path.rows[0] as { creation: string | null; path: string[] | null } | undefined
  return {
    searchPath: first?.path ?? [],
    creationSchema: first?.creation ?? undefined,
    relations: new Set(
      (found.rows as { schema: string; name: string }[]).map((r) => relationKey(r.schema, r.name))
    ),
    functions: new Set(((own?.rows ?? []) as { name: string }[]).map((r) => r.name))
  }
}

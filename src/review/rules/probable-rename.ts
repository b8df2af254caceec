import {
  type AnyNode,
  columnDefOf,
  displayType,
  objectKey,
  qualifiedName,
  type RelationName,
  relationOf,
  stringsOf
} from '../../sql/ast.js'
import { quoteIdent } from '../../db/connect.js'
import { code } from '../../render/markdown.js'
import { editDistance } from '../../util/edit-distance.js'
import { readdedColumns } from './drop-column.js'
import {
  alterCommands,
  otherStatements,
  q,
  qTable,
  qualifiedColumn,
  type RuleDefinition,
  type RuleHit,
  type StatementContext
} from './rule.js'

/** The table as SQL names it in the suggested statement (identifiers quoted as PostgreSQL reads them). */
function sqlTable(table: RelationName): string {
  return table.schema && table.schema !== 'public'
    ? `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`
    : quoteIdent(table.name)
}

function stem(name: string): string {
  return name
    .toLowerCase()
    .replace(/[_\-\s]/g, '')
    .replace(/s$/, '')
}

/** 1 for equal names up to case, underscores and a plural s; otherwise a Levenshtein ratio. */
export function nameSimilarity(a: string, b: string): number {
  const x = stem(a)
  const y = stem(b)
  if (x === y) return 1
  return 1 - editDistance(x, y) / Math.max(x.length, y.length, 1)
}

function addedColumns(
  ctx: StatementContext,
  table: { schema?: string; name: string }
): { name: string; type: string }[] {
  const key = objectKey(table)
  const out: { name: string; type: string }[] = []
  for (const node of [ctx.node, ...otherStatements(ctx, 'after').map((o) => o.node)]) {
    const rel = relationOf(node?.relation)
    if (!rel || objectKey(rel) !== key) continue
    for (const cmd of alterCommands(node)) {
      const col = cmd.subtype === 'AT_AddColumn' ? columnDefOf(cmd.def) : undefined
      if (col) out.push({ name: col.name, type: displayType(col.type) })
    }
  }
  return out
}

function columnRenames(ctx: StatementContext): RuleHit[] {
  const table = relationOf(ctx.node.relation)
  if (!table || ctx.model.isNewTable(table)) return []
  const readded = readdedColumns(ctx)
  const dropped = alterCommands(ctx.node)
    .filter((c) => c.subtype === 'AT_DropColumn' && !readded.has(c.name))
    .map((c) => c.name as string)
  const added = addedColumns(ctx, table).filter((a) => !readded.has(a.name) || !dropped.includes(a.name))
  if (dropped.length === 0 || added.length === 0) return []
  const hits: RuleHit[] = []
  for (const name of dropped) {
    const best = added
      .map((a) => ({
        ...a,
        score: dropped.length === 1 && added.length === 1 ? 1 : nameSimilarity(name, a.name)
      }))
      .sort((a, b) => b.score - a.score)[0]
    if (!best || best.score < 0.5) continue
    hits.push({
      message: `${qualifiedColumn(table, name)} is dropped and ${q(best.name)} (${best.type}) is added to the same table: this looks like a rename done as drop + add, which loses every value of ${q(name)}.`,
      fix: `If it is a rename, replace both with ${code(`ALTER TABLE ${sqlTable(table)} RENAME COLUMN ${quoteIdent(name)} TO ${quoteIdent(best.name)}`)} (or keep the column name with ${code(`@map(${JSON.stringify(name)})`)} in schema.prisma).`,
      schema: table.schema,
      table: table.name,
      column: name,
      columns: [name, best.name]
    })
  }
  return hits
}

function tableRenames(ctx: StatementContext): RuleHit[] {
  if (ctx.node.removeType !== 'OBJECT_TABLE') return []
  const created = [...otherStatements(ctx, 'before'), ...otherStatements(ctx, 'after')]
    .filter((o) => o.stmt.kind === 'CreateStmt')
    .map((o) => relationOf((o.node as AnyNode).relation))
    .filter((r): r is { schema?: string; name: string } => r !== undefined)
  const hits: RuleHit[] = []
  for (const obj of ctx.node.objects ?? []) {
    const table = qualifiedName(stringsOf(obj))
    if (ctx.model.isNewTable(table)) continue
    const best = created
      .map((c) => ({ c, score: nameSimilarity(table.name, c.name) }))
      .sort((a, b) => b.score - a.score)[0]
    if (!best || best.score < 0.75 || best.c.name === table.name) continue
    hits.push({
      message: `${qTable(table)} is dropped and ${qTable(best.c)} is created in the same migration: this looks like a rename done as drop + create, which loses every row of ${qTable(table)}.`,
      fix: `If it is a rename, replace both with ${code(`ALTER TABLE ${sqlTable(table)} RENAME TO ${quoteIdent(best.c.name)}`)}, or keep the table name with ${code(`@@map(${JSON.stringify(table.name)})`)} in schema.prisma.`,
      schema: table.schema,
      table: table.name
    })
  }
  return hits
}

export const probableRename: RuleDefinition = {
  id: 'probable-rename',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  kinds: ['AlterTableStmt', 'DropStmt'],
  title: 'A drop plus an add that look like a rename',
  why: 'Prisma cannot tell a renamed field or model from a deleted one plus a new one: it generates DROP + ADD (or DROP TABLE + CREATE TABLE), and the data of the old column or table is lost.',
  fix: 'Edit the migration to use `RENAME COLUMN` / `RENAME TO`, or keep the old database name with `@map` / `@@map` in schema.prisma.',
  example: 'ALTER TABLE "User" DROP COLUMN "name",\nADD COLUMN     "fullName" TEXT NOT NULL;',
  check: (ctx) => (ctx.stmt.kind === 'DropStmt' ? tableRenames(ctx) : columnRenames(ctx))
}

import { identifierTokens } from '../../sql/parse.js'
import { type AnyNode, identifierFromToken } from '../../sql/ast.js'
import { q, type RuleDefinition } from './rule.js'

const MAX_IDENTIFIER_BYTES = 63
const CREATING = new Set([
  'CreateStmt',
  'IndexStmt',
  'AlterTableStmt',
  'CreateEnumStmt',
  'RenameStmt',
  'ViewStmt',
  'CreateSeqStmt',
  'CreateSchemaStmt'
])

export const identifierTooLong: RuleDefinition = {
  id: 'identifier-too-long',
  severity: 'warning',
  destructive: false,
  enabledByDefault: true,
  title: 'Identifiers longer than 63 bytes are silently truncated',
  why: 'Postgres cuts names to 63 bytes without an error. The database then holds a different name than schema.prisma expects, so Prisma sees drift, and two long names can collide after truncation.',
  fix: 'Choose a shorter name; for Prisma-generated constraint and index names use `map: "short_name"` on `@relation`, `@@index`, `@@unique` or `@id`.',
  example:
    'ALTER TABLE "payer_client_rep_assignments" ADD CONSTRAINT "payer_client_rep_assignments_payer_id_client_id_rep_id_unique_key" UNIQUE ("payer_id", "client_id", "rep_id");',
  check: ({ stmt, node, file }) => {
    // The parser truncates long names to 63 bytes; only a name that long makes the statement worth scanning.
    if (!CREATING.has(stmt.kind) || !hasTruncatedName(node)) return []
    const seen = new Set<string>()
    return identifierTokens(file.parsed, stmt)
      .map((t) => ({ line: t.line, name: identifierFromToken(t.text) }))
      .filter(
        (t) =>
          Buffer.byteLength(t.name, 'utf8') > MAX_IDENTIFIER_BYTES && !seen.has(t.name) && seen.add(t.name)
      )
      .map((t) => ({
        line: t.line,
        message: `The identifier ${q(t.name)} is ${Buffer.byteLength(t.name, 'utf8')} bytes long; Postgres truncates it to ${MAX_IDENTIFIER_BYTES}.`
      }))
  }
}

function hasTruncatedName(node: AnyNode): boolean {
  // A truncated name is 60 to 63 bytes (cut at a character boundary); a 4-byte character is 2 UTF-16 units, so the JSON string has at least 15.
  for (const m of JSON.stringify(node).matchAll(/"((?:[^"\\]|\\.){15,})"/g)) {
    if (Buffer.byteLength(JSON.parse(`"${m[1]}"`), 'utf8') >= MAX_IDENTIFIER_BYTES - 3) return true
  }
  return false
}

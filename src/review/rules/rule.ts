import type { ParsedScript, ParsedStatement } from '../../sql/parse.js'
import type { AnyNode, RelationName } from '../../sql/ast.js'
import type { PendingModel } from '../model.js'
import type {
  DatabaseLookup,
  Finding,
  FindingObjects,
  MigrationInput,
  Severity,
  StakeRequest
} from '../types.js'
import { code } from '../../render/markdown.js'

// Kept here too for the stake counter (src/review/data-at-stake.ts), which answers what rules ask.
export type { StakeRequest } from '../types.js'

export interface RuleHit extends FindingObjects {
  message: string
  /** Defaults to the statement's first line. */
  line?: number
  why?: string
  fix?: string
  stake?: StakeRequest
  /**
   * Reported only when the live database answers this lookup with something (then `confirm` of the rule words the
   * message); offline, or when the answer is empty, the hit is dropped.
   */
  lookup?: DatabaseLookup
  /**
   * The objects whose data the statement destroys, when they are not just `schema`/`table`/`column` (the columns
   * converted to a recreated enum).
   */
  objects?: { table: RelationName; column?: string }[]
  /**
   * The rule does not report this statement because its table is created earlier in the pending set (nothing to
   * lock or check there); the hit only tells the Prisma cross-check that the file makes the change.
   */
  quiet?: boolean
  /**
   * False when the rule could not be sure without the live database (a type change whose old type is unknown);
   * the review then trusts Prisma's own analysis for generated files, or the database when there is one.
   */
  certain?: boolean
}

export interface FileContext {
  migration: MigrationInput
  parsed: ParsedScript
}

export interface StatementContext {
  stmt: ParsedStatement
  /** The statement's node body, e.g. the object inside `{ DropStmt: {...} }`. */
  node: AnyNode
  file: FileContext
  /** What the pending set created before this statement. */
  model: PendingModel
}

export interface RuleDefinition {
  id: string
  severity: Severity
  /** Data is lost when the statement runs (counted in the headline and the `destructive-count` output). */
  destructive: boolean
  /**
   * What is lost cannot be told from the statement (dynamic SQL): the finding is never judged by what its named
   * object holds in the target database, so a table created in the same deploy does not make it harmless.
   */
  lossUnknown?: boolean
  enabledByDefault: boolean
  /** One line for the docs and the rules table. */
  title: string
  why: string
  fix: string
  /** Statement kinds the check looks at (`DropStmt`, ...); every statement when absent. */
  kinds?: string[]
  /** Absent for findings the review makes itself (parse errors, Prisma cross-check, acknowledgements). */
  check?: (ctx: StatementContext) => RuleHit[]
  /** A short name for the change in headlines, e.g. "DROP COLUMN `clients`.`email`" (default: "<rule> on <object>"). */
  label?: (f: Finding) => string
  /** The message of a hit whose `lookup` the database answered with `found` (e.g. the views that read the table). */
  confirm?: (hit: RuleHit, found: string[]) => string
  /** A statement that sets the rule off, for the docs. */
  example: string
  /** The docs' own wording where it says more than a report can: a longer "why", and markdown after it. */
  docs?: { why?: string; details?: string }
}

export const DOCS_PATH = 'docs/rules.md'

export function docsAnchor(id: string): string {
  return `${DOCS_PATH}#${id}`
}

/** An object name in a message, as a code span that the name cannot break out of. */
export function q(name: string): string {
  return code(name)
}

export function qualifiedColumn(table: RelationName, column: string): string {
  const t = table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name
  return `${q(t)}.${q(column)}`
}

/** `table`.`column` (or `table`) of a finding, as code spans: what most labels name. */
export function labelObject(f: FindingObjects): string {
  return f.column ? `${code(f.table ?? '?')}.${code(f.column)}` : code(f.table ?? '?')
}

export function qTable(table: RelationName): string {
  return q(table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name)
}

/** The AlterTableCmd bodies of an ALTER TABLE statement. */
export function alterCommands(node: AnyNode): AnyNode[] {
  return (node?.cmds ?? []).map((c: AnyNode) => c.AlterTableCmd).filter(Boolean)
}

/** Statements of the file after (or before) the current one, with their bodies. */
export function otherStatements(
  ctx: StatementContext,
  direction: 'after' | 'before'
): { stmt: ParsedStatement; node: AnyNode }[] {
  const all = ctx.file.parsed.statements
  const slice = direction === 'after' ? all.slice(ctx.stmt.index + 1) : all.slice(0, ctx.stmt.index)
  return slice.map((stmt) => ({ stmt, node: (stmt.node as AnyNode)[stmt.kind] }))
}

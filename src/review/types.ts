/**
 * The review's data model: what a rule reports, what the linter hands to the renderers, the gate and the
 * JSON report. Plain data only, so that renderers and decisions stay pure.
 */
import type { RelationName, TypeInfo } from '../sql/ast.js'

export type Severity = 'error' | 'warning' | 'notice'

/** Effective severity per rule id (input `rules`); a rule that is off is absent. */
export type RuleSeverities = ReadonlyMap<string, Severity>

export type RowsAtStake =
  | {
      count: number
      /** True when the count timed out and the number comes from the catalog's statistics. */
      estimated: boolean
      what:
        | 'rows'
        | 'non-null values'
        | 'NULL values'
        | 'duplicate groups'
        | 'rows holding removed values'
        | 'values failing the cast'
    }
  | { error: string }

export interface Acknowledgement {
  /**
   * `input`: allow-destructive; `comment`: a `-- pg-ops:allow` line; `database`: the compared database holds
   * nothing the statement can destroy (its object was created earlier in the same deploy).
   */
  by: 'input' | 'comment' | 'database'
  reason?: string
  /** Line of the acknowledging comment. */
  line?: number
}

/** The objects a finding is about: what a rule reports (RuleHit) and the finding the review makes of it share them. */
export interface FindingObjects {
  schema?: string
  table?: string
  column?: string
  /** Columns of a unique index or constraint. */
  columns?: string[]
  /** Enum type involved (enum-value-removal, enum-value-used-in-same-file). */
  typeName?: string
  /** Enum values removed or added. */
  values?: string[]
}

/** The keys of FindingObjects, to copy them from a hit to its finding. */
export const FINDING_OBJECT_KEYS = ['schema', 'table', 'column', 'columns', 'typeName', 'values'] as const

export interface Finding extends FindingObjects {
  rule: string
  severity: Severity
  migration: string
  /** Path relative to the working directory (for annotations). */
  file: string
  line: number
  endLine?: number
  message: string
  why: string
  fix: string
  /** docs/rules.md#anchor, relative to the action's repository. */
  docs: string
  destructive: boolean
  rowsAtStake?: RowsAtStake
  acknowledged?: Acknowledgement
  /** The line of Prisma's warnings header this finding answers, verbatim. */
  prismaWarning?: string
  /**
   * For a destructive finding reviewed against a database: whether the statement destroys data that was in that
   * database before the deploy, and why ("created by `m1` in this deploy; nothing to lose here").
   */
  dataHere?: { destroys: boolean; reason: string }
  /**
   * For a migration the pull request adds that destroys nothing in the compared database: why it destroys data in
   * environments where the earlier migrations already ran.
   */
  elsewhere?: string
}

export interface ReviewedMigration {
  name: string
  file: string
  script: string
  findings: Finding[]
  parseError?: string
  /** Lines of Prisma's `/* Warnings: *\/` header, verbatim (without the leading "- "). */
  prismaWarnings: string[]
  /** Header lines answered by a statement on a table created earlier in the pending set (nothing to report). */
  prismaWarningsOnNewTables?: number
  /**
   * In a pull request review with a database: the migration is already on the base branch (pending here only),
   * so it is summarised, not reported finding by finding.
   */
  onBase?: boolean
}

export interface ReviewResult {
  migrations: ReviewedMigration[]
  findings: Finding[]
  destructiveCount: number
  errorCount: number
  warningCount: number
  headline: string
  /** Error-level findings that neither an acknowledgement comment nor `allow-destructive` covers. */
  unacknowledgedErrors: Finding[]
  /** True when data at stake was counted on a live database. */
  databaseCompared: boolean
  notes: string[]
  /** In a pull request review with a database: how the migrations the PR adds were told apart from the base's. */
  pullRequest?: PullRequestScope
}

export interface PullRequestScope {
  /** The pending migrations the pull request adds. */
  added: string[]
  /**
   * Migrations that exist on the base and that the pull request changes or deletes: reviewed in full (never
   * summarised) and flagged as `modified-migration`; they already ran elsewhere in their old version.
   */
  modified?: string[]
  deleted?: string[]
  /** How the base is named in the report, e.g. `origin/main` or "pull request #7's base". */
  base: string
  /** False when the review could not tell which migrations the PR adds (all are then reviewed as the PR's). */
  known: boolean
}

export interface MigrationInput {
  name: string
  /** Path relative to the working directory. */
  file: string
  script: string
}

/** What to count on the live database for one finding. */
export type StakeRequest =
  | { kind: 'table-rows'; table: RelationName }
  | { kind: 'non-null'; table: RelationName; column: string }
  | { kind: 'nulls'; table: RelationName; column: string }
  | { kind: 'duplicates'; table: RelationName; columns: string[] }
  | {
      kind: 'enum-values'
      typeName: RelationName
      newValues: string[]
      /** Known when the enum was created earlier in the pending set. */
      oldValues?: string[]
      usages: { table: RelationName; column: string }[]
    }
  | { kind: 'cast'; table: RelationName; column: string; target: TypeInfo; oldType?: TypeInfo }

/**
 * What a rule asks the live database besides counts: the views that read a table (DROP TABLE without CASCADE then
 * fails). `ignore`: views the pending migrations drop before the statement. Answered by the stake counter
 * (src/review/review.ts asks it); without a database the hit that asks is not reported.
 */
export interface DatabaseLookup {
  kind: 'dependent-views'
  table: RelationName
  ignore: string[]
}

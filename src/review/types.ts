/**
 * The review's data model: what a rule reports, what the linter hands to the renderers, the gate and the
 * JSON report. Plain data only, so that renderers and decisions stay pure.
 */
export type Severity = 'error' | 'warning' | 'notice'

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
  by: 'input' | 'comment'
  reason?: string
  /** Line of the acknowledging comment. */
  line?: number
}

export interface Finding {
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
  schema?: string
  table?: string
  column?: string
  /** Columns of a unique index or constraint. */
  columns?: string[]
  /** Enum type involved (enum-value-removal, enum-value-used-in-same-file). */
  typeName?: string
  /** Enum values removed or added. */
  values?: string[]
  destructive: boolean
  rowsAtStake?: RowsAtStake
  acknowledged?: Acknowledgement
  /** The line of Prisma's warnings header this finding answers, verbatim. */
  prismaWarning?: string
}

export interface ReviewedMigration {
  name: string
  file: string
  script: string
  findings: Finding[]
  parseError?: string
  /** Lines of Prisma's `/* Warnings: *\/` header, verbatim (without the leading "- "). */
  prismaWarnings: string[]
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
}

export interface MigrationInput {
  name: string
  /** Path relative to the working directory. */
  file: string
  script: string
}

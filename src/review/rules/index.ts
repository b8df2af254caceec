import { addRequiredColumnWithoutDefault } from './add-required-column-without-default.js'
import { addUnique } from './add-unique.js'
import { concurrentlyInTransaction } from './concurrently-in-transaction.js'
import { deleteWithoutWhere } from './delete-without-where.js'
import { dropAndRecreateColumn } from './drop-and-recreate-column.js'
import { dropColumn } from './drop-column.js'
import { dropDatabase } from './drop-database.js'
import { dropSchema } from './drop-schema.js'
import { dropTable } from './drop-table.js'
import { dropTableWithDependentView } from './drop-table-with-dependent-view.js'
import { dropView } from './drop-view.js'
import { dynamicSql } from './dynamic-sql.js'
import { enumValueRemoval } from './enum-value-removal.js'
import { enumValueUsedInSameFile } from './enum-value-used-in-same-file.js'
import { foreignKeyNotValid } from './foreign-key-not-valid.js'
import { identifierTooLong } from './identifier-too-long.js'
import { indexNotConcurrent } from './index-not-concurrent.js'
import { lossyTypeChange } from './lossy-type-change.js'
import { preferBigint } from './prefer-bigint.js'
import { preferIdentity } from './prefer-identity.js'
import { preferText } from './prefer-text.js'
import { preferTimestamptz } from './prefer-timestamptz.js'
import { primaryKeyChange } from './primary-key-change.js'
import { probableRename } from './probable-rename.js'
import { renameColumn } from './rename-column.js'
import { renameTable } from './rename-table.js'
import { review } from './review-findings.js'
import type { RuleDefinition } from './rule.js'
import { setNotNull } from './set-not-null.js'
import { truncate } from './truncate.js'
import { updateWithoutWhere } from './update-without-where.js'

/** Every rule, in the order the docs list them: data loss first, then what may fail or lock, then style. */
export const RULES: readonly RuleDefinition[] = [
  review.parseError,
  dropTable,
  dropColumn,
  dropSchema,
  dropDatabase,
  truncate,
  deleteWithoutWhere,
  updateWithoutWhere,
  dropAndRecreateColumn,
  enumValueRemoval,
  lossyTypeChange,
  dynamicSql,
  dropTableWithDependentView,
  review.modifiedMigration,
  addRequiredColumnWithoutDefault,
  setNotNull,
  addUnique,
  primaryKeyChange,
  indexNotConcurrent,
  concurrentlyInTransaction,
  foreignKeyNotValid,
  renameColumn,
  renameTable,
  probableRename,
  enumValueUsedInSameFile,
  identifierTooLong,
  dropView,
  review.prismaWarningUnmatched,
  review.notInPrismaWarnings,
  review.invalidAcknowledgement,
  review.unusedAcknowledgement,
  preferBigint,
  preferTimestamptz,
  preferIdentity,
  preferText
]

export const RULES_BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((r) => [r.id, r]))

export function ruleById(id: string): RuleDefinition {
  const rule = RULES_BY_ID.get(id)
  if (!rule) throw new Error(`unknown rule ${id}`)
  return rule
}

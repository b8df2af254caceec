import { reviewMigrations } from '../../src/review/review.js'
import { RULES } from '../../src/review/rules/index.js'
import type { ReviewResult } from '../../src/review/types.js'

/** Every rule on, style rules included, at its default severity. */
export const ALL_RULES = new Map(RULES.map((r) => [r.id, r.severity]))

/** Reviews one or more scripts as consecutive pending migrations m1, m2, ... */
export async function reviewSql(
  scripts: string | string[],
  options: {
    allowDestructive?: boolean
    rules?: Map<string, import('../../src/review/types.js').Severity>
  } = {}
): Promise<ReviewResult> {
  const list = Array.isArray(scripts) ? scripts : [scripts]
  return reviewMigrations({
    migrations: list.map((script, i) => ({
      name: `m${i + 1}`,
      file: `prisma/migrations/m${i + 1}/migration.sql`,
      script
    })),
    settings: { rules: options.rules ?? ALL_RULES },
    allowDestructive: options.allowDestructive ?? false
  })
}

export function rulesOf(result: ReviewResult): string[] {
  return result.findings.map((f) => f.rule)
}

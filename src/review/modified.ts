import { posix, sep } from 'node:path'
import { ruleById } from './rules/index.js'
import { docsAnchor } from './rules/rule.js'
import { summarize } from './summary.js'
import type { Finding, ReviewResult, Severity } from './types.js'
import { code } from '../render/markdown.js'

/** Adds a modified-migration error for each migration that existed on the base and was changed or deleted. */
export function withModifiedMigrations(
  result: ReviewResult,
  opts: {
    modified: string[]
    deleted: string[]
    base: string
    migrationsDir: string
    rules: ReadonlyMap<string, Severity>
    allowDestructive: boolean
  }
): ReviewResult {
  const severity = opts.rules.get('modified-migration')
  if (!severity || opts.modified.length + opts.deleted.length === 0) return result
  const def = ruleById('modified-migration')
  const changed = { base: opts.base }
  const edited = (name: string, verb: string): Finding => ({
    rule: def.id,
    severity,
    migration: name,
    file:
      result.migrations.find((m) => m.name === name)?.file ??
      posix.join(opts.migrationsDir.split(sep).join('/'), name, 'migration.sql'),
    line: 1,
    message: `The migration ${code(name)} exists on ${changed.base} and this pull request ${verb} it: it has probably been applied already, so the change will never run there.`,
    why: def.why,
    fix: def.fix,
    docs: docsAnchor(def.id),
    destructive: false,
    acknowledged:
      opts.allowDestructive && severity === 'error'
        ? { by: 'input', reason: 'allow-destructive: true' }
        : undefined
  })
  for (const m of result.migrations)
    if (opts.modified.includes(m.name)) m.findings.unshift(edited(m.name, 'changes'))
  const deleted = opts.deleted.map((name) => ({
    name,
    file: posix.join(opts.migrationsDir.split(sep).join('/'), name, 'migration.sql'),
    script: '',
    findings: [edited(name, 'deletes')],
    prismaWarnings: []
  }))
  return summarize([...result.migrations, ...deleted], result.databaseCompared, result.notes)
}

import { code } from '../render/markdown.js'
import type { Finding, ReviewResult, RowsAtStake } from './types.js'

const fmt = (n: number): string => n.toLocaleString('en-US')

/** "1,234 rows", "~1,200 rows, estimated", or undefined when nothing was counted. */
export function stakeText(stake: RowsAtStake | undefined): string | undefined {
  if (!stake || 'error' in stake) return undefined
  const what = stake.what === 'non-null values' ? 'values' : stake.what
  return stake.estimated ? `~${fmt(stake.count)} ${what}, estimated` : `${fmt(stake.count)} ${what}`
}

const tc = (f: Finding): string =>
  f.column ? `${code(f.table ?? '?')}.${code(f.column)}` : code(f.table ?? '?')

/** A short name for a destructive change, e.g. "DROP COLUMN `clients`.`email`". */
export function changeLabel(f: Finding): string {
  switch (f.rule) {
    case 'drop-table':
      return `DROP TABLE ${code(f.table ?? '?')}`
    case 'drop-column':
      return `DROP COLUMN ${tc(f)}`
    case 'drop-schema':
      return `DROP SCHEMA ${code(f.schema ?? '?')}`
    case 'drop-database':
      return 'DROP DATABASE'
    case 'truncate':
      return `TRUNCATE ${code(f.table ?? '?')}`
    case 'delete-without-where':
      return `DELETE FROM ${code(f.table ?? '?')} without WHERE`
    case 'update-without-where':
      return `UPDATE ${code(f.table ?? '?')} without WHERE`
    case 'drop-and-recreate-column':
      return `drop and re-add ${tc(f)}`
    case 'enum-value-removal':
      return `enum ${code(f.typeName ?? '?')} loses ${f.values ? `[${f.values.map((v) => code(v)).join(', ')}]` : 'values'}`
    case 'lossy-type-change':
      return `type change of ${tc(f)}`
    case 'dynamic-sql':
      return `SQL the review cannot read (\`${f.migration}\` line ${f.line})`
    default:
      return `${f.rule} on ${tc(f)}`
  }
}

export function headlineFor(result: Pick<ReviewResult, 'migrations' | 'findings'>): string {
  const n = result.migrations.length
  if (n === 0) return 'No pending migrations to review.'
  const destructive = result.findings.filter((f) => f.destructive)
  const errors = result.findings.filter((f) => f.severity === 'error').length
  const warnings = result.findings.filter((f) => f.severity === 'warning').length
  if (destructive.length) {
    const items = destructive.slice(0, 5).map((f) => {
      const stake = stakeText(f.rowsAtStake)
      return stake ? `${changeLabel(f)} (${stake})` : changeLabel(f)
    })
    const more = destructive.length > 5 ? `, and ${destructive.length - 5} more` : ''
    return `${destructive.length} destructive change${destructive.length === 1 ? '' : 's'}: ${items.join(', ')}${more}`
  }
  const of = `in ${n} migration${n === 1 ? '' : 's'}`
  if (errors || warnings)
    return `No destructive changes; ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} ${of}.`
  return `No findings ${of}.`
}

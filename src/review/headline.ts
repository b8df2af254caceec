import { code } from '../render/markdown.js'
import type { Finding, ReviewResult, RowsAtStake } from './types.js'

// 1,234,567 without Intl: the first toLocaleString of a run loads ICU's locale data (about 10 ms).
const fmt = (n: number): string => {
  const [whole, fraction] = String(n).split('.')
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '')
}

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
  // A statement on an object the deploy itself created destroys nothing in the compared database.
  const destructive = result.findings.filter((f) => f.destructive && f.acknowledged?.by !== 'database')
  const harmless = result.findings.filter((f) => f.destructive && f.acknowledged?.by === 'database').length
  const errors = result.findings.filter(
    (f) => f.severity === 'error' && f.acknowledged?.by !== 'database'
  ).length
  const warnings = result.findings.filter((f) => f.severity === 'warning').length
  if (destructive.length) {
    const items = destructive.slice(0, 5).map((f) => {
      const stake = stakeText(f.rowsAtStake)
      const where = f.elsewhere ? 'where earlier migrations ran' : undefined
      const detail = [stake, where].filter(Boolean).join(', ')
      return detail ? `${changeLabel(f)} (${detail})` : changeLabel(f)
    })
    const more = destructive.length > 5 ? `, and ${destructive.length - 5} more` : ''
    return `${destructive.length} destructive change${destructive.length === 1 ? '' : 's'}: ${items.join(', ')}${more}`
  }
  const of = `in ${n} migration${n === 1 ? '' : 's'}`
  const none = harmless
    ? `No destructive changes for this database (${harmless} destructive statement${harmless === 1 ? '' : 's'} only touch${harmless === 1 ? 'es' : ''} objects created earlier in this deploy)`
    : 'No destructive changes'
  if (errors || warnings)
    return `${none}; ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} ${of}.`
  return harmless ? `${none} ${of}.` : `No findings ${of}.`
}

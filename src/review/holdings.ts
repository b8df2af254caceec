/**
 * What a destructive statement can destroy in the target database, and the gate's verdict on it. Pure: the
 * pending model (model.ts) establishes the facts, statement by statement, and these functions only judge them.
 */
import { code } from '../render/markdown.js'

/** Where the data in an object can come from, besides constants the deploy itself writes. */
export type DataSource =
  /** A relation that existed in the database before the deploy (its name there). */
  | { kind: 'existing'; name: string }
  /** A table an earlier pending migration created. */
  | { kind: 'created'; by: string; name: string }
  /** A statement the review cannot follow (a DO block, CALL, COPY, a trigger, a function the deploy defines). */
  | { kind: 'opaque'; migration: string; line: number; what: string }

/** What the object a destructive statement works on holds at that point of the deploy. */
export type Holdings =
  /**
   * Created by an earlier statement of the deploy (`name` is the table, or the column of an older table);
   * `temporary` for a temporary table, which exists only in the deploy's own session.
   */
  | { kind: 'created'; by: string; name: string; sources: DataSource[]; temporary?: boolean }
  /** Existed in the database before the deploy; `databaseName` when the deploy renamed it. */
  | { kind: 'existing'; name: string; databaseName?: string }
  /** The database was read: it has no such object and no earlier statement creates it. */
  | { kind: 'absent'; name: string }
  /** No database to compare with. */
  | { kind: 'unknown' }

export interface DataHere {
  /** True when the statement can destroy data that was in the database before the deploy. */
  destroys: boolean
  /** Why, in one clause, e.g. "created by `m1` in this deploy; nothing to lose here". */
  reason: string
}

function risk(source: DataSource): string | undefined {
  if (source.kind === 'existing') return `filled from ${code(source.name)}, which existed before it`
  if (source.kind === 'opaque')
    return `${code(source.migration)} line ${source.line} (${source.what}) may have filled it`
  return undefined
}

/**
 * The gate's decision for one destructive finding in the compared database: an object the deploy itself created
 * and filled only with its own constants holds nothing that existed before, so destroying it loses nothing there.
 * Everything else counts as destructive: objects that existed, objects filled from ones that did, objects the
 * review cannot trace, and anything without a database (`unknown`).
 */
export function dataHere(holds: Holdings | undefined): DataHere {
  if (!holds || holds.kind === 'unknown')
    return { destroys: true, reason: 'no database to compare with: counted as destructive' }
  if (holds.kind === 'existing')
    return {
      destroys: true,
      reason: `${code(holds.name)} existed before this deploy${holds.databaseName ? ` (as ${code(holds.databaseName)})` : ''}`
    }
  if (holds.kind === 'absent')
    return {
      destroys: true,
      reason: `${code(holds.name)} is not in this database and no earlier statement of this deploy creates it: counted as destructive`
    }
  const risks = [...new Set(holds.sources.map(risk).filter((r): r is string => r !== undefined))]
  if (risks.length === 0)
    return {
      destroys: false,
      reason: `created by ${code(holds.by)} in this deploy; nothing to lose here`
    }
  return {
    destroys: true,
    reason: `created by ${code(holds.by)} in this deploy, but ${risks.join(', ')}: it can hold data that existed before the deploy`
  }
}

/**
 * For a migration a pull request adds, when it destroys nothing in the compared database: whether it destroys
 * data in environments where the other pending migrations (those on the base branch) already ran. `added` is the
 * set of migrations the pull request adds; when it is not known, pass an empty set (every other migration may
 * have run somewhere).
 */
export function dataElsewhere(holds: Holdings | undefined, added: ReadonlySet<string>): string | undefined {
  if (holds?.kind !== 'created') return undefined
  // A temporary table never outlives the session that created it: elsewhere only what it copies matters.
  if (!holds.temporary && !added.has(holds.by))
    return `destroys data in environments where ${code(holds.by)} already ran`
  const from = holds.sources.find((s) => s.kind === 'created' && !added.has(s.by))
  if (from?.kind === 'created')
    return `destroys data from ${code(from.name)} in environments where ${code(from.by)} already ran`
  return undefined
}

/** One verdict for a statement that works on several objects (an enum and the columns using it). */
export function combineHoldings(list: Holdings[]): Holdings {
  if (list.length === 0) return { kind: 'unknown' }
  const blocking = list.find((h) => h.kind !== 'created')
  if (blocking) return blocking
  const created = list as Extract<Holdings, { kind: 'created' }>[]
  const [first, ...rest] = created
  return {
    kind: 'created',
    by: first.by,
    name: created.map((h) => h.name).join(', '),
    sources: [
      ...first.sources,
      ...rest.flatMap((h) => [{ kind: 'created' as const, by: h.by, name: h.name }, ...h.sources])
    ]
  }
}

import { posix } from 'node:path'
import type pg from 'pg'
import { loadParser } from '../sql/parse.js'
import { displayType } from '../sql/ast.js'
import { readAcknowledgements } from './acknowledgements.js'
import { calledFunctionNames, mentionedRelationNames, readCatalog } from './catalog.js'
import type { StakeAnswer, StakeOptions } from './data-at-stake.js'
import { dataElsewhere, dataHere } from './holdings.js'
import { type LintHit, type LintedMigration, lintMigrations, parseMigrations } from './linter.js'
import type { DatabaseCatalog } from './model.js'
import { answers, readPrismaHeader, RULES_FOR_KIND } from './prisma-warnings.js'
import { RULES_BY_ID, ruleById } from './rules/index.js'
import { docsAnchor } from './rules/rule.js'
import { withModifiedMigrations } from './modified.js'
import { type ExecutionStrategy, describeFallback, planWithLoadedParser } from '../migrate/execute.js'
import { summarize } from './summary.js'
import type {
  Finding,
  MigrationInput,
  PullRequestScope,
  ReviewedMigration,
  ReviewResult,
  RuleSeverities,
  Severity,
  StakeRequest
} from './types.js'
import { type DatabaseLookup, FINDING_OBJECT_KEYS } from './types.js'
import { quote } from '../render/markdown.js'

export interface ReviewInput {
  migrations: MigrationInput[]
  settings: { rules: RuleSeverities }
  /** A live connection to the target database: data at stake is counted on it, read-only. */
  client?: pg.Client
  allowDestructive: boolean
  stakeOptions?: StakeOptions
  /** Extra notes for the report (e.g. "could not compare with a database"). */
  notes?: string[]
  /** Offline review: migrations that exist on the base and were changed (each becomes a modified-migration error). */
  modifiedMigrations?: string[]
  /** Offline review: migrations that exist on the base and were deleted. */
  deletedMigrations?: string[]
  /** How the base is described in those findings, e.g. `origin/main`. Default "the base branch". */
  base?: string
  /**
   * How the project's Prisma version sends a migration.sql. With `per-statement` (Prisma 7.4+) a CONCURRENTLY
   * statement among others runs outside any transaction block, so it is no finding, unless Prisma sends that
   * file whole after all (its SQL parser cannot split it).
   */
  execution?: ExecutionStrategy
  /**
   * A pull request review with a database: the pending migrations the PR adds are reviewed for this database and
   * for environments where the other pending migrations (on the base branch) already ran; those are summarised.
   */
  pullRequest?: PullRequestScope
}

export { summarize }

interface Work {
  finding: Finding
  hit?: LintHit
  stake?: StakeRequest
  /** Asked of the database; the finding stands only when the answer confirms it. */
  lookup?: DatabaseLookup
}

function makeFinding(
  rule: string,
  migration: MigrationInput,
  line: number,
  message: string,
  extra: Partial<Finding> = {}
): Finding {
  const def = ruleById(rule)
  return {
    rule,
    severity: def.severity,
    migration: migration.name,
    file: migration.file,
    line,
    message,
    why: def.why,
    fix: def.fix,
    docs: docsAnchor(rule),
    destructive: def.destructive,
    ...extra
  }
}

function fromHit(migration: MigrationInput, h: LintHit): Work {
  const { rule, hit, stmt } = h
  const finding = makeFinding(rule.id, migration, hit.line ?? stmt.startLine, hit.message, {
    endLine: hit.line ? undefined : stmt.endLine,
    why: hit.why ?? rule.why,
    fix: hit.fix ?? rule.fix
  })
  for (const key of FINDING_OBJECT_KEYS) {
    if (hit[key] !== undefined) (finding as unknown as Record<string, unknown>)[key] = hit[key]
  }
  return { finding, hit: h, stake: hit.stake, lookup: hit.lookup }
}

/**
 * Prisma's warnings header against the file's findings: each warning answered by a statement (the finding says
 * so), a warning nothing answers, and (in a generated file) a destructive change the header does not mention.
 * Returns the works without the rules' quiet hits, with the cross-check's own findings added.
 */
function crossCheckPrisma(
  works: Work[],
  linted: LintedMigration,
  rules: ReadonlyMap<string, Severity>
): { works: Work[]; prismaWarnings: string[]; onNewTables: number } {
  const { input, parsed } = linted
  const header = readPrismaHeader(parsed)
  const matched = new Set<Work>()
  const headerLine = parsed.comments.find((c) => c.kind === 'block')?.startLine ?? 1
  let onNewTables = 0
  for (const warning of header.warnings) {
    // A line that is none of Prisma's templates (written by hand) names no change to look for.
    if (warning.kind === 'Unknown') continue
    const hits = works.filter((w) => !w.lookup && answers(warning, w.finding))
    const reported = hits.filter((w) => !w.hit?.hit.quiet)
    for (const w of reported) {
      matched.add(w)
      w.finding.prismaWarning = warning.text
      if (warning.kind === 'EnumValueRemoval' && !w.finding.values) w.finding.values = warning.values
    }
    // The statement is there, on a table created earlier in the pending set: nothing to check, nothing missing.
    if (hits.length > 0 && reported.length === 0) onNewTables++
    if (hits.length === 0)
      works.push({
        finding: makeFinding(
          'prisma-warning-unmatched',
          input,
          headerLine,
          `Prisma warned ${quote(warning.text)}, but no statement in the file makes that change.`
        )
      })
  }
  let kept = works.filter((w) => !w.hit?.hit.quiet)
  // A type change whose old type is unknown: for a file Prisma generated, its silence means it found the cast safe.
  kept = kept.filter((w) => w.hit?.hit.certain !== false || matched.has(w) || !header.generated)
  if (header.generated) {
    for (const w of kept.filter(
      (w) => w.finding.destructive && !matched.has(w) && rules.has(w.finding.rule)
    )) {
      kept.push({
        finding: makeFinding(
          'not-in-prisma-warnings',
          input,
          w.finding.line,
          `${w.finding.message} Prisma's warnings header does not mention this change: the statement was probably added or edited by hand.`,
          { table: w.finding.table, column: w.finding.column, schema: w.finding.schema }
        )
      })
    }
  }
  return { works: kept, prismaWarnings: header.warnings.map((w) => w.text), onNewTables }
}

/** `-- pg-ops:allow` comments: mark what each one covers; report those that cannot apply or cover nothing. */
function acknowledge(works: Work[], linted: LintedMigration): Work[] {
  const { input, parsed } = linted
  const acks = readAcknowledgements(parsed, new Set(RULES_BY_ID.keys()))
  const extra: Work[] = acks.invalid.map((a) => ({
    finding: makeFinding(
      'invalid-acknowledgement',
      input,
      a.line,
      `This acknowledgement allows nothing: ${a.problem}.`
    )
  }))
  for (const ack of acks.valid) {
    for (const rule of ack.rules) {
      // A finding only the database can confirm is not there yet to acknowledge.
      const covered = works.filter(
        (w) => !w.lookup && w.finding.rule === rule && w.hit?.stmt.index === ack.statementIndex
      )
      for (const w of covered) w.finding.acknowledged = { by: 'comment', reason: ack.reason, line: ack.line }
      if (covered.length === 0)
        extra.push({
          finding: makeFinding(
            'unused-acknowledgement',
            input,
            ack.line,
            `The statement below has no \`${rule}\` finding to acknowledge.`
          )
        })
    }
  }
  return extra
}

/** Parse, lint, cross-check with Prisma's header, apply settings and acknowledgements: everything but the database. */
function reviewFile(
  linted: LintedMigration,
  rules: ReadonlyMap<string, Severity>
): { works: Work[]; prismaWarnings: string[]; onNewTables: number } {
  const { input, parsed } = linted
  const works = linted.hits.map((h) => fromHit(input, h))
  if (parsed.error)
    works.push({
      finding: makeFinding(
        'parse-error',
        input,
        parsed.error.line,
        `Postgres cannot parse this file: ${quote(parsed.error.message)}.`
      )
    })
  const checked = crossCheckPrisma(works, linted, rules)
  const settled = applySettings(checked.works, rules)
  const extra = acknowledge(settled, linted)
  return { ...checked, works: [...settled, ...applySettings(extra, rules)] }
}

function applySettings(works: Work[], rules: ReadonlyMap<string, Severity>): Work[] {
  return works.filter((w) => {
    const severity = rules.get(w.finding.rule)
    if (!severity) return false
    w.finding.severity = severity
    return true
  })
}

/** A count's answer on the finding: data at stake, the removed values, the current type; false withdraws it. */
function applyStake(w: Work, answer: StakeAnswer): boolean {
  if (answer.kind === 'safe-cast') return false
  w.finding.rowsAtStake = answer.stake
  if (answer.removedValues && !w.finding.values) w.finding.values = answer.removedValues
  if (answer.oldType)
    w.finding.message = w.finding.message.replace(
      '(its current type is not known without the database)',
      `(currently ${displayType(answer.oldType)})`
    )
  return true
}

/**
 * Asks the database what the findings ask (counts of data at stake, lookups) in one read-only transaction, and
 * returns the works the answers withdraw: a cast the live type makes safe, a lookup that finds nothing.
 */
async function askDatabase(works: Work[], client: pg.Client, options?: StakeOptions): Promise<Set<Work>> {
  const withdrawn = new Set<Work>()
  // Nothing to count or look up: no transaction, no round trip.
  if (!works.some((w) => w.stake || w.lookup)) return withdrawn
  // loaded only with a database, so that the offline review and the CLI do not load the Postgres driver
  const { StakeCounter } = await import('./data-at-stake.js')
  await new StakeCounter(client, options).run(async (counter) => {
    for (const w of works) {
      if (w.stake && !applyStake(w, await counter.answer(w.stake))) withdrawn.add(w)
      const lookup = w.lookup
      if (!lookup || !w.hit) continue
      const found = (await counter.dependentViews(lookup.table)).filter((v) => !lookup.ignore.includes(v))
      const confirm = w.hit.rule.confirm
      if (found.length === 0 || !confirm) withdrawn.add(w)
      else {
        w.finding.message = confirm(w.hit.hit, found)
        w.lookup = undefined
      }
    }
  })
  return withdrawn
}

/** Rules Prisma's header is checked against: they run even when disabled, so the cross-check stays complete. */
const CROSS_CHECKED = Object.values(RULES_FOR_KIND).flat()

const BY_SEVERITY: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      BY_SEVERITY[a.severity] - BY_SEVERITY[b.severity] || a.line - b.line || a.rule.localeCompare(b.rule)
  )
}

/** Prisma 7.4+: `concurrently-in-transaction` only where Prisma still sends the file as one batch, saying why. */
function forStatementExecution(works: Work[], linted: LintedMigration): Work[] {
  if (!works.some((w) => w.finding.rule === 'concurrently-in-transaction')) return works
  const plan = planWithLoadedParser(linted.input.script, 'per-statement')
  if (plan.mode === 'per-statement')
    return works.filter((w) => w.finding.rule !== 'concurrently-in-transaction')
  for (const w of works)
    if (w.finding.rule === 'concurrently-in-transaction' && plan.fallback)
      w.finding.message += ` Prisma 7.4+ runs statements one by one, but sends this file as one batch: ${describeFallback(plan.fallback)}.`
  return works
}

export async function reviewMigrations(input: ReviewInput): Promise<ReviewResult> {
  // Nothing to parse (an up-to-date database): the 1.7 MB WebAssembly parser is not even loaded.
  if (input.migrations.length > 0) await loadParser()
  const notes = [...(input.notes ?? [])]
  const parsed = parseMigrations(input.migrations)
  let catalog: DatabaseCatalog | undefined
  let catalogRead = parsed.length === 0
  if (input.client && parsed.length > 0) {
    try {
      const statements = parsed.flatMap((p) => p.parsed.statements)
      catalog = await readCatalog(
        input.client,
        mentionedRelationNames(statements),
        calledFunctionNames(statements)
      )
      catalogRead = true
    } catch (error) {
      notes.push(`The database's catalog could not be read: ${(error as Error).message}`)
    }
  }
  const linted = lintMigrations(parsed, {
    enabled: new Set([...input.settings.rules.keys(), ...CROSS_CHECKED]),
    catalog
  })
  const perFile = linted.map((l) => ({ linted: l, ...reviewFile(l, input.settings.rules) }))
  if (input.execution === 'per-statement')
    for (const p of perFile) p.works = forStatementExecution(p.works, p.linted)
  let databaseCompared = false
  if (input.client && catalogRead) {
    const all = perFile.flatMap((p) => p.works)
    try {
      const withdrawn = await askDatabase(all, input.client, input.stakeOptions)
      for (const p of perFile) p.works = p.works.filter((w) => !withdrawn.has(w))
      databaseCompared = true
    } catch (error) {
      notes.push(`Data at stake could not be counted on the database: ${quote((error as Error).message)}`)
    }
  }
  // What only the database could confirm, and it did not (or there is none): not reported.
  for (const p of perFile) p.works = p.works.filter((w) => !w.lookup)
  const scope = input.pullRequest
  const added = new Set(scope?.known ? scope.added : [])
  const changedByPr = new Set([...added, ...(scope?.modified ?? [])])
  const onBase = (name: string): boolean => scope?.known === true && !changedByPr.has(name)
  if (databaseCompared)
    for (const p of perFile) judgeDataHere(p.works, scope ? added : undefined, onBase(p.linted.input.name))
  const migrations: ReviewedMigration[] = perFile.map((p) => {
    const findings = sortFindings(p.works.map((w) => w.finding))
    if (input.allowDestructive)
      for (const f of findings)
        if (f.severity === 'error' && !f.acknowledged)
          f.acknowledged = { by: 'input', reason: 'allow-destructive: true' }
    return {
      name: p.linted.input.name,
      file: p.linted.input.file,
      script: p.linted.input.script,
      findings,
      parseError: p.linted.parsed.error?.message,
      prismaWarnings: p.prismaWarnings,
      ...(p.onNewTables ? { prismaWarningsOnNewTables: p.onNewTables } : {}),
      ...(onBase(p.linted.input.name) ? { onBase: true } : {})
    }
  })
  const result = summarize(migrations, databaseCompared, notes)
  const migrationsDir = input.migrations[0]
    ? posix.dirname(posix.dirname(input.migrations[0].file))
    : 'prisma/migrations'
  const final = withModifiedMigrations(result, {
    modified: input.modifiedMigrations ?? scope?.modified ?? [],
    deleted: input.deletedMigrations ?? scope?.deleted ?? [],
    base: input.base ?? scope?.base ?? 'the base branch',
    migrationsDir,
    rules: input.settings.rules,
    allowDestructive: input.allowDestructive
  })
  return scope ? { ...final, pullRequest: scope } : final
}

/**
 * The gate on what the compared database holds: a destructive finding whose object the deploy itself created (and
 * filled only with its own constants) destroys nothing there, so it is allowed, with the reason. In a pull request
 * review, a finding of a migration the PR adds stays open when it destroys data in environments where the
 * migrations that created its object already ran (`added`: the migrations the PR adds; empty when not known).
 */
function judgeDataHere(works: Work[], added: ReadonlySet<string> | undefined, onBase: boolean): void {
  for (const { finding, hit } of works) {
    if (!finding.destructive || !hit?.holds) continue
    const here = dataHere(hit.holds)
    finding.dataHere = here
    if (here.destroys || finding.acknowledged) continue
    const elsewhere = added && !onBase ? dataElsewhere(hit.holds, added) : undefined
    if (elsewhere) finding.elsewhere = elsewhere
    else finding.acknowledged = { by: 'database', reason: here.reason }
  }
}

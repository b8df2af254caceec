/**
 * One round trip per migration (issue 10): a migration.sql that PostgreSQL runs as one transaction travels with its
 * bookkeeping in ONE simple query, which PostgreSQL runs as one implicit transaction:
 *
 *     INSERT INTO "_prisma_migrations" (...) VALUES (...);   -- the row Prisma inserts first ("started")
 *     <migration.sql>
 *     ;
 *     UPDATE _prisma_migrations SET applied_steps_count = ..., finished_at = ... WHERE id = ...   -- Prisma's finish
 *
 * The committed row is field for field the one Prisma writes (uuid v4 id, checksum, name, logs NULL, rolled_back_at
 * NULL, applied_steps_count 1, finished_at after started_at), and nobody ever sees the states in between. What
 * changes is what a failure or a crash leaves: PostgreSQL rolls the whole message back, row included, so a process
 * killed mid-script leaves no row at all (the migration is pending again, as if the deploy had not started it),
 * where Prisma's protocol leaves a started row that every later deploy refuses (P3009). A script that fails is then
 * recorded as Prisma records it (a row with finished_at NULL, applied_steps_count 0 and the P3018 text in logs),
 * by one more statement after the rollback.
 *
 * Both timestamps come from the server's clock (`clock_timestamp()` at the insert, and at the update, never before
 * started_at): the end of a script that runs inside one message can only be timestamped by the server, and one clock
 * for both keeps finished_at >= started_at whatever the runner's clock says.
 *
 * Which files may take this path is decided on the real parser's AST (`fastPathBlocker`): anything that would behave
 * differently once preceded by an INSERT in the same transaction, or whose text could change the meaning of what is
 * appended to it, keeps Prisma's protocol (prisma-protocol.ts): files with their own transaction control, a lone statement
 * that cannot run in a transaction block (CREATE INDEX CONCURRENTLY...) or a lone DO/CALL (which may COMMIT when run
 * alone), `SET LOCAL`/`SET TRANSACTION`/`set_config`, and files that do not parse.
 *
 * What is appended after the script can never be swallowed into something the script left open: the parser proved
 * the script complete (every string, identifier, comment and dollar quote closed), a newline ends a trailing `--`
 * comment, `;` ends a trailing statement without one, and the appended text uses no quote character, no backslash
 * and no comment marker: its literals are dollar-quoted with a tag the script does not contain. Even where the
 * server's lexer could read the script differently from the parser (`standard_conforming_strings = off` turns `\'`
 * into an escaped quote), a string, identifier, comment or dollar quote the script left open stays open to the end
 * of the message, which then fails as the script alone would: nothing runs.
 */
import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { calledFunctions, type AnyNode } from '../sql/ast.js'
import { loadParser, parseScript } from '../sql/parse.js'
import { NO_SESSION_TIMEOUTS, asDate } from './history.js'
import { type ScriptShape, scriptShape } from './script-shape.js'

/** Prisma's column limit: a longer name makes the INSERT fail, which Prisma reports as such (not as P3018). */
const MAX_NAME_LENGTH = 255

/**
 * Why `script` must keep Prisma's protocol (row committed first), or undefined when it can travel with its row.
 * `known`: its `scriptShape(script, serverVersionNum)` when the caller has it already (computed here otherwise).
 */
export async function fastPathBlocker(
  script: string,
  name: string,
  serverVersionNum = 0,
  known?: ScriptShape
): Promise<string | undefined> {
  if ([...name].length > MAX_NAME_LENGTH) return `its name is longer than ${MAX_NAME_LENGTH} characters`
  await loadParser()
  const parsed = parseScript(script)
  if (parsed.error) return `it does not parse (line ${parsed.error.line})`
  const shape = known ?? (await scriptShape(script, serverVersionNum))
  if (shape.nonTransactional) return `its only statement is ${shape.nonTransactional}`
  if (!shape.atomic) return shape.reason ?? 'it may commit part of itself'
  for (const statement of parsed.statements) {
    const node = (statement.node as unknown as AnyNode)[statement.kind] as AnyNode
    if (statement.kind === 'TransactionStmt')
      return `line ${statement.startLine} controls the transaction itself`
    if (statement.kind === 'VariableSetStmt' && (node?.is_local || node?.kind === 'VAR_SET_MULTI'))
      return `line ${statement.startLine} changes settings of the current transaction only`
    if (calledFunctions(node).has('set_config'))
      return `line ${statement.startLine} calls set_config, which can change settings of the transaction`
  }
  return undefined
}

/** A dollar-quote tag that occurs in none of `texts`. */
function dollarTag(texts: string[]): string {
  for (;;) {
    const tag = `$pgops${randomBytes(6).toString('hex')}$`
    if (!texts.some((text) => text.includes(tag))) return tag
  }
}

/** `value` as a dollar-quoted literal with `tag` (which it does not contain). */
function dollar(tag: string, value: string): string {
  return `${tag}${value}${tag}`
}

export interface StartedRow {
  id: string
  checksum: string
  name: string
}

/** Marks the result rows of our own statements inside a message that also carries a script. */
export const FINISHED_MARK = 'pgops_finished'
export const STARTED_MARK = 'pgops_started'

/**
 * The finish of a migration whose script ran in an earlier message: Prisma's two updates in one, idempotent (a
 * second run changes nothing), so that it can be sent again when it is not known whether it committed.
 */
export function finishStatement(client: pg.Client, id: string): string {
  return (
    `UPDATE "_prisma_migrations" SET "applied_steps_count" = CASE WHEN "finished_at" IS NULL THEN "applied_steps_count" + 1 ELSE "applied_steps_count" END, ` +
    `"finished_at" = COALESCE("finished_at", greatest(clock_timestamp(), "started_at")) WHERE "id" = ${client.escapeLiteral(id)} ` +
    `RETURNING "id" AS ${FINISHED_MARK}, "started_at", "finished_at"`
  )
}

/** Prisma's started row (its first bookkeeping statement), its values as escaped literals. */
function startedRowInsert(client: pg.Client, row: StartedRow): string {
  return `INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES (${client.escapeLiteral(row.id)},${client.escapeLiteral(row.checksum)},clock_timestamp(),${client.escapeLiteral(row.name)})`
}

/** The started row of a migration on Prisma's protocol, returning its id (marked) and started_at. */
export function startedRowStatement(client: pg.Client, row: StartedRow): string {
  return `${startedRowInsert(client, row)} RETURNING "id" AS ${STARTED_MARK}, "started_at"`
}

/**
 * The row Prisma leaves for a script that failed (finished_at NULL, applied_steps_count 0, the P3018 text in logs),
 * written after PostgreSQL rolled back the message that carried the script with its row: started when the attempt
 * was sent, `secondsAgo` by the server's clock.
 */
export function failedRowStatement(
  client: pg.Client,
  row: StartedRow,
  secondsAgo: string,
  logs: string
): string {
  return `INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name","logs") VALUES (${client.escapeLiteral(row.id)},${client.escapeLiteral(row.checksum)},clock_timestamp() - make_interval(secs => ${secondsAgo}),${client.escapeLiteral(row.name)},${client.escapeLiteral(logs)})`
}

/** Statements committed on their own at the start of a message: `BEGIN; ...; COMMIT;`. */
export function committedFirst(statements: string[]): string {
  return statements.length === 0 ? '' : `BEGIN;\n${statements.join(';\n')};\nCOMMIT;\n`
}

export interface FastMessage {
  text: string
  /** Where the script starts in `text`, in characters as PostgreSQL counts them (code points). */
  scriptStart: number
  /** Where it ends. */
  scriptEnd: number
}

/**
 * The one message of a migration on the fast path: `before` (bookkeeping of earlier migrations, committed first on
 * its own), the started row, the script, the finish, and `next` (the started row of the next migration when it
 * keeps Prisma's protocol, and its session settings; committed with this one).
 */
export function fastMessage(
  client: pg.Client,
  row: StartedRow,
  script: string,
  options: { before?: string[]; next?: StartedRow; nextSettings?: string[] } = {}
): FastMessage {
  const head = committedFirst(options.before ?? []) + `${startedRowInsert(client, row)};\n`
  // After the script: no quote, backslash or comment marker; literals dollar-quoted with a tag the script lacks.
  const next = options.next
  const tag = dollarTag([script, ...(next ? [next.name, next.checksum, next.id] : [])])
  const tail = [
    '\n;',
    NO_SESSION_TIMEOUTS,
    `UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = greatest(clock_timestamp(), started_at) WHERE id = ${dollar(tag, row.id)} RETURNING id AS ${FINISHED_MARK}, started_at, finished_at`,
    ...(next
      ? [
          `INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES (${dollar(tag, next.id)}, ${dollar(tag, next.checksum)}, clock_timestamp(), ${dollar(tag, next.name)}) RETURNING id AS ${STARTED_MARK}, started_at`
        ]
      : []),
    ...(options.nextSettings ?? [])
  ].join('\n;\n')
  const scriptStart = [...head].length
  return { text: head + script + tail, scriptStart, scriptEnd: scriptStart + [...script].length }
}

/**
 * A failed message's error position, moved to the script (what PostgreSQL would report for the script alone), or
 * removed when it points into our own statements. Mutates the error: everything downstream reads the script's.
 */
export function moveErrorPosition(error: unknown, message: FastMessage): void {
  const e = error as { position?: string } | null
  if (!e || typeof e !== 'object' || e.position === undefined) return
  const at = Number(e.position)
  if (Number.isInteger(at) && at > message.scriptStart && at <= message.scriptEnd)
    e.position = String(at - message.scriptStart)
  else delete e.position
}

export interface RowTimes {
  id: string
  startedAt: Date
  finishedAt?: Date
}

/** The rows our marked statements returned, from the results of a multi-statement message. */
export function markedRows(
  results: pg.QueryResult | pg.QueryResult[],
  mark: typeof FINISHED_MARK | typeof STARTED_MARK
): RowTimes[] {
  const list = Array.isArray(results) ? results : [results]
  const rows: RowTimes[] = []
  for (const result of list) {
    if (!result.fields?.some((f) => f.name === mark)) continue
    for (const row of result.rows as Record<string, unknown>[])
      rows.push({
        id: String(row[mark]),
        startedAt: asDate(row.started_at),
        finishedAt:
          row.finished_at === null || row.finished_at === undefined ? undefined : asDate(row.finished_at)
      })
  }
  return rows
}

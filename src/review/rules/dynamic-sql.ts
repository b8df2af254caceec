import { type ParsedScript, parsePlPgSql, parseScript, scanSql } from '../../sql/parse.js'
import { type AnyNode, identifierFromToken, relationOf, stringsOf } from '../../sql/ast.js'
import type { PendingModel, PendingRoutine } from '../model.js'
import { q, qTable, type RuleDefinition, type RuleHit, type StatementContext } from './rule.js'

/**
 * Built-in and common extension functions that run SQL handed to them as text. The built-ins run it read-only,
 * but a volatile function named in the text still runs with full rights (`query_to_xml('SELECT f()', ...)`).
 */
const RUNS_SQL_TEXT = new Set([
  'query_to_xml',
  'query_to_xmlschema',
  'query_to_xml_and_xmlschema',
  'ts_stat',
  'ts_rewrite',
  'dblink',
  'dblink_exec',
  'dblink_open',
  'dblink_send_query',
  'pg_background_launch'
])

/** Statements that name a routine without running it. */
const ABOUT_A_ROUTINE = new Set([
  'CreateFunctionStmt',
  'DropStmt',
  'RenameStmt',
  'AlterFunctionStmt',
  'CommentStmt',
  'GrantStmt',
  'AlterOwnerStmt',
  'AlterObjectSchemaStmt',
  'AlterObjectDependsStmt',
  'SecLabelStmt',
  'AlterExtensionContentsStmt'
])

/** Statements that read or write rows: triggers, defaults, constraints and views may run stored code on the way. */
const TOUCHES_ROWS = new Set([
  'InsertStmt',
  'UpdateStmt',
  'DeleteStmt',
  'MergeStmt',
  'TruncateStmt',
  'CopyStmt',
  'SelectStmt',
  'CreateTableAsStmt',
  'RefreshMatViewStmt',
  'ExplainStmt',
  'CallStmt'
])

/** Nodes that hold no expression that runs (type modifiers must be constants): not walked, as they are most of a table. */
const NOTHING_RUNS = new Set([
  'TypeName',
  'typeName',
  'RangeVar',
  'relation',
  'ColumnRef',
  'A_Const',
  'String',
  'location'
])

/** What a piece of SQL hides from a static review: DO blocks, EXECUTE of prepared statements, SQL run from text. */
function opaqueParts(node: AnyNode, out: string[] = []): string[] {
  if (node === null || typeof node !== 'object') return out
  if (Array.isArray(node)) {
    for (const item of node) opaqueParts(item, out)
    return out
  }
  // Runs on every statement: a plain key loop, no intermediate arrays.
  for (const key in node) {
    const value = node[key]
    if (value === null || typeof value !== 'object' || NOTHING_RUNS.has(key)) continue
    if (key === 'DoStmt') out.push('a DO block')
    else if (key === 'ExecuteStmt')
      out.push(`EXECUTE of the prepared statement ${q(String(value.name ?? ''))}`)
    else if (key === 'FuncCall') {
      const name = stringsOf(value.funcname ?? []).pop()
      if (name && RUNS_SQL_TEXT.has(name)) out.push(`${q(name)}, which runs SQL given as text`)
    }
    opaqueParts(value, out)
  }
  return out
}

/** Names called in an expression, read with the server's scanner: a name directly followed by `(`. */
function calledInExpression(sql: string): string[] {
  const tokens = scanSql(sql)
  const names: string[] = []
  for (let i = 0; i + 1 < tokens.length; i++)
    if ((tokens[i].tokenName === 'IDENT' || tokens[i].keyword) && tokens[i + 1].tokenName === 'ASCII_40')
      names.push(identifierFromToken(tokens[i].text))
  return names
}

interface BodyFacts {
  /** Line (in the file) and description of the first construct that runs SQL the review cannot see. */
  dynamic?: { line: number; what: string }
  /** SQL statements written in the body. */
  statements: number
}

const DYNAMIC_PLPGSQL: Record<string, string> = {
  PLpgSQL_stmt_dynexecute: 'EXECUTE of a string built at run time',
  PLpgSQL_stmt_dynfors: 'FOR ... IN EXECUTE over a string built at run time'
}

/** Walks a PL/pgSQL parse tree (`line0` is the file line of the body's first line). */
function plpgsqlFacts(tree: unknown, line0: number): BodyFacts {
  const facts: BodyFacts = { statements: 0 }
  const found = (lineno: number, what: string): void => {
    facts.dynamic ??= { line: line0 + Math.max(lineno, 1) - 1, what }
  }
  const walk = (node: AnyNode, lineno: number): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, lineno)
      return
    }
    if (!node || typeof node !== 'object') return
    const here = typeof node.lineno === 'number' ? node.lineno : lineno
    for (const [key, value] of Object.entries(node)) {
      const inner = value as AnyNode
      const at = typeof inner?.lineno === 'number' ? inner.lineno : here
      if (DYNAMIC_PLPGSQL[key]) found(at, DYNAMIC_PLPGSQL[key])
      else if ((key === 'PLpgSQL_stmt_open' || key === 'PLpgSQL_stmt_return_query') && inner?.dynquery)
        found(
          at,
          `${key === 'PLpgSQL_stmt_open' ? 'OPEN ... FOR EXECUTE' : 'RETURN QUERY EXECUTE'} of a string built at run time`
        )
      else if (key === 'PLpgSQL_expr' && typeof inner?.query === 'string') {
        if (inner.parseMode === 0) {
          facts.statements++
          const parsed = parseScript(inner.query)
          const hidden = parsed.error
            ? [`a statement the parser cannot read (${parsed.error.message})`]
            : opaqueParts(parsed.statements.map((s) => s.node))
          if (hidden.length) found(here, hidden[0])
        } else {
          const call = calledInExpression(inner.query).find((name) => RUNS_SQL_TEXT.has(name))
          if (call) found(here, `${q(call)}, which runs SQL given as text`)
        }
      }
      walk(value, at)
    }
  }
  walk(tree, 1)
  return facts
}

/** The `LANGUAGE` and the body (the `AS` string and where it starts) of a DO or CREATE FUNCTION statement. */
function codeOf(elems: AnyNode[]): { language?: string; bodyLocation?: number; body?: string } {
  const out: { language?: string; bodyLocation?: number; body?: string } = {}
  for (const e of elems.map((x) => x?.DefElem).filter(Boolean)) {
    if (e.defname === 'language') out.language = e.arg?.String?.sval
    if (e.defname === 'as') {
      out.bodyLocation = e.location
      out.body = e.arg?.String?.sval ?? stringsOf(e.arg).join('\n')
    }
  }
  return out
}

function bodyLine(parsed: ParsedScript, location: number | undefined, fallback: number): number {
  return typeof location === 'number' && location >= 0 ? parsed.lines.lineAt(location) : fallback
}

function doBlock(ctx: StatementContext): RuleHit[] {
  const { language = 'plpgsql', bodyLocation } = codeOf(ctx.node.args ?? [])
  const intro = 'This DO block runs procedural code at deploy time that the review does not follow'
  if (language.toLowerCase() !== 'plpgsql')
    return [{ message: `${intro}: it is written in ${q(language)}, which the review cannot read.` }]
  const tree = parsePlPgSql(ctx.stmt.text)
  if ('error' in tree) return [{ message: `${intro}: its body does not parse as PL/pgSQL (${tree.error}).` }]
  const facts = plpgsqlFacts(tree.functions, bodyLine(ctx.file.parsed, bodyLocation, ctx.stmt.startLine))
  if (facts.dynamic)
    return [
      {
        message: `${intro}: it runs ${facts.dynamic.what} (line ${facts.dynamic.line}), so what it does to the database cannot be known before it runs.`
      }
    ]
  const n = facts.statements
  return [
    {
      message: `${intro}: its ${n} SQL statement${n === 1 ? '' : 's'} run${n === 1 ? 's' : ''} under conditions, loops and exception handlers, and none of them is checked by the other rules.`
    }
  ]
}

/** A routine whose body builds SQL at run time or cannot be read: every later call, in any migration, is opaque. */
function routineDefinition(ctx: StatementContext): RuleHit[] {
  const node = ctx.node
  const name = stringsOf(node.funcname).pop() ?? '?'
  const kind = node.is_procedure ? 'PROCEDURE' : 'FUNCTION'
  const returns = stringsOf(node.returnType?.names ?? []).pop()
  const code = codeOf(node.options ?? [])
  const language = (code.language ?? 'sql').toLowerCase()
  const what = `CREATE ${kind} ${q(name)}`
  const later =
    'every call runs SQL the review cannot see, in this migration and in every later one that calls it.'
  if (returns === 'event_trigger')
    return [
      {
        message: `${what} defines an event-trigger function: an event trigger runs it on every later DDL statement of the database, including later migrations.`
      }
    ]
  if (language === 'plpgsql') {
    const tree = parsePlPgSql(ctx.stmt.text)
    if ('error' in tree)
      return [{ message: `${what}: its body does not parse as PL/pgSQL (${tree.error}), so ${later}` }]
    const facts = plpgsqlFacts(
      tree.functions,
      bodyLine(ctx.file.parsed, code.bodyLocation, ctx.stmt.startLine)
    )
    return facts.dynamic
      ? [{ message: `${what} runs ${facts.dynamic.what} (line ${facts.dynamic.line}): ${later}` }]
      : []
  }
  if (language === 'sql') {
    let statements: AnyNode = node.sql_body
    if (statements === undefined && code.body !== undefined) {
      const parsed = parseScript(code.body)
      if (parsed.error)
        return [{ message: `${what}: its SQL body does not parse (${parsed.error.message}), so ${later}` }]
      statements = parsed.statements.map((s) => s.node)
    }
    const hidden = opaqueParts(statements)
    return hidden.length ? [{ message: `${what} runs ${hidden[0]}: ${later}` }] : []
  }
  return [{ message: `${what} is written in ${q(language)}, which the review cannot read: ${later}` }]
}

/** AST fields that name a routine: calls, triggers, casts (`objname`), conversions, handlers. */
const ROUTINE_KEYS = new Set([
  'funcname',
  'func_name',
  'objname',
  'handler_name',
  'plhandler',
  'plinline',
  'plvalidator'
])

/** Names of routines a statement calls or wires up (calls, triggers, operators, casts, aggregates, handlers). */
function routinesNamed(node: AnyNode, out: Set<string> = new Set()): Set<string> {
  const last = (list: AnyNode): void => {
    const name = stringsOf(list).pop()
    if (name) out.add(name)
  }
  if (Array.isArray(node)) {
    for (const item of node) routinesNamed(item, out)
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const inner = value as AnyNode
      if (ROUTINE_KEYS.has(key)) last(inner)
      else if (key === 'DefElem') {
        if (inner?.arg?.TypeName) last(inner.arg.TypeName.names ?? [])
        else if (inner?.arg?.List) last(inner.arg)
      }
      routinesNamed(value, out)
    }
  }
  return out
}

function where(r: PendingRoutine, ctx: StatementContext): string {
  const created = r.replaces ? 'replaced' : 'created'
  return r.migration && r.migration !== ctx.file.migration.name
    ? `${created} by the pending migration ${q(r.migration)}, line ${r.line}`
    : `${created} at line ${r.line} of this file`
}

function callsIntoPendingCode(ctx: StatementContext, model: PendingModel): RuleHit[] {
  if (!model.hasRoutines() || ABOUT_A_ROUTINE.has(ctx.stmt.kind)) return []
  const called = [...routinesNamed(ctx.node)]
    .map((name) => ({ name, routine: model.routine(name) }))
    .filter((c): c is { name: string; routine: PendingRoutine } => c.routine !== undefined)
  if (called.length > 0) {
    const { name, routine } = called[0]
    const others =
      called.length > 1
        ? ` (and ${called
            .slice(1)
            .map((c) => q(c.name))
            .join(', ')})`
        : ''
    return [
      {
        message: `This statement calls or wires up the ${routine.kind} ${q(name)}${others}, ${where(routine, ctx)}: its body runs (now, or on every write it is attached to) and the review does not follow it.`
      }
    ]
  }
  if (!TOUCHES_ROWS.has(ctx.stmt.kind)) return []
  const implicit = model.implicitRoutines()
  if (implicit.length === 0) return []
  const names = implicit.map((r) => q(r.name)).join(', ')
  return [
    {
      message: `This statement can run ${names} (${where(implicit[0], ctx)}) without naming ${implicit.length === 1 ? 'it' : 'them'}: a trigger, a column default, a constraint or a view in the database may call ${implicit.length === 1 ? 'it' : 'them'}, and the review does not follow that code.`
    }
  ]
}

export const dynamicSql: RuleDefinition = {
  id: 'dynamic-sql',
  severity: 'error',
  // What such a statement does is unknown, so it may destroy data: it counts as destructive (headline, outputs,
  // `backup-before-deploy: destructive`).
  destructive: true,
  // The object a hit names (a rule's table, a default's column) is not what may be destroyed.
  lossUnknown: true,
  enabledByDefault: true,
  title: 'SQL the review cannot read: DO blocks, EXECUTE, and calls into code the migrations define',
  why: "The review reads the statements written in the file. A DO block, an EXECUTE of a prepared statement or of a string built at run time, a call to a function or procedure the pending migrations create, a rule or an event trigger run SQL that is not written there: `DO $$ BEGIN EXECUTE 'DR' || 'OP TABLE \"Post\"'; END $$` drops a table while no rule sees a DROP. The gate cannot vouch for what it cannot read.",
  fix: 'Write the statements themselves in the migration, so that each one is reviewed (Prisma migrations never need DO blocks). If the procedural code is intended, read it carefully and acknowledge it with `-- pg-ops:allow dynamic-sql <reason>` directly above the statement.',
  example: "DO $$ BEGIN EXECUTE 'DR' || 'OP TABLE \"Post\"'; END $$;",
  label: (f) => `SQL the review cannot read (${q(f.migration)} line ${f.line})`,
  docs: {
    why: "The review reads the statements written in the file. `DO $$ BEGIN EXECUTE 'DR' || 'OP TABLE \"Post\"'; END $$;` drops a table while no rule sees a `DROP`, and the same goes for every other way a migration can run SQL that is not written in it. The gate cannot vouch for what it cannot read, so each of these is an error-level finding:",
    details:
      '- **every `DO` block**, whatever its casing, quoting or `LANGUAGE` — also one without `EXECUTE`: its statements run under conditions, loops and exception handlers that the review does not follow (a statement may run zero or a thousand times, an exception handler may swallow its failure), and none of them is checked by the other rules. The message says what the block holds (`EXECUTE` and its line, or how many statements);\n- **`EXECUTE`** of a prepared statement (also inside `EXPLAIN ANALYZE` or `CREATE TABLE ... AS`), and calls to built-ins that run SQL given as text (`query_to_xml`, `ts_stat`, `ts_rewrite`, `dblink*`…: read-only themselves, but a function named in the text runs with full rights);\n- **a call into a function or procedure created (or replaced) by the pending migrations**, however it is reached: `SELECT f()`, `CALL p()`, a `DEFAULT` (also `ALTER ... SET DEFAULT f()`), a `CHECK`, an index expression, a view, a trigger (`CREATE TRIGGER ... EXECUTE FUNCTION f()`), an operator, a cast, an aggregate. Names are matched without their schema, so a function shadowing another through `search_path` counts too;\n- **a write (or a read through a view) after a `CREATE OR REPLACE FUNCTION` or a trigger function** in the pending set: a trigger, default, constraint or view already in the database may run the new body without the statement naming it;\n- **the definition of a function or procedure that builds SQL at run time** (`EXECUTE`, `FOR ... IN EXECUTE`, `OPEN ... FOR EXECUTE`, `RETURN QUERY EXECUTE`, a `DO` block or one of the built-ins above in its body) or whose language the review cannot read (anything but `sql` and `plpgsql`), and of an event-trigger function: every later call, in any later migration, runs SQL nobody reviews;\n- **`CREATE RULE`** (its actions run hidden behind ordinary reads and writes), **`CREATE EVENT TRIGGER`** (its function runs on every later DDL statement, later migrations included), **`COPY ... PROGRAM`** (a shell command on the database server) and **`LOAD`** (a shared library).\n\nNot flagged: defining a function that does not build SQL (it does nothing until something calls it, and that call is flagged when it is in the pending set), calls to functions that already exist in the database (they were reviewed when their migration was), and `CREATE EXTENSION` (its script is installed on the server by its administrator, and Prisma projects use extensions routinely). Known limits: a `CREATE OR REPLACE` of a function used by an index expression, followed by a rewrite of that table (`ALTER COLUMN ... TYPE`, `REINDEX`), is not seen (such functions must be `IMMUTABLE`, and PL/pgSQL refuses to modify data in one).'
  },
  check: (ctx) => {
    switch (ctx.stmt.kind) {
      case 'DoStmt':
        return doBlock(ctx)
      case 'CreateFunctionStmt':
        return routineDefinition(ctx)
      case 'RuleStmt': {
        const table = relationOf(ctx.node.relation)
        return [
          {
            message: `CREATE RULE ${q(ctx.node.rulename ?? '?')} rewrites later statements on ${table ? qTable(table) : 'the table'}: its actions run hidden behind ordinary reads and writes, in this migration and in the application.`,
            ...(table ? { schema: table.schema, table: table.name } : {})
          }
        ]
      }
      case 'CopyStmt':
        if (ctx.node.is_program)
          return [
            {
              message: `COPY ... PROGRAM runs a shell command on the database server (${ctx.node.is_from ? 'its output is loaded into the table' : 'it receives the rows'}): what it does is not SQL the review can read.`
            }
          ]
        break
      case 'LoadStmt':
        return [{ message: 'LOAD loads a shared library into the server: its code is not in the migration.' }]
      case 'CreateEventTrigStmt':
        return [
          {
            message: `CREATE EVENT TRIGGER ${q(ctx.node.trigname ?? '?')} runs ${q(stringsOf(ctx.node.funcname).pop() ?? '?')} on every later DDL statement of the database, including those of later migrations.`
          }
        ]
    }
    const hidden = opaqueParts(ctx.stmt.node)
    if (hidden.length > 0)
      return [
        {
          message: `This statement runs ${hidden[0]}: the SQL that runs is not written here, so the review cannot check it.`
        }
      ]
    return callsIntoPendingCode(ctx, ctx.model)
  }
}

/**
 * The real PostgreSQL parser (libpg-query, the server's own grammar compiled to WebAssembly). Every statement is
 * mapped back to its byte range and line numbers in the file. Nothing here looks at SQL text with regexes.
 */
import { setFlagsFromString } from 'node:v8'
import type { Node } from 'libpg-query'

export interface ParsedStatement {
  /** 0-based index in the file. */
  index: number
  /** The AST node, e.g. `{ DropStmt: {...} }`. */
  node: Node
  /** The statement's node type, e.g. `DropStmt`. */
  kind: string
  /** Byte offsets (UTF-8) of the statement's first and one-past-last token. */
  byteStart: number
  byteEnd: number
  /** 1-based lines of the statement's first and last token. */
  startLine: number
  endLine: number
  /** The statement's source text, without leading comments and trailing semicolon. */
  text: string
}

export interface SqlParseError {
  message: string
  byteOffset: number
  line: number
}

/** A line or block comment, as the scanner sees it (never inside a string or dollar quote). */
export interface SqlComment {
  kind: 'line' | 'block'
  byteStart: number
  byteEnd: number
  startLine: number
  endLine: number
  text: string
}

/** An identifier token as written in the file (quotes included). */
export interface IdentifierToken {
  byteStart: number
  line: number
  text: string
}

export interface ParsedScript {
  statements: ParsedStatement[]
  /** Set when the file does not parse; `statements` is then empty. */
  error?: SqlParseError
  /** The comments outside statements (between them, before the first and after the last), in order. */
  comments: SqlComment[]
  lines: LineIndex
}

type LibPgQuery = typeof import('libpg-query')
let ready: Promise<void> | undefined
let libpgQuery: LibPgQuery | undefined

/**
 * Loads the WebAssembly parser once; call before `parseScript`. It is imported here, not at the top of the file:
 * libpg-query compiles its 1.7 MB module as soon as it is imported, which modes that never parse SQL (backups,
 * an up-to-date status) should not pay for.
 */
export function loadParser(): Promise<void> {
  ready ??= (async () => {
    // A review is a short run over a large WebAssembly module: V8's optimizing tier would spend more time
    // compiling the parser than the run lasts (about 4x slower end to end on 160 migrations). Baseline code is
    // plenty. The flag must be set before the module is compiled, so before the import.
    setFlagsFromString('--liftoff-only')
    const module = await import('libpg-query')
    await module.loadModule()
    libpgQuery = module
  })()
  return ready
}

function parser(): LibPgQuery {
  if (!libpgQuery) throw new Error('The SQL parser is not loaded: await loadParser() before parsing.')
  return libpgQuery
}

/** Maps byte offsets of a UTF-8 buffer to 1-based line numbers. */
export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(private readonly bytes: Buffer) {
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) this.starts.push(i + 1)
  }

  lineAt(byteOffset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid] <= byteOffset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }

  /** Byte offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line - 1, 0), this.starts.length - 1)]
  }

  get lineCount(): number {
    return this.starts.length
  }

  slice(start: number, end: number): string {
    return this.bytes.subarray(start, end).toString('utf8')
  }
}

interface ScanTokenLike {
  start: number
  end: number
  tokenName: string
}

const isSpace = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b

/**
 * Between two statements there is only whitespace, the separating semicolon and comments (anything else would
 * be a token of a statement), so this region can be walked byte by byte: it yields the comments there and the
 * offset of the next statement's first token. Scanning the whole file with the server's scanner instead costs
 * more than parsing it (the scanner returns every token as JSON).
 */
function skipTrivia(
  bytes: Buffer,
  from: number,
  to: number,
  onComment: (kind: 'line' | 'block', start: number, end: number) => void
): number {
  let pos = from
  while (pos < to) {
    const c = bytes[pos]
    if (isSpace(c) || c === 0x3b) {
      pos++
    } else if (c === 0x2d && bytes[pos + 1] === 0x2d) {
      let end = pos + 2
      while (end < to && bytes[end] !== 0x0a) end++
      onComment('line', pos, bytes[end - 1] === 0x0d ? end - 1 : end)
      pos = end
    } else if (c === 0x2f && bytes[pos + 1] === 0x2a) {
      // block comments nest in Postgres
      let depth = 1
      let end = pos + 2
      while (end < to && depth > 0) {
        if (bytes[end] === 0x2f && bytes[end + 1] === 0x2a) {
          depth++
          end += 2
        } else if (bytes[end] === 0x2a && bytes[end + 1] === 0x2f) {
          depth--
          end += 2
        } else end++
      }
      onComment('block', pos, end)
      pos = end
    } else return pos
  }
  return pos
}

function scanTokens(sql: string): ScanTokenLike[] {
  try {
    return parser().scanSync(sql).tokens
  } catch {
    // the scanner only fails on unterminated quotes; the parse error reports those
    return []
  }
}

/**
 * The identifier tokens of one statement as written (quotes included); the AST holds names truncated to 63
 * bytes, so this is how a too-long name is seen. Scans only that statement.
 */
export function identifierTokens(script: ParsedScript, stmt: ParsedStatement): IdentifierToken[] {
  // the scanner's offsets are bytes within the statement's text
  return scanTokens(stmt.text)
    .filter((t) => t.tokenName === 'IDENT')
    .map((t) => ({
      byteStart: stmt.byteStart + t.start,
      line: script.lines.lineAt(stmt.byteStart + t.start),
      text: script.lines.slice(stmt.byteStart + t.start, stmt.byteStart + t.end)
    }))
}

const parsed = new Map<string, ParsedScript>()

/**
 * Parses a whole file. Requires `await loadParser()` first. A deploy parses each pending file twice (the
 * transaction check, then the review), so results are kept for the run; treat them as read-only.
 */
export function parseScript(sql: string): ParsedScript {
  let result = parsed.get(sql)
  if (!result) {
    result = parseUncached(sql)
    parsed.set(sql, result)
  }
  return result
}

function parseUncached(sql: string): ParsedScript {
  const bytes = Buffer.from(sql, 'utf8')
  const lines = new LineIndex(bytes)
  const comments: SqlComment[] = []
  const addComment = (kind: 'line' | 'block', start: number, end: number): void => {
    comments.push({
      kind,
      byteStart: start,
      byteEnd: end,
      startLine: lines.lineAt(start),
      endLine: lines.lineAt(Math.max(start, end - 1)),
      text: lines.slice(start, end)
    })
  }
  // An empty migration.sql is valid (Prisma applies it); the parser refuses an empty string, not whitespace.
  if (sql.length === 0) return { statements: [], comments, lines }
  let result
  try {
    result = parser().parseSync(sql)
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number; message?: string } }).sqlDetails
    const byteOffset = Math.max(0, details?.cursorPosition ?? 0)
    return {
      statements: [],
      error: {
        message: details?.message ?? (error as Error).message,
        byteOffset,
        line: lines.lineAt(byteOffset)
      },
      comments,
      lines
    }
  }
  let previousEnd = 0
  const statements: ParsedStatement[] = (result.stmts ?? []).map((raw, index) => {
    const from = raw.stmt_location ?? 0
    // Postgres 18 starts a statement at its first token; older versions right after the previous semicolon.
    const byteStart = skipTrivia(bytes, Math.min(previousEnd, from), bytes.length, addComment)
    let byteEnd = raw.stmt_len ? from + raw.stmt_len : bytes.length
    if (!raw.stmt_len) {
      // the last statement without a semicolon runs to the end of the file, trailing comments included
      const tokens = scanTokens(lines.slice(byteStart, byteEnd)).filter(
        (t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT'
      )
      const last = tokens[tokens.length - 1]
      if (last) byteEnd = byteStart + last.end
    }
    while (byteEnd > byteStart && isSpace(bytes[byteEnd - 1])) byteEnd--
    previousEnd = byteEnd
    const node = raw.stmt as Node
    return {
      index,
      node,
      kind: Object.keys(node)[0],
      byteStart,
      byteEnd,
      startLine: lines.lineAt(byteStart),
      endLine: lines.lineAt(Math.max(byteStart, byteEnd - 1)),
      text: lines.slice(byteStart, byteEnd)
    }
  })
  const lastEnd = statements.length ? statements[statements.length - 1].byteEnd : 0
  skipTrivia(bytes, lastEnd, bytes.length, addComment)
  return { statements, comments, lines }
}

/**
 * The PL/pgSQL parse tree of the `DO` blocks and `CREATE FUNCTION ... LANGUAGE plpgsql` statements in `sql` (the
 * server's own PL/pgSQL grammar), or the parser's error message. Requires `await loadParser()` first.
 */
export function parsePlPgSql(sql: string): { functions: unknown[] } | { error: string } {
  try {
    const result = parser().parsePlPgSQLSync(sql) as unknown as { plpgsql_funcs?: unknown[] }
    return { functions: result.plpgsql_funcs ?? [] }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

/** The tokens of a piece of SQL as the server's scanner reads them (empty when it cannot be scanned). */
export function scanSql(sql: string): { text: string; tokenName: string; keyword: boolean }[] {
  try {
    return parser()
      .scanSync(sql)
      .tokens.map((t) => ({ text: t.text, tokenName: t.tokenName, keyword: t.keywordKind > 0 }))
  } catch {
    return []
  }
}

/**
 * The real PostgreSQL parser (libpg-query, the server's own grammar compiled to WebAssembly). Every statement is
 * mapped back to its byte range and line numbers in the file. Nothing here looks at SQL text with regexes.
 */
import { loadModule, parseSync, scanSync, type Node } from 'libpg-query'

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

export interface ParsedScript {
  statements: ParsedStatement[]
  /** Set when the file does not parse; `statements` is then empty. */
  error?: SqlParseError
}

let ready: Promise<void> | undefined

/** Loads the WebAssembly module once; call before `parseScript`. */
export function loadParser(): Promise<void> {
  ready ??= loadModule()
  return ready
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

/** Parses a whole file. Requires `await loadParser()` first. */
export function parseScript(sql: string): ParsedScript {
  const bytes = Buffer.from(sql, 'utf8')
  const lines = new LineIndex(bytes)
  let result
  try {
    result = parseSync(sql)
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number; message?: string } }).sqlDetails
    const byteOffset = Math.max(0, details?.cursorPosition ?? 0)
    return {
      statements: [],
      error: { message: details?.message ?? (error as Error).message, byteOffset, line: lines.lineAt(byteOffset) }
    }
  }
  // Token boundaries (comments are not tokens) give each statement's true first and last token.
  const tokens: ScanTokenLike[] = scanSync(sql).tokens.filter((t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT')
  let cursor = 0
  const statements: ParsedStatement[] = (result.stmts ?? []).map((raw, index) => {
    const from = raw.stmt_location ?? 0
    const to = raw.stmt_len ? from + raw.stmt_len : bytes.length
    while (cursor < tokens.length && tokens[cursor].start < from) cursor++
    const first = tokens[cursor]
    let last = first
    while (cursor < tokens.length && tokens[cursor].end <= to) {
      if (tokens[cursor].tokenName !== 'ASCII_59') last = tokens[cursor]
      cursor++
    }
    const byteStart = first ? first.start : from
    const byteEnd = last ? last.end : to
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
  return { statements }
}

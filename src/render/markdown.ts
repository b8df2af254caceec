/**
 * Markdown primitives: the one place that decides how text we did not write lands in the job summary and the PR
 * comment. Names from SQL, migration directories, server and Prisma messages are hostile: GitHub turns `@user`,
 * `@org/team`, `#123`, `GH-1`, URLs, `www.` and `:emoji:` in text into live mentions, cross-references and links
 * (which notify people and link other issues), and renders HTML. It does none of that inside code. So:
 * - names and foreign prose go into `code()` spans, which nothing can break out of;
 * - our own sentences with such spans go through `inline()`: spans kept, everything between them neutralised as
 *   `text()` (a safety net for any fragment that still reached a sentence unquoted);
 * - table cells through `table()`, HTML (`<summary>`) through `htmlText()` / `htmlCode()`, code blocks through
 *   `fence()`.
 * Every primitive folds line breaks (a newline in a name would end a table row, a list item or an HTML block) and
 * caps the length of what it shows (a 100 KB identifier must not crowd out the report; Postgres truncates names
 * to 63 bytes anyway). None of them can produce a line that starts with `<!--`, so nothing rendered can look like
 * a comment marker.
 */

/** Longest name or foreign message shown; longer ones end with "…" (the JSON report keeps them whole). */
export const MAX_CODE_CHARS = 300
export const MAX_PROSE_CHARS = 2000

const ZWSP = '&#8203;'

/** CommonMark line endings become spaces: rendered text is always one line. */
export function foldLines(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ')
}

/** At most `max` UTF-16 units, ending with "…" when cut; never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let end = Math.max(0, max - 1)
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ENTITIES[c])
}

// No `'`: its entity holds a `#`, and nothing of ours puts text in a single-quoted attribute.
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/**
 * Breaks what GitHub links after rendering (it scans the text of the HTML, so backslash escapes do not help): a
 * zero-width space after `@` (mentions, team mentions, e-mail autolinks), after `#` (issue references), inside
 * `GH-1`, `://`, `www.` and `:shortcode:`. The reader sees the same characters.
 */
function breakReferences(text: string): string {
  return text
    .replace(/[@#]/g, (c) => `${c}${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${ZWSP}-`)
    .replace(/:(?=\/\/|[\w+\\-]+:)/g, `:${ZWSP}`)
    .replace(/(?<![\p{L}\p{N}_-])(www)\./giu, `$1${ZWSP}.`)
}

/**
 * Plain text that renders as itself and nothing else: HTML escaped, every inline markdown character
 * backslash-escaped, references broken (see breakReferences), a leading list/heading marker escaped, lines
 * folded. `|` is left to `table()`, which escapes it the way GFM's table parser expects.
 */
export function text(value: string, max = MAX_PROSE_CHARS): string {
  const escaped = escapeHtml(foldLines(clip(value, max)))
    .replace(/[\\`*_[\]~$]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+(?=[.)]))/, (_, space: string, marker: string) =>
      /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`
    )
  return breakReferences(escaped)
}

/**
 * An inline code span nothing can break out of (CommonMark 6.1): delimited by a backtick run longer than any run
 * inside, padded with a space when the content starts or ends with a backtick or a space (one space each side is
 * stripped again), on one line. GitHub links no mention, reference, URL or emoji inside code, and shows HTML
 * literally.
 */
export function code(value: string, max = MAX_CODE_CHARS): string {
  const content = foldLines(clip(value, max))
  if (content === '') return '` `'
  let longest = 0
  let run = 0
  for (let i = 0; i < content.length; i++) {
    run = content.charCodeAt(i) === 96 ? run + 1 : 0
    if (run > longest) longest = run
  }
  const ticks = '`'.repeat(longest + 1)
  const pad = /^[` ]|[` ]$/.test(content) && !/^ +$/.test(content) ? ' ' : ''
  return `${ticks}${pad}${content}${pad}${ticks}`
}

/** `code()` for free text from outside (server errors, Prisma warnings, acknowledgement reasons): a longer cap. */
export function quote(value: string): string {
  return code(value, MAX_PROSE_CHARS)
}

interface Segment {
  code: boolean
  text: string
}

/**
 * Splits markdown into code spans and the text between them as CommonMark does: a backtick run opens a span that
 * the next run of the same length closes; a run with no partner is literal. Linear: each run looks up its partner
 * through a per-length cursor.
 */
function segments(markdown: string): Segment[] {
  const runs: { start: number; length: number }[] = []
  for (const m of markdown.matchAll(/`+/g)) runs.push({ start: m.index, length: m[0].length })
  const byLength = new Map<number, number[]>()
  runs.forEach((r, i) => {
    const list = byLength.get(r.length)
    if (list) list.push(i)
    else byLength.set(r.length, [i])
  })
  const cursor = new Map<number, number>()
  const out: Segment[] = []
  let textStart = 0
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]
    if (open.start < textStart) continue
    const same = byLength.get(open.length) ?? []
    let k = cursor.get(open.length) ?? 0
    while (k < same.length && same[k] <= i) k++
    cursor.set(open.length, k)
    if (k === same.length) continue
    const close = runs[same[k]]
    let content = foldLines(markdown.slice(open.start + open.length, close.start))
    if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content))
      content = content.slice(1, -1)
    if (open.start > textStart) out.push({ code: false, text: markdown.slice(textStart, open.start) })
    out.push({ code: true, text: content })
    textStart = close.start + close.length
    i = same[k]
  }
  if (textStart < markdown.length) out.push({ code: false, text: markdown.slice(textStart) })
  return out
}

/**
 * A sentence of ours with code spans (messages, headlines, notes, error texts): every span is re-emitted with
 * `code()`, everything else as `text()`. Whatever a hostile name did to the backticks, the result has no live
 * markdown, HTML or reference outside code.
 */
export function inline(markdown: string, max = MAX_PROSE_CHARS * 2): string {
  return segments(clip(markdown, max))
    .map((s) => (s.code ? code(s.text, MAX_PROSE_CHARS) : text(s.text, Infinity)))
    .join('')
}

/**
 * One table cell from inline markdown: one line, and every `|` escaped, since GFM splits cells on `|` before it
 * parses code spans. GFM reads `\\` as an escaped backslash, so a `|` right after a backslash would still split:
 * a zero-width space goes between them.
 */
export function cell(markdown: string): string {
  return foldLines(markdown).replace(/(\\?)\|/g, (_, backslash: string) =>
    backslash ? '\\\u200b\\|' : '\\|'
  )
}

/** A table whose cells (inline markdown) go through `cell()`. */
export function table(headers: string[], rows: string[][]): string {
  return [tableHead(headers), ...rows.map(tableRow)].join('\n')
}

export function tableHead(headers: string[]): string {
  return `${tableRow(headers)}\n${tableRow(headers.map(() => '---'))}`
}

export function tableRow(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`
}

/** Text inside raw HTML (where markdown escapes do nothing): entities, references broken, one line. */
export function htmlText(value: string, max = MAX_PROSE_CHARS): string {
  return breakReferences(escapeHtml(foldLines(clip(value, max))))
}

/** A name inside raw HTML, as `<code>`. */
export function htmlCode(value: string, max = MAX_CODE_CHARS): string {
  return `<code>${htmlText(value, max)}</code>`
}

/**
 * A fenced block whose fence is longer than any backtick run inside, so the content can never close it early. A
 * line that starts with `<!--` gets a zero-width space after `<`, so that no line of a rendered report can equal a
 * comment marker.
 */
export function fence(content: string, lang = ''): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((r) => r.length))
  const marks = '`'.repeat(Math.max(3, longest + 1))
  const body = content.replace(/\n$/, '').replace(/^(\s*)<!--/gm, '$1<\u200b!--')
  return `${marks}${lang}\n${body}\n${marks}`
}

/** A collapsed section; `summaryHtml` is built with `htmlText()` / `htmlCode()`. */
export function details(summaryHtml: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summaryHtml}</summary>\n\n${body}\n\n</details>`
}

export function byteLength(value: string): number {
  return Buffer.byteLength(value, 'utf8')
}

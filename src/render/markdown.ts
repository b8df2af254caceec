/**
 * Markdown building blocks. Everything that comes from a migration file or the database (names, messages, SQL)
 * passes through one of these, because the job summary and the PR comment render HTML and tables.
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Text with `code spans`: HTML is escaped outside the spans only (inside them GitHub shows entities literally and
 * renders no HTML anyway).
 */
export function inlineText(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeHtml(part)))
    .join('')
}

/** One table cell: inline text, no line breaks, and every `|` escaped (GFM splits cells on it even inside code). */
export function escapeTableCell(text: string): string {
  return inlineText(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')
}

export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

/** A fenced block whose fence is longer than any backtick run inside, so SQL can never close it early. */
export function fence(code: string, lang = ''): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((r) => r.length))
  const marks = '`'.repeat(Math.max(3, longest + 1))
  return `${marks}${lang}\n${code.replace(/\n$/, '')}\n${marks}`
}

/** A collapsed section; `summary` is plain text and gets escaped. */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/**
 * Cuts text to a limit at a line boundary, closing an open code fence and `<details>` so the rest still
 * renders, and ends with the note given.
 */
export function truncateMarkdown(
  text: string,
  limit: number,
  measure: (s: string) => number,
  note: string
): string {
  if (measure(text) <= limit) return text
  const lines = text.split('\n')
  const out: string[] = []
  let openFence: string | undefined
  let openDetails = 0
  const closing = (): string =>
    `${openFence ? `\n${openFence}` : ''}${'\n</details>'.repeat(openDetails)}\n\n${note}`
  for (const line of lines) {
    const candidate = [...out, line].join('\n')
    const nextFence = updateFence(openFence, line)
    const nextDetails =
      openDetails + (line.includes('<details') ? 1 : 0) - (line.includes('</details>') ? 1 : 0)
    const tail = `${nextFence ? `\n${nextFence}` : ''}${'\n</details>'.repeat(Math.max(0, nextDetails))}\n\n${note}`
    if (measure(candidate + tail) > limit) break
    out.push(line)
    openFence = nextFence
    openDetails = Math.max(0, nextDetails)
  }
  return out.join('\n') + closing()
}

function updateFence(open: string | undefined, line: string): string | undefined {
  const m = /^(`{3,})/.exec(line)
  if (!m) return open
  if (!open) return m[1]
  return line.trim() === open ? undefined : open
}

/**
 * The markdown primitives against what an attacker puts in a table, column, index or migration name, a Prisma
 * warning or a server message. The helpers read markdown the way CommonMark and GFM do (code spans, in
 * ./commonmark.ts: a backtick run closed by the next run of the same length; table rows, below: split on `|` unless
 * escaped by a backslash, where `\\` counts as one escaped backslash), independently of src/render/markdown.ts.
 */
import { describe, expect, it } from '@jest/globals'
import {
  cell,
  clip,
  code,
  details,
  fence,
  htmlCode,
  htmlText,
  inline,
  MAX_CODE_CHARS,
  table,
  text
} from '../../src/render/markdown.js'
import { spans } from './commonmark.js'

const ZWSP = '&#8203;'

/** cmark-gfm's row split: `\` escapes the next character (a backslash too), an unescaped `|` separates cells. */
function gfmCells(row: string): string[] {
  const cells: string[] = []
  let current = ''
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && i + 1 < row.length) {
      current += row[i] + row[i + 1]
      i++
    } else if (row[i] === '|') {
      cells.push(current)
      current = ''
    } else current += row[i]
  }
  cells.push(current)
  // the leading and trailing pipes; GFM then unescapes \| in each cell
  return cells.slice(1, -1).map((c) => c.trim().replace(/\\\|/g, '|'))
}

/** What GitHub would link in text: a mention, team mention, issue reference, URL, www link, e-mail, emoji. */
const LIVE = [
  /(^|[^\w`])@[a-z0-9]/i,
  /(^|[^\w&])#\d/,
  /\bGH-\d/i,
  /:\/\//,
  /(^|[^\w])www\./i,
  /\w@\w/,
  /:[a-z0-9_+-]+:/i
]

const HOSTILE = [
  'a`b',
  'a``b```c',
  '`leading',
  'trailing`',
  '`',
  '``',
  ' spaced ',
  '@octocat',
  '@acme/security-team',
  'see #1 and acme/platform#2 and GH-3',
  'https://evil.example/phish',
  'www.evil.example',
  'mail root@evil.example',
  ':rocket: :+1:',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<!-- prisma-postgres-ops-action:migrate-status:0123456789abcdef -->',
  'a|b',
  'a\\|b',
  'line1\nline2\r\n# heading\r<!-- x -->',
  '**bold** _em_ ~~strike~~ [link](https://x.example) ![img](https://x.example/i.png) $x^2$',
  '- item',
  '1. item',
  '\\`escaped`'
]

describe('code(): a span nothing breaks out of', () => {
  it.each(HOSTILE)('keeps %j whole inside one span, on one line', (name) => {
    const span = code(name)
    expect(span).not.toMatch(/[\r\n]/)
    const read = spans(span)
    expect(read.code).toEqual([name.replace(/\r\n|\r|\n/g, ' ')])
    expect(read.text).toBe('\u0000')
  })

  it('uses a fence longer than the longest run inside, padded when the content starts or ends with a backtick', () => {
    expect(code('plain')).toBe('`plain`')
    expect(code('a``b```c')).toBe('````a``b```c````')
    expect(code('`x')).toBe('`` `x ``')
    expect(code('x`')).toBe('`` x` ``')
    expect(code('')).toBe('` `')
  })

  it('shortens absurd names (Postgres keeps 63 bytes of them anyway), never splitting a surrogate pair', () => {
    expect(code('n'.repeat(10_000)).length).toBeLessThan(MAX_CODE_CHARS + 10)
    expect(clip(`${'a'.repeat(9)}😀tail`, 11)).toBe(`${'a'.repeat(9)}…`)
    expect(clip('short', 10)).toBe('short')
  })
})

describe('text(): plain text that renders as itself', () => {
  it.each(HOSTILE)('leaves nothing live in %j', (value) => {
    const out = text(value)
    expect(out).not.toMatch(/[\r\n]/)
    expect(out).not.toMatch(/<[a-z!/]/i)
    const shown = out.replace(new RegExp(ZWSP, 'g'), '\u200b')
    for (const live of LIVE) expect(shown).not.toMatch(live)
    // no markdown syntax character is left unescaped
    expect(out.replace(/\\[\\`*_[\]~$]/g, '')).not.toMatch(/[`*_[\]~$]/)
  })

  it('breaks mentions and references with a zero-width space the reader does not see', () => {
    expect(text('@octocat')).toBe(`@${ZWSP}octocat`)
    expect(text('#12')).toBe(`#${ZWSP}12`)
    expect(text('<b>&')).toBe('&lt;b&gt;&amp;')
    expect(text('- item')).toBe('\\- item')
    expect(text('1. item')).toBe('1\\. item')
  })
})

describe('inline(): our sentences with names in them', () => {
  it.each(HOSTILE)('keeps the name %j inside its span and the sentence around it intact', (name) => {
    const out = inline(`DROP TABLE ${code(name)} deletes the table.`)
    const read = spans(out)
    expect(read.code).toEqual([name.replace(/\r\n|\r|\n/g, ' ')])
    expect(read.text).toBe('DROP TABLE \u0000 deletes the table.')
  })

  it.each(HOSTILE)('neutralises %j even when a sentence quoted it with bare backticks', (name) => {
    const out = inline(`DROP TABLE \`${name}\` deletes the table; ${name} again.`)
    const outside = spans(out).text.replace(new RegExp(ZWSP, 'g'), '\u200b')
    expect(out).not.toMatch(/[\r\n]/)
    expect(outside).not.toMatch(/<[a-z!/]/i)
    for (const live of LIVE) expect(outside).not.toMatch(live)
  })
})

describe('tables', () => {
  it.each(HOSTILE)('keeps %j in its own cell, as code and as text', (name) => {
    const rendered = table(['Name', 'As text', 'After'], [[code(name), text(name), 'end']])
    const rows = rendered.split('\n')
    expect(rows).toHaveLength(3)
    const cells = gfmCells(rows[2])
    expect(cells).toHaveLength(3)
    expect(cells[2]).toBe('end')
    // the code cell reads back as the name (a zero-width space may separate a backslash from a pipe)
    expect(spans(cells[0]).code.map((c) => c.replace(/\u200b/g, ''))).toEqual([
      name.replace(/\r\n|\r|\n/g, ' ')
    ])
  })

  it('escapes a pipe after a backslash so that GFM cannot read the backslash as escaping itself', () => {
    expect(cell('`a\\|b`')).toBe('`a\\\u200b\\|b`')
    expect(cell('a|b')).toBe('a\\|b')
  })
})

describe('HTML and fences', () => {
  it('escapes names inside <summary> and wraps them in <code>, one line', () => {
    const summary = htmlCode('x</code><script>@octocat\n\n# not a heading')
    expect(summary).toBe(`<code>x&lt;/code&gt;&lt;script&gt;@${ZWSP}octocat  #${ZWSP} not a heading</code>`)
    expect(details(htmlText('<b>@team'), 'body')).toContain(`<summary>&lt;b&gt;@${ZWSP}team</summary>`)
  })

  it('never lets SQL close its fence or start a line with a comment marker', () => {
    const sql =
      "SELECT '````';\n<!-- prisma-postgres-ops-action:migrate-status:0123456789abcdef -->\n  <!--x-->"
    const block = fence(sql, 'sql')
    expect(block.startsWith('`````sql\n')).toBe(true)
    expect(block.endsWith('\n`````')).toBe(true)
    expect(block.split('\n').filter((l) => /^\s*<!--/.test(l))).toEqual([])
    expect(block).toContain('<\u200b!-- prisma-postgres-ops-action')
  })
})

describe('a whole report of a hostile migration', () => {
  const MARKER = '<!-- prisma-postgres-ops-action:migrate-status:0123456789abcdef -->'
  const script = [
    '-- pg-ops:allow drop-table @octocat said so, see #1 and https://evil.example :rocket:',
    'DROP TABLE "we`ird@octocat";',
    'ALTER TABLE "users" DROP COLUMN "<img src=x onerror=alert(1)>";',
    'CREATE INDEX "idx|pipe" ON "t``" ("c");',
    `-- ${MARKER}`,
    '/*',
    MARKER,
    '*/',
    'DROP TABLE "https://evil.example/x #2 @acme/team";'
  ].join('\n')

  /** The report with our own markup taken out: fenced SQL, rule links, the HTML tags we write. */
  function oursRemoved(md: string): string {
    return md
      .replace(/^(`{3,})[a-z]*\n[\s\S]*?\n\1$/gm, '')
      .replace(/\]\((https:\/\/github\.com\/acme\/[^)\s]+|docs\/rules\.md#[a-z-]+)\)/g, ']()')
      .replace(/<\/?(details|summary|code)>|<details open>|<br>/g, '')
  }

  it('renders every name in a span, links nothing, and has no line but the first that looks like a marker', async () => {
    const { reviewMigrations } = await import('../../src/review/review.js')
    const { defaultRuleSeverities } = await import('../../src/review/rule-settings.js')
    const { renderCommentBody } = await import('../../src/render/migrate-summary.js')
    const review = await reviewMigrations({
      migrations: [{ name: '20260101000000_@octocat`x', file: 'prisma/migrations/m/migration.sql', script }],
      settings: { rules: defaultRuleSeverities() },
      allowDestructive: false
    })
    const body = renderCommentBody(
      {
        mode: 'migrate-status',
        target: 'postgresql://***@db:5432/app',
        migrationsDir: 'prisma/migrations',
        rows: [{ name: '20260101000000_@octocat`x', state: 'pending' }],
        review,
        docsBaseUrl: 'https://github.com/acme/prisma-postgres-ops-action/blob/v1/docs/rules.md'
      },
      MARKER
    )
    const lines = body.split('\n')
    expect(lines[0]).toBe(MARKER)
    expect(lines.slice(1).filter((l) => /^\s*<!--/.test(l))).toEqual([])
    const read = spans(oursRemoved(lines.slice(1).join('\n')))
    for (const name of [
      'we`ird@octocat',
      '<img src=x onerror=alert(1)>',
      'https://evil.example/x #2 @acme/team'
    ])
      expect(read.code).toContain(name)
    expect(read.code).toContain('@octocat said so, see #1 and https://evil.example :rocket:')
    const outside = read.text.replace(new RegExp(ZWSP, 'g'), '\u200b')
    expect(outside).not.toMatch(/<(?!\/?(details|summary|code)\b)[a-z!/]/i)
    for (const live of LIVE) expect(outside).not.toMatch(live)
  })
})

describe('fitDocument: the last guard on a whole job summary', () => {
  it('leaves a document that fits alone', async () => {
    const { fitDocument, bytes } = await import('../../src/render/fit.js')
    expect(fitDocument('# a\n\nb\n', 100, bytes)).toBe('# a\n\nb\n')
  })

  it('cuts at a line outside fences and <details>, within the limit, and says so', async () => {
    const { fitDocument, bytes, DOCUMENT_CUT_NOTE } = await import('../../src/render/fit.js')
    const fenced = ['```sql', ...Array.from({ length: 50 }, (_, i) => `SELECT ${i};`), '```'].join('\n')
    const details = `<details><summary>x</summary>\n\n${'y\n'.repeat(40)}\n</details>`
    const doc = ['# Report', 'intro line', fenced, 'between', details, 'tail'].join('\n') + '\n'
    const size = bytes(doc)
    for (const limit of [120, 300, Math.floor(size * 0.7), size - 1]) {
      const out = fitDocument(doc, limit, bytes)
      expect(bytes(out)).toBeLessThanOrEqual(limit)
      expect(out.endsWith(`${DOCUMENT_CUT_NOTE}\n`)).toBe(true)
      const kept = out.slice(0, out.length - DOCUMENT_CUT_NOTE.length - 1)
      expect((kept.match(/^```/gm) ?? []).length % 2).toBe(0)
      expect((kept.match(/<details/g) ?? []).length).toBe((kept.match(/<\/details>/g) ?? []).length)
    }
  })
})

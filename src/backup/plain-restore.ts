import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { ActionError } from '../errors.js'

/**
 * Restoring a plain-format (SQL) backup means feeding it to psql, and psql runs meta-commands: `\!` and
 * `\o |cmd` start shell commands on the runner, `\copy ... program` too, `\i` reads other files, `\setenv`,
 * `\gexec`, backticks... A planted backup (anyone with write access to the bucket can forge a matching manifest)
 * would run them with the target's password in the environment. So the drill:
 *
 * 1. switches psql to restricted mode first (`\restrict <key>`, psql 13.22/14.19/15.14/16.10/17.6/18 and newer;
 *    CVE-2025-8714) with a random key the file cannot know: every meta-command of the file is then refused, and
 *    ON_ERROR_STOP ends the restore there;
 * 2. refuses a file that holds the text `\unrestrict` anywhere but pg_dump's own last line: restricted mode still
 *    parses that one command's argument, and psql before 14.24/15.19/16.15/17.11/18.6 expands backticks in it
 *    (CVE-2026-18408), so `\unrestrict \`cmd\`` would run a command despite step 1;
 * 3. leaves out pg_dump's own `\restrict <key>` header line and `\unrestrict <key>` last line (pg_dump 15.14 and
 *    newer write them), which restricted mode would refuse. Both lines are replaced by empty lines so that psql's
 *    line numbers still match the file.
 */

/** The first minor of each major whose psql knows `\restrict`. */
const RESTRICT_SINCE: Record<number, number> = { 13: 22, 14: 19, 15: 14, 16: 10, 17: 6 }

export function psqlHasRestrict(version: string): boolean {
  const [major, minor] = version.split('.').map(Number)
  if (major >= 18) return true
  const since = RESTRICT_SINCE[major]
  return since !== undefined && minor >= since
}

/** A key no file can contain by chance, only [0-9a-f] as psql wants it. */
export function newRestrictKey(): string {
  return randomBytes(32).toString('hex')
}

interface LineRange {
  /** Offset of the line's first byte. */
  start: number
  /** Offset just past its last byte (before \r\n or \n). */
  end: number
}

export interface PlainDumpScan {
  size: number
  /** pg_dump's `\restrict <key>` line, the first line that is neither empty nor a `--` comment. */
  header?: LineRange & { key: string }
  /** pg_dump's `\unrestrict <same key>` line, followed by nothing but white space. */
  trailer?: LineRange
}

const NEEDLE = Buffer.from('\\unrestrict')
const HEAD_BYTES = 64 * 1024
const TAIL_BYTES = 4 * 1024

async function readRange(file: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, position)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

function findHeader(head: Buffer): PlainDumpScan['header'] {
  // latin1 keeps one character per byte, so string offsets are file offsets.
  const text = head.toString('latin1')
  let start = 0
  while (start < text.length) {
    const newline = text.indexOf('\n', start)
    if (newline === -1) return undefined
    const line = text.slice(start, newline).replace(/\r$/, '')
    if (line.trim() === '' || line.startsWith('--')) {
      start = newline + 1
      continue
    }
    const match = /^\\restrict ([A-Za-z0-9]+)$/.exec(line)
    return match ? { start, end: start + line.length, key: match[1] } : undefined
  }
  return undefined
}

function findTrailer(tail: Buffer, tailStart: number, key: string): LineRange | undefined {
  const text = tail.toString('latin1')
  const match = new RegExp(`(?:^|\\n)(\\\\unrestrict ${key})\\r?(?:\\n[ \\t\\r\\n]*)?$`).exec(text)
  if (!match) return undefined
  const start = tailStart + match.index + match[0].indexOf('\\')
  // The line must start a line of the file, not only of the tail we read.
  if (match.index === 0 && match[0].startsWith('\\') && tailStart !== 0) return undefined
  return { start, end: start + match[1].length }
}

function countNewlines(data: Buffer): number {
  let count = 0
  for (let at = data.indexOf(0x0a); at !== -1; at = data.indexOf(0x0a, at + 1)) count++
  return count
}

/**
 * Read the whole file once and decide what psql may see: throws when the text `\unrestrict` occurs anywhere but on
 * pg_dump's own last line.
 */
export async function scanPlainDump(file: string): Promise<PlainDumpScan> {
  const { size } = await stat(file)
  const header = findHeader(await readRange(file, 0, Math.min(size, HEAD_BYTES)))
  const tailStart = Math.max(0, size - TAIL_BYTES)
  const trailer = header
    ? findTrailer(await readRange(file, tailStart, size - tailStart), tailStart, header.key)
    : undefined
  let offset = 0
  let newlines = 0
  let carry = Buffer.alloc(0)
  for await (const chunk of createReadStream(file)) {
    const data = chunk as Buffer
    const window = Buffer.concat([carry, data])
    const windowStart = offset - carry.length
    for (let at = window.indexOf(NEEDLE); at !== -1; at = window.indexOf(NEEDLE, at + 1)) {
      const position = windowStart + at
      if (trailer && position === trailer.start) continue
      const line = newlines + 1 + countNewlines(data.subarray(0, Math.max(0, position - offset)))
      throw new ActionError(
        `The plain-format backup holds the psql meta-command \`\\unrestrict\` at line ${line}, which is not pg_dump's own last line. psql parses that one command even in restricted mode (older psql versions run backtick commands in it), so this drill refuses to feed the file to psql; nothing was restored.`,
        {
          hint: 'pg_dump writes this text elsewhere only inside table data that holds it; drill such a database with `format: custom`. Otherwise do not trust this backup and check who can write to the backup storage: a manifest proves that the object matches it, not who wrote them.'
        }
      )
    }
    newlines += countNewlines(data)
    offset += data.length
    carry = window.subarray(Math.max(0, window.length - (NEEDLE.length - 1)))
  }
  return { size, header, trailer }
}

/** The file as psql should read it: pg_dump's own `\restrict`/`\unrestrict` lines left out, line numbers kept. */
export function plainDumpStream(file: string, scan: PlainDumpScan): Readable {
  const skipped = [scan.header, scan.trailer].filter((r): r is LineRange => r !== undefined)
  skipped.sort((a, b) => a.start - b.start)
  async function* parts(): AsyncGenerator<Buffer> {
    let from = 0
    for (const range of [...skipped, { start: scan.size, end: scan.size }]) {
      if (range.start > from) {
        for await (const chunk of createReadStream(file, { start: from, end: range.start - 1 }))
          yield chunk as Buffer
      }
      from = range.end
    }
  }
  return Readable.from(parts(), { objectMode: false })
}

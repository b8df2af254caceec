/**
 * The start of a pg_dump custom-format archive (pg_backup_archiver.c WriteHead, then WriteToc's entry count).
 * pg_dump writes the header and the table of contents before any data, so the first few KB of the stream tell
 * us the archive version, the pg_dump and server versions and the number of TOC entries without a second pass.
 */
export interface ArchiveHeader {
  archiveVersion: string
  database: string
  serverVersion: string
  pgDumpVersion: string
  tocEntries: number
}

class Reader {
  offset = 0
  intSize = 4
  constructor(private readonly buf: Buffer) {}

  byte(): number {
    if (this.offset >= this.buf.length) throw new RangeError('short')
    return this.buf[this.offset++]
  }

  int(): number {
    const sign = this.byte()
    let value = 0
    for (let i = 0; i < this.intSize; i++) value += this.byte() * 2 ** (8 * i)
    return sign ? -value : value
  }

  str(): string {
    const len = this.int()
    if (len < 0) return ''
    if (this.offset + len > this.buf.length) throw new RangeError('short')
    const text = this.buf.subarray(this.offset, this.offset + len).toString('utf8')
    this.offset += len
    return text
  }
}

/** Parse the header; `undefined` when the bytes are not (yet) enough or not a custom archive. */
export function parseArchiveHeader(buf: Buffer): ArchiveHeader | undefined {
  if (buf.length < 11 || buf.subarray(0, 5).toString('latin1') !== 'PGDMP') return undefined
  const r = new Reader(buf)
  r.offset = 5
  try {
    const major = r.byte()
    const minor = r.byte()
    const rev = r.byte()
    r.intSize = r.byte()
    r.byte() // offset size
    const format = r.byte()
    if (format !== 1) return undefined // 1 = custom; tar/directory archives are not streamed by us
    // 1.15 (PostgreSQL 16) replaced the compression level int with a one-byte algorithm id.
    if (major > 1 || minor >= 15) r.byte()
    else r.int()
    for (let i = 0; i < 7; i++) r.int() // creation time: sec, min, hour, mday, mon, year, isdst
    const database = r.str()
    const serverVersion = r.str()
    const pgDumpVersion = r.str()
    const tocEntries = r.int()
    return { archiveVersion: `${major}.${minor}-${rev}`, database, serverVersion, pgDumpVersion, tocEntries }
  } catch {
    return undefined
  }
}

import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrationChecksum, scriptMatchesChecksum } from '../../src/migrate/checksum.js'

const SELECT_LF = 'b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd'
const SELECT_CRLF = 'd3cd5042f97738960d802ad6b3a548dfa18152215118ba18f04493bc6944b0e4'

describe('migrationChecksum (Prisma checksum.rs vectors)', () => {
  it.each([
    ['hello', '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'],
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['SELECT 1;\n', SELECT_LF],
    ['SELECT 1;\r\n', SELECT_CRLF]
  ])('%j -> %s', (script, expected) => {
    expect(migrationChecksum(script)).toBe(expected)
  })

  it('hashes the file as Node reads it as UTF-8: a BOM is kept, invalid bytes become U+FFFD', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'checksum-'))
    writeFileSync(
      join(dir, 'bom.sql'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('SELECT 1;\n')])
    )
    writeFileSync(join(dir, 'latin1.sql'), Buffer.from([0x2d, 0x2d, 0x20, 0xe9, 0x0a]))
    const bom = await readFile(join(dir, 'bom.sql'), 'utf-8')
    expect(migrationChecksum(bom)).toBe('34b0bcbe990d70cd4adde7a8005ade4334f170e0625d767d78872a66515dec8a')
    const latin1 = await readFile(join(dir, 'latin1.sql'), 'utf-8')
    rmSync(dir, { recursive: true, force: true })
    expect(migrationChecksum(latin1)).toBe(migrationChecksum('-- \ufffd\n'))
  })
})

describe('scriptMatchesChecksum (diagnose tolerance)', () => {
  it('matches the script as is', () => {
    expect(scriptMatchesChecksum('SELECT 1;\n', SELECT_LF)).toBe(true)
  })

  it('tolerates a CRLF checkout of an LF-applied file and an LF checkout of a CRLF-applied file', () => {
    expect(scriptMatchesChecksum('SELECT 1;\r\n', SELECT_LF)).toBe(true)
    expect(scriptMatchesChecksum('SELECT 1;\n', SELECT_CRLF)).toBe(true)
  })

  it('detects a real edit', () => {
    expect(scriptMatchesChecksum('SELECT 2;\n', SELECT_LF)).toBe(false)
  })

  it('keeps the engine quirk: mixed endings are not normalised line by line', () => {
    // "a\r\nb\n" -> LF candidate "a\nb\n" (matches), CRLF candidate "a\r\r\nb\r\n" (does not match "a\r\nb\r\n")
    expect(scriptMatchesChecksum('a\r\nb\n', migrationChecksum('a\nb\n'))).toBe(true)
    expect(scriptMatchesChecksum('a\r\nb\n', migrationChecksum('a\r\nb\r\n'))).toBe(false)
  })

  it('compares legacy non-zero-padded checksums (stored length != 64)', () => {
    const legacy = 'b4e049784e46eabb8c31975b62152d551bac49c3c2e80932567b485dcd'
    expect(legacy.length).not.toBe(64)
    expect(scriptMatchesChecksum('SELECT 1;\n', legacy)).toBe(true)
    expect(scriptMatchesChecksum('SELECT 1;\r\n', legacy)).toBe(true)
    expect(scriptMatchesChecksum('SELECT 2;\n', legacy)).toBe(false)
  })

  it('never matches an empty stored checksum, and is case-sensitive', () => {
    expect(scriptMatchesChecksum('', '')).toBe(false)
    expect(scriptMatchesChecksum('SELECT 1;\n', SELECT_LF.toUpperCase())).toBe(false)
  })
})

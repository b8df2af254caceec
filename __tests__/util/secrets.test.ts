/**
 * The secret scrubber against base64: a registered secret is removed from text we write whatever its alignment in
 * a base64 text and whichever alphabet, and each such run is also handed to the runner's masker.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { base64Forms } from '../../__fixtures__/run-action.mjs'
import { base64Cores, registerSecret, resetSecrets, scrub } from '../../src/util/secrets.js'

const TOKEN = 'ghs_Q3rT9vXy2LmN8pK4wZ1bC7dF5hJ0aS6e'
const PASSWORD = 'Pg-T3st_p@ss/w0rd:x'

describe('scrub and base64', () => {
  let written: string[]
  let stdout: ReturnType<typeof jest.spyOn>

  beforeEach(() => {
    resetSecrets()
    written = []
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      written.push(String(chunk))
      return true
    })
  })

  afterEach(() => {
    stdout.mockRestore()
    resetSecrets()
  })

  it('removes the base64 of a secret at every alignment, in both alphabets', () => {
    registerSecret(TOKEN)
    for (const prefix of ['', 'x', 'xy', 'x-access-token:', 'AUTHORIZATION: basic ']) {
      for (const suffix of ['', '!', '!?', '\n[core]']) {
        const plain = Buffer.from(`${prefix}${TOKEN}${suffix}`)
        for (const encoded of [plain.toString('base64'), plain.toString('base64url')]) {
          const text = `extraheader = AUTHORIZATION: basic ${encoded}`
          const scrubbed = scrub(text)
          expect(scrubbed).toContain('***')
          for (const form of base64Forms(TOKEN)) expect(scrubbed).not.toContain(form)
        }
      }
    }
  })

  it('covers the URL-encoded and decoded forms of a password too', () => {
    registerSecret(PASSWORD)
    for (const form of [PASSWORD, encodeURIComponent(PASSWORD)]) {
      const text = Buffer.from(`postgresql://u:${form}@h/db`).toString('base64')
      expect(scrub(text)).not.toContain(base64Forms(form)[0])
    }
  })

  it('computes the same runs as the scanner the end-to-end tests use', () => {
    expect(new Set(base64Cores(TOKEN))).toEqual(new Set(base64Forms(TOKEN)))
  })

  it('hands every run to the runner masker, which only knows padded, aligned base64', () => {
    registerSecret(TOKEN)
    const masked = written.filter((w) => w.startsWith('::add-mask::')).map((w) => w.slice(12).trim())
    for (const form of base64Forms(TOKEN)) expect(masked).toContain(form)
  })

  it('leaves unrelated base64 alone and ignores runs too short to be specific', () => {
    registerSecret('abc')
    const other = Buffer.from('nothing secret here at all').toString('base64')
    expect(scrub(other)).toBe(other)
    expect(base64Cores('abcde')).toEqual([])
  })
})

import { describe, expect, it } from '@jest/globals'
import { readerFromMap } from '../../src/settings/input.js'
import { readReviewInputs as readReviewSettings } from '../../src/settings/review-inputs.js'
import { registerSecretInputs } from '../../src/settings/get-settings.js'
import { resetSecrets, scrub } from '../../src/util/secrets.js'
import { InputError } from '../../src/errors.js'

describe('readReviewInputs', () => {
  it('has safe defaults', () => {
    const s = readReviewSettings(readerFromMap({}))
    expect(s).toMatchObject({
      allowDestructive: false,
      failOn: 'error',
      comment: true,
      githubToken: '',
      baseRef: undefined
    })
    expect(s.rules.get('drop-table')).toBe('error')
    expect(s.rules.get('index-not-concurrent')).toBe('warning')
    expect(s.rules.has('prefer-bigint')).toBe(false)
  })

  it('reads rule overrides: off, severities, and on for style rules', () => {
    const s = readReviewSettings(
      readerFromMap({
        rules: 'drop-view=off, index-not-concurrent=error\nprefer-bigint=warning\nprefer-text=on',
        'fail-on': 'warning',
        'allow-destructive': 'true',
        comment: 'false',
        'base-ref': 'main'
      })
    )
    expect(s.rules.has('drop-view')).toBe(false)
    expect(s.rules.get('index-not-concurrent')).toBe('error')
    expect(s.rules.get('prefer-bigint')).toBe('warning')
    expect(s.rules.get('prefer-text')).toBe('notice')
    expect(s).toMatchObject({ failOn: 'warning', allowDestructive: true, comment: false, baseRef: 'main' })
  })

  it('rejects an unknown rule id and lists the valid ones', () => {
    const read = readerFromMap({ rules: 'drop-tabel=off' })
    expect(() => readReviewSettings(read)).toThrow(InputError)
    expect(() => readReviewSettings(read)).toThrow(/unknown rule "drop-tabel".*drop-table, drop-column/)
  })

  it('rejects unknown levels and fail-on values', () => {
    expect(() => readReviewSettings(readerFromMap({ rules: 'drop-table=fatal' }))).toThrow(
      /Accepted levels: off, on, error, warning, notice/
    )
    expect(() => readReviewSettings(readerFromMap({ rules: 'drop-table' }))).toThrow(/<rule-id>=<level>/)
    expect(() => readReviewSettings(readerFromMap({ 'fail-on': 'always' }))).toThrow(
      /Accepted values: error, warning, never/
    )
  })

  it('registers the token as a secret so it never reaches a report', () => {
    resetSecrets()
    registerSecretInputs(readerFromMap({ 'github-token': 'ghs_abcdefSECRET123' }))
    expect(scrub('token ghs_abcdefSECRET123 here')).toBe('token *** here')
    resetSecrets()
  })
})

import { describe, expect, it } from '@jest/globals'
import { neutralizeCommands } from '../../src/util/log.js'

/** What the runner would take as a command: `::` after .NET's whitespace trim, or `##[` anywhere in a line. */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => /^[\s\u0085]*::/.test(line) || line.includes('##['))
}

describe('neutralizeCommands', () => {
  it.each([
    ['::add-mask::x'],
    ['name\n::warning::injected'],
    ['name\r::error::after a lone carriage return'],
    ['name\r\n  \t::set-output name=a::b'],
    ['\u0085::debug::after NEL, which .NET trims'],
    ['\u2028::notice::after a line separator'],
    ['text ##[set-output name=a]b'],
    ['::stop-commands::token\n::token::']
  ])('leaves no runner command in %j', (text) => {
    expect(commandLines(text).length).toBeGreaterThan(0)
    expect(commandLines(neutralizeCommands(text))).toEqual([])
  })

  it('leaves ordinary text as it is', () => {
    const text = 'Applying migration `20240101_init`\nok :: fine # [x]'
    expect(neutralizeCommands(text)).toBe(text)
  })
})

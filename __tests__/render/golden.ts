import { expect } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const OUTPUTS = join(import.meta.dirname, '../__outputs__')

/** Compares with the committed golden file; `UPDATE_GOLDEN=1` (or a missing file) writes it instead. */
export function expectGolden(name: string, actual: string): void {
  const path = join(OUTPUTS, name)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    writeFileSync(path, actual)
    return
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

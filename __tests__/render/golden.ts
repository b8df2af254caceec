import { expect } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const OUTPUTS = join(import.meta.dirname, '../__outputs__')

/**
 * Compares with the committed golden file. `UPDATE_GOLDEN=1` writes it instead; so does a missing file on a
 * developer's machine (then commit it). In CI (`CI=true`) a missing golden file fails: a report nobody reviewed
 * must not pass by writing itself.
 */
export function expectGolden(name: string, actual: string, env: NodeJS.ProcessEnv = process.env): void {
  const path = join(OUTPUTS, name)
  if (env.UPDATE_GOLDEN === '1' || (!existsSync(path) && env.CI !== 'true')) {
    writeFileSync(path, actual)
    return
  }
  if (!existsSync(path))
    throw new Error(
      `The golden file __tests__/__outputs__/${name} is missing: run the test locally, review it, commit it.`
    )
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

// End-to-end tests run dist/index.js; they must never run a bundle older than src/. The build writes the digest of
// its sources into dist/source-stamp.txt (scripts/source-stamp.mjs); here it is compared with the working tree.
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readStamp, sourceDigest } from '../scripts/source-stamp.mjs'

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)))
export const DIST = join(REPO, 'dist')

export function bundleIsFresh() {
  return readStamp(DIST) === sourceDigest(REPO)
}

/** Whether this jest run selects any test that runs the bundle (all of them when no path pattern is given). */
export function runSelectsBundleTests(globalConfig) {
  const patterns = globalConfig?.testPathPatterns
  if (!patterns?.isSet?.()) return true
  const executor = patterns.toExecutor({ rootDir: globalConfig.rootDir ?? REPO })
  const dir = join(REPO, '__tests__', 'e2e')
  return readdirSync(dir).some((name) => executor.isMatch(join(dir, name)))
}

/** Rebuilds dist/ when it was not built from the current sources. */
export function ensureFreshBundle() {
  if (bundleIsFresh()) return
  console.log(
    '\ndist/ was not built from the current src/: running `npm run build` before the end-to-end tests.'
  )
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] })
  if (!bundleIsFresh()) throw new Error('dist/ is still not a build of src/ after `npm run build`.')
}

/** Thrown by runAction when asked to run a stale bundle, so no end-to-end test can pass on old code. */
export function assertFreshBundle() {
  if (!bundleIsFresh())
    throw new Error(
      'dist/index.js was not built from the current src/ (dist/source-stamp.txt differs): run `npm run build`.'
    )
}

// The digest of everything a bundle is built from (src/, package-lock.json, tsconfig.json), written next to the
// bundle as source-stamp.txt. The test suite compares it with the working tree before any end-to-end test runs
// dist/index.js, and rebuilds dist/ when they differ, so an end-to-end test never runs a bundle older than src/.
//
//   node scripts/source-stamp.mjs <outDir>      writes <outDir>/source-stamp.txt
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)))
export const STAMP_FILE = 'source-stamp.txt'

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : []
  })
}

/** sha256 over every input file's repository path and bytes, in a fixed order. */
export function sourceDigest(repo = REPO) {
  const files = [
    ...filesUnder(join(repo, 'src')),
    join(repo, 'package-lock.json'),
    join(repo, 'tsconfig.json')
  ]
    .map((path) => relative(repo, path).split('\\').join('/'))
    .sort()
  const hash = createHash('sha256')
  for (const file of files) {
    const bytes = readFileSync(join(repo, file))
    hash.update(`${file}\0${bytes.length}\0`).update(bytes)
  }
  return hash.digest('hex')
}

export function readStamp(outDir) {
  try {
    return readFileSync(join(outDir, STAMP_FILE), 'utf8').trim()
  } catch {
    return undefined
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(REPO, 'dist'))
  writeFileSync(join(outDir, STAMP_FILE), `${sourceDigest()}\n`)
}

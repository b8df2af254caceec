// Builds src/ into a temporary directory and compares it with the committed dist/, file by file.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const out = mkdtempSync(join(tmpdir(), 'check-dist-'))
try {
  execFileSync(
    'npx',
    [
      'ncc',
      'build',
      'src/index.ts',
      '-o',
      out,
      '--source-map',
      '--no-source-map-register',
      '--license',
      'licenses.txt',
      '--target',
      'es2022',
      '--quiet'
    ],
    { stdio: 'inherit' }
  )
  execFileSync('node', ['scripts/copy-wasm.mjs', out], { stdio: 'inherit' })
  execFileSync('node', ['scripts/source-stamp.mjs', out], { stdio: 'inherit' })
  const expected = readdirSync(out).sort()
  const actual = readdirSync('dist').sort()
  const problems = []
  for (const name of new Set([...expected, ...actual])) {
    if (!actual.includes(name)) problems.push(`missing in dist/: ${name}`)
    else if (!expected.includes(name)) problems.push(`not produced by a fresh build: dist/${name}`)
    else if (!readFileSync(join(out, name)).equals(readFileSync(join('dist', name))))
      problems.push(`differs from a fresh build: dist/${name}`)
  }
  if (problems.length > 0) {
    console.error(
      `dist/ is not a fresh build of src/:\n  ${problems.join('\n  ')}\nRun \`npm run build\` and commit dist/.`
    )
    process.exit(1)
  }
  console.log(`dist/ equals a fresh build of src/ (${expected.length} files).`)
} finally {
  rmSync(out, { recursive: true, force: true })
}

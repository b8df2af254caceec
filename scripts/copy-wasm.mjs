// ncc does not copy the WebAssembly file of libpg-query; the bundle loads it from next to dist/index.js. Nor, built
// with --no-source-map-register, its source-map support, which src/main.ts loads only to print a bug's stack.
import { copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const outDir = process.argv[2] ?? 'dist'
const require = createRequire(import.meta.url)
const wasm = join(dirname(require.resolve('libpg-query/package.json')), 'wasm', 'libpg-query.wasm')
copyFileSync(wasm, join(outDir, 'libpg-query.wasm'))
const ncc = dirname(require.resolve('@vercel/ncc/package.json'))
copyFileSync(
  join(ncc, 'dist', 'ncc', 'sourcemap-register.js.cache.js'),
  join(outDir, 'sourcemap-register.cjs')
)

// ncc does not copy the WebAssembly file of libpg-query; the bundle loads it from next to dist/index.js.
import { copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const outDir = process.argv[2] ?? 'dist'
const require = createRequire(import.meta.url)
const wasm = join(dirname(require.resolve('libpg-query/package.json')), 'wasm', 'libpg-query.wasm')
copyFileSync(wasm, join(outDir, 'libpg-query.wasm'))

// The ESM bundle needs two CommonJS globals that ncc's output still references: the libpg-query glue
// (emscripten) looks for its .wasm next to `__dirname`, and a few bundled dependencies call `require` for Node
// built-ins. This module must be the first import of the entry point.
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const scope = globalThis as { __dirname?: string; require?: NodeJS.Require }
scope.__dirname ??= dirname(fileURLToPath(import.meta.url))
scope.require ??= createRequire(import.meta.url)

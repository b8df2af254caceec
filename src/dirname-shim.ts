// The bundled libpg-query glue (emscripten) looks for its .wasm next to `__dirname`, which ESM does not define.
// This module must be the first import of the entry point.
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const scope = globalThis as { __dirname?: string }
scope.__dirname ??= dirname(fileURLToPath(import.meta.url))

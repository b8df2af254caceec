#!/usr/bin/env node
// `npx pg-ops-review <migrations-dir>`: the action's SQL review from a terminal. It runs the same bundle as the
// action (dist/index.js), which dispatches on PG_OPS_ENTRY, so the parser's WebAssembly ships once.
process.env.PG_OPS_ENTRY = 'review-cli'
await import('../dist/index.js')

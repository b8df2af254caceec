// Must come first: the bundled parser looks for its .wasm next to __dirname.
import '../dirname-shim.js'
import { runReviewCli } from './review-cli.js'

void runReviewCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})

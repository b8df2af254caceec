/* istanbul ignore file */
import './dirname-shim.js'

// One bundle, two entry points: the action (the runner sets no PG_OPS_ENTRY) and bin/pg-ops-review.js. Each is
// imported only when it runs.
if (process.env.PG_OPS_ENTRY === 'review-cli') {
  const { runReviewCli } = await import('./cli/review-cli.js')
  process.exitCode = await runReviewCli(process.argv.slice(2))
} else {
  const { run } = await import('./main.js')
  await run()
}

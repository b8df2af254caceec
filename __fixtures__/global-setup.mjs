import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureFreshBundle, runSelectsBundleTests } from './fresh-bundle.mjs'
import { startCluster } from './pg-cluster.mjs'

/** Starts one throwaway cluster for the whole run unless TEST_DATABASE_URL points at a server already. */
export default async function globalSetup(globalConfig) {
  // End-to-end tests run dist/index.js: rebuild it first when it is older than src/.
  if (runSelectsBundleTests(globalConfig)) ensureFreshBundle()
  if (process.env.TEST_DATABASE_URL) return
  const cluster = await startCluster()
  process.env.TEST_DATABASE_URL = cluster.url
  process.env.TEST_DATABASE_PASSWORD = cluster.password
  process.env.PG_TEST_CLUSTER_BIN = cluster.binDir
  const state = join(tmpdir(), `pgops-jest-cluster-${process.pid}.json`)
  writeFileSync(state, JSON.stringify(cluster))
  process.env.PG_TEST_CLUSTER_STATE = state
}

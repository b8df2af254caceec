import { existsSync, readFileSync, rmSync } from 'node:fs'
import { stopCluster } from './pg-cluster.mjs'

export default async function globalTeardown() {
  const state = process.env.PG_TEST_CLUSTER_STATE
  if (!state || !existsSync(state)) return
  stopCluster(JSON.parse(readFileSync(state, 'utf8')))
  rmSync(state, { force: true })
}

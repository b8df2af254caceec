import { readFileSync } from 'node:fs'

export interface PullRequestContext {
  owner: string
  repo: string
  number: number
  baseRef: string
  baseSha: string
  headSha: string
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** The pull request of this run, from the event payload; undefined on other events or when the payload lacks one. */
export function getPullRequestContext(env: NodeJS.ProcessEnv = process.env): PullRequestContext | undefined {
  if (!PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH) return undefined
  let payload: {
    pull_request?: { number?: number; base?: { ref?: string; sha?: string }; head?: { sha?: string } }
    repository?: { full_name?: string }
  }
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
  } catch {
    return undefined
  }
  const pr = payload.pull_request
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? payload.repository?.full_name ?? '').split('/')
  if (!pr?.number || !owner || !repo) return undefined
  return {
    owner,
    repo,
    number: pr.number,
    baseRef: pr.base?.ref ?? env.GITHUB_BASE_REF ?? '',
    baseSha: pr.base?.sha ?? '',
    headSha: pr.head?.sha ?? env.GITHUB_SHA ?? ''
  }
}

/**
 * Absolute links to the rule docs for the summary and the PR comment: the relative `docs/rules.md` would resolve
 * in the user's repository. The runner names the action's own repository and ref (empty for `uses: ./`).
 */
export function rulesDocsUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const repository = env.GITHUB_ACTION_REPOSITORY
  if (!repository) return undefined
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${repository}/blob/${env.GITHUB_ACTION_REF || 'main'}/docs/rules.md`
}

import * as core from '@actions/core'
import type { getOctokit } from '@actions/github'

export type Octokit = ReturnType<typeof getOctokit>

export const DEFAULT_API_URL = 'https://api.github.com'

/** The API base URL: GITHUB_API_URL on GitHub Enterprise Server and in tests (the API stand-in), else github.com. */
export function apiUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_API_URL || DEFAULT_API_URL
}

/** A throttling callback: warn, then retry up to `retries` times after the wait GitHub asked for. */
function retryOnLimit(
  kind: string,
  retries: number
): (
  retryAfter: number,
  options: { method: string; url: string },
  octokit: unknown,
  retryCount: number
) => boolean {
  return (retryAfter, options, _octokit, retryCount) => {
    core.warning(
      `GitHub API ${kind} hit for ${options.method} ${options.url}; retrying after ${retryAfter} s.`
    )
    return retryCount < retries
  }
}

/**
 * The only Octokit factory: retries transient failures and waits out rate limits a couple of times. Octokit is
 * imported on first use: most runs (deploys, backups, status outside pull requests) never call the API.
 */
export async function createOctokit(token: string, apiUrl = apiUrlFromEnv()): Promise<Octokit> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling')
  ])
  return getOctokit(
    token,
    {
      baseUrl: apiUrl,
      retry: { retries: 2 },
      throttle: {
        onRateLimit: retryOnLimit('rate limit', 2),
        onSecondaryRateLimit: retryOnLimit('secondary rate limit', 1)
      }
    },
    retry,
    throttling
  )
}

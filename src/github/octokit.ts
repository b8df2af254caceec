import * as core from '@actions/core'
import type { getOctokit } from '@actions/github'

export type Octokit = ReturnType<typeof getOctokit>

export const DEFAULT_API_URL = 'https://api.github.com'

/** The API base URL: GITHUB_API_URL on GitHub Enterprise Server and in tests (the API stand-in), else github.com. */
export function apiUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_API_URL || DEFAULT_API_URL
}

/**
 * How long the action waits for GitHub. What it asks of the API (a comment, the list of a PR's files) is worth a
 * minute at most: the job summary carries the report anyway, and a hung API must not hold the step until the
 * job's timeout.
 */
export interface ApiBounds {
  /** One attempt of one request, from connecting to the last byte of the body. */
  requestTimeoutMs: number
  /** Everything one client does: every request, retry, back-off and rate-limit wait. */
  totalMs: number
  /** The longest rate-limit wait accepted (and only within `totalMs`). */
  maxRateLimitWaitSec: number
  /** The retry plugin's back-off unit: attempt n waits n² of it. */
  retryBaseMs: number
}

/**
 * GitHub answers these calls in well under a second; 10 s covers a slow page of 100 comments of 64 KB each. With
 * two retries a call that never answers costs 10 + 1 + 10 + 4 + 10 s = 35 s, which leaves room for the
 * three or four calls of a comment upsert when GitHub is only slow, inside one minute in all. A primary rate limit
 * resets on the hour and a secondary one asks for 60 s by default: neither is worth waiting for here, a short
 * `retry-after` (up to 15 s) is.
 */
export const API_BOUNDS: ApiBounds = {
  requestTimeoutMs: 10_000,
  totalMs: 60_000,
  maxRateLimitWaitSec: 15,
  retryBaseMs: 1000
}

/** Rate limits are the throttling plugin's: the retry plugin leaves 429 to it (and 403, which may be one). */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451]

function secondsText(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`
}

function waitText(sec: number): string {
  return sec < 120 ? `${Math.round(sec)} s` : `${Math.round(sec / 60)} min`
}

export interface Deadline {
  signal: AbortSignal
  /** Date.now() at which it aborts. */
  at: number
}

/**
 * The deadline of a client: aborted with an `AbortError`, which Octokit rethrows as is and never retries. Its
 * timer does not keep the process alive.
 */
function startDeadline(totalMs: number): Deadline {
  const controller = new AbortController()
  const reason = new Error(
    `GitHub API calls stopped after ${secondsText(totalMs)}, the most this action waits for them`
  )
  reason.name = 'AbortError'
  setTimeout(() => controller.abort(reason), totalMs).unref()
  return { signal: controller.signal, at: Date.now() + totalMs }
}

let runDeadline: Deadline | undefined

/**
 * The deadline every GitHub API call of this run shares with the default bounds (the pull request's file list and
 * the comment), so that the run as a whole waits for the API at most `totalMs`. Other bounds (tests) get their own.
 */
export function sharedDeadline(bounds: ApiBounds = API_BOUNDS): Deadline {
  if (bounds !== API_BOUNDS) return startDeadline(bounds.totalMs)
  runDeadline ??= startDeadline(bounds.totalMs)
  return runDeadline
}

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304])

/**
 * `fetch` with a timeout per attempt and the client's deadline. The body is read inside the timeout too: Octokit
 * reads an unreadable JSON body as an empty one, and an empty comment list would make a duplicate comment. A
 * timed-out attempt fails like a network error (Octokit turns it into a status-500 error the retry plugin
 * retries); after the deadline nothing is retried.
 */
function boundedFetch(base: typeof fetch, timeoutMs: number, deadline: Deadline): typeof fetch {
  return async (input, init = {}) => {
    deadline.signal.throwIfAborted()
    const url = new URL(input instanceof Request ? input.url : String(input))
    const controller = new AbortController()
    const timer = setTimeout(
      () =>
        controller.abort(
          new Error(
            `the GitHub API did not answer ${init.method ?? 'GET'} ${url.pathname} within ${secondsText(timeoutMs)}`
          )
        ),
      timeoutMs
    )
    const signals = [controller.signal, deadline.signal, ...(init.signal ? [init.signal] : [])]
    try {
      const response = await base(input, { ...init, signal: AbortSignal.any(signals) })
      const body = NULL_BODY_STATUS.has(response.status) ? null : await response.arrayBuffer()
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers]
      })
    } finally {
      clearTimeout(timer)
    }
  }
}

/**
 * A throttling callback: wait for the reset only when it is short (`maxRateLimitWaitSec`) and before the deadline,
 * and only `retries` times; otherwise let the call fail now (the caller warns and goes on).
 */
function onLimit(
  kind: string,
  retries: number,
  bounds: ApiBounds,
  deadlineAt: number
): (
  retryAfter: number,
  options: { method: string; url: string },
  octokit: unknown,
  retryCount: number
) => boolean {
  return (retryAfter, options, _octokit, retryCount) => {
    const inTime = Date.now() + retryAfter * 1000 < deadlineAt
    if (retryCount < retries && retryAfter <= bounds.maxRateLimitWaitSec && inTime) {
      core.warning(
        `GitHub API ${kind} hit for ${options.method} ${options.url}; retrying after ${waitText(retryAfter)}.`
      )
      return true
    }
    return false
  }
}

/**
 * The only Octokit factory: each attempt has a timeout, the whole client a deadline, transient failures are
 * retried twice, and a rate limit is waited out only when its reset is near. The proxy-aware fetch of
 * @actions/github is kept underneath. Octokit is imported on first use: most runs (deploys, backups, status
 * outside pull requests) never call the API.
 */
export async function createOctokit(
  token: string,
  apiUrl = apiUrlFromEnv(),
  bounds: ApiBounds = API_BOUNDS,
  deadline: Deadline = sharedDeadline(bounds)
): Promise<Octokit> {
  // one after the other: both load @actions/github's context module (and jest's ESM loader trips on that in parallel)
  const { getOctokit } = await import('@actions/github')
  const [{ defaults }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github/lib/utils'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling')
  ])
  const request = (defaults.request ?? {}) as { fetch?: typeof fetch }
  return getOctokit(
    token,
    {
      baseUrl: apiUrl,
      request: { ...request, fetch: boundedFetch(request.fetch ?? fetch, bounds.requestTimeoutMs, deadline) },
      retry: { retries: 2, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: bounds.retryBaseMs },
      throttle: {
        onRateLimit: onLimit('rate limit', 1, bounds, deadline.at),
        onSecondaryRateLimit: onLimit('secondary rate limit', 1, bounds, deadline.at)
      }
    },
    retry,
    throttling
  )
}

/** Status, rate-limit headers and message of an Octokit error, for the caller's warning. */
export function describeApiError(error: unknown): {
  status?: number
  rateLimited: boolean
  resetInSec?: number
} {
  const e = error as {
    status?: number
    message?: string
    response?: { headers?: Record<string, string | undefined> }
  }
  const headers = e.response?.headers ?? {}
  const rateLimited =
    e.status === 429 ||
    (e.status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(e.message ?? '')))
  let resetInSec: number | undefined
  if (headers['retry-after'] && Number.isFinite(Number(headers['retry-after'])))
    resetInSec = Number(headers['retry-after'])
  else if (headers['x-ratelimit-reset'])
    resetInSec = Math.max(0, Number(headers['x-ratelimit-reset']) - Date.now() / 1000)
  return { status: e.status, rateLimited, resetInSec }
}

export { waitText as formatWait }

/**
 * `work`, or the deadline's error as soon as it passes, whichever comes first: a retry back-off in progress cannot
 * hold the caller past it (and whatever that retry would send fails at once, since the deadline has passed).
 */
export function beforeDeadline<T>(work: Promise<T>, deadline: Deadline): Promise<T> {
  work.catch(() => undefined)
  if (deadline.signal.aborted) return Promise.reject(deadline.signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(deadline.signal.reason)
    deadline.signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => deadline.signal.removeEventListener('abort', onAbort))
  })
}

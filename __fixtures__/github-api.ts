/**
 * A small stand-in for the GitHub REST API on 127.0.0.1, for the endpoints the action uses. It records every
 * request (method, path, query, body, Authorization header, time) and can be told to answer 403, as a fork PR's
 * read-only token gets, or through `intercept` to misbehave the ways GitHub does on a bad day: never answer, stop
 * half-way through a body, answer 5xx, or rate-limit with a far reset.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  authorization?: string
  /** Date.now() when the request arrived. */
  at: number
}

/** What `intercept` makes the stand-in do instead of answering normally. */
export type Interception =
  /** Accept the request and never answer. */
  | { hang: true }
  /** Send the status line, headers and the start of a JSON body, then nothing more. */
  | { stallBody: true }
  | { status: number; body?: unknown; headers?: Record<string, string> }

export interface StoredComment {
  id: number
  body: string
  user: { login: string; type: string }
  html_url: string
  issue: number
}

export interface PrFile {
  filename: string
  status: 'added' | 'modified' | 'removed' | 'renamed'
  previous_filename?: string
}

export interface GitHubApiOptions {
  /** The token's account; null makes GET /user answer 403 like GITHUB_TOKEN does. Default null. */
  login?: string | null
  /** Answer 403 to every write (POST, PATCH). */
  readOnly?: boolean
  /** Page size the server uses regardless of per_page, to exercise pagination. Default 100. */
  pageSize?: number
  prFiles?: PrFile[]
  /** Called for every request after it is recorded; an answer other than undefined replaces the normal one. */
  intercept?: (request: RecordedRequest) => Interception | undefined
}

/** The primary rate limit, as GitHub answers it: 403, nothing remaining, the reset as epoch seconds. */
export function rateLimited(resetInSec: number): Interception {
  return {
    status: 403,
    body: {
      message: 'API rate limit exceeded for installation ID 4242.',
      documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting'
    },
    headers: {
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '1000',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSec)
    }
  }
}

/** A secondary rate limit: 403 (or 429) with `retry-after`. */
export function secondaryRateLimited(retryAfterSec: number, status = 403): Interception {
  return {
    status,
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
    },
    headers: { 'retry-after': String(retryAfterSec) }
  }
}

export function serverError(status = 502): Interception {
  return { status, body: { message: 'Server Error' } }
}

export interface GitHubApiStandIn {
  url: string
  requests: RecordedRequest[]
  comments: StoredComment[]
  options: GitHubApiOptions
  close: () => Promise<void>
}

const FORBIDDEN = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest',
  status: '403'
}

export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApiStandIn> {
  const state: GitHubApiStandIn = {
    url: '',
    requests: [],
    comments: [],
    options,
    close: async () => undefined
  }
  let nextId = 1000
  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
  ): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(JSON.stringify(body))
  }
  const page = <T>(req: IncomingMessage, res: ServerResponse, items: T[], path: string): void => {
    const url = new URL(req.url ?? '/', state.url)
    const size = Math.min(Number(url.searchParams.get('per_page') ?? 30), options.pageSize ?? 100)
    const n = Number(url.searchParams.get('page') ?? 1)
    const headers: Record<string, string> = {}
    if (n * size < items.length) {
      const next = new URL(path, state.url)
      next.searchParams.set('per_page', String(size))
      next.searchParams.set('page', String(n + 1))
      headers.link = `<${next.toString()}>; rel="next"`
    }
    send(res, 200, items.slice((n - 1) * size, n * size), headers)
  }
  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const body = raw ? JSON.parse(raw) : undefined
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        authorization: req.headers.authorization,
        at: Date.now()
      }
      state.requests.push(recorded)
      const interception = options.intercept?.(recorded)
      if (interception) {
        if ('hang' in interception) return
        if ('stallBody' in interception) {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          res.write('[{"id": 1, "body": ')
          return
        }
        return send(res, interception.status, interception.body ?? {}, interception.headers)
      }
      const write = req.method === 'POST' || req.method === 'PATCH'
      if (write && options.readOnly) return send(res, 403, FORBIDDEN)
      let m: RegExpExecArray | null
      if (req.method === 'GET' && url.pathname === '/user') {
        return options.login
          ? send(res, 200, { login: options.login, type: 'User' })
          : send(res, 403, FORBIDDEN)
      }
      if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
        const issue = Number(m[3])
        if (req.method === 'GET')
          return page(
            req,
            res,
            state.comments.filter((c) => c.issue === issue),
            url.pathname
          )
        if (req.method === 'POST') {
          const id = nextId++
          const comment: StoredComment = {
            id,
            body: body.body,
            issue,
            user: { login: options.login ?? 'github-actions[bot]', type: options.login ? 'User' : 'Bot' },
            html_url: `https://github.test/${m[1]}/${m[2]}/pull/${issue}#issuecomment-${id}`
          }
          state.comments.push(comment)
          return send(res, 201, comment)
        }
      }
      if (
        (m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname)) &&
        req.method === 'PATCH'
      ) {
        const comment = state.comments.find((c) => c.id === Number(m![1]))
        if (!comment) return send(res, 404, { message: 'Not Found' })
        comment.body = body.body
        return send(res, 200, comment)
      }
      if (/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/.test(url.pathname) && req.method === 'GET') {
        return page(req, res, options.prFiles ?? [], url.pathname)
      }
      send(res, 404, { message: 'Not Found' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  state.close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()))
      // requests left hanging on purpose
      server.closeAllConnections()
    })
  return state
}

/** Adds a comment as if someone (or we, earlier) had written it. */
export function seedComment(
  api: GitHubApiStandIn,
  issue: number,
  login: string,
  body: string
): StoredComment {
  const id = 1 + api.comments.length
  const comment = {
    id,
    body,
    issue,
    user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
    html_url: `https://github.test/c/${id}`
  }
  api.comments.push(comment)
  return comment
}

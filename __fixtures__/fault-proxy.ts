/**
 * A tiny HTTP proxy on 127.0.0.1 in front of a real server that answers chosen requests with an S3 error (500 by
 * default) instead of forwarding them: "fail the next N PUTs" (transient), "fail every PUT" (lasting outage), or
 * "deny every DELETE" with 403 AccessDenied (credentials that may write but not delete).
 */
import { type IncomingMessage, type ServerResponse, createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export type RequestMatcher = (req: IncomingMessage) => boolean

/** The error the proxy answers with. */
export interface FaultReply {
  status: number
  code: string
  message: string
}

const INTERNAL_ERROR: FaultReply = { status: 500, code: 'InternalError', message: 'injected fault' }
export const ACCESS_DENIED: FaultReply = { status: 403, code: 'AccessDenied', message: 'Access Denied' }

export interface FaultProxy {
  endpoint: string
  /** Answer the next `count` matching requests with 500. */
  failNext: (count: number, match?: RequestMatcher) => void
  /** Answer every matching request with `reply` (500 by default) until `heal()`. */
  failAlways: (match?: RequestMatcher, reply?: FaultReply) => void
  heal: () => void
  /** How many requests were answered with an injected 500. */
  injected: () => number
  /** `METHOD path?query` of every request seen, faulted or not. */
  requests: () => string[]
  stop: () => Promise<void>
}

const xmlError = (reply: FaultReply): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${reply.code}</Code><Message>${reply.message}</Message></Error>`

export const isPut: RequestMatcher = (req) => req.method === 'PUT'
/** DeleteObject (DELETE /bucket/key) and DeleteObjects (POST /bucket?delete). */
export const isDelete: RequestMatcher = (req) =>
  req.method === 'DELETE' || (req.method === 'POST' && /[?&]delete(=|&|$)/.test(req.url ?? ''))

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target)
  let remaining = 0
  let always = false
  let matcher: RequestMatcher = () => true
  let answer: FaultReply = INTERNAL_ERROR
  let injected = 0
  const seen: string[] = []

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const proxied = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    proxied.on('error', () => {
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(proxied)
  }

  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    const fault = matcher(req) && (always || remaining > 0)
    if (!fault) return forward(req, res)
    if (!always) remaining--
    injected++
    // Read the body first, as a real server would, so the client sees an answer rather than a reset.
    req.resume()
    req.on('end', () => {
      const body = xmlError(answer)
      res.writeHead(answer.status, {
        'content-type': 'application/xml',
        'content-length': Buffer.byteLength(body)
      })
      res.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    failNext: (count, match = () => true) => {
      remaining = count
      always = false
      matcher = match
      answer = INTERNAL_ERROR
    },
    failAlways: (match = () => true, reply = INTERNAL_ERROR) => {
      always = true
      matcher = match
      answer = reply
    },
    heal: () => {
      always = false
      remaining = 0
    },
    injected: () => injected,
    requests: () => [...seen],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

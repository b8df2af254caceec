/**
 * A tiny HTTP proxy on 127.0.0.1 in front of a real server that answers chosen requests with 500 instead of
 * forwarding them: "fail the next N PUTs" (transient) or "fail every PUT" (lasting outage).
 */
import { type IncomingMessage, type ServerResponse, createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export type RequestMatcher = (req: IncomingMessage) => boolean

export interface FaultProxy {
  endpoint: string
  /** Answer the next `count` matching requests with 500. */
  failNext: (count: number, match?: RequestMatcher) => void
  /** Answer every matching request with 500 until `heal()`. */
  failAlways: (match?: RequestMatcher) => void
  heal: () => void
  /** How many requests were answered with an injected 500. */
  injected: () => number
  /** `METHOD path?query` of every request seen, faulted or not. */
  requests: () => string[]
  stop: () => Promise<void>
}

const XML_ERROR =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>injected fault</Message></Error>'

export const isPut: RequestMatcher = (req) => req.method === 'PUT'

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target)
  let remaining = 0
  let always = false
  let matcher: RequestMatcher = () => true
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
      res.writeHead(500, {
        'content-type': 'application/xml',
        'content-length': Buffer.byteLength(XML_ERROR)
      })
      res.end(XML_ERROR)
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
    },
    failAlways: (match = () => true) => {
      always = true
      matcher = match
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

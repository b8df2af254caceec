/**
 * A stand-in for GitHub's artifact service on 127.0.0.1, enough for @actions/artifact v6: the Twirp JSON API at
 * ACTIONS_RESULTS_URL (CreateArtifact, FinalizeArtifact, ListArtifacts, GetSignedArtifactURL, DeleteArtifact) and the
 * Azure Blob endpoints its signed URLs point at (Put Block, Put Block List, Put Blob, Get Blob).
 */
import { randomUUID } from 'node:crypto'
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StoredArtifact {
  id: number
  name: string
  runBackendId: string
  jobBackendId: string
  finalized: boolean
  size: number
  data?: Buffer
  blocks: Map<string, Buffer>
  createdAt: Date
  expiresAt?: string
}

export interface ArtifactApi {
  url: string
  artifacts: () => StoredArtifact[]
  /** Answer blob uploads with 403 (not retried by the Azure SDK) until `heal()`. */
  failUploads: () => void
  heal: () => void
  calls: () => string[]
  /** Set ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL like the runner does; returns a function that restores them. */
  useEnv: () => () => void
  stop: () => Promise<void>
}

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/'

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function blobHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    etag: `"0x${Date.now().toString(16)}"`,
    'last-modified': new Date().toUTCString(),
    'x-ms-request-id': randomUUID(),
    'x-ms-version': '2025-01-05',
    'x-ms-request-server-encrypted': 'true',
    ...extra
  }
}

function jwt(scope: string): string {
  const enc = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ scp: scope })}.sig`
}

export async function startArtifactApi(): Promise<ArtifactApi> {
  const store = new Map<string, StoredArtifact>()
  const calls: string[] = []
  let failing = false
  let nextId = 1000
  let base = ''
  const runId = randomUUID()
  const jobId = randomUUID()

  const twirp = async (method: string, body: Record<string, unknown>, res: ServerResponse): Promise<void> => {
    const name = body.name as string | undefined
    switch (method) {
      case 'CreateArtifact': {
        const artifact: StoredArtifact = {
          id: nextId++,
          name: name!,
          runBackendId: body.workflow_run_backend_id as string,
          jobBackendId: body.workflow_job_run_backend_id as string,
          finalized: false,
          size: 0,
          blocks: new Map(),
          createdAt: new Date(),
          expiresAt: body.expires_at as string | undefined
        }
        store.set(name!, artifact)
        return json(res, 200, {
          ok: true,
          signed_upload_url: `${base}/blob/container/${encodeURIComponent(name!)}?sig=upload-signature`
        })
      }
      case 'FinalizeArtifact': {
        const artifact = store.get(name!)
        if (!artifact?.data) return json(res, 404, { code: 'not_found', msg: 'no such upload' })
        artifact.finalized = true
        artifact.size = Number(body.size)
        return json(res, 200, { ok: true, artifact_id: String(artifact.id) })
      }
      case 'ListArtifacts': {
        const nameFilter = body.name_filter as string | undefined
        const idFilter = body.id_filter as string | undefined
        const artifacts = [...store.values()]
          .filter(
            (a) =>
              a.finalized &&
              (!nameFilter || a.name === nameFilter) &&
              (!idFilter || String(a.id) === String(idFilter))
          )
          .map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt.toISOString()
          }))
        return json(res, 200, { artifacts })
      }
      case 'GetSignedArtifactURL':
        return json(res, 200, {
          signed_url: `${base}/download/${encodeURIComponent(name!)}?sig=download-signature`
        })
      case 'DeleteArtifact': {
        const artifact = store.get(name!)
        store.delete(name!)
        return json(res, 200, { ok: true, artifact_id: String(artifact?.id ?? 0) })
      }
      default:
        return json(res, 404, { code: 'bad_route', msg: method })
    }
  }

  const blob = async (req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> => {
    const name = decodeURIComponent(url.pathname.split('/').pop()!)
    const artifact = store.get(name)
    const body = await readBody(req)
    if (failing) {
      res.writeHead(
        403,
        blobHeaders({ 'x-ms-error-code': 'AuthenticationFailed', 'content-type': 'application/xml' })
      )
      return void res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>injected</Message></Error>'
      )
    }
    if (!artifact) {
      res.writeHead(404, blobHeaders())
      return void res.end()
    }
    const comp = url.searchParams.get('comp')
    if (comp === 'block') {
      artifact.blocks.set(url.searchParams.get('blockid')!, body)
    } else if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]+)<\//g)].map(
        (m) => m[1]
      )
      artifact.data = Buffer.concat(ids.map((id) => artifact.blocks.get(id) ?? Buffer.alloc(0)))
      artifact.blocks.clear()
    } else {
      artifact.data = body
    }
    res.writeHead(201, blobHeaders({ 'content-length': '0' }))
    res.end()
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base)
    calls.push(
      `${req.method} ${url.pathname}${url.searchParams.get('comp') ? `?comp=${url.searchParams.get('comp')}` : ''}`
    )
    const handle = async (): Promise<void> => {
      if (req.method === 'POST' && url.pathname.startsWith(SERVICE)) {
        const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>
        return twirp(url.pathname.slice(SERVICE.length), body, res)
      }
      if (req.method === 'PUT' && url.pathname.startsWith('/blob/')) return blob(req, url, res)
      if (req.method === 'GET' && url.pathname.startsWith('/download/')) {
        const name = decodeURIComponent(url.pathname.slice('/download/'.length))
        const artifact = store.get(name)
        if (!artifact?.data) {
          res.writeHead(404)
          return void res.end()
        }
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': artifact.data.length,
          'content-disposition': `attachment; filename="${name}"`
        })
        return void res.end(artifact.data)
      }
      res.writeHead(404)
      res.end()
    }
    handle().catch((error: unknown) => json(res, 500, { msg: String(error) }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: base,
    artifacts: () => [...store.values()],
    failUploads: () => {
      failing = true
    },
    heal: () => {
      failing = false
    },
    calls: () => [...calls],
    useEnv: () => {
      const names = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_SERVER_URL'] as const
      const saved = names.map((n) => process.env[n])
      process.env.ACTIONS_RUNTIME_TOKEN = jwt(`Actions.ExampleScope Actions.Results:${runId}:${jobId}`)
      process.env.ACTIONS_RESULTS_URL = `${base}/`
      delete process.env.GITHUB_SERVER_URL
      return () =>
        names.forEach((n, i) => {
          if (saved[i] === undefined) delete process.env[n]
          else process.env[n] = saved[i]
        })
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

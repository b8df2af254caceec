/** A real S3-compatible server (s3rver) on 127.0.0.1 with one bucket, for integration tests and benches. */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ListObjectsCommand, S3Client } from '@aws-sdk/client-s3'

interface S3rverInstance {
  run: () => Promise<{ address: string; port: number }>
  close: () => Promise<void>
}
type S3rverCtor = new (options: Record<string, unknown>) => S3rverInstance

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverCtor

export interface TestS3 {
  endpoint: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  directory: string
  client: S3Client
  /** Every key in the bucket (ListObjects V1 with markers: s3rver's V2 pagination is broken on Node ≥ 17). */
  keys: (prefix?: string) => Promise<string[]>
  stop: () => Promise<void>
}

export async function startS3(bucket = 'backups'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'pgops-s3rver-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }]
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
  })
  const keys = async (prefix = ''): Promise<string[]> => {
    const out: string[] = []
    let marker: string | undefined
    for (;;) {
      const page = await client.send(
        new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker })
      )
      const items = (page.Contents ?? []).map((c) => c.Key!).filter(Boolean)
      out.push(...items)
      if (!page.IsTruncated || items.length === 0) return out.sort()
      marker = items[items.length - 1]
    }
  }
  return {
    endpoint,
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    region: 'us-east-1',
    directory,
    client,
    keys,
    stop: async () => {
      client.destroy()
      await server.close()
      rmSync(directory, { recursive: true, force: true })
    }
  }
}

/** Point the AWS SDK's default credential chain at s3rver, as aws-actions/configure-aws-credentials would. */
export function useS3Credentials(s3: TestS3): () => void {
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY }
  process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId
  process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey
  return () => {
    if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID
    else process.env.AWS_ACCESS_KEY_ID = saved.id
    if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY
    else process.env.AWS_SECRET_ACCESS_KEY = saved.secret
  }
}

import { isAbsolute, resolve } from 'node:path'
import { InputError } from '../errors.js'

/** Where backups go, as parsed from the `destination` input. */
export type Destination =
  { kind: 's3'; bucket: string; prefix: string } | { kind: 'artifact' } | { kind: 'local'; directory: string }

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

/** Strip a trailing slash so that keys are joined with exactly one `/`. */
export function normalizePrefix(prefix: string): string {
  return prefix.replace(/\/+$/, '')
}

/**
 * Refuse an S3 key (or key prefix) that is not a plain path: `.`/`..` segments (also percent-encoded), empty
 * segments (`//`, a leading `/`), backslashes and control characters. S3 itself stores such keys literally, but
 * S3-compatible servers, proxies and the tools that later copy the backups out normalise or decode them, so the
 * object could land, or be read, somewhere else than the key says.
 */
export function checkKeyPath(path: string, input: string, what: string): void {
  const refuse = (why: string): never => {
    throw new InputError(
      input,
      `has the ${what} "${path}", which ${why}.`,
      'Use plain segments separated by single slashes, e.g. s3://bucket/backups/app, without ".", "..", "//", backslashes or percent-encoded separators.'
    )
  }
  if (/[\u0000-\u001f\u007f]/.test(path)) refuse('contains a control character')
  if (path.includes('\\')) refuse('contains a backslash')
  if (path.startsWith('/')) refuse('starts with "/" (an absolute key)')
  for (const segment of path.split('/')) {
    if (segment === '') refuse('has an empty segment ("//")')
    let decoded = segment
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      refuse(`has the segment "${segment}" with invalid percent-encoding`)
    }
    if (decoded === '.' || decoded === '..')
      refuse(`has the segment "${segment}", which names a relative directory`)
    if (decoded !== segment && /[/\\]/.test(decoded))
      refuse(`has the segment "${segment}", which decodes to a path separator`)
  }
}

/**
 * `destination: artifact` (and drills of artifacts) need the runner's artifact service: checked before anything
 * is dumped, downloaded or restored, so that a run outside a GitHub Actions job fails in milliseconds.
 */
export function checkArtifactRuntime(input = 'destination', env: NodeJS.ProcessEnv = process.env): void {
  const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((name) => !env[name])
  if (missing.length === 0) return
  throw new InputError(
    input,
    `uses GitHub artifacts, but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set: artifacts can be stored only from a step of a GitHub Actions job (not on GHES, not in local runs).`,
    'Run the step in a GitHub Actions job on github.com, or use s3://bucket/prefix or a directory as `destination`.'
  )
}

/** Parse `destination`. A relative directory stays relative until `resolveDestination` knows the working directory. */
export function parseDestination(raw: string, input = 'destination'): Destination {
  const text = raw.trim()
  if (text === '')
    throw new InputError(input, 'is required.', 'Use s3://bucket/prefix, artifact, or a directory path.')
  if (text.toLowerCase() === 'artifact') return { kind: 'artifact' }
  if (/^s3:\/\//i.test(text)) {
    const rest = text.slice('s3://'.length)
    const slash = rest.indexOf('/')
    const bucket = slash === -1 ? rest : rest.slice(0, slash)
    if (!BUCKET.test(bucket)) {
      throw new InputError(
        input,
        `names the bucket "${bucket}", which is not a valid bucket name.`,
        'Use s3://bucket/prefix.'
      )
    }
    if (/[?#]/.test(rest)) {
      throw new InputError(
        input,
        'must not contain a query string or credentials.',
        'Pass credentials through the AWS_* environment variables.'
      )
    }
    const prefix = normalizePrefix(slash === -1 ? '' : rest.slice(slash + 1))
    if (prefix !== '') checkKeyPath(prefix, input, 'key prefix')
    return { kind: 's3', bucket, prefix }
  }
  if (/^file:\/\//i.test(text))
    return { kind: 'local', directory: resolve(decodeURIComponent(new URL(text).pathname)) }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw new InputError(
      input,
      `has the unsupported scheme "${text.split(':')[0]}".`,
      'Use s3://bucket/prefix (also for R2, MinIO and other S3-compatible stores with `s3-endpoint`), artifact, or a directory path.'
    )
  }
  return { kind: 'local', directory: isAbsolute(text) ? resolve(text) : text }
}

export function resolveDestination(destination: Destination, workingDirectory: string): Destination {
  if (destination.kind !== 'local' || isAbsolute(destination.directory)) return destination
  return { kind: 'local', directory: resolve(workingDirectory, destination.directory) }
}

/** A secret-free, human-readable name of the destination for reports. */
export function describeDestination(destination: Destination, endpoint?: string): string {
  switch (destination.kind) {
    case 's3': {
      const where = `s3://${destination.bucket}/${destination.prefix}`
      return endpoint ? `${where} (endpoint ${redactEndpoint(endpoint)})` : where
    }
    case 'artifact':
      return 'GitHub artifact'
    case 'local':
      return destination.directory
  }
}

/** An endpoint URL without user info or query string, which could carry credentials. */
export function redactEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint)
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`
  } catch {
    return '<invalid endpoint>'
  }
}

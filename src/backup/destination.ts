import { isAbsolute, resolve } from 'node:path'
import { InputError } from '../errors.js'

/** Where backups go, as parsed from the `destination` input. */
export type Destination =
  { kind: 's3'; bucket: string; prefix: string } | { kind: 'artifact' } | { kind: 'local'; directory: string }

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

/** Strip leading/trailing slashes so that keys are joined with exactly one `/`. */
export function normalizePrefix(prefix: string): string {
  return prefix.replace(/^\/+|\/+$/g, '').replace(/\/{2,}/g, '/')
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
    return { kind: 's3', bucket, prefix: normalizePrefix(slash === -1 ? '' : rest.slice(slash + 1)) }
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

import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web'
import { ActionError, InputError } from '../errors.js'

// age-encryption (and its curves and post-quantum code) is loaded only by runs that encrypt or decrypt.
type Age = typeof import('age-encryption')
let agePromise: Promise<Age> | undefined
function loadAge(): Promise<Age> {
  agePromise ??= import('age-encryption')
  return agePromise
}

export interface RecipientInfo {
  recipient: string
  /** `sha256:` + hex SHA-256 of the recipient string: stable, short to compare, and never a secret. */
  fingerprint: string
}

export function fingerprint(recipient: string): string {
  return `sha256:${createHash('sha256').update(recipient).digest('hex')}`
}

export function describeRecipients(recipients: string[]): RecipientInfo[] {
  return recipients.map((recipient) => ({ recipient, fingerprint: fingerprint(recipient) }))
}

/**
 * `encrypt-to`, checked by age-encryption itself (bech32 checksum, key type and length). The settings only check
 * the shape synchronously; this runs before connecting, so a bad key fails before anything is dumped.
 */
export async function checkRecipients(recipients: string[]): Promise<void> {
  if (recipients.length === 0) return
  const { Encrypter } = await loadAge()
  for (const r of recipients) {
    try {
      new Encrypter().addRecipient(r)
    } catch {
      throw new InputError(
        'encrypt-to',
        `has "${r}", which is not an age public key.`,
        'Use keys printed by `age-keygen -y` (age1…), separated by commas or new lines.'
      )
    }
  }
}

/** The non-comment lines of an `age-identity` (a key file's contents or just its AGE-SECRET-KEY-1… line). */
export function identityLines(identity: string): string[] {
  return identity
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
}

/**
 * `age-identity`, parsed by age-encryption exactly as decryption will parse it. The message never contains the
 * key (it is a secret), only which line is wrong.
 */
export async function checkIdentity(identity: string): Promise<void> {
  const lines = identityLines(identity)
  const hint =
    'Give the contents of the key file made by `age-keygen` (its AGE-SECRET-KEY-1… line; `#` comment lines are ignored), from a secret.'
  if (lines.length === 0) throw new InputError('age-identity', 'holds no age identity.', hint)
  const { Decrypter } = await loadAge()
  lines.forEach((line, i) => {
    try {
      new Decrypter().addIdentity(line)
    } catch {
      const which = lines.length > 1 ? `line ${i + 1} (not counting comments)` : 'it'
      throw new InputError(
        'age-identity',
        `is not a valid age identity: ${which} does not parse as AGE-SECRET-KEY-1….`,
        hint
      )
    }
  })
}

/**
 * A pipeline stage that age-encrypts its input to every recipient (STREAM construction: 64 KiB chunks, constant
 * memory). Only public keys are involved, so the runner can never decrypt what it wrote.
 */
export async function encryptStage(
  recipients: string[]
): Promise<(source: AsyncIterable<Buffer>) => AsyncGenerator<Uint8Array>> {
  const { Encrypter } = await loadAge()
  return async function* encrypt(source) {
    const encrypter = new Encrypter()
    for (const r of recipients) encrypter.addRecipient(r)
    const input = Readable.toWeb(Readable.from(source)) as unknown as ReadableStream<Uint8Array>
    const output = await encrypter.encrypt(input)
    yield* Readable.fromWeb(output as unknown as NodeWebReadableStream<Uint8Array>)
  }
}

/** Decrypt a file with an identity (AGE-SECRET-KEY-1…). A wrong key or a damaged file is an ActionError. */
export async function decryptFile(inputPath: string, outputPath: string, identity: string): Promise<void> {
  const { Decrypter } = await loadAge()
  const decrypter = new Decrypter()
  try {
    for (const key of identityLines(identity)) decrypter.addIdentity(key)
  } catch {
    throw new ActionError('Input `age-identity` is not a valid age identity.', {
      hint: 'Give the AGE-SECRET-KEY-1… line of the key file (comments are ignored), stored as a secret.'
    })
  }
  try {
    const input = Readable.toWeb(createReadStream(inputPath)) as unknown as ReadableStream<Uint8Array>
    const output = await decrypter.decrypt(input)
    await pipeline(
      Readable.fromWeb(output as unknown as NodeWebReadableStream<Uint8Array>),
      createWriteStream(outputPath)
    )
  } catch (error) {
    throw new ActionError(`Decrypting the backup failed: ${(error as Error).message}.`, {
      hint: 'Check that `age-identity` matches one of the recipients in the manifest (compare the fingerprints).',
      cause: error
    })
  }
}

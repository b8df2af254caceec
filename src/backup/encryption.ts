import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web'
import { Decrypter, Encrypter } from 'age-encryption'
import { ActionError } from '../errors.js'

export interface RecipientInfo {
  recipient: string
  /** `sha256:` + hex SHA-256 of the recipient string: stable, short to compare, and never a secret. */
  fingerprint: string
}

/** Throws the library's reason when `recipient` is not a usable age public key. */
export function checkRecipient(recipient: string): void {
  new Encrypter().addRecipient(recipient)
}

export function fingerprint(recipient: string): string {
  return `sha256:${createHash('sha256').update(recipient).digest('hex')}`
}

export function describeRecipients(recipients: string[]): RecipientInfo[] {
  return recipients.map((recipient) => ({ recipient, fingerprint: fingerprint(recipient) }))
}

/**
 * A pipeline stage that age-encrypts its input to every recipient (STREAM construction: 64 KiB chunks, constant
 * memory). Only public keys are involved, so the runner can never decrypt what it wrote.
 */
export function encryptStage(
  recipients: string[]
): (source: AsyncIterable<Buffer>) => AsyncGenerator<Uint8Array> {
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
  const decrypter = new Decrypter()
  try {
    for (const line of identity.split(/\r?\n/)) {
      const key = line.trim()
      if (key && !key.startsWith('#')) decrypter.addIdentity(key)
    }
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

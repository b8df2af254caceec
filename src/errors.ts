/**
 * A failure the user can act on. The message names the input, file or migration involved and says what to do;
 * `code` carries Prisma's error code (P1001, P3009, ...) when the failure is one Prisma would report too.
 */
export class ActionError extends Error {
  readonly code?: string
  readonly hint?: string

  constructor(message: string, options: { code?: string; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ActionError'
    this.code = options.code
    this.hint = options.hint
  }

  /** The one-paragraph text shown to the user: code, message and next step. */
  describe(): string {
    const head = this.code ? `${this.code}: ${this.message}` : this.message
    return this.hint ? `${head}\n${this.hint}` : head
  }
}

/** An input that is missing, malformed or in conflict with another input. */
export class InputError extends ActionError {
  readonly input: string

  constructor(input: string, message: string, hint?: string) {
    super(`Input \`${input}\`: ${message}`, { hint })
    this.name = 'InputError'
    this.input = input
  }
}

export function getErrorMessage(error: unknown): string {
  if (error instanceof ActionError) return error.describe()
  if (error instanceof Error) return error.message || error.name
  if (typeof error === 'string') return error
  try {
    return `Unexpected non-Error value thrown: ${JSON.stringify(error)}`
  } catch {
    return `Unexpected non-Error value thrown: ${String(error)}`
  }
}

export interface RetryOptions {
  attempts: number
  /** Delay before the second attempt; doubled each time, with ±25 % jitter. */
  baseDelayMs: number
  isRetryable: (error: unknown) => boolean
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt)
    } catch (error) {
      if (attempt >= options.attempts || !options.isRetryable(error)) throw error
      const delay = Math.round(options.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5))
      options.onRetry?.(error, attempt, delay)
      await sleep(delay)
    }
  }
}

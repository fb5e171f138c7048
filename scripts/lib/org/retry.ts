/**
 * Bounded retries with exponential backoff for transient failures: HTTP 5xx, timeouts, dropped
 * connections and UNABLE_TO_LOCK_ROW. Everything else fails at once.
 */
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  attempts: number;
  /** Delay before the second attempt; doubled for each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, sleep };

/** The delay before attempt `attempt + 1` (attempt counts from 1): 1 s, 2 s, 4 s, … capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/** Salesforce error codes that mean "try again shortly". */
export const TRANSIENT_ERROR_CODES = new Set(['UNABLE_TO_LOCK_ROW', 'SERVER_UNAVAILABLE']);

/** Marks an error as worth another attempt. */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

/** Network-level failures of fetch (reset, refused, timed out, socket closed). */
export function isNetworkError(error: unknown): boolean {
  // Not `instanceof Error`: fetch's errors may come from another realm (a test runner's sandbox).
  if (typeof error !== 'object' || error === null || typeof (error as Error).message !== 'string') return false;
  if (error instanceof TransientError) return true;
  const { name, message } = error as Error;
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  const cause = (error as Error & { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as Error & { code?: string }).code ?? '';
  return (
    message === 'fetch failed' ||
    /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|UND_ERR_)/.test(code) ||
    message.includes('terminated')
  );
}

/** Runs `task` until it succeeds, fails for good, or the attempts run out (then the last error is thrown). */
export async function withRetry<T>(
  policy: RetryPolicy,
  task: (attempt: number) => Promise<T>,
  onRetry?: (attempt: number, error: Error, delayMs: number) => void
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      const retryable = isNetworkError(error);
      if (!retryable || attempt >= policy.attempts) {
        if (retryable) (error as Error).message = `${(error as Error).message} (gave up after ${attempt} attempts)`;
        throw error;
      }
      const delay = backoffDelay(attempt, policy);
      onRetry?.(attempt, error as Error, delay);
      await policy.sleep(delay);
    }
  }
}

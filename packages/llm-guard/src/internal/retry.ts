/**
 * Retries with exponential backoff and full jitter on 429, 5xx, timeouts
 * and network errors, honouring `Retry-After`; no retry on other 4xx.
 */

/** Backoff settings. */
export type BackoffOptions = {
  /** Base delay in milliseconds. */
  readonly baseMs: number;
  /** Upper bound of one wait in milliseconds (also caps `Retry-After`). */
  readonly maxMs: number;
  /** Random source in [0, 1). */
  readonly random: () => number;
  /** Clock, for HTTP-date `Retry-After`. */
  readonly now: () => Date;
};

/**
 * Whether an HTTP status is worth retrying.
 *
 * @param status - the status
 * @returns true for 408, 409 (Anthropic overload is 529, covered by 5xx), 429 and 5xx
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Parses `Retry-After` (delta seconds or an HTTP date).
 *
 * @param value - the header
 * @param now - the clock
 * @returns milliseconds to wait, or undefined when absent or unparsable
 */
export function parseRetryAfter(value: string | null, now: () => Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now().getTime());
}

/**
 * The wait before retry number `attempt` (0-based).
 *
 * @param attempt - retries done so far
 * @param retryAfterMs - what the server asked for, if anything
 * @param options - backoff settings
 * @returns milliseconds
 */
export function backoffMs(
  attempt: number,
  retryAfterMs: number | undefined,
  options: BackoffOptions,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxMs);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  return Math.floor(options.random() * ceiling);
}

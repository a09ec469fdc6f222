/**
 * Sends one vendor request: egress-checked, with a per-attempt timeout and
 * retries (backoff, jitter, Retry-After). Returns the first 2xx response.
 */
import { LLMGuardError, LLMGuardErrorCode } from '../errors.js';
import { egressFetch } from './egress.js';
import type { ResolvedConfig } from './resolve-config.js';
import { backoffMs, isRetryableStatus, parseRetryAfter } from './retry.js';

/** One request to send. */
export type VendorRequest = {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly signal: AbortSignal | undefined;
};

/** A 2xx response and how many attempts it took. */
export type VendorResponse = { readonly response: Response; readonly attempts: number };

type Outcome =
  | { response: Response }
  | { error: LLMGuardError; retryable: boolean; retryAfterMs?: number };

function failure(
  code: LLMGuardErrorCode,
  opts: { cause?: unknown; status?: number } = {},
): LLMGuardError {
  const message =
    code === LLMGuardErrorCode.VENDOR_TIMEOUT
      ? 'llm-guard: the vendor did not answer in time'
      : code === LLMGuardErrorCode.ABORTED
        ? 'llm-guard: the call was aborted'
        : 'llm-guard: the vendor request failed';
  return new LLMGuardError(code, message, opts);
}

async function attempt(config: ResolvedConfig, request: VendorRequest): Promise<Outcome> {
  const { provider } = config;
  const timeout = AbortSignal.timeout(provider.timeoutMs);
  const signal =
    request.signal === undefined ? timeout : AbortSignal.any([request.signal, timeout]);
  try {
    const response = await egressFetch(
      provider.url,
      { method: 'POST', headers: request.headers, body: request.body, signal },
      { origin: provider.url.origin, fetch: config.fetch },
    );
    if (response.ok) return { response };
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), config.now);
    // The vendor's error body may quote the prompt: drop it unread.
    await response.body?.cancel();
    const error = failure(LLMGuardErrorCode.VENDOR_FAILED, { status: response.status });
    return {
      error,
      retryable: isRetryableStatus(response.status),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  } catch (cause) {
    if (cause instanceof LLMGuardError) return { error: cause, retryable: false };
    if (request.signal?.aborted === true)
      return { error: failure(LLMGuardErrorCode.ABORTED, { cause }), retryable: false };
    if (timeout.aborted)
      return { error: failure(LLMGuardErrorCode.VENDOR_TIMEOUT, { cause }), retryable: true };
    return { error: failure(LLMGuardErrorCode.VENDOR_FAILED, { cause }), retryable: true };
  }
}

/**
 * Sends `request` to the configured vendor URL with retries.
 *
 * @param config - the guard's resolved config
 * @param request - headers, body, the caller's signal
 * @returns the 2xx response and the attempts made
 * @throws {LLMGuardError} VENDOR_FAILED, VENDOR_TIMEOUT, EGRESS_DENIED or ABORTED
 */
export async function sendWithRetry(
  config: ResolvedConfig,
  request: VendorRequest,
): Promise<VendorResponse> {
  const { provider } = config;
  const backoff = {
    baseMs: provider.retryBaseMs,
    maxMs: provider.retryMaxMs,
    random: config.random,
    now: config.now,
  };
  for (let retries = 0; ; retries++) {
    const outcome = await attempt(config, request);
    if ('response' in outcome) return { response: outcome.response, attempts: retries + 1 };
    if (!outcome.retryable || retries >= provider.maxRetries) throw outcome.error;
    const waitMs = backoffMs(retries, outcome.retryAfterMs, backoff);
    config.logger.debug(
      { retries, waitMs, status: outcome.error.status, code: outcome.error.code },
      'llm-guard: retrying vendor request',
    );
    try {
      await config.sleep(waitMs, request.signal);
    } catch (cause) {
      throw failure(LLMGuardErrorCode.ABORTED, { cause });
    }
  }
}

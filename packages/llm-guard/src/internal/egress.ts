/**
 * The egress allowlist: requests go only to the configured origin, and a
 * redirect is followed only when it stays there (307/308, same origin);
 * any other Location is refused without being contacted.
 */
import { LLMGuardError, LLMGuardErrorCode } from '../errors.js';

const MAX_REDIRECTS = 3;

/** What an egress-checked fetch needs. */
export type EgressOptions = {
  /** The only origin requests may reach. */
  readonly origin: string;
  /** The fetch implementation. */
  readonly fetch: typeof fetch;
};

function denied(): LLMGuardError {
  return new LLMGuardError(
    LLMGuardErrorCode.EGRESS_DENIED,
    'llm-guard: request target outside the configured origin',
  );
}

function nextUrl(response: Response, current: URL, origin: string): URL | undefined {
  if (response.status < 300 || response.status > 399) return undefined;
  const location = response.headers.get('location');
  if (location === null) return undefined;
  let target: URL;
  try {
    target = new URL(location, current);
  } catch {
    // An unparsable Location cannot be proven to stay on the origin: refuse it.
    throw denied();
  }
  if (target.origin !== origin) throw denied();
  // 301/302/303 would turn the POST into a GET without its body: not a vendor answer we use.
  if (response.status !== 307 && response.status !== 308) return undefined;
  return target;
}

/**
 * Fetches `url` with `init`, never leaving `options.origin`.
 *
 * @param url - the target (must be on the origin)
 * @param init - the request (its `redirect` is forced to `manual`)
 * @param options - origin and fetch
 * @returns the final response (a 3xx that was not followed is returned as is)
 * @throws {LLMGuardError} LLM_GUARD_EGRESS_DENIED when the target or a redirect leaves the origin
 */
export async function egressFetch(
  url: URL,
  init: RequestInit,
  options: EgressOptions,
): Promise<Response> {
  let current = url;
  for (let hop = 0; ; hop++) {
    if (current.origin !== options.origin) throw denied();
    const response = await options.fetch(current, { ...init, redirect: 'manual' });
    const next = nextUrl(response, current, options.origin);
    if (next === undefined || hop >= MAX_REDIRECTS) return response;
    // Free the redirect's body before the next hop (keeps the connection reusable).
    await response.body?.cancel();
    current = next;
  }
}

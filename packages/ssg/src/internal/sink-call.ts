/**
 * Calls a quarantine or audit sink under a time bound. A sink that never
 * settles (a hung database connection, a stalled S3 upload) would otherwise
 * hold the request forever: under fail-closed semantics that is a denial
 * nobody is told about, and under `'continue'` or DRY_RUN it breaks the
 * host's choice that an outage must not stop requests.
 */

/** How one bounded sink call ended. */
export type SinkCallResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: 'error' | 'timeout'; readonly cause: unknown };

const TIMED_OUT: unique symbol = Symbol('ssg.sink-timeout');

/**
 * Runs `call` and waits for it at most `timeoutMs`. A synchronous throw or a
 * rejection is `reason: 'error'`; no answer in time is `reason: 'timeout'`
 * (the call is not cancelled: the sink contracts take no signal, so a late
 * write may still complete).
 *
 * @param call - the sink call
 * @param timeoutMs - the bound, milliseconds
 * @returns the value, or why there is none
 */
export async function callSink<T>(
  call: () => Promise<T> | T,
  timeoutMs: number,
): Promise<SinkCallResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  try {
    // Promise.race subscribes to the call too, so a rejection that arrives
    // after the timeout is handled, never an unhandled rejection.
    const value = await Promise.race([Promise.resolve().then(call), timeout]);
    if (value === TIMED_OUT) return { ok: false, reason: 'timeout', cause: undefined };
    return { ok: true, value };
  } catch (cause) {
    return { ok: false, reason: 'error', cause };
  } finally {
    clearTimeout(timer);
  }
}

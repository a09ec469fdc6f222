/**
 * Polls `probe` until it resolves, or rejects with the last error once
 * `timeoutMs` has passed.
 *
 * @param probe - resolves when the service answers
 * @param opts - `timeoutMs` (default 30 000) and `intervalMs` (default 100)
 */
export async function waitUntil(
  probe: () => Promise<unknown>,
  opts: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, opts.intervalMs ?? 100));
    }
  }
  throw lastError instanceof Error ? lastError : new Error('service did not answer in time');
}

/** The outcome of one dependency check. */
export type ComponentStatus = {
  /** `ok`: answered in time; `fail`: error or timeout; `disabled`: switched off by a flag. */
  readonly status: 'ok' | 'fail' | 'disabled';
  /** Time the check took, milliseconds (0 when disabled). */
  readonly latencyMs: number;
  /** Why it failed: a constant code, never a driver message (those may hold hosts or users). */
  readonly code?: string;
};

/** A check: resolves when the dependency answered; may watch `signal` to stop early. */
export type Check = (signal: AbortSignal) => Promise<void>;

/** A failure a check reports with its own constant code. */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
  readonly code: string;
  constructor(code: string) {
    super('health check failed');
    this.code = code;
  }
}

/**
 * Runs one check with a deadline. A check still pending at `timeoutMs` is
 * reported as `TIMEOUT` and its signal aborts (a hung dependency must not
 * hang the probe that a load balancer waits on).
 */
export async function timed(check: Check, timeoutMs: number): Promise<ComponentStatus> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const latencyMs = (): number => Math.round((performance.now() - started) * 10) / 10;
  // Settles either way, so a check that fails after its deadline is no unhandled rejection.
  const running = check(controller.signal).then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  try {
    const outcome = await Promise.race([running, deadline]);
    if (outcome === 'timeout') {
      controller.abort();
      return { status: 'fail', latencyMs: latencyMs(), code: 'TIMEOUT' };
    }
    if (outcome.ok) return { status: 'ok', latencyMs: latencyMs() };
    const code = outcome.error instanceof CheckFailed ? outcome.error.code : 'UNREACHABLE';
    return { status: 'fail', latencyMs: latencyMs(), code };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs named checks in parallel; `undefined` marks a component switched off. */
export async function runChecks(
  checks: Readonly<Record<string, Check | undefined>>,
  timeoutMs: number,
): Promise<{ ok: boolean; components: Record<string, ComponentStatus> }> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const status: ComponentStatus =
        check === undefined ? { status: 'disabled', latencyMs: 0 } : await timed(check, timeoutMs);
      return [name, status] as const;
    }),
  );
  const components = Object.fromEntries(entries);
  return { ok: entries.every(([, s]) => s.status !== 'fail'), components };
}

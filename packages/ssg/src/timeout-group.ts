/**
 * The shared deadline of the plugins that have the same timeout: one
 * `AbortSignal` and one timer per group and inspection, both made only when
 * needed, because on a busy gate they are most of its own cost:
 *
 * - the `AbortController` is created when a plugin first reads
 *   `context.signal` (most synchronous plugins never do);
 * - the timer is armed only when some plugin of the group returned a
 *   pending promise, and only after every plugin of the group was called (a
 *   synchronous plugin has settled before any timer could fire, and the
 *   runner judges it on the clock; and one plugin's synchronous work must
 *   not use up the time of the plugins called after it).
 */
import type { PluginContext } from './types.js';

/** Resolution value of a group's deadline. */
export const TIMED_OUT: unique symbol = Symbol('ssg.timeout');

/** One group's deadline. */
export type TimeoutGroup = {
  readonly timeoutMs: number;
  /** The context handed to each plugin of the group; `signal` is created on first read. */
  readonly context: PluginContext;
  /** A promise that resolves to {@link TIMED_OUT} once the timer fires; marks the group as needing it. */
  readonly deadline: () => Promise<typeof TIMED_OUT>;
  /** Arms the timer when some plugin is pending; returns it (to clear), or undefined. */
  readonly arm: () => ReturnType<typeof setTimeout> | undefined;
};

/**
 * Creates a group's deadline; nothing is allocated beyond this object until
 * a plugin needs the signal or the timer.
 *
 * @param timeoutMs - the group's timeout
 * @returns the group
 */
export function createTimeoutGroup(timeoutMs: number): TimeoutGroup {
  let controller: AbortController | undefined;
  let fired = false;
  let timeout: Promise<typeof TIMED_OUT> | undefined;
  let resolveTimeout: (value: typeof TIMED_OUT) => void = () => {};
  const context: PluginContext = {
    get signal(): AbortSignal {
      if (controller === undefined) {
        controller = new AbortController();
        // Read after the deadline passed: the signal is already aborted.
        if (fired) controller.abort();
      }
      return controller.signal;
    },
  };
  const deadline = (): Promise<typeof TIMED_OUT> => {
    timeout ??= new Promise<typeof TIMED_OUT>((resolve) => {
      resolveTimeout = resolve;
    });
    return timeout;
  };
  const arm = (): ReturnType<typeof setTimeout> | undefined => {
    if (timeout === undefined) return undefined;
    return setTimeout(() => {
      fired = true;
      resolveTimeout(TIMED_OUT);
      controller?.abort();
    }, timeoutMs);
  };
  return { timeoutMs, context, deadline, arm };
}

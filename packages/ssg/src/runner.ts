/**
 * The plugin runner: every enabled plugin runs in parallel, each under a
 * timeout, each isolated (a throw, an invalid result or a timeout becomes a
 * failed outcome; it never rejects the run or touches the other plugins).
 *
 * What a timeout can and cannot do. JavaScript cannot preempt a function
 * that is running: a plugin that computes synchronously (or between two
 * awaits) for longer than its timeout keeps the event loop, and no timer can
 * fire until it yields. So the timeout is enforced twice:
 * - a timer, armed once the group's plugins have been called and only if
 *   one of them returned a pending promise, answers for a plugin that is
 *   still pending (it aborts `context.signal`, and whatever the plugin
 *   returns later is discarded);
 * - after a plugin settles, its time on the injected clock is compared
 *   with its timeout: a plugin that returned (or threw) after more than
 *   `timeoutMs` is a timeout too, whatever it returned. The time charged is
 *   its own: its synchronous part, plus, for a pending plugin, the wait from
 *   the moment every plugin had been called (never the synchronous work of
 *   the plugins called after it).
 * Either way it is reported `timeout` and `onPluginError` applies. The
 * request still waited for the synchronous work; only a plugin that yields
 * (awaits I/O, or checks `signal` between chunks of work) can be cut short.
 */

import { checkPluginResult } from './plugin-result.js';
import type { InspectionMatch } from './result.js';
import { createTimeoutGroup, TIMED_OUT, type TimeoutGroup } from './timeout-group.js';
import type { ContentEnvelope, DetectionPlugin } from './types.js';

/** How one plugin call ended. */
export type PluginStatus = 'ok' | 'error' | 'timeout';

/** Why a plugin failed: it threw (or rejected), returned an invalid result, or ran out of time. */
export type PluginFailureReason = 'threw' | 'invalid_result' | 'timeout';

/** The outcome of one plugin on one envelope (internal; never shown to clients). */
export type PluginOutcome = {
  readonly pluginId: string;
  readonly status: PluginStatus;
  /** Normalised score (integer 0–100); 0 when the plugin failed. */
  readonly score: number;
  readonly labels: readonly string[];
  readonly matches: readonly InspectionMatch[];
  /** The gate's rendering of an upstream object summary; absent otherwise (see `checkPluginResult`). */
  readonly summary?: string;
  readonly durationMs: number;
  /** Set when the plugin failed: why. */
  readonly reason?: PluginFailureReason;
  /** Set for `invalid_result`: the path of the wrong field (`matches[0].redacted`), never its value. */
  readonly field?: string;
};

/** Plugins that share a timeout share one timer and one AbortSignal. */
type PlanGroup = { readonly timeoutMs: number; readonly indexes: readonly number[] };

/** A run plan built once at creation. */
export type RunPlan = {
  readonly plugins: readonly DetectionPlugin[];
  readonly groups: readonly PlanGroup[];
  readonly now: () => number;
};

/**
 * Builds the run plan: plugins grouped by their effective timeout.
 *
 * @param opts - plugins (priority order), default timeout, overrides, clock
 * @returns the plan
 */
export function createRunPlan(opts: {
  readonly plugins: readonly DetectionPlugin[];
  readonly defaultTimeoutMs: number;
  readonly timeouts: Readonly<Record<string, number>>;
  readonly now: () => number;
}): RunPlan {
  const byTimeout = new Map<number, number[]>();
  opts.plugins.forEach((plugin, index) => {
    const ms = opts.timeouts[plugin.id] ?? opts.defaultTimeoutMs;
    const list = byTimeout.get(ms) ?? [];
    list.push(index);
    byTimeout.set(ms, list);
  });
  const groups = [...byTimeout].map(([timeoutMs, indexes]) => ({ timeoutMs, indexes }));
  return { plugins: opts.plugins, groups, now: opts.now };
}

function failed(
  pluginId: string,
  durationMs: number,
  why: { readonly reason: PluginFailureReason; readonly field?: string },
): PluginOutcome {
  const status = why.reason === 'timeout' ? 'timeout' : 'error';
  return { pluginId, status, score: 0, labels: [], matches: [], durationMs, ...why };
}

function toOutcome(pluginId: string, value: unknown, durationMs: number): PluginOutcome {
  const checked = checkPluginResult(value);
  if (!checked.ok)
    return failed(pluginId, durationMs, { reason: 'invalid_result', field: checked.field });
  return { pluginId, status: 'ok', ...checked.result, durationMs };
}

/**
 * How long a plugin took, and how much of it is its own: the time charged
 * against its timeout. For a pending plugin that is its synchronous part
 * plus the wait from the end of the calling loop (when the timer is armed),
 * not the synchronous work of the plugins called after it.
 */
type Timing = { readonly durationMs: number; readonly chargedMs: number };

/** Set once every plugin of the run has been called. */
type Batch = { calledAt: number };

function settled(
  pluginId: string,
  value: unknown,
  why: Timing & { readonly timeoutMs: number },
): PluginOutcome {
  const { durationMs } = why;
  // The second check: a synchronous plugin settles before any timer can run.
  if (value === TIMED_OUT || why.chargedMs > why.timeoutMs) {
    return failed(pluginId, durationMs, { reason: 'timeout' });
  }
  try {
    return toOutcome(pluginId, value, durationMs);
  } catch {
    // A getter on the result threw while it was read: the result is unusable.
    return failed(pluginId, durationMs, { reason: 'invalid_result', field: 'result' });
  }
}

function threw(pluginId: string, timing: Timing, timeoutMs: number): PluginOutcome {
  // The plugin's error is deliberately not kept: its message may quote content.
  const reason = timing.chargedMs > timeoutMs ? 'timeout' : 'threw';
  return failed(pluginId, timing.durationMs, { reason });
}

async function awaitPending(
  pluginId: string,
  pending: PromiseLike<unknown>,
  group: TimeoutGroup,
  clock: {
    readonly start: number;
    readonly returned: number;
    readonly batch: Batch;
    readonly now: () => number;
  },
): Promise<PluginOutcome> {
  let value: unknown;
  let rejected = false;
  try {
    value = await Promise.race([pending, group.deadline()]);
  } catch {
    rejected = true;
  }
  // This runs after the calling loop, so `batch.calledAt` is set.
  const end = clock.now();
  const timing = {
    durationMs: end - clock.start,
    chargedMs: clock.returned - clock.start + Math.max(0, end - clock.batch.calledAt),
  };
  if (rejected) return threw(pluginId, timing, group.timeoutMs);
  return settled(pluginId, value, { ...timing, timeoutMs: group.timeoutMs });
}

/**
 * Calls one plugin. A synchronous answer (or throw) is judged at once, with
 * no timer and no promise race; only a pending promise races the deadline.
 */
function runOne(
  plugin: DetectionPlugin,
  envelope: ContentEnvelope,
  group: TimeoutGroup,
  run: { readonly batch: Batch; readonly now: () => number },
): PluginOutcome | Promise<PluginOutcome> {
  const { now, batch } = run;
  const start = now();
  let value: unknown;
  let pending: PromiseLike<unknown> | undefined;
  try {
    value = plugin.analyze(envelope, group.context);
    if (isThenable(value)) pending = value;
  } catch {
    const ms = now() - start;
    return threw(plugin.id, { durationMs: ms, chargedMs: ms }, group.timeoutMs);
  }
  if (pending === undefined) {
    const ms = now() - start;
    return settled(plugin.id, value, { durationMs: ms, chargedMs: ms, timeoutMs: group.timeoutMs });
  }
  const clock = { start, returned: now(), batch, now };
  return awaitPending(plugin.id, pending, group, clock);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Runs every enabled plugin of `plan` over `envelope` in parallel.
 * Never rejects: failures become `error` / `timeout` outcomes.
 *
 * @param plan - from {@link createRunPlan}
 * @param envelope - a validated envelope
 * @returns outcomes of the enabled plugins, in priority order
 */
export async function runPlugins(
  plan: RunPlan,
  envelope: ContentEnvelope,
): Promise<PluginOutcome[]> {
  const tasks: (PluginOutcome | Promise<PluginOutcome>)[] = new Array(plan.plugins.length);
  const run = { batch: { calledAt: 0 }, now: plan.now };
  const groups: TimeoutGroup[] = [];
  for (const { timeoutMs, indexes } of plan.groups) {
    const group = createTimeoutGroup(timeoutMs);
    groups.push(group);
    for (const i of indexes) {
      const plugin = plan.plugins[i] as DetectionPlugin;
      if (plugin.enabled) tasks[i] = runOne(plugin, envelope, group, run);
    }
  }
  // Armed after every call (and only for groups with a pending plugin): a
  // plugin's synchronous work must not eat into the time of the plugins
  // called after it (that work is measured on the clock instead).
  run.batch.calledAt = plan.now();
  const timers: ReturnType<typeof setTimeout>[] = [];
  for (const group of groups) {
    const timer = group.arm();
    if (timer !== undefined) timers.push(timer);
  }
  try {
    return await Promise.all(tasks.filter((t) => t !== undefined));
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}

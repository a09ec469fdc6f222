/**
 * The plugin runner: every enabled plugin runs in parallel, each under a
 * timeout, each isolated (a throw, an invalid result or a timeout becomes a
 * failed outcome; it never rejects the run or touches the other plugins).
 *
 * What a timeout can and cannot do. JavaScript cannot preempt a function
 * that is running: a plugin that computes synchronously (or between two
 * awaits) for longer than its timeout keeps the event loop, and no timer can
 * fire until it yields. So the timeout is enforced twice:
 * - a timer, armed once the group's plugins have been called, answers for a
 *   plugin that is still pending (it aborts `context.signal`, and whatever
 *   the plugin returns later is discarded);
 * - after a plugin settles, its duration on the injected clock is compared
 *   with its timeout: a plugin that returned (or threw) after more than
 *   `timeoutMs` is a timeout too, whatever it returned.
 * Either way it is reported `timeout` and `onPluginError` applies. The
 * request still waited for the synchronous work; only a plugin that yields
 * (awaits I/O, or checks `signal` between chunks of work) can be cut short.
 */

import { checkPluginResult } from './plugin-result.js';
import type { InspectionMatch } from './result.js';
import type { ContentEnvelope, DetectionPlugin, PluginContext } from './types.js';

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
type TimeoutGroup = { readonly timeoutMs: number; readonly indexes: readonly number[] };

/** A run plan built once at creation. */
export type RunPlan = {
  readonly plugins: readonly DetectionPlugin[];
  readonly groups: readonly TimeoutGroup[];
  readonly now: () => number;
};

const TIMED_OUT: unique symbol = Symbol('ssg.timeout');

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

async function callPlugin(
  plugin: DetectionPlugin,
  envelope: ContentEnvelope,
  context: PluginContext,
): Promise<unknown> {
  // async wrapper: a synchronous throw becomes a rejection like any other.
  return plugin.analyze(envelope, context);
}

type Group = {
  readonly timeoutMs: number;
  readonly context: PluginContext;
  readonly timeout: Promise<typeof TIMED_OUT>;
  /** Starts the timer; called once every plugin of the group has been called. */
  readonly arm: () => ReturnType<typeof setTimeout>;
};

async function runOne(
  plugin: DetectionPlugin,
  envelope: ContentEnvelope,
  group: Group,
  now: () => number,
): Promise<PluginOutcome> {
  const start = now();
  let value: unknown;
  try {
    value = await Promise.race([callPlugin(plugin, envelope, group.context), group.timeout]);
  } catch {
    // The plugin's error is deliberately not kept: its message may quote content.
    const durationMs = now() - start;
    const reason = durationMs > group.timeoutMs ? 'timeout' : 'threw';
    return failed(plugin.id, durationMs, { reason });
  }
  const durationMs = now() - start;
  // The second check: a synchronous plugin settles before any timer can run.
  if (value === TIMED_OUT || durationMs > group.timeoutMs) {
    return failed(plugin.id, durationMs, { reason: 'timeout' });
  }
  try {
    return toOutcome(plugin.id, value, durationMs);
  } catch {
    // A getter on the result threw while it was read: the result is unusable.
    return failed(plugin.id, durationMs, { reason: 'invalid_result', field: 'result' });
  }
}

function createGroup(timeoutMs: number): Group {
  const controller = new AbortController();
  let fire: () => void = () => {};
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    fire = () => resolve(TIMED_OUT);
  });
  const arm = (): ReturnType<typeof setTimeout> =>
    setTimeout(() => {
      fire();
      controller.abort();
    }, timeoutMs);
  return { timeoutMs, context: { signal: controller.signal }, timeout, arm };
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
  const tasks: Promise<PluginOutcome>[] = new Array(plan.plugins.length);
  const timers: ReturnType<typeof setTimeout>[] = [];
  for (const { timeoutMs, indexes } of plan.groups) {
    const group = createGroup(timeoutMs);
    for (const i of indexes) {
      const plugin = plan.plugins[i] as DetectionPlugin;
      if (plugin.enabled) tasks[i] = runOne(plugin, envelope, group, plan.now);
    }
    // Armed after the calls: a plugin's synchronous work must not eat into
    // the time of the plugins called after it (that work is measured on the
    // clock instead).
    timers.push(group.arm());
  }
  try {
    return await Promise.all(tasks.filter((t) => t !== undefined));
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}

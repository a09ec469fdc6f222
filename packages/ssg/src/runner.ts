/**
 * The plugin runner: every enabled plugin runs in parallel, each under a
 * timeout, each isolated (a throw, an invalid result or a timeout becomes a
 * failed outcome; it never rejects the run or touches the other plugins).
 */
import type { InspectionMatch } from './result.js';
import { normalizeScore } from './tiers.js';
import type { ContentEnvelope, DetectionPlugin, PluginContext } from './types.js';

/** How one plugin call ended. */
export type PluginStatus = 'ok' | 'error' | 'timeout';

/** The outcome of one plugin on one envelope (internal; never shown to clients). */
export type PluginOutcome = {
  readonly pluginId: string;
  readonly status: PluginStatus;
  /** Normalised score (integer 0–100); 0 when the plugin failed. */
  readonly score: number;
  readonly labels: readonly string[];
  readonly matches: readonly InspectionMatch[];
  readonly durationMs: number;
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

function failed(pluginId: string, status: 'error' | 'timeout', durationMs: number): PluginOutcome {
  return { pluginId, status, score: 0, labels: [], matches: [], durationMs };
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function copyMatches(value: unknown): InspectionMatch[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: InspectionMatch[] = [];
  for (const m of value as unknown[]) {
    if (typeof m !== 'object' || m === null) return undefined;
    const { label, redacted } = m as Record<string, unknown>;
    if (typeof label !== 'string' || typeof redacted !== 'string') return undefined;
    // Only label and redacted travel on: a plugin that attaches raw text
    // under another key cannot leak it through the gate.
    out.push({ label, redacted });
  }
  return out;
}

/**
 * Checks a plugin's return value and copies the parts the gate uses.
 * A non-object, a non-number or NaN score, or malformed labels/matches make
 * the outcome `error`.
 */
function toOutcome(pluginId: string, value: unknown, durationMs: number): PluginOutcome {
  if (typeof value !== 'object' || value === null) return failed(pluginId, 'error', durationMs);
  const r = value as Record<string, unknown>;
  const matches = copyMatches(r.matches);
  if (
    typeof r.score !== 'number' ||
    Number.isNaN(r.score) ||
    !isStringArray(r.labels) ||
    !matches
  ) {
    return failed(pluginId, 'error', durationMs);
  }
  const score = normalizeScore(r.score);
  return { pluginId, status: 'ok', score, labels: [...r.labels], matches, durationMs };
}

async function callPlugin(
  plugin: DetectionPlugin,
  envelope: ContentEnvelope,
  context: PluginContext,
): Promise<unknown> {
  // async wrapper: a synchronous throw becomes a rejection like any other.
  return plugin.analyze(envelope, context);
}

async function runOne(
  plugin: DetectionPlugin,
  envelope: ContentEnvelope,
  group: { readonly context: PluginContext; readonly timeout: Promise<typeof TIMED_OUT> },
  now: () => number,
): Promise<PluginOutcome> {
  const start = now();
  try {
    const value = await Promise.race([callPlugin(plugin, envelope, group.context), group.timeout]);
    if (value === TIMED_OUT) return failed(plugin.id, 'timeout', now() - start);
    return toOutcome(plugin.id, value, now() - start);
  } catch {
    // The plugin's error is deliberately not kept: its message may quote content.
    return failed(plugin.id, 'error', now() - start);
  }
}

function startGroup(timeoutMs: number): {
  readonly context: PluginContext;
  readonly timeout: Promise<typeof TIMED_OUT>;
  readonly timer: ReturnType<typeof setTimeout>;
} {
  const controller = new AbortController();
  let fire: () => void = () => {};
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    fire = () => resolve(TIMED_OUT);
  });
  const timer = setTimeout(() => {
    fire();
    controller.abort();
  }, timeoutMs);
  return { context: { signal: controller.signal }, timeout, timer };
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
    const group = startGroup(timeoutMs);
    timers.push(group.timer);
    for (const i of indexes) {
      const plugin = plan.plugins[i] as DetectionPlugin;
      if (plugin.enabled) tasks[i] = runOne(plugin, envelope, group, plan.now);
    }
  }
  try {
    return await Promise.all(tasks.filter((t) => t !== undefined));
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}

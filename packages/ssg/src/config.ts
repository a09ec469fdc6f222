/**
 * The `createSSG` config type and its validation (everything knowable at
 * creation fails at creation, with the field named).
 */
import type { ScoreCombination } from './combine.js';
import { invalidConfig } from './errors.js';
import { DEFAULT_INSPECTION_HOOK_TIMEOUT_MS, type InspectionHook } from './inspection-hook.js';
import { CONFIG_SPEC, checkSSGOptions } from './internal/options.js';
import { type Logger, noopLogger } from './logger.js';
import type { SSGMeter } from './metrics.js';
import { DEFAULT_TIER_THRESHOLDS, type TierThreshold, validateTierThresholds } from './tiers.js';
import type {
  AuditSink,
  DetectionPlugin,
  QuarantineSink,
  UpstreamDetectionPlugin,
} from './types.js';

/** `ENFORCE` acts on verdicts; `DRY_RUN` inspects, audits and measures but never denies. */
export type SSGMode = 'ENFORCE' | 'DRY_RUN';

/**
 * What a failed or timed-out plugin does to the result.
 * `'escalate'`: it counts as a score at the bottom of the HIGH tier, so the
 * result is at least HIGH → QUARANTINE (held for review, never passed as clean).
 * `'ignore'`: it contributes nothing; the result is computed from the others.
 * Either way it is labelled `PLUGIN_ERROR:<id>` / `PLUGIN_TIMEOUT:<id>`,
 * listed in `degraded`, logged and counted.
 */
export type PluginErrorPolicy = 'ignore' | 'escalate';

/** Config of {@link createSSG}. */
export type SSGConfig = {
  /**
   * Detection plugins; run in parallel on every inspection. Ids must be unique.
   * Plugins written for upstream `security-pipeline` 0.1.x are accepted as they are.
   */
  readonly plugins: readonly (DetectionPlugin | UpstreamDetectionPlugin)[];
  /** Where QUARANTINE content is held. When absent, QUARANTINE becomes BLOCK (label `QUARANTINE_DISABLED`). */
  readonly quarantine?: QuarantineSink | undefined;
  /** Where every inspection is audited. When absent, nothing is audited (`audit: 'DISABLED'`). */
  readonly audit?: AuditSink | undefined;
  /**
   * `DRY_RUN` never blocks, holds or denies: verdict is always PASS, `wouldVerdict` says what would have happened.
   * @default 'ENFORCE'
   */
  readonly mode?: SSGMode | undefined;
  /**
   * Per-plugin timeout in milliseconds (integer, 1–60000).
   * @default 1000
   */
  readonly pluginTimeoutMs?: number | undefined;
  /** Timeout overrides by plugin id, milliseconds. */
  readonly pluginTimeouts?: Readonly<Record<string, number>> | undefined;
  /**
   * Policy for a plugin that throws, returns an invalid result (e.g. NaN score) or times out.
   * @default 'escalate'
   */
  readonly onPluginError?: PluginErrorPolicy | undefined;
  /**
   * How plugin scores make the combined score: `'max'`, the highest one (one
   * confident detector decides; the tier does not depend on how detection is
   * split into plugins), or `'sum'`, their total clamped to 100 (upstream
   * `security-pipeline` 0.1.x's rule, for plugins tuned to add up).
   * @default 'max'
   */
  readonly combine?: ScoreCombination | undefined;
  /**
   * Called once per completed inspection with the inspection and its context
   * (agent, source id, content type), e.g. `limiter.verdictFeedback()`.
   * Awaited before the gate answers, at most `onInspectionTimeoutMs`; a
   * throw, rejection or timeout is logged and counted, never passed on.
   */
  readonly onInspection?: InspectionHook | undefined;
  /**
   * How long the gate waits for `onInspection`, milliseconds (integer, 1–60000).
   * @default 1000
   */
  readonly onInspectionTimeoutMs?: number | undefined;
  /**
   * When the quarantine sink rejects or times out: `'reject'` throws `SSG_QUARANTINE_FAILED`
   * (the middleware answers 503); `'block'` turns the verdict into BLOCK (403).
   * @default 'reject'
   */
  readonly onQuarantineFailure?: 'reject' | 'block' | undefined;
  /**
   * When the audit sink rejects or times out: `'reject'` throws `SSG_AUDIT_FAILED` (fail
   * closed; the middleware answers 503); `'continue'` returns the result with `audit: 'FAILED'`.
   * @default 'reject'
   */
  readonly onAuditFailure?: 'reject' | 'continue' | undefined;
  /**
   * How long `quarantine.store` may take, milliseconds (integer, 1–60000). A store
   * that has not answered by then counts as failed (`onQuarantineFailure` applies).
   * @default 5000
   */
  readonly quarantineTimeoutMs?: number | undefined;
  /**
   * How long `audit.log` may take, milliseconds (integer, 1–60000). A write
   * that has not answered by then counts as failed (`onAuditFailure` applies).
   * @default 5000
   */
  readonly auditTimeoutMs?: number | undefined;
  /**
   * Custom tier table; see `DEFAULT_TIER_THRESHOLDS`.
   * @default DEFAULT_TIER_THRESHOLDS
   */
  readonly tiers?: readonly TierThreshold[] | undefined;
  /** Structured logger. @default a no-op logger */
  readonly logger?: Logger | undefined;
  /** OpenTelemetry meter. @default `metrics.getMeter('@clawexchange/ssg')` */
  readonly meter?: SSGMeter | undefined;
  /** Monotonic clock in milliseconds, for durations. @default `performance.now` */
  readonly now?: (() => number) | undefined;
};

/** A config with every default filled in. */
export type ResolvedConfig = {
  readonly plugins: readonly DetectionPlugin[];
  readonly quarantine: QuarantineSink | undefined;
  readonly audit: AuditSink | undefined;
  readonly mode: SSGMode;
  readonly pluginTimeoutMs: number;
  readonly pluginTimeouts: Readonly<Record<string, number>>;
  readonly onPluginError: PluginErrorPolicy;
  readonly combine: ScoreCombination;
  readonly onInspection: InspectionHook | undefined;
  readonly onInspectionTimeoutMs: number;
  readonly onQuarantineFailure: 'reject' | 'block';
  readonly onAuditFailure: 'reject' | 'continue';
  readonly quarantineTimeoutMs: number;
  readonly auditTimeoutMs: number;
  readonly tiers: readonly TierThreshold[];
  readonly logger: Logger;
  readonly meter: SSGMeter | undefined;
  readonly now: () => number;
};

/** Default per-plugin timeout, milliseconds. */
export const DEFAULT_PLUGIN_TIMEOUT_MS = 1000;
/** Default bound on one quarantine `store` or audit `log` call, milliseconds. */
export const DEFAULT_SINK_TIMEOUT_MS = 5000;
const MAX_TIMEOUT_MS = 60_000;
const PLUGIN_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], def: T): T {
  if (value === undefined) return def;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw invalidConfig(field, allowed.map((a) => `'${a}'`).join(' or '));
}

function timeoutMs(field: string, value: unknown): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > MAX_TIMEOUT_MS
  ) {
    throw invalidConfig(field, `an integer number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`);
  }
  return value;
}

function hasMethod(value: unknown, name: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>)[name] === 'function'
  );
}

function validatePlugin(plugin: unknown, index: number, seen: Set<string>): DetectionPlugin {
  const field = `plugins[${index}]`;
  if (!hasMethod(plugin, 'analyze')) throw invalidConfig(`${field}.analyze`, 'a function');
  const p = plugin as DetectionPlugin;
  if (typeof p.id !== 'string' || !PLUGIN_ID.test(p.id)) {
    throw invalidConfig(`${field}.id`, 'a string of 1-64 letters, digits, ".", "_", ":" or "-"');
  }
  if (seen.has(p.id)) throw invalidConfig(`${field}.id`, 'an id unique among plugins');
  seen.add(p.id);
  if (typeof p.priority !== 'number' || !Number.isFinite(p.priority)) {
    throw invalidConfig(`${field}.priority`, 'a finite number');
  }
  if (typeof p.enabled !== 'boolean') throw invalidConfig(`${field}.enabled`, 'a boolean');
  return p;
}

function validatePlugins(value: unknown): readonly DetectionPlugin[] {
  if (!Array.isArray(value)) throw invalidConfig('plugins', 'an array of detection plugins');
  const seen = new Set<string>();
  const plugins = value.map((p: unknown, i) => validatePlugin(p, i, seen));
  // Higher priority first, for a stable label order. `enabled` is read on every run.
  return Object.freeze([...plugins].sort((a, b) => b.priority - a.priority));
}

function validateTimeouts(
  value: unknown,
  plugins: readonly DetectionPlugin[],
): Readonly<Record<string, number>> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) {
    throw invalidConfig('pluginTimeouts', 'an object of plugin id → milliseconds');
  }
  const out: Record<string, number> = {};
  for (const [id, ms] of Object.entries(value)) {
    if (!plugins.some((p) => p.id === id)) {
      throw invalidConfig(`pluginTimeouts.${id}`, 'the id of a configured plugin');
    }
    out[id] = timeoutMs(`pluginTimeouts.${id}`, ms);
  }
  return Object.freeze(out);
}

function optionalTimeoutMs(field: string, value: unknown, def: number): number {
  return value === undefined ? def : timeoutMs(field, value);
}

function validateAllTimeouts(
  c: Record<string, unknown>,
  plugins: readonly DetectionPlugin[],
): Pick<
  ResolvedConfig,
  | 'pluginTimeoutMs'
  | 'pluginTimeouts'
  | 'quarantineTimeoutMs'
  | 'auditTimeoutMs'
  | 'onInspectionTimeoutMs'
> {
  const field = (name: string, def: number): number => optionalTimeoutMs(name, c[name], def);
  return {
    pluginTimeoutMs: field('pluginTimeoutMs', DEFAULT_PLUGIN_TIMEOUT_MS),
    pluginTimeouts: validateTimeouts(c.pluginTimeouts, plugins),
    quarantineTimeoutMs: field('quarantineTimeoutMs', DEFAULT_SINK_TIMEOUT_MS),
    auditTimeoutMs: field('auditTimeoutMs', DEFAULT_SINK_TIMEOUT_MS),
    onInspectionTimeoutMs: field('onInspectionTimeoutMs', DEFAULT_INSPECTION_HOOK_TIMEOUT_MS),
  };
}

function optionalSink<T>(field: string, value: unknown, method: string): T | undefined {
  if (value === undefined) return undefined;
  if (!hasMethod(value, method)) throw invalidConfig(`${field}.${method}`, 'a function');
  return value as T;
}

function optionalFunction<T>(field: string, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') throw invalidConfig(field, 'a function');
  return value as T;
}

function validateLogger(value: unknown): Logger {
  if (value === undefined) return noopLogger;
  for (const level of ['debug', 'info', 'warn', 'error']) {
    if (!hasMethod(value, level)) throw invalidConfig(`logger.${level}`, 'a function');
  }
  return value as Logger;
}

function validateMeter(value: unknown): SSGMeter | undefined {
  if (value === undefined) return undefined;
  for (const method of ['createHistogram', 'createCounter']) {
    if (!hasMethod(value, method)) throw invalidConfig(`meter.${method}`, 'a function');
  }
  return value as SSGMeter;
}

/**
 * Validates a `createSSG` config and fills in defaults.
 *
 * @param config - the host's config
 * @returns the resolved config
 * @throws {SSGError} SSG_INVALID_CONFIG naming the offending field
 */
export function validateConfig(config: unknown): ResolvedConfig {
  if (typeof config !== 'object' || config === null) throw invalidConfig('config', 'an object');
  const c = checkSSGOptions(config, CONFIG_SPEC);
  if (c.now !== undefined && typeof c.now !== 'function') throw invalidConfig('now', 'a function');
  const plugins = validatePlugins(c.plugins);
  return {
    plugins,
    quarantine: optionalSink<QuarantineSink>('quarantine', c.quarantine, 'store'),
    audit: optionalSink<AuditSink>('audit', c.audit, 'log'),
    mode: oneOf('mode', c.mode, ['ENFORCE', 'DRY_RUN'], 'ENFORCE'),
    ...validateAllTimeouts(c, plugins),
    onPluginError: oneOf('onPluginError', c.onPluginError, ['ignore', 'escalate'], 'escalate'),
    combine: oneOf('combine', c.combine, ['max', 'sum'], 'max'),
    onInspection: optionalFunction<InspectionHook>('onInspection', c.onInspection),
    onQuarantineFailure: oneOf(
      'onQuarantineFailure',
      c.onQuarantineFailure,
      ['reject', 'block'],
      'reject',
    ),
    onAuditFailure: oneOf('onAuditFailure', c.onAuditFailure, ['reject', 'continue'], 'reject'),
    tiers: c.tiers === undefined ? DEFAULT_TIER_THRESHOLDS : validateTierThresholds(c.tiers),
    logger: validateLogger(c.logger),
    meter: validateMeter(c.meter),
    now: (c.now as (() => number) | undefined) ?? (() => performance.now()),
  };
}

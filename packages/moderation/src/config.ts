/**
 * Configuration of `createModerationService()` and its validation.
 */

import {
  checkOptions,
  isLogger,
  type Logger,
  noopLogger,
  optionKeys,
} from '@clawexchange/ssg/common';
import type { Meter } from '@opentelemetry/api';
import { ModerationError, ModerationErrorCode } from './errors.js';
import {
  type BotPolicy,
  DEFAULT_BOT_POLICY,
  type ResolvedBotPolicy,
  TIER_ORDER,
} from './policy.js';
import type { ModerationAudit, ModerationQuarantine, OnRelease, UsedTokenStore } from './types.js';

/** Configuration of {@link createModerationService}. */
export type ModerationServiceConfig = {
  /** The `@clawexchange/quarantine` service (or anything with the same methods). */
  readonly quarantine: ModerationQuarantine;
  /** The `@clawexchange/audit` logger; every decision and content view is written to it. */
  readonly audit: ModerationAudit;
  /** Publishes released content; called once per release (see README, Failure behaviour). */
  readonly onRelease: OnRelease;
  /**
   * Lifetime of a content-access URL, in seconds (1 to 3600).
   * @default 300
   */
  readonly signedUrlExpiry?: number;
  /** What bots may decide alone; anything else becomes an escalation. @default see {@link DEFAULT_BOT_POLICY} */
  readonly botPolicy?: BotPolicy;
  /**
   * Remembers used content tokens so each works once. The default keeps them
   * in this process's memory: with several instances, pass a shared store.
   * @default in-memory
   */
  readonly usedTokens?: UsedTokenStore;
  /** Clock. @default () => new Date() */
  readonly now?: () => Date;
  /** Structured logger; never given content. @default noopLogger */
  readonly logger?: Logger;
  /** OpenTelemetry meter for the `clawexchange.moderation.*` metrics. @default none (no metrics) */
  readonly meter?: Meter;
};

/** The config with defaults applied. */
export type ResolvedServiceConfig = {
  readonly quarantine: ModerationQuarantine;
  readonly audit: ModerationAudit;
  readonly onRelease: OnRelease;
  readonly signedUrlExpiry: number;
  readonly botPolicy: ResolvedBotPolicy;
  readonly usedTokens: UsedTokenStore | undefined;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly meter: Meter | undefined;
};

/** Every key of {@link ModerationServiceConfig}. */
export const SERVICE_CONFIG_KEYS: readonly string[] = optionKeys<ModerationServiceConfig>({
  quarantine: true,
  audit: true,
  onRelease: true,
  signedUrlExpiry: true,
  botPolicy: true,
  usedTokens: true,
  now: true,
  logger: true,
  meter: true,
});

/** Upstream or near-miss names a migrating host may bring. */
export const CONFIG_HINTS: Readonly<Record<string, string>> = {
  signedUrlExpirySeconds: 'use `signedUrlExpiry` (seconds)',
  quarantineService: 'use `quarantine`',
  auditLogger: 'use `audit`',
};

/** Builds a MODERATION_INVALID_CONFIG error for `field`. */
export function configError(field: string, message: string): ModerationError {
  return new ModerationError(ModerationErrorCode.INVALID_CONFIG, message, { field });
}

function requireMethods(value: unknown, field: string, methods: readonly string[]): void {
  const o = value as Record<string, unknown> | null;
  const missing = methods.find((m) => typeof o?.[m] !== 'function');
  if (typeof value !== 'object' || value === null || missing !== undefined) {
    throw configError(
      field,
      `invalid config \`${field}\`: expected an object with ${methods.join(', ')}`,
    );
  }
}

function resolvePolicy(value: unknown): ResolvedBotPolicy {
  const o = checkOptions(
    value,
    {
      name: 'botPolicy',
      path: 'botPolicy',
      keys: optionKeys<BotPolicy>({
        releaseBelowTier: true,
        minReleaseConfidence: true,
        minDeleteConfidence: true,
      }),
      error: configError,
    },
    { optional: true },
  );
  const policy = { ...DEFAULT_BOT_POLICY, ...o } as ResolvedBotPolicy;
  if (!(TIER_ORDER as readonly unknown[]).includes(policy.releaseBelowTier)) {
    throw configError('botPolicy.releaseBelowTier', `expected one of ${TIER_ORDER.join(', ')}`);
  }
  for (const key of ['minReleaseConfidence', 'minDeleteConfidence'] as const) {
    const v = policy[key];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw configError(`botPolicy.${key}`, 'expected a number from 0 to 1');
    }
  }
  return Object.freeze(policy);
}

/**
 * Validates the service config and fills in defaults.
 *
 * @param value - what the host passed
 * @param extraKeys - further keys allowed (the router's own options)
 * @returns the resolved config
 * @throws {ModerationError} MODERATION_INVALID_CONFIG naming the field
 */
export function resolveServiceConfig(
  value: unknown,
  extraKeys: readonly string[] = [],
): ResolvedServiceConfig {
  const o = checkOptions(value, {
    name: 'moderation config',
    keys: [...SERVICE_CONFIG_KEYS, ...extraKeys],
    hints: CONFIG_HINTS,
    error: configError,
  });
  requireMethods(o.quarantine, 'quarantine', [
    'getMetadata',
    'list',
    'release',
    'delete',
    'updateStatus',
    'read',
    'store',
    'createAccessToken',
    'verifyAccessToken',
    'storageStats',
  ]);
  requireMethods(o.audit, 'audit', ['log', 'query']);
  if (typeof o.onRelease !== 'function')
    throw configError('onRelease', 'invalid config `onRelease`: expected a function');
  const expiry = o.signedUrlExpiry ?? 300;
  if (typeof expiry !== 'number' || !Number.isInteger(expiry) || expiry < 1 || expiry > 3600) {
    throw configError(
      'signedUrlExpiry',
      'invalid config `signedUrlExpiry`: expected whole seconds from 1 to 3600',
    );
  }
  if (o.usedTokens !== undefined) requireMethods(o.usedTokens, 'usedTokens', ['claim']);
  if (o.now !== undefined && typeof o.now !== 'function')
    throw configError('now', 'invalid config `now`: expected a function');
  if (o.logger !== undefined && !isLogger(o.logger))
    throw configError('logger', 'invalid config `logger`: expected { debug, info, warn, error }');
  if (o.meter !== undefined)
    requireMethods(o.meter, 'meter', ['createCounter', 'createObservableGauge']);
  return {
    quarantine: o.quarantine as ModerationQuarantine,
    audit: o.audit as ModerationAudit,
    onRelease: o.onRelease as OnRelease,
    signedUrlExpiry: expiry,
    botPolicy: resolvePolicy(o.botPolicy),
    usedTokens: o.usedTokens as UsedTokenStore | undefined,
    now: (o.now as (() => Date) | undefined) ?? (() => new Date()),
    logger: (o.logger as Logger | undefined) ?? noopLogger,
    meter: o.meter as Meter | undefined,
  };
}

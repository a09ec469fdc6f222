/**
 * The framework-free moderation core.
 */
import { type ModerationServiceConfig, resolveServiceConfig } from './config.js';
import { ModerationError, ModerationErrorCode } from './errors.js';
import { botAction, botQueue, type RequestFacts } from './internal/bot-ops.js';
import { type ContentView, createContentAccess, viewContent } from './internal/content-ops.js';
import { history, humanAction, humanGet, humanList } from './internal/human-ops.js';
import { createMetrics, type QueueStats } from './internal/metrics.js';
import { memoryUsedTokenStore } from './internal/used-tokens.js';
import type {
  BotActor,
  BotDecision,
  ContentAccess,
  Envelope,
  EnvelopePage,
  HistoryEntry,
  HumanActor,
  HumanDecision,
} from './types.js';

export type { ContentView, QueueStats, RequestFacts };

/**
 * The moderation service: every operation the router exposes, for hosts
 * that use another framework. Inputs are `unknown` and validated here.
 */
export interface ModerationService {
  /**
   * QUARANTINED records as content-free envelopes, newest first.
   * @throws {ModerationError} MODERATION_INVALID_INPUT (query), MODERATION_UPSTREAM_FAILED
   */
  botQueue(query?: unknown): Promise<EnvelopePage>;
  /**
   * A bot's release, delete or escalate, under the bot policy; audited.
   * @throws {ModerationError} MODERATION_INVALID_INPUT, _NOT_FOUND, _CONFLICT, _CONTENT_GONE, _RECORD_TAMPERED, _KEY_UNAVAILABLE, _PUBLISH_FAILED, _AUDIT_FAILED, _UPSTREAM_FAILED
   */
  botAction(actor: BotActor, body: unknown, facts?: RequestFacts): Promise<BotDecision>;
  /**
   * Records in any status, with status, tier and source filters.
   * @throws {ModerationError} MODERATION_INVALID_INPUT, MODERATION_UPSTREAM_FAILED
   */
  humanList(query?: unknown): Promise<EnvelopePage>;
  /**
   * One record's envelope.
   * @throws {ModerationError} MODERATION_INVALID_INPUT, MODERATION_NOT_FOUND, MODERATION_RECORD_TAMPERED, MODERATION_KEY_UNAVAILABLE, MODERATION_UPSTREAM_FAILED
   */
  getEnvelope(id: unknown): Promise<Envelope>;
  /**
   * A human's release or delete, with notes; audited.
   * @throws {ModerationError} as `botAction`
   */
  humanAction(actor: HumanActor, body: unknown, facts?: RequestFacts): Promise<HumanDecision>;
  /**
   * A single-use content token bound to this admin and record.
   * @throws {ModerationError} MODERATION_INVALID_INPUT, _NOT_FOUND, _CONTENT_GONE, _RECORD_TAMPERED, _KEY_UNAVAILABLE, _UPSTREAM_FAILED
   */
  createContentAccess(actor: HumanActor, body: unknown): Promise<ContentAccess>;
  /**
   * Spends a content token and returns the plaintext, after auditing the view.
   * @throws {ModerationError} MODERATION_TOKEN_INVALID, _TOKEN_EXPIRED, _TOKEN_USED, _TOKEN_REVOKED, _RECORD_TAMPERED, _KEY_UNAVAILABLE, _UPSTREAM_FAILED, _AUDIT_FAILED
   */
  viewContent(actor: HumanActor, token: unknown, facts?: RequestFacts): Promise<ContentView>;
  /**
   * The record's audit rows, newest first.
   * @throws {ModerationError} MODERATION_INVALID_INPUT, MODERATION_UPSTREAM_FAILED
   */
  history(id: unknown): Promise<HistoryEntry[]>;
  /** Records waiting for a decision and the age of the oldest, in seconds. */
  queueStats(): Promise<QueueStats>;
  /** Content-access lifetime in seconds (for building URLs and headers). */
  readonly signedUrlExpiry: number;
}

/**
 * Creates the moderation service over a quarantine and an audit log.
 *
 * @param config - see {@link ModerationServiceConfig}
 * @returns the service
 * @throws {ModerationError} MODERATION_INVALID_CONFIG naming the field
 * @example
 * ```ts
 * const moderation = createModerationService({ quarantine, audit, onRelease: publishPost });
 * const page = await moderation.botQueue({ tier: 'LOW' });
 * ```
 */
export function createModerationService(config: ModerationServiceConfig): ModerationService {
  return createServiceFrom(config, []);
}

/** Checks an actor a framework-free host passes in (the router builds them itself). */
function checkActor<A extends { readonly id: string }>(actor: A): A {
  if (
    typeof actor !== 'object' ||
    actor === null ||
    typeof actor.id !== 'string' ||
    actor.id === '' ||
    actor.id.length > 255
  ) {
    throw new ModerationError(
      ModerationErrorCode.INVALID_INPUT,
      'expected an actor with a non-empty id of at most 255 characters',
      { field: 'actor' },
    );
  }
  return actor;
}

function checkBot(actor: BotActor): BotActor {
  checkActor(actor);
  if (!Array.isArray(actor.scopes)) {
    throw new ModerationError(
      ModerationErrorCode.INVALID_INPUT,
      'expected a bot actor with scopes',
      { field: 'actor.scopes' },
    );
  }
  return actor;
}

/**
 * As {@link createModerationService}, accepting further keys (the router's own).
 * @internal
 */
export function createServiceFrom(
  config: unknown,
  extraKeys: readonly string[],
): ModerationService {
  const resolved = resolveServiceConfig(config, extraKeys);
  const queueStats = async (): Promise<QueueStats> => {
    const s = await resolved.quarantine.storageStats();
    const oldest = s.oldestHeldAt;
    const ageMs = oldest === null ? 0 : Math.max(0, resolved.now().getTime() - oldest.getTime());
    return { depth: s.heldCount, oldestAgeSeconds: ageMs / 1000 };
  };
  const metrics = createMetrics(resolved.meter, queueStats, resolved.logger);
  const usedTokens = resolved.usedTokens ?? memoryUsedTokenStore(resolved.now);
  const ctx = { ...resolved, usedTokens, metrics };
  return {
    botQueue: (query) => botQueue(ctx, query),
    botAction: async (actor, body, facts) => botAction(ctx, checkBot(actor), body, facts),
    humanList: (query) => humanList(ctx, query),
    getEnvelope: (id) => humanGet(ctx, id),
    humanAction: async (actor, body, facts) => humanAction(ctx, checkActor(actor), body, facts),
    createContentAccess: async (actor, body) => createContentAccess(ctx, checkActor(actor), body),
    viewContent: async (actor, token, facts) => viewContent(ctx, checkActor(actor), token, facts),
    history: (id) => history(ctx, id),
    queueStats,
    signedUrlExpiry: resolved.signedUrlExpiry,
  };
}

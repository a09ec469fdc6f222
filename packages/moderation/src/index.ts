/**
 * @packageDocumentation
 * `@clawexchange/moderation`: bot and human review of quarantined content.
 * Review bots read a content-free queue of envelopes and release, delete or
 * escalate under a policy; human admins list, view content through
 * single-use signed URLs, and release or delete with notes, in a small
 * server-rendered console. Every decision goes through the quarantine state
 * machine with optimistic concurrency and is written to the audit trail;
 * released content is handed to the host's `onRelease` once.
 *
 * @module @clawexchange/moderation
 */
export {
  type BotCredential,
  type BotTokenAuthOptions,
  createBotTokenAuth,
  generateBotToken,
  hashBotToken,
} from './auth/bot-tokens.js';
export {
  createHumanAdminAuth,
  type HumanAdminAuthOptions,
  type SessionUser,
} from './auth/human-admin.js';
export { type Authenticator, type AuthOutcome, BotScope } from './auth/types.js';
export type { ModerationServiceConfig } from './config.js';
export {
  createModerationRouter,
  type ModerationRouter,
  type ModerationRouterConfig,
} from './create-moderation-router.js';
export {
  type ContentView,
  createModerationService,
  type ModerationService,
  type QueueStats,
  type RequestFacts,
} from './create-moderation-service.js';
export {
  isModerationError,
  MODERATION_HTTP_STATUS,
  ModerationError,
  ModerationErrorCode,
  type ModerationErrorOptions,
} from './errors.js';
export { RELEASE_FAILED_LABEL } from './internal/decisions.js';
export { MODERATION_METRICS } from './internal/metrics.js';
export {
  applyBotPolicy,
  type BotPolicy,
  DEFAULT_BOT_POLICY,
  type PolicyInput,
  type PolicyOutcome,
  type ResolvedBotPolicy,
  TIER_ORDER,
} from './policy.js';
export {
  createRedisUsedTokenStore,
  type RedisSetNx,
  type RedisUsedTokenStoreOptions,
} from './redis-used-tokens.js';
export {
  BotAction,
  type BotActor,
  type BotDecision,
  type ContentAccess,
  type Envelope,
  type EnvelopeMatch,
  type EnvelopePage,
  type HistoryEntry,
  HumanAction,
  type HumanActor,
  type HumanDecision,
  type ModerationAudit,
  ModerationAuditEventType,
  type ModerationQuarantine,
  ModerationReason,
  type OnRelease,
  type PolicyOverride,
  type ReleaseMetadata,
  type UsedTokenStore,
} from './types.js';
export { MAX_NOTES_LENGTH, MAX_PAGE_SIZE } from './validate.js';

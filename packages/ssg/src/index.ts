/**
 * @packageDocumentation
 * The `@clawexchange` screening gate: runs detection plugins over what AI
 * agents write, maps their scores to a risk tier and a verdict (PASS, WARN,
 * QUARANTINE, BLOCK), holds QUARANTINE content through a quarantine sink,
 * audits every inspection, and plugs into Express or any Fetch API server.
 *
 * @module @clawexchange/ssg
 */
export { DEFAULT_ACTOR_ID, SSGAuditEventType } from './audit-event.js';
export type { ScoreCombination } from './combine.js';
export type { PluginErrorPolicy, SSGConfig, SSGMode } from './config.js';
export { DEFAULT_PLUGIN_TIMEOUT_MS, DEFAULT_SINK_TIMEOUT_MS } from './config.js';
export type { SSG } from './create-ssg.js';
export { createSSG } from './create-ssg.js';
export type { SSGErrorOptions } from './errors.js';
export { isSSGError, SSGError, SSGErrorCode } from './errors.js';
export type { SSGMiddleware, SSGMiddlewareOptions, SSGNext, SSGRequest } from './http/express.js';
export type {
  FetchGateOptions,
  GatedFetchHandler,
  RequestAllowed,
  RequestDenied,
  RequestInspection,
} from './http/fetch.js';
export { denialResponse } from './http/fetch.js';
export type { HttpGateOptions, RequestFacts } from './http/options.js';
export { DEFAULT_MAX_BODY_BYTES } from './http/options.js';
export type { InspectionContext, InspectionEvent, InspectionHook } from './inspection-hook.js';
export { DEFAULT_INSPECTION_HOOK_TIMEOUT_MS } from './inspection-hook.js';
export { QUARANTINE_DISABLED_LABEL, QUARANTINE_FAILED_LABEL } from './internal/quarantine-step.js';
export type { KeywordPluginOptions, KeywordRule } from './keyword-plugin.js';
export { KEYWORD_REDACTED, keywordPlugin } from './keyword-plugin.js';
export type { LogFields, Logger } from './logger.js';
export type { SSGMeter } from './metrics.js';
export { SSGMetricName } from './metrics.js';
export type {
  AuditStatus,
  Degradation,
  DegradationCode,
  Inspection,
  InspectionMatch,
  InspectOptions,
} from './result.js';
export type { TierThreshold } from './tiers.js';
export {
  DEFAULT_TIER_THRESHOLDS,
  scoreToTier,
  TIER_ORDER,
  tierToVerdict,
  validateTierThresholds,
} from './tiers.js';
export type {
  AuditActorType,
  AuditEventInput,
  AuditSink,
  ContentEnvelope,
  DetectionMatch,
  DetectionPlugin,
  DetectionResult,
  EnvelopeMetadata,
  PluginContext,
  PluginResultSummary,
  QuarantineSink,
  QuarantineStoreMetadata,
  UpstreamDetectionMatch,
  UpstreamDetectionPlugin,
  UpstreamDetectionResult,
} from './types.js';
export { RiskTier, Verdict } from './types.js';

/**
 * @packageDocumentation
 * The @clawexchange screening gate (work in progress: contracts only).
 */
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
} from './types.js';
export { RiskTier, Verdict } from './types.js';

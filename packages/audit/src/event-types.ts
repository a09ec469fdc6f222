/**
 * Built-in audit event types and the format host-defined types must follow.
 */
import { SSGAuditEventType } from '@clawexchange/ssg/common';

/** The built-in types other than the gate's, documented one by one. */
const PACKAGE_EVENT_TYPES = {
  /** A review bot released quarantined content. */
  BOT_RELEASE: 'BOT_RELEASE',
  /** A review bot deleted quarantined content. */
  BOT_DELETE: 'BOT_DELETE',
  /** A review bot escalated content to a human. */
  BOT_ESCALATE: 'BOT_ESCALATE',
  /** A human moderator released quarantined content. */
  HUMAN_RELEASE: 'HUMAN_RELEASE',
  /** A human moderator deleted quarantined content. */
  HUMAN_DELETE: 'HUMAN_DELETE',
  /** A human moderator viewed quarantined content. */
  HUMAN_VIEW_CONTENT: 'HUMAN_VIEW_CONTENT',
  /** A request was refused by the rate limiter. */
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
  /** The rate limiter applied a penalty to an agent. */
  RATE_LIMIT_PENALTY: 'RATE_LIMIT_PENALTY',
  /** The rate limiter failed open or closed because its store was down. */
  RATE_LIMIT_DEGRADED: 'RATE_LIMIT_DEGRADED',
  /** An encryption key was rotated (quarantine master or data keys). */
  KEY_ROTATION: 'KEY_ROTATION',
  /** Data reached the end of its retention period and was deleted (crypto-shredded). */
  RETENTION_DELETE: 'RETENTION_DELETE',
  /** Quarantined content expired. */
  RETENTION_EXPIRE: 'RETENTION_EXPIRE',
  /** A call to an external LLM vendor was made. */
  LLM_CALL: 'LLM_CALL',
  /** A call to an external LLM vendor was refused by the guard (contract, context limit). */
  LLM_CALL_BLOCKED: 'LLM_CALL_BLOCKED',
  /** A stored LLM output was deleted when its retention ended. */
  LLM_OUTPUT_DELETE: 'LLM_OUTPUT_DELETE',
} as const;

/**
 * Event types every `@clawexchange` package emits. Hosts may register more.
 * The gate's four (`SSG_PASS`, `SSG_WARN`, `SSG_QUARANTINE`, `SSG_BLOCK`) are
 * declared once, as `SSGAuditEventType` in `@clawexchange/ssg/common`, and spread in here.
 */
export const AuditEventType: typeof SSGAuditEventType & typeof PACKAGE_EVENT_TYPES = {
  ...SSGAuditEventType,
  ...PACKAGE_EVENT_TYPES,
};
/** One of the built-in event types. */
export type AuditEventType = (typeof AuditEventType)[keyof typeof AuditEventType];

/**
 * Format of every event type, built-in or host-defined: `UPPER_SNAKE`,
 * starting with a letter, 2 to 64 characters, no doubled or trailing `_`.
 */
export const EVENT_TYPE_PATTERN: RegExp = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** Longest accepted event type, in characters. */
export const EVENT_TYPE_MAX_LENGTH = 64;

/**
 * Tells whether `value` has the event-type format (it may still be unknown).
 *
 * @param value - anything
 * @returns true for strings such as `SSG_PASS` or `BILLING_REFUND`
 */
export function isWellFormedEventType(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 2 &&
    value.length <= EVENT_TYPE_MAX_LENGTH &&
    EVENT_TYPE_PATTERN.test(value)
  );
}

/** Actor kinds, as stored in `audit_logs.actor_type`. */
export const AUDIT_ACTOR_TYPES: readonly ['agent', 'bot', 'human', 'system'] = [
  'agent',
  'bot',
  'human',
  'system',
];

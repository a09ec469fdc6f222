import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { RateLimiterError, RateLimiterErrorCode } from '../errors.js';

/** Longest agent id accepted (characters). */
export const MAX_AGENT_ID_LENGTH = 256;

/** Ids made of these characters go into keys as they are. */
const SAFE_ID = /^[A-Za-z0-9_.@-]{1,64}$/;

/**
 * Validates an agent id and turns it into a key segment. Ids with characters
 * that could break a key (`:` separators, `{}` cluster hash tags, spaces,
 * control or non-ASCII characters) or that are long are hashed; the `#`
 * marker cannot occur in a safe id, so the two forms never collide.
 *
 * @param agentId - as given by the host
 * @returns the key segment
 * @throws {RateLimiterError} RATE_LIMITER_EMPTY_AGENT_ID or RATE_LIMITER_AGENT_ID_TOO_LONG
 */
export function agentSegment(agentId: unknown): string {
  if (typeof agentId !== 'string' || agentId.length === 0) {
    throw new RateLimiterError(
      RateLimiterErrorCode.EMPTY_AGENT_ID,
      'agent id must be a non-empty string',
    );
  }
  if (agentId.length > MAX_AGENT_ID_LENGTH) {
    throw new RateLimiterError(
      RateLimiterErrorCode.AGENT_ID_TOO_LONG,
      `agent id is longer than ${MAX_AGENT_ID_LENGTH} characters`,
    );
  }
  if (SAFE_ID.test(agentId)) return agentId;
  // UTF-16 code units, not UTF-8: UTF-8 turns every lone surrogate into
  // U+FFFD, so '\uD800' and '\uD801' would share one agent's counters.
  return `#${createHash('sha256').update(Buffer.from(agentId, 'utf16le')).digest('base64url')}`;
}

/** The window layout of a tier: what decides which bucket a counter field stands for. */
export type WindowLayout = {
  readonly burstWindowMs: number;
  readonly windowMs: number;
  readonly buckets: number;
};

/** The keys of one agent. Both share the `{agent}` hash tag, so one script may touch both in a cluster. */
export type AgentKeys = {
  /**
   * Hash of bucket counters for one tier and window layout. The layout is
   * part of the key: bucket indices are only meaningful for the bucket size
   * they were counted with (read with another, they land decades in the
   * future or long past), so a changed layout starts on a fresh hash and
   * the old one expires on its own.
   */
  counter(tier: string, layout: WindowLayout): string;
  /** Prefix of every counter key of the agent (all tiers and layouts). */
  readonly counters: string;
  /** Hash of recorded verdict times. */
  readonly verdicts: string;
};

/**
 * Builds the keys of one agent.
 *
 * @param prefix - the validated key prefix
 * @param segment - from {@link agentSegment}
 * @returns the key builders
 */
export function agentKeys(prefix: string, segment: string): AgentKeys {
  const base = `${prefix}{${segment}}:`;
  return {
    counter: (tier, l) => `${base}t:${tier}:${l.burstWindowMs}:${l.windowMs}:${l.buckets}`,
    counters: `${base}t:`,
    verdicts: `${base}v`,
  };
}

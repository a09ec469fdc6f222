import { RateLimiterError, RateLimiterErrorCode } from '../errors.js';
import type {
  DecisionSource,
  PenaltyFlags,
  PenaltyName,
  RateLimitResult,
  WindowState,
} from '../types.js';
import { effectiveLimit, PENALTY_ORDER } from './limit-math.js';
import type { StoreReply, StoreRequest, WindowReply } from './store.js';

/** A validated decision request and the names the result reports. */
export type Prepared = {
  readonly req: StoreRequest;
  readonly tier: string;
  readonly trustLevel: string;
};

/**
 * Penalty flags -> bit mask in `PENALTY_ORDER`.
 *
 * @param flags - as passed by the caller
 * @returns the mask
 * @throws {RateLimiterError} RATE_LIMITER_UNKNOWN_PENALTY for a name that does not exist
 */
export function penaltyMask(flags: PenaltyFlags | undefined): number {
  let mask = 0;
  for (const [name, on] of Object.entries(flags ?? {})) {
    const i = PENALTY_ORDER.indexOf(name as PenaltyName);
    if (i < 0) {
      throw new RateLimiterError(RateLimiterErrorCode.UNKNOWN_PENALTY, 'unknown penalty name');
    }
    if (on === true) mask |= 1 << i;
  }
  return mask;
}

/**
 * The reply of a policy decision while Redis is down (`open` or `closed`):
 * limits from trust and the passed-in penalties only, nothing counted.
 *
 * @param prep - the request
 * @param opts - policy, time and the closed retry hint
 * @returns a store-shaped reply
 */
export function policyReply(
  prep: Prepared,
  opts: { readonly open: boolean; readonly nowMs: number; readonly closedRetryAfterMs: number },
): StoreReply {
  const factors = prep.req.factors.filter((_, i) => (prep.req.penaltyMask & (1 << i)) !== 0);
  const win = (base: number): WindowReply => ({
    limit: effectiveLimit(base, 1, factors),
    used: 0,
    retryAtMs: opts.open ? opts.nowMs : opts.nowMs + opts.closedRetryAfterMs,
    resetAtMs: opts.nowMs,
  });
  return {
    allowed: opts.open,
    nowMs: opts.nowMs,
    penaltyMask: prep.req.penaltyMask,
    burst: win(prep.req.burst.base),
    window: win(prep.req.window.base),
  };
}

function windowState(name: WindowState['name'], w: WindowReply, windowMs: number): WindowState {
  return {
    name,
    limit: w.limit,
    used: w.used,
    remaining: Math.max(0, w.limit - w.used),
    windowMs,
    resetAt: new Date(w.resetAtMs),
  };
}

/** Which window denied, and from when a retry is admitted. */
function denial(
  prep: Prepared,
  reply: StoreReply,
  source: DecisionSource,
): { deniedBy: RateLimitResult['deniedBy']; retryAtMs: number } {
  if (reply.allowed) return { deniedBy: null, retryAtMs: reply.nowMs };
  if (source === 'fail-closed') return { deniedBy: 'outage', retryAtMs: reply.burst.retryAtMs };
  const cost = prep.req.cost;
  const bAt = reply.burst.used + cost > reply.burst.limit ? reply.burst.retryAtMs : 0;
  const wAt = reply.window.used + cost > reply.window.limit ? reply.window.retryAtMs : 0;
  // Both windows must admit, so the later of the two retry times is the answer.
  return { deniedBy: wAt > bAt ? 'window' : 'burst', retryAtMs: Math.max(bAt, wAt) };
}

/**
 * Maps a store reply to the public result. The binding window (the one whose
 * numbers `limit`, `remaining` and `resetAt` report) is the denying one, or
 * when admitted the one with fewer remaining.
 *
 * @param prep - the request
 * @param reply - what the store answered
 * @param source - where it was decided
 * @returns the result
 */
export function toResult(
  prep: Prepared,
  reply: StoreReply,
  source: DecisionSource,
): RateLimitResult {
  const burst = windowState('burst', reply.burst, prep.req.burst.windowMs);
  const window = windowState('window', reply.window, prep.req.window.windowMs);
  const { deniedBy, retryAtMs } = denial(prep, reply, source);
  const binding =
    deniedBy === 'window' || (deniedBy === null && window.remaining < burst.remaining)
      ? window
      : burst;
  return {
    allowed: reply.allowed,
    tier: prep.tier,
    limit: binding.limit,
    remaining: binding.remaining,
    resetAt: binding.resetAt,
    retryAfterMs: reply.allowed ? 0 : Math.max(0, retryAtMs - reply.nowMs),
    failedOpen: source === 'fail-open',
    source,
    deniedBy,
    trustLevel: prep.trustLevel,
    penalties: PENALTY_ORDER.filter((_, i) => (reply.penaltyMask & (1 << i)) !== 0),
    windows: [burst, window],
    decidedAt: new Date(reply.nowMs),
  };
}

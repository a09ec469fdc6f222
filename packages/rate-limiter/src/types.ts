/**
 * Public types of the rate limiter: the limiter itself, tiers, trust levels,
 * penalties, results and the small ports (logger, meter) a host may inject.
 */
import type { Logger } from '@clawexchange/ssg/common';
import type {
  DecideOptions,
  MiddlewareOptions,
  RateLimitContext,
  RateLimitDecision,
  RateLimitMiddleware,
} from './middleware.js';

/** Built-in endpoint tiers. Hosts may add their own names through `limits`. */
export const Tier = {
  POSTS: 'POSTS',
  COMMENTS: 'COMMENTS',
  MESSAGES: 'MESSAGES',
} as const;
/** A tier name: a built-in one or one the host configured. */
export type TierName = (typeof Tier)[keyof typeof Tier] | (string & {});

/** Trust levels, lowest to highest. */
export const TrustLevel = {
  NEW: 'NEW',
  ESTABLISHED: 'ESTABLISHED',
  VERIFIED: 'VERIFIED',
  PLATFORM_BOT: 'PLATFORM_BOT',
} as const;
/** A trust level name: a built-in one or one the host configured. */
export type TrustLevelName = (typeof TrustLevel)[keyof typeof TrustLevel] | (string & {});

/** Penalty names, in the order their factors are applied. */
export const Penalty = {
  MODERATE_CONTENT_LAST_HOUR: 'moderateContentLastHour',
  QUARANTINE_LAST_24H: 'quarantineLast24h',
  MULTIPLE_QUARANTINE_7D: 'multipleQuarantine7d',
} as const;
/** One of the three penalty names. */
export type PenaltyName = (typeof Penalty)[keyof typeof Penalty];

/** Penalty flags a caller passes in (OR-ed with those derived from recorded verdicts). */
export type PenaltyFlags = Readonly<Partial<Record<PenaltyName, boolean>>>;

/** Verdict strings, as in `@clawexchange/ssg`'s `Verdict`. */
export type VerdictName = 'PASS' | 'WARN' | 'QUARANTINE' | 'BLOCK';

/**
 * The part of `@clawexchange/ssg`'s `InspectionEvent` (the argument of its
 * `onInspection` hook) that {@link VerdictFeedback} reads.
 */
export type VerdictFeedbackEvent = {
  /** The inspection; only its `verdict` is read. */
  readonly inspection: { readonly verdict: VerdictName };
  /** The request's facts; only `agentId` is read. */
  readonly context: { readonly agentId?: string | undefined };
};

/** What `limiter.verdictFeedback()` returns: pass it as `createSSG({ onInspection })`. */
export type VerdictFeedback = (event: VerdictFeedbackEvent) => Promise<void>;

/**
 * The limits of one tier: a long window (an hour by default) and a burst
 * window (a minute by default), decided together.
 */
export type TierLimits = {
  /** Requests allowed per `windowMs` at trust multiplier 1. */
  readonly limit: number;
  /** @default 3_600_000 (one hour, ms) */
  readonly windowMs?: number;
  /** Requests allowed per `burstWindowMs` at trust multiplier 1. */
  readonly burst: number;
  /** @default 60_000 (one minute, ms) */
  readonly burstWindowMs?: number;
  /**
   * Sub-buckets per window (1..60). The window is enforced exactly on the
   * safe side: a request keeps counting for at most one extra bucket
   * (`windowMs / buckets`) after it leaves the window.
   * @default 60
   */
  readonly buckets?: number;
};

/** Options for `check`, `consume` and `decide`. */
export type DecisionOptions = {
  /** @default 'NEW' */
  readonly trustLevel?: TrustLevelName;
  /** Penalties the caller knows of; recorded verdicts add theirs. */
  readonly penalties?: PenaltyFlags;
};

/**
 * Where a decision was made: `redis`; `memory` (no Redis configured);
 * `insurance` (Redis down, memory stand-in); `fail-open`/`fail-closed`
 * (Redis down, policy); `blocked` (a denial Redis gave earlier, replayed
 * from the in-process block list without a Redis call).
 */
export type DecisionSource =
  | 'redis'
  | 'memory'
  | 'insurance'
  | 'fail-open'
  | 'fail-closed'
  | 'blocked';

/** The state of one window after a decision. */
export type WindowState = {
  /** `burst` (the short window) or `window` (the long one). */
  readonly name: 'burst' | 'window';
  /** Effective limit after trust and penalties (at least 1). */
  readonly limit: number;
  /** Requests counted in the window (after this one, when consumed). */
  readonly used: number;
  /** `max(0, limit - used)`. */
  readonly remaining: number;
  /** Window length (ms). */
  readonly windowMs: number;
  /** When every request counted now has left the window. */
  readonly resetAt: Date;
};

/** Outcome of `check`, `consume` or `decide`. */
export type RateLimitResult = {
  /** Whether the request is (or would be) admitted. */
  readonly allowed: boolean;
  /** The tier decided on. */
  readonly tier: string;
  /** Effective limit of the binding window (the one with fewer remaining). */
  readonly limit: number;
  /** Remaining requests in the binding window. */
  readonly remaining: number;
  /** When the binding window is empty again. */
  readonly resetAt: Date;
  /** 0 when allowed; else how long until a request would be admitted (ms). */
  readonly retryAfterMs: number;
  /** True when admitted only because Redis was down and policy is `open`. */
  readonly failedOpen: boolean;
  /** Where the decision was made. */
  readonly source: DecisionSource;
  /** Which window denied it (`outage` for fail-closed); null when allowed. */
  readonly deniedBy: 'burst' | 'window' | 'outage' | null;
  /** Trust level used. */
  readonly trustLevel: string;
  /** Penalties that applied (passed in or derived from verdicts). */
  readonly penalties: readonly PenaltyName[];
  /** Both windows, burst first. */
  readonly windows: readonly WindowState[];
  /** Decision time (Redis server time in Redis mode). */
  readonly decidedAt: Date;
};

/** `getStatus` result: a non-consuming check of every configured tier. */
export type AgentStatus = {
  /** Results per tier name. */
  readonly tiers: Readonly<Record<string, RateLimitResult>>;
  /** Penalties in force right now: passed in through `opts`, or derived from recorded verdicts. */
  readonly penalties: readonly PenaltyName[];
};

/**
 * Injected logger; a no-op by default. Fields never carry raw agent ids.
 * The family's one `Logger` type (`@clawexchange/ssg/common`).
 * @deprecated use `Logger` from `@clawexchange/ssg/common`; this alias stays until 1.0
 */
export type RateLimiterLogger = Logger;

/** The slice of an OpenTelemetry `Counter` the limiter uses. */
export type CounterLike = {
  add(value: number, attributes?: Record<string, string | number | boolean>): void;
};

/** The slice of an OpenTelemetry `Meter` the limiter uses. */
export type MeterLike = {
  createCounter(name: string, options?: { description?: string; unit?: string }): CounterLike;
};

/** What the host's Redis client must offer (an ioredis `Redis` does). */
export type RedisLike = {
  readonly status: string;
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  del(...keys: string[]): Promise<number>;
};

/** What the limiter needs of a Sequelize instance. */
export type SequelizeLike = {
  query(sql: string, options?: { type?: string }): Promise<unknown>;
};

/** Redis outage policy. */
export type RedisDownPolicy = 'insurance' | 'open' | 'closed';

/**
 * The limiter: a plain object of async methods. Every method that takes an
 * agent id throws RATE_LIMITER_EMPTY_AGENT_ID / RATE_LIMITER_AGENT_ID_TOO_LONG
 * for a bad one, before anything is counted.
 */
export type RateLimiter = {
  /**
   * Would one more request be admitted? Consumes nothing.
   * @param agentId - the agent (any string of 1..256 characters)
   * @param tier - a configured tier name
   * @param opts - trust level (default `NEW`) and passed-in penalties
   * @returns the decision; a denial is a result, not an error
   * @throws {RateLimiterError} RATE_LIMITER_UNKNOWN_TIER, RATE_LIMITER_UNKNOWN_TRUST_LEVEL,
   *   RATE_LIMITER_UNKNOWN_PENALTY
   */
  check(agentId: string, tier: string, opts?: DecisionOptions): Promise<RateLimitResult>;
  /**
   * Decides and, when admitted, counts the request in both windows; a denied request counts in neither.
   * @param agentId - the agent
   * @param tier - a configured tier name
   * @param opts - trust level (default `NEW`) and passed-in penalties
   * @returns the decision
   * @throws {RateLimiterError} as {@link RateLimiter.check}
   */
  consume(agentId: string, tier: string, opts?: DecisionOptions): Promise<RateLimitResult>;
  /**
   * Takes back up to `points` counted requests (newest first) from both windows.
   * @param agentId - the agent
   * @param tier - a configured tier name
   * @param points - how many (positive integer) @default 1
   * @throws {RateLimiterError} RATE_LIMITER_INVALID_POINTS, RATE_LIMITER_UNKNOWN_TIER;
   *   RATE_LIMITER_REDIS_FAILED while Redis is down
   */
  reward(agentId: string, tier: string, points?: number): Promise<void>;
  /**
   * Forgets the counts of one tier, or of every configured tier.
   * @param agentId - the agent
   * @param tier - a configured tier name; all tiers when omitted
   * @throws {RateLimiterError} RATE_LIMITER_UNKNOWN_TIER; RATE_LIMITER_REDIS_FAILED while Redis is down
   */
  reset(agentId: string, tier?: string): Promise<void>;
  /**
   * Forgets the recorded verdicts (and so the derived penalties) of an agent.
   * @param agentId - the agent
   * @throws {RateLimiterError} RATE_LIMITER_REDIS_FAILED while Redis is down
   */
  clearPenalties(agentId: string): Promise<void>;
  /**
   * Non-consuming checks of every configured tier.
   * @param agentId - the agent
   * @param opts - trust level and passed-in penalties, as for `check`
   * @returns one result per tier and the penalties in force
   * @throws {RateLimiterError} as {@link RateLimiter.check}
   */
  getStatus(agentId: string, opts?: DecisionOptions): Promise<AgentStatus>;
  /**
   * Records a screening verdict; WARN, QUARANTINE and BLOCK feed the derived penalties.
   * While Redis is down the verdict is kept by the in-memory store; it never throws for that.
   * @param agentId - the agent
   * @param verdict - `PASS`, `WARN`, `QUARANTINE` or `BLOCK`
   * @throws {RateLimiterError} RATE_LIMITER_INVALID_VERDICT
   */
  recordVerdict(agentId: string, verdict: VerdictName): Promise<void>;
  /**
   * The verdict loop, ready-made: a hook for `createSSG({ onInspection })` that
   * records WARN, QUARANTINE and BLOCK against `context.agentId` (the agent the
   * gate resolved for the request) through {@link RateLimiter.recordVerdict}.
   * PASS and inspections without an agent record nothing.
   * @returns the hook; it rejects only when `recordVerdict` would throw
   *   (the gate logs and counts that and answers the client as usual)
   * @throws {RateLimiterError} RATE_LIMITER_INVALID_CONFIG when given an argument (it takes none)
   * @example
   * ```ts
   * const ssg = createSSG({ plugins, quarantine, audit, onInspection: limiter.verdictFeedback() });
   * ```
   */
  verdictFeedback(): VerdictFeedback;
  /**
   * Re-reads the config tables now (a no-op without `database`).
   * @throws {RateLimiterError} RATE_LIMITER_INVALID_CONFIG_ROW or RATE_LIMITER_CONFIG_LOAD_FAILED;
   *   the last good config stays in force
   */
  reloadConfig(): Promise<void>;
  /**
   * Framework-free decision (consumes) with the status and response headers to send.
   * @param context - agent id, tier, and optionally trust level and penalties
   * @param opts - `legacyHeaders`
   * @returns status 200, 429 or 503 (fail-closed), headers and the result
   * @throws {RateLimiterError} as {@link RateLimiter.check}; RATE_LIMITER_EMPTY_AGENT_ID without a context
   */
  decide(context: RateLimitContext, opts?: DecideOptions): Promise<RateLimitDecision>;
  /**
   * Express middleware: headers on every decided request, 429/503 on denial,
   * `next(err)` for errors (it never throws), pass-through without a context.
   * @param extractContext - request to context; `null`/`undefined` to skip
   * @param opts - `legacyHeaders`, `onMissingContext`
   * @returns the handler
   */
  middleware<Req = unknown>(
    extractContext: (
      req: Req,
    ) => RateLimitContext | null | undefined | Promise<RateLimitContext | null | undefined>,
    opts?: MiddlewareOptions,
  ): RateLimitMiddleware<Req>;
};

import { type ErrorBody, errorBody } from '@clawexchange/ssg/common';
import { RateLimiterError, RateLimiterErrorCode } from './errors.js';
import {
  CONTEXT_SPEC,
  checkLimiterOptions,
  DECIDE_SPEC,
  MIDDLEWARE_SPEC,
} from './internal/options.js';
import type { CounterLike, DecisionOptions, RateLimitResult } from './types.js';

/** What `decide` and the middleware need to know about a request. */
export type RateLimitContext = DecisionOptions & {
  readonly agentId: string;
  readonly tier: string;
};

/** Options of `decide`. */
export type DecideOptions = {
  /** Also send `X-RateLimit-Limit`, `-Remaining` and `-Reset` (epoch seconds). @default false */
  readonly legacyHeaders?: boolean;
};

/** Options of `middleware`. */
export type MiddlewareOptions = DecideOptions & {
  /** When `extractContext` returns nothing: `'pass'` calls `next()`, `'reject'` answers 403. @default 'pass' */
  readonly onMissingContext?: 'pass' | 'reject';
};

/** A framework-free decision: status and headers to send, and the result. */
export type RateLimitDecision = {
  readonly allowed: boolean;
  /** 200 when allowed, 429 when denied, 503 when failing closed on a Redis outage. */
  readonly status: 200 | 429 | 503;
  /** Header name -> value; includes `Retry-After` when denied. */
  readonly headers: Readonly<Record<string, string>>;
  readonly result: RateLimitResult;
};

/** The slice of an Express response the middleware uses. */
export type ResponseLike = {
  setHeader(name: string, value: string): unknown;
  status(code: number): ResponseLike;
  json(body: unknown): unknown;
};

/** An Express-compatible handler. */
export type RateLimitMiddleware<Req> = (
  req: Req,
  res: ResponseLike,
  next: (err?: unknown) => void,
) => Promise<void>;

const seconds = (ms: number): number => Math.max(0, Math.ceil(ms / 1000));

/**
 * Headers per draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy` lists
 * both windows (`q` quota, `w` window seconds); `RateLimit` reports the
 * binding one (`r` remaining, `t` seconds until it next admits or empties).
 *
 * @param result - a decision result
 * @param opts - legacy header switch
 * @returns header name -> value
 */
export function rateLimitHeaders(
  result: RateLimitResult,
  opts: DecideOptions = {},
): Record<string, string> {
  const nowMs = result.decidedAt.getTime();
  const policy = result.windows
    .map((w) => `"${result.tier}:${w.name}";q=${w.limit};w=${seconds(w.windowMs)}`)
    .join(', ');
  const binding =
    result.windows.find((w) => w.name === result.deniedBy) ??
    [...result.windows].sort((a, b) => a.remaining - b.remaining)[0];
  const name = binding === undefined ? 'none' : `${result.tier}:${binding.name}`;
  const t = result.allowed
    ? seconds(result.resetAt.getTime() - nowMs)
    : seconds(result.retryAfterMs);
  // A denial admits nothing now, whatever the counts say (fail-closed knows no counts).
  const r = result.allowed ? result.remaining : 0;
  const headers: Record<string, string> = {
    'RateLimit-Policy': policy,
    RateLimit: `"${name}";r=${r};t=${t}`,
  };
  if (opts.legacyHeaders === true) {
    headers['X-RateLimit-Limit'] = String(result.limit);
    headers['X-RateLimit-Remaining'] = String(result.remaining);
    headers['X-RateLimit-Reset'] = String(Math.ceil(result.resetAt.getTime() / 1000));
  }
  if (!result.allowed) headers['Retry-After'] = String(Math.max(1, seconds(result.retryAfterMs)));
  return headers;
}

/**
 * Builds `decide`: consume, then map the result to a status and headers.
 *
 * @param limiter - something with `consume`
 * @param rejections - counter of 429/503 answers
 * @returns the decide function
 */
export function createDecide(
  limiter: {
    consume(agentId: string, tier: string, opts?: DecisionOptions): Promise<RateLimitResult>;
  },
  rejections: CounterLike,
): (context: RateLimitContext, opts?: DecideOptions) => Promise<RateLimitDecision> {
  return async (context, given) => {
    if (context === null || context === undefined) {
      throw new RateLimiterError(RateLimiterErrorCode.EMPTY_AGENT_ID, 'no rate limit context');
    }
    checkLimiterOptions(context, CONTEXT_SPEC);
    const opts = checkLimiterOptions(given, DECIDE_SPEC, { optional: true }) as DecideOptions;
    const decisionOpts: DecisionOptions = {
      ...(context.trustLevel === undefined ? {} : { trustLevel: context.trustLevel }),
      ...(context.penalties === undefined ? {} : { penalties: context.penalties }),
    };
    const result = await limiter.consume(context.agentId, context.tier, decisionOpts);
    const status = result.allowed ? 200 : result.deniedBy === 'outage' ? 503 : 429;
    if (!result.allowed) {
      rejections.add(1, { tier: result.tier, denied_by: result.deniedBy ?? 'unknown' });
    }
    return { allowed: result.allowed, status, headers: rateLimitHeaders(result, opts), result };
  };
}

/**
 * The family's error body for a denial: 429 `RATE_LIMITED` or, failing
 * closed on a Redis outage, 503 `RATE_LIMITER_REDIS_FAILED`. `Retry-After`
 * and `RateLimit` headers carry the same facts.
 *
 * @param d - a denying decision
 * @returns `{ error: { code, message, tier, retryAfterMs } }`
 */
export function denialBody(d: RateLimitDecision): ErrorBody {
  const fields = { tier: d.result.tier, retryAfterMs: d.result.retryAfterMs };
  return d.status === 503
    ? errorBody(RateLimiterErrorCode.REDIS_FAILED, 'rate limiter unavailable', fields)
    : errorBody('RATE_LIMITED', 'rate limit exceeded', fields);
}

/**
 * Builds the Express middleware around `decide`. Errors (a throwing
 * extractor, an unknown tier) go to `next(err)`; it never throws.
 *
 * @param decide - from {@link createDecide}
 * @param extract - request -> context, or nothing to skip
 * @param opts - see {@link MiddlewareOptions}
 * @returns the handler
 */
export function createMiddleware<Req>(
  decide: (context: RateLimitContext, opts?: DecideOptions) => Promise<RateLimitDecision>,
  extract: (
    req: Req,
  ) => RateLimitContext | null | undefined | Promise<RateLimitContext | null | undefined>,
  given?: MiddlewareOptions,
): RateLimitMiddleware<Req> {
  // Checked when the middleware is built, not on the first request.
  const opts = checkLimiterOptions(given, MIDDLEWARE_SPEC, { optional: true }) as MiddlewareOptions;
  const decideOpts: DecideOptions =
    opts.legacyHeaders === undefined ? {} : { legacyHeaders: opts.legacyHeaders };
  return async (req, res, next) => {
    try {
      const context = await extract(req);
      if (context === null || context === undefined) {
        if (opts.onMissingContext === 'reject') {
          res
            .status(403)
            .json(errorBody(RateLimiterErrorCode.EMPTY_AGENT_ID, 'no agent to rate-limit'));
          return;
        }
        next();
        return;
      }
      const d = await decide(context, decideOpts);
      for (const [name, value] of Object.entries(d.headers)) res.setHeader(name, value);
      if (d.allowed) {
        next();
        return;
      }
      res.status(d.status).json(denialBody(d));
    } catch (err) {
      next(err);
    }
  };
}

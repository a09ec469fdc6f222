import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RateLimitContext } from '@clawexchange/rate-limiter';
import type { Inspection, RequestFacts } from '@clawexchange/ssg';
import { errorBody } from '@clawexchange/ssg/common';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Pipeline } from './compose.js';
import type { FeatureFlags } from './flags.js';
import { type HealthOptions, mountHealth } from './health/routes.js';

/** A post as the demo stores it (in memory: the demo has no posts table). */
export type Post = {
  readonly id: string;
  readonly agentId: string;
  readonly text: string;
  readonly verdict: Inspection['verdict'];
  readonly tier: Inspection['tier'];
  readonly labels: readonly string[];
};

/** The authenticated agent of a request. */
type Agent = { readonly agentId: string; readonly trustLevel: 'NEW' | 'VERIFIED' };

/** A request after `authenticate` (the agent, once) and the gate (`ssgResult`). */
type AgentRequest = IncomingMessage & { agent?: Agent };
type GatedRequest = Request & AgentRequest & { ssgResult?: Inspection };

/**
 * Resolves the agent behind a request, once, for everything after it. A real
 * host takes it from its authentication; the demo trusts an `x-agent-id`
 * header, and treats ids starting with `verified-` as VERIFIED agents
 * (higher rate limits).
 */
function authenticate(req: AgentRequest, _res: Response, next: () => void): void {
  const agentId = req.headers['x-agent-id'];
  if (typeof agentId === 'string' && agentId !== '') {
    req.agent = { agentId, trustLevel: agentId.startsWith('verified-') ? 'VERIFIED' : 'NEW' };
  }
  next();
}

function rateLimitContext(req: AgentRequest): RateLimitContext | undefined {
  const agent = req.agent;
  return agent && { agentId: agent.agentId, tier: 'POSTS', trustLevel: agent.trustLevel };
}

/**
 * What the gate needs about the request. Its `agentId` is also what the
 * gate's `onInspection` hook (the limiter's `verdictFeedback()`, see
 * compose.ts) records WARN/QUARANTINE/BLOCK verdicts against.
 */
function requestFacts(req: AgentRequest): RequestFacts {
  return {
    contentType: 'POST',
    sourceId: randomUUID(),
    ...(req.agent ? { agentId: req.agent.agentId } : {}),
  };
}

/** Settings of the host app beyond the feature flags. */
export type AppOptions = {
  /** Health endpoints: the deep check's bearer token and the check deadlines. */
  readonly health?: HealthOptions;
};

/**
 * The host app: `POST /v1/posts` behind the rate limiter and the gate,
 * `GET /v1/posts` to read what was published, and the health endpoints
 * (`/livez`, `/readyz`, `/healthz`, `/healthz/deep`: see health/routes.ts).
 */
export function createApp(
  pipeline: Pipeline,
  flags: FeatureFlags,
  options: AppOptions = {},
): Express {
  const app = express();
  mountHealth(app, { pipeline, flags, options: options.health ?? {} });
  const posts: Post[] = [];
  const gate = [
    authenticate,
    ...(flags.rateLimit ? [pipeline.limiter.middleware(rateLimitContext)] : []),
    pipeline.ssg.middleware({ extract: requestFacts }),
  ];

  app.post('/v1/posts', ...gate, (req: GatedRequest, res: Response) => {
    const inspection = req.ssgResult;
    const text = (req.body as { text?: unknown }).text;
    if (inspection === undefined || typeof text !== 'string') {
      res
        .status(400)
        .json(errorBody('INVALID_POST', 'a JSON body with a string `text` is required'));
      return;
    }
    const post: Post = {
      id: randomUUID(),
      agentId: req.agent?.agentId ?? 'anonymous',
      text,
      verdict: inspection.verdict,
      tier: inspection.tier,
      labels: inspection.labels,
    };
    posts.push(post);
    res
      .status(201)
      .json({ id: post.id, verdict: post.verdict, tier: post.tier, labels: post.labels });
  });

  app.get('/v1/posts', (_req, res) => {
    res.json(
      posts.map(({ id, agentId, text, verdict, tier }) => ({ id, agentId, text, verdict, tier })),
    );
  });

  // The family's one error body for everything else too: never Express's HTML page or a stack.
  app.use((_req, res) => {
    res.status(404).json(errorBody('NOT_FOUND', 'no such route'));
  });
  app.use(answerError);
  return app;
}

/**
 * The last error handler: what a package handed to `next(err)` (a typed
 * error, e.g. `RATE_LIMITER_UNKNOWN_TIER` or `SSG_EXTRACT_FAILED`) answers
 * 500 with its code; anything else is `INTERNAL`. Messages stay constant.
 */
function answerError(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  const code =
    typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
      ? (err as { code: string }).code
      : 'INTERNAL';
  res.status(500).json(errorBody(code, 'the request could not be handled'));
}

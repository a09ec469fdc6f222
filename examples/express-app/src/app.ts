import type { Inspection } from '@clawexchange/ssg';
import { errorBody } from '@clawexchange/ssg/common';
import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import {
  type AgentRequest,
  authenticate,
  type RouteKind,
  rateLimitContext,
  requestFacts,
} from './agent.js';
import type { Pipeline } from './compose.js';
import type { FeatureFlags } from './flags.js';
import { type HealthOptions, mountHealth } from './health/routes.js';
import { MAX_CHARS_PER_READ, readPostQuery } from './post-query.js';
import { createPostStore, type PostStore } from './posts.js';

/** A request after `authenticate` (the agent, once) and the gate (`ssgResult`). */
type GatedRequest = Request & AgentRequest & { ssgResult?: Inspection };

/** Settings of the host app beyond the feature flags. */
export type AppOptions = {
  /** Health endpoints: the deep check's bearer token and the check deadlines. */
  readonly health?: HealthOptions;
  /**
   * Express's `trust proxy` setting, which decides the client address that
   * anonymous traffic is limited by (`req.ip`). Off by default: the socket's
   * peer address, and a client-sent `X-Forwarded-For` is ignored. Behind a
   * load balancer set it to the proxies you run (a hop count such as `1`,
   * or addresses/subnets such as `loopback, 10.0.0.0/8`), never to `true`
   * on a server clients can reach directly.
   * @default false
   */
  readonly trustProxy?: boolean | number | string;
  /** Where published content goes (also the moderation console's `onRelease`). */
  readonly posts?: PostStore;
  /** Extra routers mounted before the 404 handler (moderation, metrics). */
  readonly mount?: (app: Express) => void;
};

const POST_ROUTE: RouteKind = { tier: 'POSTS', contentType: 'POST' };
const COMMENT_ROUTE: RouteKind = { tier: 'COMMENTS', contentType: 'COMMENT' };

/**
 * The host app: `POST /v1/posts` and `POST /v1/comments` behind the rate
 * limiter (by agent, or by client address when anonymous) and the gate,
 * `GET /v1/posts` to read what was published (the newest 100, or `?limit=`
 * up to 1,000, and at most 1 M characters of text), and the health endpoints
 * (`/livez`, `/readyz`, `/healthz`, `/healthz/deep`: see health/routes.ts).
 */
export function createApp(
  pipeline: Pipeline,
  flags: FeatureFlags,
  options: AppOptions = {},
): Express {
  const app = express();
  // No `X-Powered-By: Express`: it tells a scanner which framework's bugs to try.
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  const posts = options.posts ?? createPostStore();
  mountHealth(app, { pipeline, flags, options: options.health ?? {} });
  const gate = (kind: RouteKind): RequestHandler[] => [
    authenticate,
    ...(flags.rateLimit ? [pipeline.limiter.middleware(rateLimitContext(kind))] : []),
    pipeline.ssg.middleware({ extract: requestFacts(kind) }),
  ];
  app.post('/v1/posts', ...gate(POST_ROUTE), publish(posts, 'POST'));
  app.post('/v1/comments', ...gate(COMMENT_ROUTE), publish(posts, 'COMMENT'));
  app.get('/v1/posts', (req, res) => {
    const read = readPostQuery(req.originalUrl);
    if (!read.ok) {
      res.status(400).json(read.body);
      return;
    }
    res.json(posts.latest(read.limit, MAX_CHARS_PER_READ));
  });
  options.mount?.(app);
  // The family's one error body for everything else too: never Express's HTML page or a stack.
  app.use((_req, res) => {
    res.status(404).json(errorBody('NOT_FOUND', 'no such route'));
  });
  app.use(answerError);
  return app;
}

/** The handler after the gate: publishes what it let through. */
function publish(posts: PostStore, kind: 'POST' | 'COMMENT') {
  return (req: GatedRequest, res: Response): void => {
    const inspection = req.ssgResult;
    const text = (req.body as { text?: unknown }).text;
    if (inspection === undefined || typeof text !== 'string') {
      res
        .status(400)
        .json(errorBody('INVALID_POST', 'a JSON body with a string `text` is required'));
      return;
    }
    const post = posts.publish({
      kind,
      agentId: req.agent?.agentId ?? 'anonymous',
      text,
      verdict: inspection.verdict,
      tier: inspection.tier,
    });
    res.status(201).json({
      id: post.id,
      verdict: inspection.verdict,
      tier: inspection.tier,
      labels: inspection.labels,
    });
  };
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

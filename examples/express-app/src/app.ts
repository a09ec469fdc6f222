import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RateLimitContext } from '@clawexchange/rate-limiter';
import type { Inspection, RequestFacts } from '@clawexchange/ssg';
import express, { type Express, type Request, type Response } from 'express';
import type { Pipeline } from './compose.js';
import type { FeatureFlags } from './flags.js';

/** A post as the demo stores it (in memory: the demo has no posts table). */
export type Post = {
  readonly id: string;
  readonly agentId: string;
  readonly text: string;
  readonly verdict: Inspection['verdict'];
  readonly tier: Inspection['tier'];
  readonly labels: readonly string[];
};

type GatedRequest = Request & { ssgResult?: Inspection };

/**
 * The agent behind a request. A real host takes it from its authentication;
 * the demo trusts an `x-agent-id` header, and treats ids starting with
 * `verified-` as VERIFIED agents (higher rate limits).
 */
function agentOf(
  req: IncomingMessage,
): { agentId: string; trustLevel: 'NEW' | 'VERIFIED' } | undefined {
  const agentId = req.headers['x-agent-id'];
  if (typeof agentId !== 'string' || agentId === '') return undefined;
  return { agentId, trustLevel: agentId.startsWith('verified-') ? 'VERIFIED' : 'NEW' };
}

function rateLimitContext(req: IncomingMessage): RateLimitContext | undefined {
  const agent = agentOf(req);
  return agent && { agentId: agent.agentId, tier: 'POSTS', trustLevel: agent.trustLevel };
}

function requestFacts(req: IncomingMessage): RequestFacts {
  const agent = agentOf(req);
  return {
    contentType: 'POST',
    sourceId: randomUUID(),
    ...(agent ? { agentId: agent.agentId } : {}),
  };
}

/**
 * Feeds the gate's verdict back to the rate limiter once the response is
 * sent, so WARN/QUARANTINE/BLOCK tighten that agent's limits from its next
 * request on. The gate answers QUARANTINE and BLOCK itself, so this is the
 * one place that sees every verdict.
 */
function recordVerdicts(pipeline: Pipeline) {
  return (req: GatedRequest, res: Response, next: () => void): void => {
    res.once('finish', () => {
      const agent = agentOf(req);
      if (agent === undefined || req.ssgResult === undefined) return;
      // After the response: nothing to answer any more; a failure is logged.
      pipeline.limiter
        .recordVerdict(agent.agentId, req.ssgResult.verdict)
        .catch((error: unknown) => {
          process.stderr.write(`recordVerdict failed: ${(error as Error).name}\n`);
        });
    });
    next();
  };
}

/**
 * The host app: `POST /v1/posts` behind the rate limiter and the gate,
 * `GET /v1/posts` to read what was published, `GET /healthz` running the
 * deployment guide's health checks.
 */
export function createApp(pipeline: Pipeline, flags: FeatureFlags): Express {
  const app = express();
  const posts: Post[] = [];
  const gate = [
    ...(flags.rateLimit ? [pipeline.limiter.middleware(rateLimitContext)] : []),
    recordVerdicts(pipeline),
    pipeline.ssg.middleware({ extract: requestFacts }),
  ];

  app.post('/v1/posts', ...gate, (req: GatedRequest, res: Response) => {
    const inspection = req.ssgResult;
    const text = (req.body as { text?: unknown }).text;
    if (inspection === undefined || typeof text !== 'string') {
      res.status(400).json({ error: 'a JSON body with a string `text` is required' });
      return;
    }
    const post: Post = {
      id: randomUUID(),
      agentId: agentOf(req)?.agentId ?? 'anonymous',
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

  app.get('/healthz', async (_req, res) => {
    res.json(await healthChecks(pipeline));
  });
  return app;
}

/** The deployment guide's health checks, exactly as it writes them. */
export async function healthChecks(pipeline: Pipeline): Promise<Record<string, boolean>> {
  const { AuditEventType } = await import('@clawexchange/audit');
  const { ssg, quarantine, audit, limiter: rateLimiter } = pipeline;
  const result = await ssg.inspect({ text: 'test', contentType: 'POST' });
  const id = await quarantine.store('health-check', {
    tier: 'CLEAR',
    labels: [],
    pluginResults: [],
  });
  await audit.log({
    eventType: AuditEventType.SSG_PASS,
    actorId: 'health-check',
    actorType: 'bot',
  });
  const check = await rateLimiter.check('health-check', 'POSTS');
  return {
    ssg: result.tier === 'CLEAR',
    quarantine: typeof id === 'string',
    audit: true,
    rateLimiter: check.allowed,
  };
}

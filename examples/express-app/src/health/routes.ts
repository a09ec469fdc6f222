import { errorBody } from '@clawexchange/ssg/common';
import type { Express, Response } from 'express';
import type { Pipeline } from '../compose.js';
import type { FeatureFlags } from '../flags.js';
import { bearerMatches } from './bearer.js';
import { deepHealthCheck } from './deep-check.js';
import { readiness } from './readiness.js';

/** Health endpoint settings. */
export type HealthOptions = {
  /** Bearer token of `GET /healthz/deep`; unset: the route answers 404. */
  readonly deepToken?: string | undefined;
  /** Deadline of each readiness check, ms. @default 1000 */
  readonly timeoutMs?: number;
  /** Deadline of each deep check (a quarantine store is several round trips), ms. @default 5000 */
  readonly deepTimeoutMs?: number;
};

function noStore(res: Response): Response {
  return res.set('cache-control', 'no-store');
}

/**
 * Mounts the health endpoints, all JSON:
 * - `GET /livez`: the process answers; no I/O at all.
 * - `GET /readyz` (and `GET /healthz`, its alias for the deployment guide's
 *   users): each dependency reachable, per component, no writes; 503 when one fails.
 * - `GET /healthz/deep`: the guide's four checks (they write; see deep-check.ts),
 *   behind a bearer token.
 */
export function mountHealth(
  app: Express,
  deps: { pipeline: Pipeline; flags: FeatureFlags; options: HealthOptions },
): void {
  const { pipeline, flags, options } = deps;
  const timeoutMs = options.timeoutMs ?? 1000;
  app.get('/livez', (_req, res) => {
    noStore(res).json({ status: 'ok' });
  });
  const ready = async (_req: unknown, res: Response): Promise<void> => {
    const report = await readiness(pipeline, flags, timeoutMs);
    noStore(res)
      .status(report.status === 'ok' ? 200 : 503)
      .json(report);
  };
  app.get('/readyz', ready);
  app.get('/healthz', ready);
  app.get('/healthz/deep', async (req, res) => {
    const token = options.deepToken;
    if (token === undefined || token === '') {
      noStore(res).status(404).json(errorBody('NOT_FOUND', 'no such route'));
      return;
    }
    if (!bearerMatches(req.headers, token)) {
      noStore(res)
        .status(401)
        .set('www-authenticate', 'Bearer')
        .json(errorBody('UNAUTHENTICATED', 'a valid bearer token is required'));
      return;
    }
    const report = await deepHealthCheck(pipeline, flags, options.deepTimeoutMs ?? 5000);
    noStore(res)
      .status(report.status === 'ok' ? 200 : 503)
      .json(report);
  });
}

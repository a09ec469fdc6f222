/**
 * Test fixture shared by the Express middleware tests: the same gate and
 * router mounted on Express 4 and Express 5, over the deployment guide's call.
 */
import express5 from 'express';
import express4 from 'express4';
import type { SSGConfig } from '../config.js';
import { createSSG } from '../create-ssg.js';
import {
  type MemoryAudit,
  type MemoryQuarantine,
  memoryAudit,
  memoryQuarantine,
  testPlugin,
} from '../internal/test-doubles.js';
import type { SSGMiddlewareOptions, SSGRequest } from './express.js';

/** The Express module's shape (both majors are used through it). */
export type ExpressLike = typeof express5;

/** Both supported Express majors, for `describe.each`. */
export const expressMajors: [string, ExpressLike][] = [
  ['Express 5', express5],
  ['Express 4', express4 as unknown as ExpressLike],
];

/** An app under test and what it recorded. */
export type TestApp = {
  readonly app: ReturnType<ExpressLike>;
  /** The body each handler call saw. */
  readonly calls: unknown[];
  readonly quarantine: MemoryQuarantine;
  readonly audit: MemoryAudit;
};

/**
 * Mounts `ssg.middleware(options)` in front of a router that answers 201 with
 * the `ssgResult` it was given.
 */
export function makeTestApp(
  express: ExpressLike,
  config: Partial<SSGConfig> = {},
  options: SSGMiddlewareOptions = {},
  opts: { json?: boolean } = {},
): TestApp {
  const quarantine = memoryQuarantine();
  const audit = memoryAudit();
  const ssg = createSSG({ plugins: [testPlugin], quarantine, audit, ...config });
  const calls: unknown[] = [];
  const postRouter = express.Router();
  postRouter.all('/', (req, res) => {
    calls.push(req.body);
    res.status(201).json({ created: true, ssgResult: (req as SSGRequest).ssgResult ?? null });
  });
  const app = express();
  if (opts.json) app.use(express.json({ limit: '1mb' }));
  // The deployment guide's call, exactly:
  app.use('/v1/posts', ssg.middleware(options), postRouter);
  return { app, calls, quarantine, audit };
}

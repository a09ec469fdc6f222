/**
 * The Express middleware (Express 4 and 5). Typed structurally on
 * `node:http`, so the package does not need Express's types.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import type { Inspection } from '../result.js';
import {
  type BodyOverflow,
  checkContentEncoding,
  checkContentLength,
  normalizeParsedBody,
  parseJsonBody,
  readNodeBody,
} from './body.js';
import {
  answerHeaders,
  decide,
  dryRunFailureFields,
  type GateOutcome,
  type InspectFn,
  outcomeForError,
} from './decide.js';
import { extractFacts } from './extract.js';
import type { HttpGateOptions, RequestFacts, ResolvedHttpOptions } from './options.js';

/** The request as the middleware sees it: Express's `req` satisfies it. */
export type SSGRequest = IncomingMessage & {
  body?: unknown;
  /** Set by Express (honours `trust proxy`). */
  readonly ip?: string | undefined;
  /** Set by the middleware on every inspected request. */
  ssgResult?: Inspection;
};

declare global {
  // Types `req.ssgResult` in Express handlers (merges into @types/express's
  // global namespace when the host has it; an empty declaration otherwise).
  namespace Express {
    interface Request {
      /** Set by `ssg.middleware()` on every inspected request. */
      ssgResult?: Inspection;
    }
  }
}

/** Express-compatible `next`. */
export type SSGNext = (error?: unknown) => void;

/** An Express-compatible middleware function. */
export type SSGMiddleware = (req: SSGRequest, res: ServerResponse, next: SSGNext) => void;

/** Options of `ssg.middleware()`. */
export type SSGMiddlewareOptions = HttpGateOptions<SSGRequest>;

type Deps = {
  readonly inspect: InspectFn;
  readonly dryRun: boolean;
  readonly logger: Logger;
};

function send(res: ServerResponse, outcome: Extract<GateOutcome, { kind: 'respond' }>): void {
  res.statusCode = outcome.status;
  for (const [name, value] of Object.entries(answerHeaders(outcome.payload))) {
    res.setHeader(name, value);
  }
  res.end(JSON.stringify(outcome.payload));
}

/**
 * True when the request declares a body that nobody has read yet. body-parser
 * 1.x (Express 4's `express.json()`) sets `req.body = {}` for a content type
 * it skips and leaves the stream unread; taking that `{}` as the body would
 * let a later parser (e.g. `express.urlencoded()`) hand unscreened text to
 * the handler.
 */
function hasUnreadBody(req: SSGRequest): boolean {
  if (req.readableEnded || req.destroyed) return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

async function bodyOf(
  req: SSGRequest,
  opts: ResolvedHttpOptions<SSGRequest>,
  overflow: BodyOverflow,
): Promise<unknown> {
  if (req.body !== undefined && !hasUnreadBody(req)) {
    // Parsed by the host (e.g. express.json()); its limit may be larger than ours.
    checkContentLength(req.headers['content-length'], opts.maxBodyBytes);
    return normalizeParsedBody(req.body, opts.maxBodyBytes);
  }
  checkContentEncoding(req.headers['content-encoding']);
  const body = parseJsonBody(await readNodeBody(req, opts.maxBodyBytes, overflow));
  req.body = body;
  // body-parser 1.x's "already parsed" flag: without it an `express.json()`
  // mounted after the gate on Express 4 re-reads the drained stream (500).
  (req as { _body?: boolean })._body = true;
  return body;
}

async function gate(
  deps: Deps,
  opts: ResolvedHttpOptions<SSGRequest>,
  req: SSGRequest,
): Promise<GateOutcome> {
  try {
    // DRY_RUN lets an oversized request on, so it must leave its body to the host's parser.
    const body = await bodyOf(req, opts, deps.dryRun ? 'restore' : 'drain');
    const ip = req.ip ?? req.socket?.remoteAddress;
    const defaults: RequestFacts = ip ? { ipAddress: ip } : {};
    const facts = await extractFacts(opts.extract, req, defaults);
    return await decide(deps.inspect, { body, facts, opts });
  } catch (error) {
    const outcome = outcomeForError(error, opts);
    if (outcome === undefined) throw error;
    return outcome;
  }
}

async function handle(
  deps: Deps,
  opts: ResolvedHttpOptions<SSGRequest>,
  call: { req: SSGRequest; res: ServerResponse; next: SSGNext },
): Promise<void> {
  const { req, res, next } = call;
  if (!opts.methods.has(req.method ?? '')) return next();
  let outcome: GateOutcome;
  try {
    outcome = await gate(deps, opts, req);
  } catch (error) {
    if (!deps.dryRun) return next(error);
    // DRY_RUN never denies: an unexpected failure is logged and the request continues.
    deps.logger.error(dryRunFailureFields(error), 'dry-run inspection failed');
    return next();
  }
  if (outcome.inspection !== undefined) req.ssgResult = outcome.inspection;
  if (outcome.kind === 'respond' && !deps.dryRun) return send(res, outcome);
  if (outcome.kind === 'respond') {
    deps.logger.warn({ status: outcome.status }, 'dry run: request would have been answered');
  }
  next();
}

/**
 * Builds the Express middleware over an inspect function.
 *
 * @param deps - inspect, mode and logger of the gate
 * @param opts - resolved HTTP options
 * @returns the middleware
 */
export function createExpressMiddleware(
  deps: Deps,
  opts: ResolvedHttpOptions<SSGRequest>,
): SSGMiddleware {
  return function ssgMiddleware(req, res, next) {
    // Express 4 ignores returned promises, so every failure is routed to next() here.
    void handle(deps, opts, { req, res, next }).catch(next);
  };
}

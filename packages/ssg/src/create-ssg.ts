/**
 * The factory: `createSSG(config)` returns the gate as a plain object.
 */
import { type SSGConfig, type SSGMode, validateConfig } from './config.js';
import {
  createExpressMiddleware,
  type SSGMiddleware,
  type SSGMiddlewareOptions,
  type SSGRequest,
} from './http/express.js';
import {
  denialResponse,
  type FetchGateOptions,
  type GatedFetchHandler,
  inspectFetchRequest,
  type RequestInspection,
} from './http/fetch.js';
import { resolveHttpOptions } from './http/options.js';
import { checkSSGOptions, INSPECT_SPEC } from './internal/options.js';
import { createPipeline } from './internal/pipeline.js';
import type { Inspection, InspectOptions } from './result.js';
import type { ContentEnvelope } from './types.js';

/** The screening gate returned by {@link createSSG}. */
export interface SSG {
  /** `'ENFORCE'` or `'DRY_RUN'`, as configured. */
  readonly mode: SSGMode;
  /**
   * Inspects one envelope: runs the plugins, maps the combined score to a
   * tier and verdict, holds QUARANTINE content through the quarantine sink
   * and audits the inspection.
   *
   * @param envelope - the content and its host-supplied facts
   * @param options - audit actor defaults
   * @returns the inspection (no score)
   * @throws {SSGError} SSG_INVALID_INPUT for a malformed envelope;
   *   SSG_QUARANTINE_FAILED when QUARANTINE content could not be stored
   *   (`onQuarantineFailure: 'reject'`);
   *   SSG_AUDIT_FAILED when the audit sink failed (`onAuditFailure: 'reject'`, not in DRY_RUN)
   */
  inspect(envelope: ContentEnvelope, options?: InspectOptions): Promise<Inspection>;
  /**
   * Express (4 and 5) middleware: 403 on BLOCK, 202 on QUARANTINE, 413 / 400
   * on oversized or malformed bodies, 503 when content cannot be held or
   * audited; otherwise sets `req.ssgResult` and calls `next()`.
   *
   * @param options - fields, limits, status codes, extractor
   * @returns the middleware
   * @throws {SSGError} SSG_INVALID_CONFIG for bad options
   */
  middleware(options?: SSGMiddlewareOptions): SSGMiddleware;
  /**
   * Fetch API adapter: reads and inspects a `Request` like the middleware does.
   *
   * @param request - the request (its body stream is consumed for inspected methods,
   *   except in DRY_RUN, where the gate reads a copy)
   * @param options - same options as the middleware
   * @returns `{ allowed: true, inspection, body }` or `{ allowed: false, status, payload }`
   * @throws {SSGError} SSG_INVALID_CONFIG for bad options; SSG_EXTRACT_FAILED when `extract` fails
   */
  inspectRequest(request: Request, options?: FetchGateOptions): Promise<RequestInspection>;
  /**
   * Wraps a Fetch handler: denied requests get the gate's JSON answer,
   * allowed ones reach `handler` with the inspection and parsed body.
   *
   * @param handler - the host's handler
   * @param options - same options as the middleware
   * @returns a `(request) => Promise<Response>` function
   * @throws {SSGError} SSG_INVALID_CONFIG for bad options
   */
  fetchHandler(
    handler: GatedFetchHandler,
    options?: FetchGateOptions,
  ): (request: Request) => Promise<Response>;
}

/**
 * Creates a screening gate. The config is validated here; nothing fails
 * later for a reason knowable now.
 *
 * @param config - plugins, optional quarantine and audit sinks, policies
 * @returns the gate
 * @throws {SSGError} SSG_INVALID_CONFIG naming the offending field
 * @example
 * const ssg = createSSG({ plugins: [myPlugin], quarantine, audit });
 * const result = await ssg.inspect({ text: 'test', contentType: 'POST' });
 * assert(result.tier === 'CLEAR');
 * app.use('/v1/posts', ssg.middleware(), postRouter);
 */
export function createSSG(config: SSGConfig): SSG {
  const resolved = validateConfig(config);
  const pipeline = createPipeline(resolved);
  const inspect = async (
    envelope: ContentEnvelope,
    options?: InspectOptions,
  ): Promise<Inspection> => {
    checkSSGOptions(options, INSPECT_SPEC, { optional: true });
    return (await pipeline.run(envelope, options)).inspection;
  };
  const deps = { inspect, dryRun: resolved.mode === 'DRY_RUN', logger: resolved.logger };
  return {
    mode: resolved.mode,
    inspect,
    middleware: (options) => createExpressMiddleware(deps, resolveHttpOptions<SSGRequest>(options)),
    inspectRequest: (request, options) =>
      inspectFetchRequest(deps, resolveHttpOptions<Request>(options), request),
    fetchHandler: (handler, options) => {
      const opts = resolveHttpOptions<Request>(options);
      return async (request) => {
        const outcome = await inspectFetchRequest(deps, opts, request);
        if (!outcome.allowed) return denialResponse(outcome);
        return handler(request, { inspection: outcome.inspection, body: outcome.body });
      };
    },
  };
}

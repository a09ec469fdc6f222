/**
 * The Fetch API adapter (Hono, Next.js route handlers, Fastify via
 * `Request`, Deno, Bun): `Request` → outcome, and the matching `Response`.
 */
import type { Logger } from '../logger.js';
import type { Inspection } from '../result.js';
import { checkContentEncoding, checkContentLength, parseJsonBody, readWebBody } from './body.js';
import {
  answerHeaders,
  decide,
  dryRunFailureFields,
  type GatePayload,
  type InspectFn,
  outcomeForError,
} from './decide.js';
import { extractFacts } from './extract.js';
import type { HttpGateOptions, ResolvedHttpOptions } from './options.js';

/** Options of `ssg.inspectRequest()` / `ssg.fetchHandler()`. */
export type FetchGateOptions = HttpGateOptions<Request>;

/** The request may go on to the handler. */
export type RequestAllowed = {
  /** Always `true`. */
  readonly allowed: true;
  /** Absent for methods that are not inspected, or when a DRY_RUN inspection failed. */
  readonly inspection: Inspection | undefined;
  /**
   * The parsed JSON body; `undefined` if not read. The request's own stream has
   * been consumed, except in DRY_RUN (the gate reads a copy, so the handler can read it).
   */
  readonly body: unknown;
};

/** The gate answers instead of the handler. */
export type RequestDenied = {
  /** Always `false`. */
  readonly allowed: false;
  /** HTTP status to answer with (403, 202, 413, 415, 400, 503 or as configured). */
  readonly status: number;
  /**
   * JSON payload: the family error body `{ error: { code, message, ...fields } }` for every
   * error answer (BLOCK: code `SSG_CONTENT_BLOCKED` with `tier`; 400: `field` and `detail`),
   * and `{ status: 'QUARANTINED', quarantineId, tier }` on QUARANTINE (202, not an error).
   */
  readonly payload: GatePayload;
  /** The inspection, when one ran (BLOCK, QUARANTINE); absent for body and sink failures. */
  readonly inspection: Inspection | undefined;
};

/** Outcome of `ssg.inspectRequest()`; discriminated on `allowed`. */
export type RequestInspection = RequestAllowed | RequestDenied;

type Deps = { readonly inspect: InspectFn; readonly dryRun: boolean; readonly logger: Logger };

/**
 * A copy of the request's body stream (a tee), leaving the request's own
 * body unread. DRY_RUN lets every request on, so the handler must still be
 * able to read the whole body, even when the gate stopped at its limit or
 * could not parse it. A body already taken is handed on as it is (the
 * reader then reports it as unavailable).
 *
 * @param request - the request
 * @returns the stream for the gate to read
 */
function teeBody(request: Request): ReadableStream<Uint8Array> | null {
  const untouched = request.body !== null && !request.bodyUsed && !request.body.locked;
  return untouched ? request.clone().body : request.body;
}

async function gate(
  deps: Deps,
  opts: ResolvedHttpOptions<Request>,
  request: Request,
): Promise<RequestInspection> {
  let body: unknown;
  try {
    checkContentLength(request.headers.get('content-length'), opts.maxBodyBytes);
    checkContentEncoding(request.headers.get('content-encoding'));
    const stream = deps.dryRun ? teeBody(request) : request.body;
    body = parseJsonBody(await readWebBody(stream, opts.maxBodyBytes));
    const facts = await extractFacts(opts.extract, request, {});
    const outcome = await decide(deps.inspect, { body, facts, opts });
    if (outcome.kind === 'respond' && !deps.dryRun) {
      return {
        allowed: false,
        status: outcome.status,
        payload: outcome.payload,
        inspection: outcome.inspection,
      };
    }
    if (outcome.kind === 'respond') {
      deps.logger.warn({ status: outcome.status }, 'dry run: request would have been answered');
    }
    return { allowed: true, inspection: outcome.inspection, body };
  } catch (error) {
    const outcome = outcomeForError(error, opts);
    if (outcome === undefined || outcome.kind === 'continue') throw error;
    return {
      allowed: false,
      status: outcome.status,
      payload: outcome.payload,
      inspection: undefined,
    };
  }
}

/**
 * Inspects a Fetch API request with resolved options. Methods that are not
 * inspected are allowed untouched (body unread). DRY_RUN always allows.
 *
 * @param deps - inspect, mode and logger
 * @param opts - resolved options
 * @param request - the request
 * @returns the outcome
 */
export async function inspectFetchRequest(
  deps: Deps,
  opts: ResolvedHttpOptions<Request>,
  request: Request,
): Promise<RequestInspection> {
  if (!opts.methods.has(request.method))
    return { allowed: true, inspection: undefined, body: undefined };
  if (!deps.dryRun) return gate(deps, opts, request);
  try {
    const outcome = await gate(deps, opts, request);
    if (outcome.allowed) return outcome;
    deps.logger.warn({ status: outcome.status }, 'dry run: request would have been answered');
    return { allowed: true, inspection: outcome.inspection, body: undefined };
  } catch (error) {
    // DRY_RUN never denies; the failure is logged (without its message, which may quote content).
    deps.logger.error(dryRunFailureFields(error), 'dry-run inspection failed');
    return { allowed: true, inspection: undefined, body: undefined };
  }
}

/**
 * Builds the JSON `Response` the gate answers with for a denied request.
 *
 * @param denied - a `RequestDenied` outcome
 * @returns the response: status, JSON payload, and for the 415 of a compressed body the
 *   header `Accept-Encoding: identity` (a response built from `status` and `payload` alone
 *   lacks it)
 * @example
 * const outcome = await ssg.inspectRequest(request);
 * if (!outcome.allowed) return denialResponse(outcome);
 */
export function denialResponse(denied: RequestDenied): Response {
  return new Response(JSON.stringify(denied.payload), {
    status: denied.status,
    headers: answerHeaders(denied.payload),
  });
}

/** A Fetch handler that runs after the gate allowed the request. */
export type GatedFetchHandler = (
  request: Request,
  gate: { readonly inspection: Inspection | undefined; readonly body: unknown },
) => Response | Promise<Response>;

/**
 * The framework-free core of the HTTP adapters: from a parsed body and the
 * host's request facts to "continue" or "answer with this status".
 */
import { errorBody, IDENTITY_ONLY_HEADERS } from '../common/http.js';
import { isSSGError, SSGErrorCode } from '../errors.js';
import type { Inspection, InspectOptions } from '../result.js';
import type { ContentEnvelope } from '../types.js';
import { bodyTooLarge, collectText } from './body.js';
import type { RequestFacts, ResolvedHttpOptions } from './options.js';

/**
 * `error.code` of the gate's BLOCK answer (403 by default). Every error
 * answer uses the family body `{ error: { code, message, ...fields } }`.
 */
export const CONTENT_BLOCKED_CODE = 'SSG_CONTENT_BLOCKED';

/** JSON payload of an answer the gate gives instead of the handler. */
export type GatePayload = Readonly<Record<string, unknown>>;

const JSON_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
};

/**
 * Headers of an answer the gate gives: JSON; for the 415 of a coded body,
 * also `Accept-Encoding: identity`, the one coding the gate reads (RFC 9110
 * §15.5.16), so a client can resend the body uncompressed.
 *
 * @param payload - the answer's payload
 * @returns header names (lower case) and values
 */
export function answerHeaders(payload: GatePayload): Readonly<Record<string, string>> {
  const error = payload.error as { readonly code?: unknown } | undefined;
  return error?.code === SSGErrorCode.UNSUPPORTED_ENCODING
    ? { ...JSON_HEADERS, ...IDENTITY_ONLY_HEADERS }
    : JSON_HEADERS;
}

/** What an adapter does with a request. */
export type GateOutcome =
  | { readonly kind: 'continue'; readonly inspection: Inspection | undefined }
  | {
      readonly kind: 'respond';
      readonly status: number;
      readonly payload: GatePayload;
      readonly inspection: Inspection | undefined;
    };

/**
 * Log fields for a failure DRY_RUN swallowed: our code, and the SSG code of the
 * cause when there is one (never its message, which may quote content).
 *
 * @param error - what was thrown
 * @returns structured log fields
 */
export function dryRunFailureFields(error: unknown): Readonly<Record<string, string>> {
  return isSSGError(error)
    ? { code: 'SSG_DRY_RUN_FAILURE', causeCode: error.code }
    : { code: 'SSG_DRY_RUN_FAILURE' };
}

/** The inspect function the adapters call. */
export type InspectFn = (
  envelope: ContentEnvelope,
  options?: InspectOptions,
) => Promise<Inspection>;

/**
 * The answer for an SSGError raised while reading or inspecting, or
 * undefined when the error is not one the gate answers itself.
 *
 * @param error - what was thrown
 * @param opts - resolved options (status codes)
 * @returns the outcome, or undefined to let the host's error handling see it
 */
export function outcomeForError<Req>(
  error: unknown,
  opts: ResolvedHttpOptions<Req>,
): GateOutcome | undefined {
  if (!isSSGError(error)) return undefined;
  const respond = (status: number, message: string, extra: GatePayload = {}): GateOutcome => ({
    kind: 'respond',
    status,
    payload: errorBody(error.code, message, extra),
    inspection: undefined,
  });
  switch (error.code) {
    case SSGErrorCode.BODY_TOO_LARGE:
      return respond(413, 'Request body too large');
    case SSGErrorCode.UNSUPPORTED_ENCODING:
      return respond(415, 'Unsupported content encoding', { field: error.field });
    case SSGErrorCode.INVALID_BODY:
      // The message is one of body.ts's constant sentences (never content): it says what is wrong.
      return respond(400, 'Invalid request body', { field: error.field, detail: error.message });
    case SSGErrorCode.INVALID_INPUT:
      // The request's text or ids broke the envelope's rules (e.g. a lone surrogate, an id
      // over 256 characters): the client's fault, never a 500. `field` names which; no value.
      return respond(400, 'Invalid request', { field: error.field });
    case SSGErrorCode.QUARANTINE_FAILED:
      return respond(opts.unavailableStatus, 'Content could not be held for review');
    case SSGErrorCode.AUDIT_FAILED:
      return respond(opts.unavailableStatus, 'Screening is temporarily unavailable');
    default:
      return undefined;
  }
}

function envelopeFor(text: string, facts: RequestFacts, contentType: string): ContentEnvelope {
  const metadata = {
    ...(facts.agentId === undefined ? {} : { agentId: facts.agentId }),
    ...(facts.sourceId === undefined ? {} : { sourceId: facts.sourceId }),
    ...(facts.ipAddress === undefined ? {} : { ipAddress: facts.ipAddress }),
  };
  return {
    text,
    contentType: facts.contentType ?? contentType,
    ...(facts.category === undefined ? {} : { category: facts.category }),
    metadata,
  };
}

function outcomeFor<Req>(inspection: Inspection, opts: ResolvedHttpOptions<Req>): GateOutcome {
  if (inspection.verdict === 'BLOCK') {
    const payload = errorBody(CONTENT_BLOCKED_CODE, 'Content blocked', { tier: inspection.tier });
    return { kind: 'respond', status: opts.blockStatus, payload, inspection };
  }
  if (inspection.verdict === 'QUARANTINE' && opts.onQuarantine === 'respond') {
    const payload = {
      status: 'QUARANTINED',
      quarantineId: inspection.quarantineId,
      tier: inspection.tier,
    };
    return { kind: 'respond', status: opts.quarantineStatus, payload, inspection };
  }
  return { kind: 'continue', inspection };
}

/**
 * Inspects the configured fields of a parsed body and decides.
 *
 * @param inspect - the gate's inspect
 * @param input - parsed body, host facts, resolved options
 * @returns continue (PASS, WARN, QUARANTINE with `onQuarantine: 'next'`) or an answer
 * @throws whatever is not an SSGError the gate answers itself
 */
export async function decide<Req>(
  inspect: InspectFn,
  input: {
    readonly body: unknown;
    readonly facts: RequestFacts;
    readonly opts: ResolvedHttpOptions<Req>;
  },
): Promise<GateOutcome> {
  const { opts, facts } = input;
  try {
    const text = collectText(input.body, opts.fields, opts.fieldNames);
    if (Buffer.byteLength(text, 'utf8') > opts.maxBodyBytes) {
      return outcomeForError(bodyTooLarge(), opts) as GateOutcome;
    }
    const inspectOptions =
      facts.actorType === undefined ? undefined : { actorType: facts.actorType };
    const inspection = await inspect(envelopeFor(text, facts, opts.contentType), inspectOptions);
    return outcomeFor(inspection, opts);
  } catch (error) {
    const outcome = outcomeForError(error, opts);
    if (outcome === undefined) throw error;
    return outcome;
  }
}

/**
 * Options shared by the Express middleware and the Fetch adapter, and their
 * validation (at `middleware()` / `inspectRequest` setup time).
 */
import { invalidConfig } from '../errors.js';
import { checkSSGOptions, HTTP_SPEC, STATUS_CODES_SPEC } from '../internal/options.js';
import type { AuditActorType } from '../types.js';

/** Facts about a request that the host, not the client's body, supplies. */
export type RequestFacts = {
  /** Content type of the envelope. @default the `contentType` option */
  readonly contentType?: string;
  /** Envelope category. */
  readonly category?: string;
  /** The authenticated agent; the audit actor. */
  readonly agentId?: string;
  /** The host's id for the content; the audit target. */
  readonly sourceId?: string;
  /** Client IP. @default Express `req.ip` (honours `trust proxy`), else the socket address */
  readonly ipAddress?: string;
  /** Audit actor type. @default 'agent' */
  readonly actorType?: AuditActorType;
};

/** Options of `ssg.middleware()` and `ssg.inspectRequest()`. */
export type HttpGateOptions<Req> = {
  /**
   * Body fields to inspect, as dotted paths (`'text'`, `'post.title'`). Present
   * string fields are joined with a newline; absent or null fields are skipped;
   * any other type is answered with 400.
   * @default ['text']
   */
  readonly fields?: readonly string[];
  /**
   * Largest accepted body, bytes (Content-Length, bytes read, or inspected text). Over it: 413.
   * @default 102400
   */
  readonly maxBodyBytes?: number;
  /**
   * Envelope content type when `extract` gives none.
   * @default 'POST'
   */
  readonly contentType?: string;
  /**
   * HTTP methods that are inspected; others pass untouched.
   * @default ['POST', 'PUT', 'PATCH']
   */
  readonly methods?: readonly string[];
  /**
   * On QUARANTINE: `'respond'` answers 202 with the quarantine id and does not
   * call the handler; `'next'` calls the handler (it must honour `req.ssgResult`).
   * @default 'respond'
   */
  readonly onQuarantine?: 'respond' | 'next';
  /** Status codes of the answers the gate gives. */
  readonly statusCodes?: {
    /** @default 403 */
    readonly block?: number;
    /** @default 202 */
    readonly quarantine?: number;
    /** When the quarantine or (fail-closed) audit sink failed. @default 503 */
    readonly unavailable?: number;
  };
  /** Reads actor, source id, content type etc. from the request (e.g. from your auth). */
  readonly extract?: (request: Req) => RequestFacts | Promise<RequestFacts>;
};

/** Options with defaults filled in. */
export type ResolvedHttpOptions<Req> = {
  readonly fields: readonly (readonly string[])[];
  readonly fieldNames: readonly string[];
  readonly maxBodyBytes: number;
  readonly contentType: string;
  readonly methods: ReadonlySet<string>;
  readonly onQuarantine: 'respond' | 'next';
  readonly blockStatus: number;
  readonly quarantineStatus: number;
  readonly unavailableStatus: number;
  readonly extract: ((request: Req) => RequestFacts | Promise<RequestFacts>) | undefined;
};

/** Default body limit, bytes (the same as `express.json()`'s 100 kB). */
export const DEFAULT_MAX_BODY_BYTES = 102_400;
const FIELD = /^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

function validateFields(value: unknown): string[] {
  if (value === undefined) return ['text'];
  if (!Array.isArray(value) || value.length === 0) {
    throw invalidConfig('fields', 'a non-empty array of dotted field paths');
  }
  return value.map((f: unknown, i) => {
    const ok = typeof f === 'string' && FIELD.test(f);
    if (!ok || f.split('.').some((s) => FORBIDDEN_SEGMENTS.has(s))) {
      throw invalidConfig(`fields[${i}]`, 'a dotted path such as "text" or "post.body"');
    }
    return f;
  });
}

function status(field: string, value: unknown, def: number): number {
  if (value === undefined) return def;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 200 || value > 599) {
    throw invalidConfig(field, 'an HTTP status code from 200 to 599');
  }
  return value;
}

function positiveInt(field: string, value: unknown, def: number): number {
  if (value === undefined) return def;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalidConfig(field, 'a positive integer');
  }
  return value;
}

function methods(value: unknown): ReadonlySet<string> {
  if (value === undefined) return new Set(['POST', 'PUT', 'PATCH']);
  if (!Array.isArray(value) || !value.every((m) => typeof m === 'string' && m !== '')) {
    throw invalidConfig('methods', 'an array of HTTP method names');
  }
  return new Set(value.map((m: string) => m.toUpperCase()));
}

/**
 * Validates HTTP gate options and fills in defaults.
 *
 * @param options - the host's options
 * @returns resolved options
 * @throws {SSGError} SSG_INVALID_CONFIG naming the offending option
 */
export function resolveHttpOptions<Req>(
  options: HttpGateOptions<Req> = {},
): ResolvedHttpOptions<Req> {
  const o = checkSSGOptions(options, HTTP_SPEC, { optional: true });
  const fieldNames = validateFields(o.fields);
  if (o.extract !== undefined && typeof o.extract !== 'function') {
    throw invalidConfig('extract', 'a function');
  }
  if (o.contentType !== undefined && (typeof o.contentType !== 'string' || o.contentType === '')) {
    throw invalidConfig('contentType', 'a non-empty string');
  }
  if (o.onQuarantine !== undefined && o.onQuarantine !== 'respond' && o.onQuarantine !== 'next') {
    throw invalidConfig('onQuarantine', "'respond' or 'next'");
  }
  const codes = checkSSGOptions(options.statusCodes, STATUS_CODES_SPEC, { optional: true });
  return {
    fields: fieldNames.map((f) => f.split('.')),
    fieldNames,
    maxBodyBytes: positiveInt('maxBodyBytes', o.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
    contentType: options.contentType ?? 'POST',
    methods: methods(o.methods),
    onQuarantine: options.onQuarantine ?? 'respond',
    blockStatus: status('statusCodes.block', codes.block, 403),
    quarantineStatus: status('statusCodes.quarantine', codes.quarantine, 202),
    unavailableStatus: status('statusCodes.unavailable', codes.unavailable, 503),
    extract: options.extract,
  };
}

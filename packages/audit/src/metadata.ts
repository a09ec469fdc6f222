/**
 * Metadata checks: plain JSON only, bounded size, and a guard against
 * obviously raw content. Produces the canonical JSON text that is stored
 * and hashed.
 */
import { AuditError, AuditErrorCode, isAuditError } from './errors.js';
import { hasLoneSurrogate } from './internal/unicode.js';

/** Limits applied to `metadata`. */
export type MetadataLimits = {
  /** Largest canonical JSON encoding, in UTF-8 bytes. */
  readonly maxMetadataBytes: number;
  /** Longest string value; longer strings are treated as raw content. */
  readonly maxMetadataStringLength: number;
  /** Deepest nesting of objects and arrays. */
  readonly maxMetadataDepth: number;
  /** Keys (compared case-insensitively) that may never appear at any depth. */
  readonly forbiddenMetadataKeys: ReadonlySet<string>;
};

/**
 * Keys that name raw content. A host that needs to record content refers to
 * it by id (quarantine record id) or keyed HMAC, never inline.
 */
export const DEFAULT_FORBIDDEN_METADATA_KEYS: readonly string[] = [
  'content',
  'text',
  'body',
  'raw',
  'rawcontent',
  'raw_content',
  'plaintext',
  'prompt',
  'completion',
  'password',
  'secret',
  'apikey',
  'api_key',
  'token',
];

const notSerializable = (): AuditError =>
  new AuditError(
    AuditErrorCode.METADATA_NOT_SERIALIZABLE,
    'metadata must be plain JSON: objects, arrays, strings, finite numbers, booleans, null',
    { field: 'metadata' },
  );

const rawContent = (): AuditError =>
  new AuditError(
    AuditErrorCode.METADATA_RAW_CONTENT,
    'metadata looks like raw content (forbidden key or overlong string); refer to content by id',
    { field: 'metadata' },
  );

/**
 * Validates metadata and returns its canonical JSON text.
 *
 * @param value - the event's metadata
 * @param limits - see {@link MetadataLimits}
 * @returns canonical JSON (sorted keys, no whitespace)
 * @throws {AuditError} AUDIT_METADATA_NOT_SERIALIZABLE, AUDIT_METADATA_RAW_CONTENT,
 *   AUDIT_METADATA_TOO_LARGE
 */
export function canonicalMetadata(value: unknown, limits: MetadataLimits): string {
  let text: string;
  try {
    if (!isPlainObject(value)) throw notSerializable();
    text = encode(value, limits, 0, new Set());
  } catch (error) {
    if (isAuditError(error)) throw error;
    // A getter or Proxy trap of the caller's object threw. Its error is not
    // kept as `cause`: its message may quote the very content we refuse.
    throw notSerializable();
  }
  if (Buffer.byteLength(text, 'utf8') > limits.maxMetadataBytes) {
    throw new AuditError(
      AuditErrorCode.METADATA_TOO_LARGE,
      'metadata is larger than limits.maxMetadataBytes once encoded',
      { field: 'metadata' },
    );
  }
  return text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function encodeString(s: string, limits: MetadataLimits): string {
  // PostgreSQL text cannot hold NUL; lone surrogates have no UTF-8 form.
  if (s.includes('\u0000') || hasLoneSurrogate(s)) throw notSerializable();
  if (s.length > limits.maxMetadataStringLength) throw rawContent();
  return JSON.stringify(s);
}

function encode(value: unknown, limits: MetadataLimits, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return encodeString(value, limits);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw notSerializable();
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw notSerializable();
  }
  if (value === null) return 'null';
  if (depth >= limits.maxMetadataDepth) throw notSerializable();
  if (seen.has(value)) throw notSerializable();
  seen.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = encodeArray(value, limits, depth, seen);
  } else if (isPlainObject(value)) {
    out = encodeObject(value, limits, depth, seen);
  } else {
    throw notSerializable();
  }
  seen.delete(value);
  return out;
}

function encodeArray(
  value: readonly unknown[],
  limits: MetadataLimits,
  depth: number,
  seen: Set<object>,
): string {
  const items: string[] = [];
  // An index loop, not map(): map() skips holes, and `[1, , 2]` would come out
  // as the invalid JSON `[1,,2]`, failing the whole batch in the database. A
  // hole reads as undefined, which is not JSON, like an undefined element.
  for (let i = 0; i < value.length; i++) items.push(encode(value[i], limits, depth + 1, seen));
  return `[${items.join(',')}]`;
}

function encodeObject(
  value: Record<string, unknown>,
  limits: MetadataLimits,
  depth: number,
  seen: Set<object>,
): string {
  if (Object.getOwnPropertySymbols(value).length > 0) throw notSerializable();
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    if (limits.forbiddenMetadataKeys.has(key.toLowerCase())) throw rawContent();
    const v = value[key];
    // Like JSON.stringify: a property whose value is undefined is left out.
    if (v === undefined) continue;
    parts.push(`${encodeString(key, limits)}:${encode(v, limits, depth + 1, seen)}`);
  }
  return `{${parts.join(',')}}`;
}

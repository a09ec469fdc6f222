/**
 * Validation of the envelope handed to `inspect` (bad input is a typed
 * error, checked before any plugin runs).
 */
import { SSGError, SSGErrorCode } from './errors.js';
import { checkSSGOptions, ENVELOPE_SPEC } from './internal/options.js';
import type { ContentEnvelope } from './types.js';

function invalidInput(field: string, expected: string): SSGError {
  return new SSGError(
    SSGErrorCode.INVALID_INPUT,
    `invalid input \`${field}\`: expected ${expected}`,
    {
      field,
    },
  );
}

/** Longest accepted identifiers: they travel into audit rows and quarantine records. */
const MAX_ID_LENGTH = 256;
const MAX_CONTENT_TYPE_LENGTH = 64;

/**
 * Matches a lone surrogate: with the `u` flag a well-formed pair is one code
 * point and never matches, so only an unpaired half does.
 */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The gate's one rule for ill-formed UTF-16: text or ids holding a lone
 * surrogate are refused before any plugin runs, so what is scanned, stored
 * in quarantine and audited is always the same well-formed string.
 */
function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

function optionalString(meta: Record<string, unknown>, key: string): void {
  const value = meta[key];
  if (
    value !== undefined &&
    (typeof value !== 'string' || value.length > MAX_ID_LENGTH || !isWellFormedText(value))
  ) {
    throw invalidInput(
      `metadata.${key}`,
      `a well-formed string of at most ${MAX_ID_LENGTH} characters`,
    );
  }
}

/**
 * Checks that `value` is a {@link ContentEnvelope}.
 *
 * @param value - what the caller passed to `inspect`
 * @returns a frozen copy (metadata copied one level deep)
 * @throws {SSGError} SSG_INVALID_INPUT naming the offending field
 */
export function validateEnvelope(value: unknown): ContentEnvelope {
  if (typeof value !== 'object' || value === null) throw invalidInput('envelope', 'an object');
  checkSSGOptions(value, ENVELOPE_SPEC);
  const e = value as Record<string, unknown>;
  if (typeof e.text !== 'string') throw invalidInput('text', 'a string');
  if (!isWellFormedText(e.text)) {
    throw invalidInput('text', 'well-formed UTF-16 (no lone surrogate)');
  }
  const { contentType, category } = e;
  if (
    typeof contentType !== 'string' ||
    contentType === '' ||
    contentType.length > MAX_CONTENT_TYPE_LENGTH ||
    !isWellFormedText(contentType)
  ) {
    throw invalidInput('contentType', 'a string of 1-64 characters such as POST or MESSAGE');
  }
  if (
    category !== undefined &&
    (typeof category !== 'string' || category.length > MAX_ID_LENGTH || !isWellFormedText(category))
  ) {
    throw invalidInput('category', `a well-formed string of at most ${MAX_ID_LENGTH} characters`);
  }
  if (e.metadata !== undefined) {
    if (typeof e.metadata !== 'object' || e.metadata === null) {
      throw invalidInput('metadata', 'an object');
    }
    const meta = e.metadata as Record<string, unknown>;
    optionalString(meta, 'agentId');
    optionalString(meta, 'sourceId');
    optionalString(meta, 'ipAddress');
  }
  // A frozen copy: plugins share one envelope, so none may change what the
  // others see or what the quarantine sink stores (e.g. by redacting in place).
  return Object.freeze({
    text: e.text,
    contentType,
    ...(category === undefined ? {} : { category }),
    ...(e.metadata === undefined ? {} : { metadata: Object.freeze({ ...e.metadata }) }),
  });
}

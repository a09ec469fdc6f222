import type { QuarantineStoreMetadata } from '@clawexchange/ssg';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { StoredMatch } from '../types.js';
import { checkQuarantineOptions, STORE_METADATA_SPEC } from './options.js';

/** In `u` mode a valid pair is one code point, so only lone halves match. */
const LONE_SURROGATE = /\p{Surrogate}/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function badInput(field: string, message: string): QuarantineError {
  return new QuarantineError(QuarantineErrorCode.INVALID_INPUT, message, { field });
}

/**
 * Whether PostgreSQL can hold `s` unchanged: text and jsonb refuse U+0000,
 * and a lone surrogate has no UTF-8 form (the driver would silently write
 * U+FFFD to a varchar; jsonb refuses its escape). Checked before any write,
 * so such input is the caller's error, never a database outage.
 */
function isStorable(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/** Whether every string (and object key) inside a JSON value is storable. */
function isStorableJson(value: unknown): boolean {
  if (typeof value === 'string') return isStorable(value);
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).every(([k, v]) => isStorable(k) && isStorableJson(v));
  }
  return true;
}

/**
 * Checks that `id` is a UUID (so it can be bound as `uuid` and never
 * reaches SQL or an object key unchecked) and returns it lower-cased.
 */
export function requireId(id: unknown, field = 'id'): string {
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new QuarantineError(QuarantineErrorCode.INVALID_ID, 'id is not a UUID', { field });
  }
  return id.toLowerCase();
}

/** Checks an optional short text field (≤ `max` characters). */
export function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > max || !isStorable(value)) {
    throw badInput(
      field,
      `expected a string of at most ${max} characters, without U+0000 or lone surrogates`,
    );
  }
  return value;
}

/** Validated metadata, ready to store. */
export type CleanMetadata = {
  readonly tier: string;
  readonly labels: readonly string[];
  readonly matches: readonly StoredMatch[];
  readonly pluginResults: readonly unknown[];
  readonly contentType: string | null;
  readonly sourceId: string | null;
  readonly agentId: string | null;
};

/**
 * Validates store metadata. Only redacted renderings of matches are kept
 * (offsets and anything else are dropped); plugin results must be JSON.
 */
export function cleanMetadata(metadata: unknown): CleanMetadata {
  if (typeof metadata !== 'object' || metadata === null) {
    throw badInput('metadata', 'expected a metadata object');
  }
  checkQuarantineOptions(metadata, STORE_METADATA_SPEC);
  const m = metadata as QuarantineStoreMetadata;
  if (typeof m.tier !== 'string' || m.tier === '' || m.tier.length > 32 || !isStorable(m.tier)) {
    throw badInput('metadata.tier', 'expected a tier string of at most 32 characters');
  }
  if (
    !Array.isArray(m.labels) ||
    !m.labels.every((l) => typeof l === 'string' && l.length <= 200 && isStorable(l))
  ) {
    throw badInput('metadata.labels', 'expected an array of label strings');
  }
  if (!Array.isArray(m.pluginResults)) {
    throw badInput('metadata.pluginResults', 'expected an array');
  }
  let pluginResults: unknown[];
  try {
    pluginResults = JSON.parse(JSON.stringify(m.pluginResults)) as unknown[];
  } catch {
    throw badInput('metadata.pluginResults', 'expected JSON-serialisable plugin results');
  }
  if (!isStorableJson(pluginResults)) {
    throw badInput('metadata.pluginResults', 'expected text without U+0000 or lone surrogates');
  }
  const matches = m.matches ?? [];
  if (
    !Array.isArray(matches) ||
    !matches.every(
      (x) =>
        typeof x?.label === 'string' &&
        typeof x?.redacted === 'string' &&
        isStorable(x.label) &&
        isStorable(x.redacted),
    )
  ) {
    throw badInput('metadata.matches', 'expected an array of { label, redacted }');
  }
  return {
    tier: m.tier,
    labels: [...m.labels],
    matches: matches.map((x) => ({ label: x.label, redacted: x.redacted })),
    pluginResults,
    contentType: optionalText(m.contentType, 'metadata.contentType', 64),
    sourceId: optionalText(m.sourceId, 'metadata.sourceId', 255),
    agentId: optionalText(m.agentId, 'metadata.agentId', 255),
  };
}

/**
 * Checks content: a string, at most `maxBytes` in UTF-8. Lone surrogates
 * are refused because UTF-8 cannot carry them (they would not round-trip).
 */
export function requireContent(content: unknown, maxBytes: number): Buffer {
  if (typeof content !== 'string') {
    throw new QuarantineError(QuarantineErrorCode.INVALID_CONTENT, 'content must be a string', {
      field: 'content',
    });
  }
  if (content.length > maxBytes) throw tooLarge();
  if (LONE_SURROGATE.test(content)) {
    throw new QuarantineError(
      QuarantineErrorCode.INVALID_CONTENT,
      'content contains lone surrogates and cannot be stored as UTF-8',
      { field: 'content' },
    );
  }
  const bytes = Buffer.from(content, 'utf8');
  if (bytes.length > maxBytes) throw tooLarge();
  return bytes;
}

function tooLarge(): QuarantineError {
  return new QuarantineError(
    QuarantineErrorCode.CONTENT_TOO_LARGE,
    'content exceeds limits.maxContentBytes',
    { field: 'content' },
  );
}

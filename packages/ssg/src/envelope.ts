/**
 * Validation of the envelope handed to `inspect` (bad input is a typed
 * error, checked before any plugin runs).
 */
import { SSGError, SSGErrorCode } from './errors.js';
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

function optionalString(meta: Record<string, unknown>, key: string): void {
  if (meta[key] !== undefined && typeof meta[key] !== 'string') {
    throw invalidInput(`metadata.${key}`, 'a string');
  }
}

/**
 * Checks that `value` is a {@link ContentEnvelope}.
 *
 * @param value - what the caller passed to `inspect`
 * @returns the same value, typed
 * @throws {SSGError} SSG_INVALID_INPUT naming the offending field
 */
export function validateEnvelope(value: unknown): ContentEnvelope {
  if (typeof value !== 'object' || value === null) throw invalidInput('envelope', 'an object');
  const e = value as Record<string, unknown>;
  if (typeof e.text !== 'string') throw invalidInput('text', 'a string');
  if (typeof e.contentType !== 'string' || e.contentType === '') {
    throw invalidInput('contentType', 'a non-empty string such as POST, COMMENT or MESSAGE');
  }
  if (e.category !== undefined && typeof e.category !== 'string') {
    throw invalidInput('category', 'a string');
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
  return value as ContentEnvelope;
}

import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { GeneratedDataKey, WrappedDataKey } from '../types.js';
import { KEY_BYTES } from './crypto.js';

/**
 * Master key ids: what `encryption_keys.master_key_id` (varchar 64) holds
 * and what can sit in a wrap AAD unambiguously.
 */
export const KEY_ID_PATTERN: RegExp = /^[A-Za-z0-9._:-]{1,64}$/;

function malformed(recordId: string): QuarantineError {
  return new QuarantineError(
    QuarantineErrorCode.KEY_PROVIDER_FAILED,
    'key provider returned a malformed key',
    { recordId },
  );
}

/**
 * Checks a provider's wrapped key before it is stored: a key id the column
 * cannot hold, or bytes that are not bytes, would otherwise fail in the
 * database (as an outage) or be stored unreadable.
 *
 * @throws {QuarantineError} QUARANTINE_KEY_PROVIDER_FAILED when malformed
 */
export function checkWrapped(value: unknown, recordId: string): WrappedDataKey {
  const w = value as Partial<WrappedDataKey> | null | undefined;
  if (
    !(w?.wrappedKey instanceof Uint8Array) ||
    typeof w.keyId !== 'string' ||
    !KEY_ID_PATTERN.test(w.keyId)
  ) {
    throw malformed(recordId);
  }
  return { keyId: w.keyId, wrappedKey: w.wrappedKey };
}

/**
 * Checks a plaintext data key from a provider: exactly 32 bytes, so a short
 * key never reaches the cipher (a RangeError) or gets rewrapped in place of
 * the real one during rotation.
 *
 * @throws {QuarantineError} QUARANTINE_KEY_PROVIDER_FAILED when malformed
 */
export function checkDataKey(value: unknown, recordId: string): Uint8Array {
  if (!(value instanceof Uint8Array) || value.length !== KEY_BYTES) throw malformed(recordId);
  return value;
}

/**
 * Checks `generateDataKey`'s answer: a well-formed wrapped key and a 32-byte data key.
 *
 * @throws {QuarantineError} QUARANTINE_KEY_PROVIDER_FAILED when malformed
 */
export function checkGenerated(value: unknown, recordId: string): GeneratedDataKey {
  const wrapped = checkWrapped(value, recordId);
  const plaintextKey = checkDataKey((value as GeneratedDataKey).plaintextKey, recordId);
  return { ...wrapped, plaintextKey };
}

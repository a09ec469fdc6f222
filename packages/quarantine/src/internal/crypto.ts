import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';

/** AES-256-GCM parameters: 32-byte keys, 12-byte IVs (NIST SP 800-38D), 16-byte tags. */
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/** Sealed bytes and what is needed to open them again. */
export type Sealed = {
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
};

/**
 * Encrypts with AES-256-GCM under a fresh random IV. A data key encrypts
 * exactly one message, so random IVs can never repeat under one key.
 */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/**
 * Decrypts and authenticates; any flipped bit in ciphertext, IV, tag or AAD
 * fails with QUARANTINE_INTEGRITY_FAILED.
 */
export function open(key: Uint8Array, sealed: Sealed, aad: Uint8Array, recordId?: string): Buffer {
  try {
    if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) {
      throw new Error('bad iv or tag length');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch (cause) {
    throw new QuarantineError(
      QuarantineErrorCode.INTEGRITY_FAILED,
      'content or key failed authentication',
      recordId === undefined ? { cause } : { cause, recordId },
    );
  }
}

/** Packs a sealed data key as IV ‖ ciphertext ‖ tag (what the local provider stores). */
export function pack(sealed: Sealed): Buffer {
  return Buffer.concat([sealed.iv, sealed.ciphertext, sealed.tag]);
}

/** Inverse of {@link pack}; a blob too short to hold IV and tag yields an empty ciphertext that fails auth. */
export function unpack(blob: Uint8Array): Sealed {
  const buf = Buffer.from(blob);
  if (buf.length < IV_BYTES + TAG_BYTES) {
    return { iv: Buffer.alloc(0), ciphertext: Buffer.alloc(0), tag: Buffer.alloc(0) };
  }
  return {
    iv: buf.subarray(0, IV_BYTES),
    ciphertext: buf.subarray(IV_BYTES, buf.length - TAG_BYTES),
    tag: buf.subarray(buf.length - TAG_BYTES),
  };
}

/**
 * Additional authenticated data for the content: binds the ciphertext to
 * its record and data key, so an object moved to another record fails.
 */
export function contentAad(recordId: string, dataKeyId: string): Buffer {
  return Buffer.from(`clawexchange-quarantine:content:v1\0${recordId}\0${dataKeyId}`, 'utf8');
}

/**
 * AAD for a wrapped data key: binds it to record, data key and master key,
 * so a wrapped key copied to another record (or relabelled) fails.
 */
export function wrapAad(recordId: string, dataKeyId: string, keyId: string): Buffer {
  return Buffer.from(`clawexchange-quarantine:dek:v1\0${recordId}\0${dataKeyId}\0${keyId}`, 'utf8');
}

/** Overwrites key material we no longer need (best effort: JS may hold copies). */
export function wipe(bytes: Uint8Array): void {
  bytes.fill(0);
}

/**
 * Decodes a base64 master key, insisting on canonical base64 of exactly 32
 * bytes. The message states what was expected and the decoded length,
 * never the value.
 */
export function decodeMasterKey(value: unknown, field: string): Buffer {
  if (value instanceof Uint8Array) {
    if (value.length !== KEY_BYTES) {
      throw invalidKey(field, `expected ${KEY_BYTES} bytes (got ${value.length} bytes)`);
    }
    return Buffer.from(value);
  }
  if (typeof value !== 'string' || value.length === 0) {
    throw invalidKey(field, `expected ${KEY_BYTES} bytes, base64`);
  }
  const trimmed = value.trim();
  const decoded = Buffer.from(trimmed, 'base64');
  const canonical = /^[A-Za-z0-9+/]*={0,2}$/.test(trimmed) && trimmed.length % 4 === 0;
  if (!canonical || decoded.toString('base64') !== trimmed) {
    throw invalidKey(field, `expected ${KEY_BYTES} bytes, base64 (not valid base64)`);
  }
  if (decoded.length !== KEY_BYTES) {
    throw invalidKey(field, `expected ${KEY_BYTES} bytes, base64 (got ${decoded.length} bytes)`);
  }
  return decoded;
}

function invalidKey(field: string, expectation: string): QuarantineError {
  return new QuarantineError(
    QuarantineErrorCode.INVALID_CONFIG,
    `invalid config \`${field}\`: ${expectation}`,
    { field },
  );
}

/**
 * The built-in key provider: local AES-256-GCM master keys in a keyring.
 */
import { randomBytes } from 'node:crypto';
import { QuarantineError, QuarantineErrorCode } from './errors.js';
import {
  decodeMasterKey,
  KEY_BYTES,
  open,
  pack,
  seal,
  unpack,
  wipe,
  wrapAad,
} from './internal/crypto.js';
import { checkQuarantineOptions, keyringSpec } from './internal/options.js';
import { KEY_ID_PATTERN } from './internal/provider-output.js';
import type { DataKeyContext, GeneratedDataKey, KeyProvider, WrappedDataKey } from './types.js';

/** Master keys by id, and which one wraps new data keys. */
export type Keyring = {
  /** Id of the key that wraps new and rotated data keys. */
  readonly activeKeyId: string;
  /** Base64 32-byte keys (or raw 32-byte arrays) by id. Remove an id to retire it. */
  readonly keys: Readonly<Record<string, string | Uint8Array>>;
};

/**
 * Creates a key provider from a local keyring. Data keys are wrapped with
 * AES-256-GCM under the active master key, with record id, data key id and
 * master key id bound as additional authenticated data. Keys live only in
 * this closure; the returned object exposes ids, never key bytes.
 *
 * @param keyring - master keys by id and the active id
 * @param field - config path used in error messages
 * @returns a {@link KeyProvider}
 * @throws {QuarantineError} QUARANTINE_INVALID_CONFIG when a key or id is malformed
 * @example
 * const provider = createLocalKeyProvider({ activeKeyId: '2026-11', keys: { '2026-11': newKey, '2026-05': oldKey } });
 */
export function createLocalKeyProvider(
  keyring: Keyring,
  field = 'encryption.keyring',
): KeyProvider {
  if (typeof keyring !== 'object' || keyring === null || typeof keyring.keys !== 'object') {
    throw new QuarantineError(
      QuarantineErrorCode.INVALID_CONFIG,
      `invalid config \`${field}\`: expected { activeKeyId, keys }`,
      { field },
    );
  }
  checkQuarantineOptions(keyring, keyringSpec(field));
  const keys = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(keyring.keys)) {
    if (!KEY_ID_PATTERN.test(id)) {
      throw new QuarantineError(
        QuarantineErrorCode.INVALID_CONFIG,
        `invalid config \`${field}.keys\`: key ids must match ${KEY_ID_PATTERN.source}`,
        { field: `${field}.keys` },
      );
    }
    keys.set(id, decodeMasterKey(value, `${field}.keys.${id}`));
  }
  const activeKeyId = keyring.activeKeyId;
  const active = typeof activeKeyId === 'string' ? keys.get(activeKeyId) : undefined;
  if (active === undefined) {
    throw new QuarantineError(
      QuarantineErrorCode.INVALID_CONFIG,
      `invalid config \`${field}.activeKeyId\`: expected the id of a key in \`keys\``,
      { field: `${field}.activeKeyId` },
    );
  }

  function wrapWithActive(plaintextKey: Uint8Array, context: DataKeyContext): WrappedDataKey {
    const aad = wrapAad(context.recordId, context.dataKeyId, activeKeyId);
    return { keyId: activeKeyId, wrappedKey: pack(seal(active as Buffer, plaintextKey, aad)) };
  }

  return {
    activeKeyId,
    hasKey: (keyId) => keys.has(keyId),
    async generateDataKey(context): Promise<GeneratedDataKey> {
      const plaintextKey = randomBytes(KEY_BYTES);
      return { ...wrapWithActive(plaintextKey, context), plaintextKey };
    },
    async wrapDataKey(plaintextKey, context) {
      return wrapWithActive(plaintextKey, context);
    },
    async unwrapDataKey(wrapped, context) {
      const master = keys.get(wrapped.keyId);
      if (master === undefined) {
        throw new QuarantineError(
          QuarantineErrorCode.KEY_UNAVAILABLE,
          'data key is wrapped by a master key that is not in the keyring',
          { recordId: context.recordId },
        );
      }
      const aad = wrapAad(context.recordId, context.dataKeyId, wrapped.keyId);
      const key = open(master, unpack(wrapped.wrappedKey), aad, context.recordId);
      if (key.length !== KEY_BYTES) {
        wipe(key);
        throw new QuarantineError(
          QuarantineErrorCode.INTEGRITY_FAILED,
          'content or key failed authentication',
          { recordId: context.recordId },
        );
      }
      return key;
    },
  };
}

/**
 * A key provider backed by AWS KMS (optional peer `@aws-sdk/client-kms`).
 */
import { QuarantineError, QuarantineErrorCode } from './errors.js';
import { checkQuarantineOptions, KMS_SPEC } from './internal/options.js';
import { KEY_ID_PATTERN } from './internal/provider-output.js';
import type { DataKeyContext, GeneratedDataKey, KeyProvider, WrappedDataKey } from './types.js';

/** The part of a `KMSClient` (from `@aws-sdk/client-kms`) this provider uses. */
export type KmsClientLike = {
  send(command: object): Promise<unknown>;
};

/** Options of {@link createKmsKeyProvider}. */
export type KmsKeyProviderOptions = {
  /** A `KMSClient` configured with region, credentials and (for tests) endpoint. */
  readonly client: KmsClientLike;
  /**
   * KMS keys by the short id stored with each wrapped data key (≤ 64 chars):
   * key id, ARN or alias. Keep an old id here until `keyUsage()` shows 0.
   */
  readonly keys: Readonly<Record<string, string>>;
  /** Short id of the KMS key that wraps new and rotated data keys. */
  readonly activeKeyId: string;
};

type KmsModule = {
  GenerateDataKeyCommand: new (input: object) => object;
  EncryptCommand: new (input: object) => object;
  DecryptCommand: new (input: object) => object;
};

/** KMS errors that mean "this ciphertext or context is not authentic". */
const AUTH_FAILURES = new Set(['InvalidCiphertextException', 'IncorrectKeyException']);

function invalid(field: string, expectation: string): QuarantineError {
  return new QuarantineError(
    QuarantineErrorCode.INVALID_CONFIG,
    `invalid config \`${field}\`: ${expectation}`,
    { field },
  );
}

/** Sends one KMS command; an authentication refusal becomes INTEGRITY_FAILED. */
async function send<T>(
  client: KmsClientLike,
  sdk: () => Promise<KmsModule>,
  make: (m: KmsModule) => object,
  context: DataKeyContext,
): Promise<T> {
  try {
    return (await client.send(make(await sdk()))) as T;
  } catch (cause) {
    const name = (cause as { name?: unknown })?.name;
    const code =
      typeof name === 'string' && AUTH_FAILURES.has(name)
        ? QuarantineErrorCode.INTEGRITY_FAILED
        : QuarantineErrorCode.KEY_PROVIDER_FAILED;
    throw new QuarantineError(
      code,
      code === QuarantineErrorCode.INTEGRITY_FAILED
        ? 'content or key failed authentication'
        : 'key provider request failed',
      { cause, recordId: context.recordId },
    );
  }
}

/** The KMS encryption context that binds a data key to its record. */
function encryptionContext(c: DataKeyContext): Record<string, string> {
  return {
    'clawexchange:quarantine:recordId': c.recordId,
    'clawexchange:quarantine:dataKeyId': c.dataKeyId,
  };
}

/** Checks that KMS returned bytes (of the expected length, when given). */
function bytes(value: unknown, expected: number | undefined, context: DataKeyContext): Uint8Array {
  if (!(value instanceof Uint8Array) || (expected !== undefined && value.length !== expected)) {
    throw new QuarantineError(
      QuarantineErrorCode.KEY_PROVIDER_FAILED,
      'key provider returned a malformed key',
      { recordId: context.recordId },
    );
  }
  return value;
}

/**
 * Creates a {@link KeyProvider} on AWS KMS: `GenerateDataKey` (AES_256) for
 * new records, `Encrypt` to rewrap during rotation, `Decrypt` to unwrap.
 * Record id and data key id travel as the KMS encryption context, so KMS
 * refuses a wrapped key presented for another record. The SDK module is
 * loaded on first use, so hosts without KMS never need it installed.
 * Use with `encryption: { keyProvider, tokenSecret }`.
 *
 * @param options - client, keys by short id, active id
 * @returns a KeyProvider
 * @throws {QuarantineError} QUARANTINE_INVALID_CONFIG for a missing client or unknown active id
 * @example
 * const keyProvider = createKmsKeyProvider({
 *   client: new KMSClient({ region: 'eu-west-1' }),
 *   keys: { 'kms-2026': 'alias/clawexchange-quarantine' },
 *   activeKeyId: 'kms-2026',
 * });
 */
export function createKmsKeyProvider(options: KmsKeyProviderOptions): KeyProvider {
  if (typeof options?.client?.send !== 'function') {
    throw invalid('encryption.keyProvider.client', 'expected a KMSClient');
  }
  checkQuarantineOptions(options, KMS_SPEC);
  const keys = new Map<string, string>();
  for (const [id, kmsKeyId] of Object.entries(options.keys ?? {})) {
    if (!KEY_ID_PATTERN.test(id) || typeof kmsKeyId !== 'string' || kmsKeyId === '') {
      throw invalid('encryption.keyProvider.keys', 'expected short ids mapped to KMS key ids');
    }
    keys.set(id, kmsKeyId);
  }
  const activeKeyId = options.activeKeyId;
  const activeKms = keys.get(activeKeyId);
  if (activeKms === undefined) {
    throw invalid('encryption.keyProvider.activeKeyId', 'expected the id of a key in `keys`');
  }
  const client = options.client;
  let loaded: Promise<KmsModule> | undefined;
  const sdk = (): Promise<KmsModule> => {
    loaded ??= import('@aws-sdk/client-kms') as Promise<unknown> as Promise<KmsModule>;
    return loaded;
  };

  const call = <T>(make: (m: KmsModule) => object, context: DataKeyContext): Promise<T> =>
    send<T>(client, sdk, make, context);

  return {
    activeKeyId,
    hasKey: (keyId) => keys.has(keyId),
    async generateDataKey(context): Promise<GeneratedDataKey> {
      const out = await call<{ CiphertextBlob?: unknown; Plaintext?: unknown }>(
        (m) =>
          new m.GenerateDataKeyCommand({
            KeyId: activeKms,
            KeySpec: 'AES_256',
            EncryptionContext: encryptionContext(context),
          }),
        context,
      );
      return {
        keyId: activeKeyId,
        wrappedKey: bytes(out.CiphertextBlob, undefined, context),
        plaintextKey: bytes(out.Plaintext, 32, context),
      };
    },
    async wrapDataKey(plaintextKey, context): Promise<WrappedDataKey> {
      const out = await call<{ CiphertextBlob?: unknown }>(
        (m) =>
          new m.EncryptCommand({
            KeyId: activeKms,
            Plaintext: plaintextKey,
            EncryptionContext: encryptionContext(context),
          }),
        context,
      );
      return { keyId: activeKeyId, wrappedKey: bytes(out.CiphertextBlob, undefined, context) };
    },
    async unwrapDataKey(wrapped, context) {
      const kmsKeyId = keys.get(wrapped.keyId);
      if (kmsKeyId === undefined) {
        throw new QuarantineError(
          QuarantineErrorCode.KEY_UNAVAILABLE,
          'data key is wrapped by a master key that is not in the keyring',
          { recordId: context.recordId },
        );
      }
      const out = await call<{ Plaintext?: unknown }>(
        (m) =>
          new m.DecryptCommand({
            KeyId: kmsKeyId,
            CiphertextBlob: wrapped.wrappedKey,
            EncryptionContext: encryptionContext(context),
          }),
        context,
      );
      // KMS's own buffer, not a copy: the caller wipes it after use.
      return bytes(out.Plaintext, 32, context);
    },
  };
}

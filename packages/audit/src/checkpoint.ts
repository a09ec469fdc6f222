/**
 * Signed checkpoints of the chain head (HMAC-SHA256 or Ed25519), so a head
 * exported to storage the database admins cannot write can later prove that
 * the chain still contains it.
 */
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  KeyObject,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import { AuditError, AuditErrorCode } from './errors.js';
import type { AuditCheckpoint } from './types.js';

/**
 * The key checkpoints are signed and checked with. Keep it out of the
 * database: whoever holds it can forge checkpoints.
 */
export type AuditCheckpointKey =
  | {
      readonly algorithm: 'hmac-sha256';
      /** At least 32 bytes. */
      readonly secret: Uint8Array;
      /** An id stored in the checkpoint so the right key is picked later. */
      readonly keyId?: string;
    }
  | {
      readonly algorithm: 'ed25519';
      /** Private key (KeyObject or PEM); needed by `head()`. */
      readonly privateKey?: KeyObject | string;
      /** Public key (KeyObject or PEM); derived from `privateKey` when absent. */
      readonly publicKey?: KeyObject | string;
      readonly keyId?: string;
    };

/** A validated key, with the secret material closed over. */
export type CheckpointSigner = {
  readonly algorithm: 'hmac-sha256' | 'ed25519';
  readonly keyId: string | null;
  readonly canSign: boolean;
  sign(payload: string): string;
  verify(payload: string, signature: string): boolean;
};

const invalidKey = (field: string, expected: string, cause?: unknown): AuditError =>
  new AuditError(
    AuditErrorCode.INVALID_CONFIG,
    `invalid config \`${field}\`: expected ${expected}`,
    {
      field,
      cause,
    },
  );

/**
 * Validates a checkpoint key and returns a signer that keeps it in a closure.
 *
 * @param key - the host's key
 * @param field - config path used in error messages
 * @returns the signer
 * @throws {AuditError} AUDIT_INVALID_CONFIG when the key is malformed
 */
export function createCheckpointSigner(
  key: AuditCheckpointKey,
  field = 'checkpointKey',
): CheckpointSigner {
  const keyId = key.keyId ?? null;
  if (keyId !== null && (typeof keyId !== 'string' || keyId.length > 128)) {
    throw invalidKey(`${field}.keyId`, 'a string of at most 128 characters');
  }
  if (key.algorithm === 'hmac-sha256') {
    if (!(key.secret instanceof Uint8Array) || key.secret.byteLength < 32) {
      throw invalidKey(`${field}.secret`, 'at least 32 bytes (Uint8Array)');
    }
    const secret = Buffer.from(key.secret);
    const mac = (payload: string): Buffer => createHmac('sha256', secret).update(payload).digest();
    return {
      algorithm: 'hmac-sha256',
      keyId,
      canSign: true,
      sign: (payload) => mac(payload).toString('base64url'),
      verify: (payload, signature) => {
        const given = Buffer.from(signature, 'base64url');
        const expected = mac(payload);
        return given.length === expected.length && timingSafeEqual(given, expected);
      },
    };
  }
  if (key.algorithm !== 'ed25519')
    throw invalidKey(`${field}.algorithm`, "'hmac-sha256' or 'ed25519'");
  let privateKey: KeyObject | null = null;
  let publicKey: KeyObject;
  try {
    if (key.privateKey instanceof KeyObject) privateKey = key.privateKey;
    else if (key.privateKey !== undefined) privateKey = createPrivateKey(key.privateKey);
  } catch (cause) {
    throw invalidKey(`${field}.privateKey`, 'an Ed25519 private key (KeyObject or PEM)', cause);
  }
  try {
    if (key.publicKey instanceof KeyObject && key.publicKey.type === 'public') {
      publicKey = key.publicKey;
    } else {
      publicKey = createPublicKey(key.publicKey ?? privateKey ?? '');
    }
  } catch (cause) {
    throw invalidKey(`${field}.publicKey`, 'an Ed25519 public key (KeyObject or PEM)', cause);
  }
  if (
    publicKey.asymmetricKeyType !== 'ed25519' ||
    (privateKey && privateKey.asymmetricKeyType !== 'ed25519')
  ) {
    throw invalidKey(field, 'an Ed25519 key pair');
  }
  const priv = privateKey;
  return {
    algorithm: 'ed25519',
    keyId,
    canSign: priv !== null,
    sign: (payload) => {
      if (priv === null) throw keyMissing();
      return sign(null, Buffer.from(payload), priv).toString('base64url');
    },
    verify: (payload, signature) =>
      verify(null, Buffer.from(payload), publicKey, Buffer.from(signature, 'base64url')),
  };
}

function keyMissing(): AuditError {
  return new AuditError(
    AuditErrorCode.CHECKPOINT_KEY_MISSING,
    'signing a checkpoint needs checkpointKey with a private key or HMAC secret',
    { field: 'checkpointKey' },
  );
}

/**
 * The bytes a checkpoint signature covers.
 *
 * @param c - the checkpoint fields
 * @returns the canonical payload
 */
export function checkpointPayload(c: Omit<AuditCheckpoint, 'signature'>): string {
  return JSON.stringify(['audit.checkpoint.v1', c.seq, c.hash, c.createdAt, c.algorithm, c.keyId]);
}

/**
 * Builds and signs a checkpoint.
 *
 * @param signer - from {@link createCheckpointSigner}
 * @param head - sequence and hash of the chain head, and the time
 * @returns the signed checkpoint
 * @throws {AuditError} AUDIT_CHECKPOINT_KEY_MISSING when the key cannot sign
 */
export function signCheckpoint(
  signer: CheckpointSigner,
  head: { readonly seq: number; readonly hash: string; readonly at: Date },
): AuditCheckpoint {
  if (!signer.canSign) throw keyMissing();
  const body = {
    version: 1 as const,
    seq: head.seq,
    hash: head.hash,
    createdAt: head.at.toISOString(),
    algorithm: signer.algorithm,
    keyId: signer.keyId,
  };
  return { ...body, signature: signer.sign(checkpointPayload(body)) };
}

/**
 * Checks a checkpoint's shape and signature.
 *
 * @param checkpoint - as exported by `head()` (possibly parsed from JSON)
 * @param key - the key it was signed with (for Ed25519 the public key suffices)
 * @returns the checkpoint, typed
 * @throws {AuditError} AUDIT_INVALID_CHECKPOINT when malformed or the signature fails
 */
export function verifyAuditCheckpoint(
  checkpoint: unknown,
  key: AuditCheckpointKey | CheckpointSigner,
): AuditCheckpoint {
  const signer = 'sign' in key ? key : createCheckpointSigner(key);
  const c = checkpoint as Partial<AuditCheckpoint> | null;
  const wellFormed =
    typeof c === 'object' &&
    c !== null &&
    c.version === 1 &&
    Number.isSafeInteger(c.seq) &&
    (c.seq ?? -1) >= 0 &&
    typeof c.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(c.hash) &&
    typeof c.createdAt === 'string' &&
    c.algorithm === signer.algorithm &&
    (c.keyId === null || typeof c.keyId === 'string') &&
    typeof c.signature === 'string';
  if (!wellFormed) {
    throw new AuditError(
      AuditErrorCode.INVALID_CHECKPOINT,
      'checkpoint is malformed or uses another algorithm',
      {
        field: 'checkpoint',
      },
    );
  }
  const typed = c as AuditCheckpoint;
  let good = false;
  try {
    good = signer.verify(checkpointPayload(typed), typed.signature);
  } catch (cause) {
    throw new AuditError(
      AuditErrorCode.INVALID_CHECKPOINT,
      'checkpoint signature does not verify',
      {
        field: 'checkpoint.signature',
        cause,
      },
    );
  }
  if (!good) {
    throw new AuditError(
      AuditErrorCode.INVALID_CHECKPOINT,
      'checkpoint signature does not verify',
      {
        field: 'checkpoint.signature',
      },
    );
  }
  return {
    version: 1,
    seq: typed.seq,
    hash: typed.hash,
    createdAt: typed.createdAt,
    algorithm: typed.algorithm,
    keyId: typed.keyId,
    signature: typed.signature,
  };
}

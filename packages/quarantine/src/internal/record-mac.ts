/**
 * Record authentication (issue 16): an HMAC-SHA256 over a canonical
 * encoding of everything that decides how a record is handled, so a
 * database writer who edits a row (tier, labels, status, expiry, key ids,
 * object key, …) is detected on the next read, listing or cleanup.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** HKDF `info` of record MAC keys: never equal to a wrapping or token key. */
const RECORD_MAC_INFO = 'clawexchange-quarantine:record-mac:v1';
const RECORD_DOMAIN = 'clawexchange-quarantine:record:v1';
const SEAL_DOMAIN = 'clawexchange-quarantine:object-seal:v1';

/** The MAC keys a service holds, by id, and the id new MACs use. */
export type MacKeys = {
  /** Id of the key every new or rewritten MAC uses. */
  readonly activeId: string;
  /** The key of `id`, or undefined when this service does not hold it. */
  readonly get: (id: string) => Buffer | undefined;
  /**
   * True when MAC key ids are master key ids (local keyring): `keyUsage()`
   * then counts records MACed by a master key as still needing it.
   */
  readonly followMasterKeys: boolean;
};

/** Derives a 32-byte MAC key from secret input keying material. */
export function deriveMacKey(ikm: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), RECORD_MAC_INFO, 32));
}

/**
 * MAC keys from a map of id → derived key.
 *
 * @param keys - derived keys by id (see {@link deriveMacKey})
 * @param activeId - the id new MACs use; must be in `keys`
 * @param followMasterKeys - whether the ids are master key ids
 */
export function macKeysFrom(
  keys: ReadonlyMap<string, Buffer>,
  activeId: string,
  followMasterKeys: boolean,
): MacKeys {
  const copy = new Map(keys);
  return { activeId, get: (id) => copy.get(id), followMasterKeys };
}

/** Everything a record MAC covers. */
export type MacFields = {
  readonly id: string;
  readonly status: string;
  readonly tier: string;
  readonly labels: readonly string[];
  readonly matches: readonly { readonly label: string; readonly redacted: string }[];
  readonly contentType: string | null;
  readonly sourceId: string | null;
  readonly agentId: string | null;
  readonly s3Key: string;
  readonly sizeBytes: number;
  readonly version: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly reviewedBy: string | null;
  readonly reviewedAt: Date | null;
  readonly notes: string | null;
  /** The data key's id while the content is held; null once shredded. */
  readonly dataKeyId: string | null;
  /** The master key wrapping the data key; null once shredded. */
  readonly masterKeyId: string | null;
  /** Id of the MAC key (bound too, so a MAC cannot be moved to another key's name). */
  readonly macKeyId: string;
};

/**
 * The canonical bytes a record MAC covers: a JSON array in fixed order of
 * strings, numbers and nulls only (JSON.stringify of those is
 * deterministic, and the array framing makes the encoding unambiguous).
 * The installation id is deliberately not covered: the README lets an
 * operator draw a new one (a copied database) and promises that existing
 * records stay readable; the object key, which is covered, already names
 * the installation a record was stored under. Timestamps are milliseconds since the epoch (what the service writes;
 * PostgreSQL keeps them exactly). `pluginResults` is not covered: it is
 * free-form JSON that `jsonb` re-orders, and decides nothing.
 */
export function canonicalRecord(f: MacFields): Buffer {
  return Buffer.from(
    JSON.stringify([
      RECORD_DOMAIN,
      f.id,
      f.status,
      f.tier,
      [...f.labels],
      f.matches.map((m) => [m.label, m.redacted]),
      f.contentType,
      f.sourceId,
      f.agentId,
      f.s3Key,
      f.sizeBytes,
      f.version,
      f.createdAt.getTime(),
      f.expiresAt.getTime(),
      f.reviewedBy,
      f.reviewedAt === null ? null : f.reviewedAt.getTime(),
      f.notes,
      f.dataKeyId,
      f.masterKeyId,
      f.macKeyId,
    ]),
    'utf8',
  );
}

/** HMAC-SHA256 of the record's canonical encoding. */
export function recordMac(key: Buffer, f: MacFields): Buffer {
  return createHmac('sha256', key).update(canonicalRecord(f)).digest();
}

/** Constant-time comparison of a stored MAC with the expected one. */
export function macMatches(key: Buffer, f: MacFields, stored: Uint8Array): boolean {
  const expected = recordMac(key, f);
  return stored.length === expected.length && timingSafeEqual(Buffer.from(stored), expected);
}

/** What the object seal binds: the record and its real expiry. */
export type SealFields = {
  readonly id: string;
  readonly expiresAt: Date;
};

/**
 * The seal written into the object's metadata at store time: an HMAC of
 * record id and expiry. The database writer cannot change
 * it, so `cleanup()` can still shred a tampered record at its real expiry.
 */
export function objectSeal(key: Buffer, f: SealFields): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([SEAL_DOMAIN, f.id, f.expiresAt.getTime()]))
    .digest('base64url');
}

/** Whether `seal` is the genuine seal of `f` under `key` (constant time). */
export function sealMatches(key: Buffer, f: SealFields, seal: string): boolean {
  const expected = Buffer.from(objectSeal(key, f), 'utf8');
  const given = Buffer.from(seal, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

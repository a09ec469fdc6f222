/**
 * Checking and writing record MACs (issue 16). Every path that hands out a
 * record or acts on one (getMetadata, list, read, release, updateStatus,
 * delete, access tokens, cleanup, rotation) goes through
 * {@link requireAuthentic} or {@link judge}; every legitimate write
 * computes a new MAC with {@link macFor} in the same statement.
 */
import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { Context } from './context.js';
import { keyShape, type ObjectSealMeta, sealOf } from './object-keys.js';
import { type MacFields, macMatches, objectSeal, recordMac, sealMatches } from './record-mac.js';
import type { LoadedRecord, RecordAuth, StoredRecord, WrittenMac } from './repository.js';

/** What a check concluded. */
export type Verdict =
  | { readonly ok: true; readonly legacy: boolean }
  | { readonly ok: false; readonly reason: TamperReason };

/**
 * Why a record was refused: its MAC does not match (`mac_mismatch`), names
 * a key this service does not hold (`unknown_key`), or is missing from a
 * record that is not a legacy one (`mac_missing`: its object is sealed, or
 * its object key is not its own).
 */
export type TamperReason = 'mac_mismatch' | 'unknown_key' | 'mac_missing';

/** Where a record was checked (metric and log attribute). */
export type Operation =
  | 'get_metadata'
  | 'list'
  | 'read'
  | 'release'
  | 'update_status'
  | 'access_token'
  | 'cleanup'
  | 'rotate_keys';

/** The MAC input of a record with the key ids it binds. */
export function macFields(
  r: StoredRecord,
  keys: Pick<RecordAuth, 'dataKeyId' | 'masterKeyId'>,
  macKeyId: string,
): MacFields {
  return {
    id: r.id,
    status: r.status,
    tier: r.tier,
    labels: r.labels,
    matches: r.matches,
    contentType: r.contentType,
    sourceId: r.sourceId,
    agentId: r.agentId,
    s3Key: r.s3Key,
    sizeBytes: r.sizeBytes,
    version: r.version,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt,
    notes: r.notes,
    dataKeyId: keys.dataKeyId,
    masterKeyId: keys.masterKeyId,
    macKeyId,
  };
}

/**
 * The MAC of `record` as it will be written, under the active MAC key.
 *
 * @param keys - the key row ids the record will have (null once shredded)
 */
export function macFor(
  ctx: Context,
  record: StoredRecord,
  keys: Pick<RecordAuth, 'dataKeyId' | 'masterKeyId'>,
): WrittenMac {
  const keyId = ctx.macKeys.activeId;
  const key = ctx.macKeys.get(keyId) as Buffer;
  return { mac: recordMac(key, macFields(record, keys, keyId)), keyId };
}

/** The seal a new object carries: its record's real expiry, authenticated. */
export function sealFor(
  ctx: Context,
  s: { readonly id: string; readonly expiresAt: Date },
): ObjectSealMeta {
  const keyId = ctx.macKeys.activeId;
  const key = ctx.macKeys.get(keyId) as Buffer;
  return { expiresAt: s.expiresAt, seal: objectSeal(key, s), keyId };
}

/**
 * The object a record names, if its key has the shape this package writes
 * (under our prefix, legacy or with an installation id) and ends in the
 * record's own id: a tampered `s3_key` pointing at another record's object
 * is never followed. (Deleting it still requires it to be provably this
 * installation's, see `removeRecordedObject`.)
 */
export function namedObjectKey(ctx: Context, r: StoredRecord): string | null {
  if (!r.s3Key.startsWith(ctx.prefix) || !r.s3Key.endsWith(`/${r.id}`)) return null;
  return keyShape(ctx.prefix, r.s3Key).kind === 'unknown' ? null : r.s3Key;
}

/**
 * A row without a MAC is legacy (written before the `0004-add-record-mac`
 * step) only if its object key is its own and that object carries no seal
 * (every object stored since carries one): otherwise the MAC was removed.
 * With `integrity.legacyRecords: 'refuse'` no row without a MAC is legacy.
 */
async function judgeUnmaced(ctx: Context, loaded: LoadedRecord): Promise<Verdict> {
  const { record: r, auth } = loaded;
  if (ctx.refuseLegacy) return { ok: false, reason: 'mac_missing' };
  // A genuine record that is not final always has its data key (final states
  // delete it in the same transaction): one without is a shredded row dressed up.
  const final = r.status === 'RELEASED' || r.status === 'DELETED' || r.status === 'EXPIRED';
  if (!final && auth.dataKeyId === null) return { ok: false, reason: 'mac_missing' };
  const key = namedObjectKey(ctx, r);
  if (key === null) return { ok: false, reason: 'mac_missing' };
  const head = await ctx.objects.head(key);
  if (head !== null && sealOf(head.metadata) !== null) return { ok: false, reason: 'mac_missing' };
  return { ok: true, legacy: true };
}

/** Whether a loaded record is authentic, legacy, or tampered (no side effects). */
export async function judge(ctx: Context, loaded: LoadedRecord): Promise<Verdict> {
  const { record, auth } = loaded;
  if (auth.mac === null && auth.macKeyId === null) return judgeUnmaced(ctx, loaded);
  if (auth.mac === null || auth.macKeyId === null) return { ok: false, reason: 'mac_mismatch' };
  const key = ctx.macKeys.get(auth.macKeyId);
  if (key === undefined) return { ok: false, reason: 'unknown_key' };
  const ok = macMatches(key, macFields(record, auth, auth.macKeyId), auth.mac);
  return ok ? { ok: true, legacy: false } : { ok: false, reason: 'mac_mismatch' };
}

/**
 * The error a refused record raises: QUARANTINE_RECORD_TAMPERED, or
 * QUARANTINE_KEY_UNAVAILABLE when its MAC names a key this service does not
 * hold (a key retired while `keyUsage()` still counted it, or a forged key
 * id: refused and alarmed either way).
 */
export function tamperedError(recordId: string, reason: TamperReason): QuarantineError {
  if (reason === 'unknown_key') {
    return new QuarantineError(
      QuarantineErrorCode.KEY_UNAVAILABLE,
      'record is authenticated by a master key that is not in the keyring',
      { recordId },
    );
  }
  return new QuarantineError(
    QuarantineErrorCode.RECORD_TAMPERED,
    'record metadata failed authentication; the record is refused',
    { recordId },
  );
}

/**
 * Raises the alarm for a refused record: an error log line with the stable
 * code and a `tampered_records` count. Ids and reasons only, never field values.
 */
export function alarm(ctx: Context, recordId: string, op: Operation, reason: TamperReason): void {
  ctx.metrics.tampered.add(1, { operation: op, reason });
  ctx.logger.error(
    { recordId, operation: op, reason, code: QuarantineErrorCode.RECORD_TAMPERED },
    'quarantine: record metadata failed authentication; refused',
  );
}

/** Notes a legacy record served without a MAC (warning and `unauthenticated_records`). */
function warnLegacy(ctx: Context, recordId: string, op: Operation): void {
  ctx.metrics.unauthenticated.add(1, { operation: op });
  ctx.logger.warn(
    { recordId, operation: op },
    'quarantine: record has no MAC yet (written before 0004-add-record-mac); run rotateKeys()',
  );
}

/**
 * Checks a loaded record and returns it, or refuses it.
 *
 * @throws {QuarantineError} QUARANTINE_RECORD_TAMPERED (alarmed) when its metadata is not
 *   authentic; QUARANTINE_KEY_UNAVAILABLE (alarmed) when its MAC key is not held
 */
export async function requireAuthentic(
  ctx: Context,
  loaded: LoadedRecord,
  op: Operation,
): Promise<StoredRecord> {
  const verdict = await judge(ctx, loaded);
  if (!verdict.ok) {
    alarm(ctx, loaded.record.id, op, verdict.reason);
    throw tamperedError(loaded.record.id, verdict.reason);
  }
  if (verdict.legacy) warnLegacy(ctx, loaded.record.id, op);
  return loaded.record;
}

/**
 * The real expiry of a record whose row cannot be trusted, from the seal
 * its object carries (the database writer cannot change it), or null when
 * it cannot be proven (legacy object, object gone or not its own, seal
 * invalid or made by a key this service does not hold).
 */
export async function sealedExpiry(ctx: Context, r: StoredRecord): Promise<Date | null> {
  const key = namedObjectKey(ctx, r);
  if (key === null) return null;
  const head = await ctx.objects.head(key);
  const seal = head === null ? null : sealOf(head.metadata);
  const macKey = seal === null ? undefined : ctx.macKeys.get(seal.keyId);
  if (seal === null || macKey === undefined) return null;
  const genuine = sealMatches(macKey, { id: r.id, expiresAt: seal.expiresAt }, seal.seal);
  return genuine ? seal.expiresAt : null;
}

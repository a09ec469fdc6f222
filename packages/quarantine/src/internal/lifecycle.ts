import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { QuarantineRecord, QuarantineStatus, UpdateStatusOptions } from '../types.js';
import { type Context, errorFields } from './context.js';
import { contentAad, open, wipe } from './crypto.js';
import { macFor, type Operation, requireAuthentic } from './integrity.js';
import { keyShape } from './object-keys.js';
import {
  findKey,
  findLoaded,
  findRecord,
  markObjectDeleted,
  type StoredRecord,
} from './repository.js';
import { canTransition, isFinal, isHeld, isStatus } from './state-machine.js';
import { changeStatus } from './status-change.js';
import { optionalText, requireId } from './validate.js';

const fatal = (code: QuarantineErrorCode, message: string, recordId: string): QuarantineError =>
  new QuarantineError(code, message, { recordId });

/**
 * A visible record (PENDING is internal), or null. Authenticated first, so
 * a held record made to look PENDING is refused, not hidden.
 *
 * @throws {QuarantineError} QUARANTINE_RECORD_TAMPERED (alarmed) when the row fails authentication
 */
export async function getVisible(
  ctx: Context,
  rawId: unknown,
  op: Operation = 'get_metadata',
): Promise<QuarantineRecord | null> {
  const id = requireId(rawId);
  const loaded = await findLoaded(ctx.db, id);
  if (loaded === null) return null;
  const record = await requireAuthentic(ctx, loaded, op);
  if (record.status === 'PENDING') return null;
  return record as QuarantineRecord;
}

/** A visible, authenticated record or QUARANTINE_NOT_FOUND. */
export async function requireVisible(
  ctx: Context,
  rawId: unknown,
  op: Operation,
): Promise<QuarantineRecord> {
  const record = await getVisible(ctx, rawId, op);
  if (record === null) {
    throw new QuarantineError(QuarantineErrorCode.NOT_FOUND, 'no quarantine record with this id', {
      field: 'id',
    });
  }
  return record;
}

/** The error for content that is no longer held. */
function gone(recordId: string): QuarantineError {
  return fatal(
    QuarantineErrorCode.CONTENT_UNAVAILABLE,
    'content is no longer held (released, deleted or expired)',
    recordId,
  );
}

/** A record whose content is still held and not past its expiry. */
async function requireHeld(ctx: Context, rawId: unknown): Promise<QuarantineRecord> {
  const record = await requireVisible(ctx, rawId, 'read');
  if (!isHeld(record.status) || record.expiresAt.getTime() <= ctx.now().getTime()) {
    throw gone(record.id);
  }
  return record;
}

/**
 * Why key or object of a record read as held is missing. A decision that
 * committed after our read (delete, release, expiry) destroys both: that is
 * `raced` — not an outage — for the caller to name. Only if the record is
 * unchanged is something genuinely lost.
 */
async function missing(
  ctx: Context,
  record: QuarantineRecord,
  what: 'key' | 'object',
  raced: (recordId: string) => QuarantineError,
): Promise<QuarantineError> {
  const now = await findRecord(ctx.db, record.id);
  if (now === null || now.version !== record.version) return raced(record.id);
  return what === 'key'
    ? fatal(QuarantineErrorCode.CONTENT_UNAVAILABLE, 'content key is destroyed', record.id)
    : fatal(QuarantineErrorCode.STORAGE_FAILED, 'content object is missing', record.id);
}

/** Fetches object and envelope and decrypts; any tampering → INTEGRITY_FAILED. */
async function decrypt(
  ctx: Context,
  record: QuarantineRecord,
  raced: (recordId: string) => QuarantineError,
): Promise<string> {
  const key = await findKey(ctx.db, record.id);
  if (key === null) throw await missing(ctx, record, 'key', raced);
  const body = await ctx.objects.get(record.s3Key);
  if (body === null) throw await missing(ctx, record, 'object', raced);
  const context = { recordId: record.id, dataKeyId: key.dataKeyId };
  let dataKey: Uint8Array;
  try {
    dataKey = await ctx.keys.unwrapDataKey(
      { keyId: key.masterKeyId, wrappedKey: key.wrappedKey },
      context,
    );
  } catch (cause) {
    if (cause instanceof QuarantineError) throw cause;
    throw new QuarantineError(
      QuarantineErrorCode.KEY_PROVIDER_FAILED,
      'key provider could not unwrap the data key',
      { cause, recordId: record.id },
    );
  }
  try {
    const plain = open(
      dataKey,
      { iv: key.contentIv, ciphertext: body, tag: key.contentTag },
      contentAad(record.id, key.dataKeyId),
      record.id,
    );
    return plain.toString('utf8');
  } finally {
    wipe(dataKey);
  }
}

/** Decrypts held content. */
export async function readContent(ctx: Context, rawId: unknown): Promise<string> {
  const record = await requireHeld(ctx, rawId);
  const text = await decrypt(ctx, record, gone);
  ctx.logger.info({ recordId: record.id }, 'quarantine: content read');
  return text;
}

type CleanOptions = {
  readonly reviewedBy: string | null;
  readonly notes: string | null;
  readonly expectedStatus: QuarantineStatus | undefined;
};

function cleanOptions(options: UpdateStatusOptions | undefined): CleanOptions {
  const o = options ?? {};
  if (typeof o !== 'object' || o === null) {
    throw new QuarantineError(QuarantineErrorCode.INVALID_INPUT, 'expected an options object', {
      field: 'options',
    });
  }
  if (o.expectedStatus !== undefined && !isStatus(o.expectedStatus)) {
    throw new QuarantineError(QuarantineErrorCode.INVALID_INPUT, 'unknown status', {
      field: 'options.expectedStatus',
    });
  }
  return {
    reviewedBy: optionalText(o.reviewedBy, 'options.reviewedBy', 255),
    notes: optionalText(o.notes, 'options.notes', 10_000),
    expectedStatus: o.expectedStatus,
  };
}

function conflict(recordId: string): QuarantineError {
  return fatal(QuarantineErrorCode.CONFLICT, 'record was changed by someone else', recordId);
}

/** Checks the transition and the caller's expectation against what was read. */
function checkMove(record: QuarantineRecord, to: QuarantineStatus, o: CleanOptions): void {
  if (o.expectedStatus !== undefined && o.expectedStatus !== record.status) {
    throw conflict(record.id);
  }
  if (!canTransition(record.status, to)) {
    throw fatal(QuarantineErrorCode.INVALID_TRANSITION, 'status change not allowed', record.id);
  }
}

/**
 * Applies a checked move with optimistic concurrency; final states shred
 * (key row deleted in the same transaction), then the object is deleted.
 */
async function applyMove(
  ctx: Context,
  record: QuarantineRecord,
  to: QuarantineStatus,
  o: CleanOptions,
): Promise<QuarantineRecord> {
  const shred = isFinal(to);
  const updated = await changeStatus(ctx.db, {
    record,
    status: to,
    reviewedBy: o.reviewedBy,
    notes: o.notes,
    now: ctx.now(),
    shred,
    mac: (next, keys) => macFor(ctx, next, keys),
  });
  if (updated === null) throw conflict(record.id);
  if (shred) {
    ctx.metrics.shredded.add(1, { status: to });
    await removeObject(ctx, updated);
  }
  ctx.logger.info({ recordId: record.id, from: record.status, to }, 'quarantine: status changed');
  return updated as QuarantineRecord;
}

/**
 * Whether the object one of OUR records names may be deleted: a legacy key
 * (no installation id; the record is the proof) or one carrying this
 * installation's id. A key carrying another installation's id is left
 * alone: our database can only name it if it was copied from another
 * deployment's (a restored backup), whose live content that object may be.
 */
async function mayDelete(ctx: Context, key: string): Promise<boolean> {
  const shape = keyShape(ctx.prefix, key);
  if (shape.kind === 'legacy') return true;
  return shape.kind === 'installation' && shape.installationId === (await ctx.installationId());
}

/**
 * Deletes the object a record of ours names, if it is provably ours (see
 * `mayDelete`); otherwise logs and leaves it. Either way this record is
 * done with it.
 *
 * @returns whether the object was deleted (false: left alone)
 */
export async function removeRecordedObject(
  ctx: Context,
  recordId: string,
  key: string,
): Promise<boolean> {
  if (await mayDelete(ctx, key)) {
    await ctx.objects.remove(key);
    return true;
  }
  ctx.logger.warn(
    { recordId },
    'quarantine: object outside this installation key space left in the bucket',
  );
  return false;
}

/**
 * Deletes the object of a shredded record. The key is already gone, so a
 * failure here loses nothing: it is logged and cleanup() retries. An
 * object that is not provably ours is left in place and the record marked
 * done all the same (`object_deleted_at`: nothing more to do for it), so
 * the leftover sweep does not retry it forever; its content is
 * undecryptable through this database either way.
 *
 * @returns `deleted`, `left` (not provably ours) or `failed` (retried later)
 */
export async function removeObject(
  ctx: Context,
  record: StoredRecord,
): Promise<'deleted' | 'left' | 'failed'> {
  try {
    const deleted = await removeRecordedObject(ctx, record.id, record.s3Key);
    await markObjectDeleted(ctx.db, record.id, ctx.now());
    return deleted ? 'deleted' : 'left';
  } catch (e) {
    ctx.logger.warn(
      { recordId: record.id, ...errorFields(e) },
      'quarantine: object of a shredded record not yet deleted; cleanup() will retry',
    );
    return 'failed';
  }
}

/** `updateStatus`. */
export async function updateRecordStatus(
  ctx: Context,
  rawId: unknown,
  status: unknown,
  options: UpdateStatusOptions | undefined,
): Promise<QuarantineRecord> {
  const id = requireId(rawId);
  if (!isStatus(status)) {
    throw new QuarantineError(QuarantineErrorCode.INVALID_INPUT, 'unknown status', {
      field: 'status',
    });
  }
  const o = cleanOptions(options);
  const record = await requireVisible(ctx, id, 'update_status');
  checkMove(record, status, o);
  return applyMove(ctx, record, status, o);
}

/**
 * `release`: decrypts first, then commits RELEASED (shredding the key); if
 * another caller won the race the commit finds a newer version and this
 * call fails with CONFLICT, so the plaintext leaves exactly one call.
 */
export async function releaseContent(
  ctx: Context,
  rawId: unknown,
  options: UpdateStatusOptions | undefined,
): Promise<string> {
  const o = cleanOptions(options);
  const record = await requireVisible(ctx, rawId, 'release');
  checkMove(record, 'RELEASED', o);
  if (record.expiresAt.getTime() <= ctx.now().getTime()) {
    throw fatal(QuarantineErrorCode.CONTENT_UNAVAILABLE, 'content has expired', record.id);
  }
  // Losing to another decision is a conflict, whether it shows at the commit or earlier.
  const text = await decrypt(ctx, record, conflict);
  await applyMove(ctx, record, 'RELEASED', o);
  return text;
}

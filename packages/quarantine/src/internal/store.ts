import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { GeneratedDataKey, StoreMetadata } from '../types.js';
import { type Context, errorFields } from './context.js';
import { contentAad, type Sealed, seal, wipe } from './crypto.js';
import { macFor, sealFor } from './integrity.js';
import { objectKey, objectMetadata } from './object-keys.js';
import { checkGenerated } from './provider-output.js';
import {
  deletePending,
  findRecord,
  insertPending,
  markQuarantined,
  type NewRecord,
  type StoredRecord,
  type WrittenMac,
} from './repository.js';
import { type CleanMetadata, cleanMetadata, requireContent, requireId } from './validate.js';

function storeFailed(cause: unknown, recordId?: string): QuarantineError {
  return new QuarantineError(
    QuarantineErrorCode.STORE_FAILED,
    'content could not be stored; it is not held',
    recordId === undefined ? { cause } : { cause, recordId },
  );
}

/**
 * An id from the injected generator, checked and lower-cased: it becomes an
 * object key, and cleanup() recognises our objects (and sweeps orphans) only
 * under lower-case UUID keys — an upper-case id would make its orphan invisible.
 */
function newId(ctx: Context): string {
  try {
    return requireId(ctx.generateId());
  } catch {
    throw new QuarantineError(
      QuarantineErrorCode.INVALID_CONFIG,
      'invalid config `generateId`: expected a function returning UUIDs',
      { field: 'generateId' },
    );
  }
}

/** Everything a store has prepared before the first write. */
type Prepared = {
  readonly id: string;
  readonly dataKeyId: string;
  readonly createdAt: Date;
  readonly s3Key: string;
  readonly installationId: string;
  readonly sizeBytes: number;
  readonly meta: CleanMetadata;
  readonly generated: Omit<GeneratedDataKey, 'plaintextKey'>;
  readonly sealed: Sealed;
};

/** This database's installation id, or STORE_FAILED (nothing written yet). */
async function installation(ctx: Context): Promise<string> {
  try {
    return await ctx.installationId();
  } catch (cause) {
    ctx.metrics.storeFailures.add(1, { step: 'installation' });
    throw storeFailed(cause);
  }
}

/**
 * Validates, generates the data key, encrypts, reads the installation id;
 * no writes. The key names this installation, so no other deployment's
 * cleanup() ever counts the object as its own.
 */
async function prepare(ctx: Context, content: unknown, metadata: StoreMetadata): Promise<Prepared> {
  const bytes = requireContent(content, ctx.maxContentBytes);
  const meta = cleanMetadata(metadata);
  const id = newId(ctx);
  const dataKeyId = newId(ctx);
  const createdAt = ctx.now();
  let generated: GeneratedDataKey;
  try {
    generated = checkGenerated(await ctx.keys.generateDataKey({ recordId: id, dataKeyId }), id);
  } catch (cause) {
    ctx.metrics.storeFailures.add(1, { step: 'key' });
    throw new QuarantineError(
      QuarantineErrorCode.KEY_PROVIDER_FAILED,
      'key provider could not generate a data key',
      { cause },
    );
  }
  const sealed = seal(generated.plaintextKey, bytes, contentAad(id, dataKeyId));
  wipe(generated.plaintextKey);
  const sizeBytes = bytes.length;
  bytes.fill(0);
  const installationId = await installation(ctx);
  const s3Key = objectKey({ prefix: ctx.prefix, installationId, createdAt, id });
  return { id, dataKeyId, createdAt, s3Key, installationId, sizeBytes, meta, generated, sealed };
}

/** The PENDING row and its envelope, as step 1 writes them. */
function newRecord(ctx: Context, p: Prepared): NewRecord {
  return {
    id: p.id,
    ...p.meta,
    s3Key: p.s3Key,
    sizeBytes: p.sizeBytes,
    createdAt: p.createdAt,
    expiresAt: new Date(p.createdAt.getTime() + ctx.expiryMs),
    key: {
      dataKeyId: p.dataKeyId,
      masterKeyId: p.generated.keyId,
      wrappedKey: Buffer.from(p.generated.wrappedKey),
      contentIv: p.sealed.iv,
      contentTag: p.sealed.tag,
    },
  };
}

/** The MAC of the new record in `status` (PENDING at insert, QUARANTINED at step 3). */
function macOf(ctx: Context, r: NewRecord, status: 'PENDING' | 'QUARANTINED'): WrittenMac {
  const record: StoredRecord = {
    id: r.id,
    status,
    tier: r.tier,
    labels: r.labels,
    matches: r.matches,
    pluginResults: r.pluginResults,
    contentType: r.contentType,
    sourceId: r.sourceId,
    agentId: r.agentId,
    s3Key: r.s3Key,
    sizeBytes: r.sizeBytes,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    reviewedBy: null,
    reviewedAt: null,
    notes: null,
    version: 0,
  };
  return macFor(ctx, record, { dataKeyId: r.key.dataKeyId, masterKeyId: r.key.masterKeyId });
}

/**
 * Stores content. Ordering (see README, "Failure behaviour"):
 * 1. one statement inserts the record as PENDING with its wrapped key;
 * 2. the ciphertext object is put to S3;
 * 3. the record is marked QUARANTINED — only then is the id returned.
 * A crash after 1 or 2 leaves a PENDING record that `cleanup()` removes
 * (with its object) after `abandonedAfterMs`; a record never points at a
 * missing object once QUARANTINED, and no plaintext is written anywhere.
 */
export async function storeContent(
  ctx: Context,
  content: unknown,
  metadata: StoreMetadata,
): Promise<string> {
  const started = performance.now();
  const p = await prepare(ctx, content, metadata);
  const record = newRecord(ctx, p);
  const pendingMac = macOf(ctx, record, 'PENDING');
  const heldMac = macOf(ctx, record, 'QUARANTINED');
  await step(ctx, 'insert', undefined, () => insertPending(ctx.db, record, pendingMac));
  // The object carries the record's real expiry, sealed: a database writer
  // who moves `expires_at` cannot keep the content past it (cleanup()).
  const objectMeta = objectMetadata(
    p.installationId,
    p.createdAt,
    sealFor(ctx, { id: p.id, expiresAt: record.expiresAt }),
  );
  await step(ctx, 'put', p, () => ctx.objects.put(p.s3Key, p.sealed.ciphertext, objectMeta));
  await mark(ctx, p, heldMac);
  ctx.metrics.stored.add(1, { tier: p.meta.tier });
  ctx.metrics.storedBytes.add(p.sizeBytes, { tier: p.meta.tier });
  ctx.metrics.storeDuration.record(performance.now() - started);
  ctx.logger.info(
    { recordId: p.id, tier: p.meta.tier, sizeBytes: p.sizeBytes },
    'quarantine: stored',
  );
  return p.id;
}

/** Runs one write step; on failure counts it, undoes what it can, and throws STORE_FAILED. */
async function step<T>(
  ctx: Context,
  name: 'insert' | 'put',
  undo: Prepared | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (cause) {
    ctx.metrics.storeFailures.add(1, { step: name });
    if (undo !== undefined) await compensate(ctx, undo);
    throw storeFailed(cause, undo?.id);
  }
}

/**
 * Step 3. When the UPDATE fails, it may still have committed (the answer was
 * lost): compensation then finds the record no longer PENDING, so the content
 * is held and the id is returned rather than a STORE_FAILED that says "not
 * held" about content that is.
 */
async function mark(ctx: Context, p: Prepared, mac: WrittenMac): Promise<void> {
  let cause: unknown;
  try {
    if (await markQuarantined(ctx.db, p.id, ctx.now(), mac)) return;
    // Not PENDING any more: cleanup() judged this store abandoned and removed the record.
  } catch (e) {
    cause = e;
  }
  if (await compensate(ctx, p)) {
    ctx.logger.warn({ recordId: p.id }, 'quarantine: store confirmed after a lost database reply');
    return;
  }
  ctx.metrics.storeFailures.add(1, { step: 'mark' });
  throw storeFailed(cause, p.id);
}

/**
 * Best-effort undo of a failed store: remove the PENDING record first, and
 * the object only if the record was ours to remove (if the record had in
 * fact been committed as QUARANTINED, it keeps its object). Whatever fails
 * here is left for cleanup() and logged, never dropped silently.
 *
 * @returns true when the record turned out to be committed (held), false
 *   when the store is undone or its outcome cannot be known
 */
async function compensate(ctx: Context, p: Prepared): Promise<boolean> {
  try {
    const removed = await deletePending(ctx.db, p.id);
    // A put that failed may still have landed (lost response), so remove it
    // too — also when cleanup() already claimed the record (it is gone, and
    // our late put may have landed after cleanup deleted the object). Only a
    // record that was in fact committed QUARANTINED keeps its object.
    const held = !removed && (await findRecord(ctx.db, p.id)) !== null;
    if (!held) await ctx.objects.remove(p.s3Key);
    return held;
  } catch (e) {
    ctx.logger.warn(
      { recordId: p.id, ...errorFields(e) },
      'quarantine: could not undo a failed store; cleanup() will remove it',
    );
    return false;
  }
}

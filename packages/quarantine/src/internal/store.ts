import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { StoreMetadata } from '../types.js';
import { type Context, errorFields, objectKey } from './context.js';
import { contentAad, seal, wipe } from './crypto.js';
import { deletePending, insertPending, markQuarantined } from './repository.js';
import { cleanMetadata, requireContent } from './validate.js';

function storeFailed(cause: unknown, recordId?: string): QuarantineError {
  return new QuarantineError(
    QuarantineErrorCode.STORE_FAILED,
    'content could not be stored; it is not held',
    recordId === undefined ? { cause } : { cause, recordId },
  );
}

/**
 * Stores content. Ordering (see README, "Failure behaviour"):
 * 1. one transaction inserts the record as PENDING with its wrapped key;
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
  const bytes = requireContent(content, ctx.maxContentBytes);
  const sizeBytes = bytes.length;
  const meta = cleanMetadata(metadata);
  const id = ctx.generateId();
  const dataKeyId = ctx.generateId();
  const createdAt = ctx.now();
  const s3Key = objectKey(ctx.prefix, createdAt, id);
  let generated: Awaited<ReturnType<Context['keys']['generateDataKey']>>;
  try {
    generated = await ctx.keys.generateDataKey({ recordId: id, dataKeyId });
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
  bytes.fill(0);
  try {
    await insertPending(ctx.db, {
      id,
      ...meta,
      s3Key,
      sizeBytes,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + ctx.expiryMs),
      key: {
        dataKeyId,
        masterKeyId: generated.keyId,
        wrappedKey: Buffer.from(generated.wrappedKey),
        contentIv: sealed.iv,
        contentTag: sealed.tag,
      },
    });
  } catch (cause) {
    ctx.metrics.storeFailures.add(1, { step: 'insert' });
    throw storeFailed(cause);
  }
  try {
    await ctx.objects.put(s3Key, sealed.ciphertext);
  } catch (cause) {
    ctx.metrics.storeFailures.add(1, { step: 'put' });
    await compensate(ctx, id, s3Key);
    throw storeFailed(cause, id);
  }
  let marked: boolean;
  try {
    marked = await markQuarantined(ctx.db, id, ctx.now());
  } catch (cause) {
    ctx.metrics.storeFailures.add(1, { step: 'mark' });
    await compensate(ctx, id, s3Key);
    throw storeFailed(cause, id);
  }
  if (!marked) {
    // cleanup() judged this store abandoned and removed the record meanwhile.
    ctx.metrics.storeFailures.add(1, { step: 'mark' });
    await compensate(ctx, id, s3Key);
    throw storeFailed(undefined, id);
  }
  ctx.metrics.stored.add(1, { tier: meta.tier });
  ctx.metrics.storedBytes.add(sizeBytes, { tier: meta.tier });
  ctx.metrics.storeDuration.record(performance.now() - started);
  ctx.logger.info({ recordId: id, tier: meta.tier, sizeBytes }, 'quarantine: stored');
  return id;
}

/**
 * Best-effort undo of a failed store: remove the PENDING record first, and
 * the object only if the record was ours to remove (if the record had in
 * fact been committed as QUARANTINED, it keeps its object). Whatever fails
 * here is left for cleanup() and logged, never dropped silently.
 */
async function compensate(ctx: Context, id: string, s3Key: string): Promise<void> {
  try {
    const removed = await deletePending(ctx.db, id);
    // A put that failed may still have landed (lost response), so remove it too.
    if (removed) await ctx.objects.remove(s3Key);
  } catch (e) {
    ctx.logger.warn(
      { recordId: id, ...errorFields(e) },
      'quarantine: could not undo a failed store; cleanup() will remove it',
    );
  }
}

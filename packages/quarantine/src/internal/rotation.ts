import type { Transaction } from 'sequelize';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { RotateKeysOptions, RotateKeysResult } from '../types.js';
import { type Context, errorFields } from './context.js';
import { wipe } from './crypto.js';
import { checkDataKey, checkWrapped } from './provider-output.js';
import { inTransaction, sql } from './repository.js';

type KeyRowDb = { id: string; record_id: string; master_key_id: string; wrapped_key: Buffer };

function positiveInt(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new QuarantineError(QuarantineErrorCode.INVALID_INPUT, 'expected a positive integer', {
      field,
    });
  }
  return value;
}

/** Rewraps one row under the active key inside the batch transaction. */
async function rewrapRow(ctx: Context, row: KeyRowDb, t: Transaction): Promise<void> {
  const context = { recordId: row.record_id, dataKeyId: row.id };
  const plain = checkDataKey(
    await ctx.keys.unwrapDataKey(
      { keyId: row.master_key_id, wrappedKey: Buffer.from(row.wrapped_key) },
      context,
    ),
    row.record_id,
  );
  try {
    const wrapped = checkWrapped(await ctx.keys.wrapDataKey(plain, context), row.record_id);
    await sql(
      ctx.db,
      'UPDATE encryption_keys SET master_key_id = $2, wrapped_key = $3, rotated_at = $4 WHERE id = $1',
      [row.id, wrapped.keyId, Buffer.from(wrapped.wrappedKey), ctx.now()],
      t,
    );
  } finally {
    wipe(plain);
  }
}

/** One batch in one transaction; rows that cannot be rewrapped join `failed`. */
async function rewrapBatch(
  ctx: Context,
  batchSize: number,
  failed: string[],
): Promise<{ seen: number; done: number }> {
  return inTransaction(ctx.db, async (t) => {
    const rows = await sql<KeyRowDb>(
      ctx.db,
      `SELECT id, record_id, master_key_id, wrapped_key FROM encryption_keys
       WHERE master_key_id <> $1 AND NOT (id = ANY($2::uuid[]))
       ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [ctx.keys.activeKeyId, failed, batchSize],
      t,
    );
    let done = 0;
    for (const row of rows) {
      try {
        await rewrapRow(ctx, row, t);
        done++;
      } catch (e) {
        // A database failure aborts the transaction: rethrow. Anything else
        // (key retired too early, tampered wrapped key) skips just this row.
        if (e instanceof QuarantineError && e.code === QuarantineErrorCode.DATABASE_FAILED) throw e;
        failed.push(row.id);
        ctx.logger.error(
          { recordId: row.record_id, keyId: row.master_key_id, ...errorFields(e) },
          'quarantine: data key could not be rewrapped',
        );
      }
    }
    return { seen: rows.length, done };
  });
}

/**
 * Rewraps data keys under the active master key, one transaction per batch
 * (`FOR UPDATE SKIP LOCKED`, so several workers may run at once and reads
 * are never blocked). S3 objects are untouched: the data key, IV and tag
 * stay the same, only the wrapping changes. Resumable: it always picks up
 * whatever is still wrapped by another key. Rows it cannot unwrap (key
 * retired too early, or tampered) are skipped, logged and left counted in
 * `remaining`.
 */
export async function rotate(
  ctx: Context,
  options: RotateKeysOptions = {},
): Promise<RotateKeysResult> {
  if (typeof options !== 'object' || options === null) {
    throw new QuarantineError(QuarantineErrorCode.INVALID_INPUT, 'expected an options object', {
      field: 'options',
    });
  }
  const batchSize = positiveInt(options.batchSize, 'options.batchSize', 100);
  const maxBatches = positiveInt(options.maxBatches, 'options.maxBatches', Number.MAX_SAFE_INTEGER);
  const active = ctx.keys.activeKeyId;
  const failed: string[] = [];
  let rewrapped = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const { seen, done } = await rewrapBatch(ctx, batchSize, failed);
    rewrapped += done;
    if (seen < batchSize) break;
  }
  const [left] = await sql<{ n: string }>(
    ctx.db,
    'SELECT count(*) AS n FROM encryption_keys WHERE master_key_id <> $1',
    [active],
  );
  const result = { activeKeyId: active, rewrapped, remaining: Number(left?.n ?? 0) };
  ctx.logger.info({ ...result }, 'quarantine: key rotation pass finished');
  return result;
}

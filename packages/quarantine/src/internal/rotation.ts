import type { Transaction } from 'sequelize';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { RotateKeysOptions, RotateKeysResult } from '../types.js';
import { type Context, errorFields } from './context.js';
import { wipe } from './crypto.js';
import { alarm, judge, macFor } from './integrity.js';
import { checkDataKey, checkWrapped } from './provider-output.js';
import {
  AUTH_COLUMNS,
  type AuthRow,
  inTransaction,
  type LoadedRecord,
  sql,
  toLoaded,
} from './repository.js';

type KeyRowDb = AuthRow & { wrapped_key: Buffer };

function positiveInt(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new QuarantineError(QuarantineErrorCode.INVALID_INPUT, 'expected a positive integer', {
      field,
    });
  }
  return value;
}

/**
 * Whether rotation may rewrite this record's MAC: only a record that
 * authenticates now (or a legacy one, which gets its first MAC here —
 * the documented backfill). A forged record is alarmed and never re-MACed,
 * so rotation cannot launder it.
 */
async function mayRemac(ctx: Context, loaded: LoadedRecord): Promise<boolean> {
  const verdict = await judge(ctx, loaded);
  if (verdict.ok) return true;
  alarm(ctx, loaded.record.id, 'rotate_keys', verdict.reason);
  return false;
}

/** Writes a record's new MAC inside the batch transaction. */
async function writeMac(
  ctx: Context,
  loaded: LoadedRecord,
  masterKeyId: string | null,
  t: Transaction,
): Promise<void> {
  const mac = macFor(ctx, loaded.record, {
    dataKeyId: loaded.auth.dataKeyId,
    masterKeyId,
  });
  await sql(
    ctx.db,
    'UPDATE quarantine_records SET mac = $2, mac_key_id = $3 WHERE id = $1',
    [loaded.record.id, mac.mac, mac.keyId],
    t,
  );
}

/** Rewraps one row under the active key, and re-MACs its record, inside the batch transaction. */
async function rewrapRow(ctx: Context, row: KeyRowDb, t: Transaction): Promise<void> {
  const loaded = toLoaded(row);
  if (!(await mayRemac(ctx, loaded))) throw new Error('record failed authentication');
  const dataKeyId = row.data_key_id as string;
  const context = { recordId: row.id, dataKeyId };
  const plain = checkDataKey(
    await ctx.keys.unwrapDataKey(
      { keyId: row.master_key_id as string, wrappedKey: Buffer.from(row.wrapped_key) },
      context,
    ),
    row.id,
  );
  try {
    const wrapped = checkWrapped(await ctx.keys.wrapDataKey(plain, context), row.id);
    await sql(
      ctx.db,
      'UPDATE encryption_keys SET master_key_id = $2, wrapped_key = $3, rotated_at = $4 WHERE id = $1',
      [dataKeyId, wrapped.keyId, Buffer.from(wrapped.wrappedKey), ctx.now()],
      t,
    );
    // The MAC binds the master key id: rewritten in the same transaction.
    await writeMac(ctx, loaded, wrapped.keyId, t);
  } finally {
    wipe(plain);
  }
}

/**
 * One batch in one transaction; rows that cannot be rewrapped join
 * `failed`. Record and key row are locked together (inner join), so a
 * concurrent status change (which locks the record) is skipped, never
 * raced. PENDING records are left for a later pass (their store is still
 * writing them).
 */
async function rewrapBatch(
  ctx: Context,
  batchSize: number,
  failed: string[],
): Promise<{ seen: number; done: number }> {
  return inTransaction(ctx.db, async (t) => {
    const rows = await sql<KeyRowDb>(
      ctx.db,
      `SELECT ${AUTH_COLUMNS}, k.wrapped_key
       FROM encryption_keys k JOIN quarantine_records r ON r.id = k.record_id
       WHERE k.master_key_id <> $1 AND r.status <> 'PENDING' AND NOT (k.id = ANY($2::uuid[]))
       ORDER BY k.id LIMIT $3 FOR UPDATE SKIP LOCKED`,
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
        // (key retired too early, tampered wrapped key or record) skips just this row.
        if (e instanceof QuarantineError && e.code === QuarantineErrorCode.DATABASE_FAILED) throw e;
        failed.push(row.data_key_id as string);
        ctx.logger.error(
          { recordId: row.id, keyId: row.master_key_id, ...errorFields(e) },
          'quarantine: data key could not be rewrapped',
        );
      }
    }
    return { seen: rows.length, done };
  });
}

/**
 * One batch of the MAC pass: records whose MAC is missing (legacy) or made
 * by another key, and whose data key (if any) is already on the active
 * master key (the rewrap pass handles the others, MAC included).
 */
async function remacBatch(
  ctx: Context,
  batchSize: number,
  skipped: string[],
): Promise<{ seen: number; done: number }> {
  return inTransaction(ctx.db, async (t) => {
    const rows = await sql<AuthRow>(
      ctx.db,
      `SELECT ${AUTH_COLUMNS}
       FROM quarantine_records r LEFT JOIN encryption_keys k ON k.record_id = r.id
       WHERE r.mac_key_id IS DISTINCT FROM $1 AND r.status <> 'PENDING'
         AND (k.id IS NULL OR k.master_key_id = $2) AND NOT (r.id = ANY($3::uuid[]))
       ORDER BY r.id LIMIT $4 FOR UPDATE OF r SKIP LOCKED`,
      [ctx.macKeys.activeId, ctx.keys.activeKeyId, skipped, batchSize],
      t,
    );
    let done = 0;
    for (const row of rows) {
      const loaded = toLoaded(row);
      if (!(await mayRemac(ctx, loaded))) {
        skipped.push(row.id);
        continue;
      }
      await writeMac(ctx, loaded, loaded.auth.masterKeyId, t);
      done++;
    }
    return { seen: rows.length, done };
  });
}

/** Runs batches of one pass until a short batch or `maxBatches`; returns the work done. */
async function passes(
  maxBatches: number,
  batchSize: number,
  run: () => Promise<{ seen: number; done: number }>,
): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const { seen, done } = await run();
    total += done;
    if (seen < batchSize) break;
  }
  return total;
}

/** Records still needing the rotation: data key on another master key, or MAC by another key. */
async function countRemaining(ctx: Context): Promise<number> {
  const [left] = await sql<{ n: string }>(
    ctx.db,
    `SELECT count(*) AS n FROM (
       SELECT record_id AS id FROM encryption_keys WHERE master_key_id <> $1
       UNION SELECT id FROM quarantine_records WHERE mac_key_id IS DISTINCT FROM $2
     ) todo`,
    [ctx.keys.activeKeyId, ctx.macKeys.activeId],
  );
  return Number(left?.n ?? 0);
}

/**
 * Rewraps data keys under the active master key, one transaction per batch
 * (`FOR UPDATE SKIP LOCKED`, so several workers may run at once and reads
 * are never blocked), re-MACing each record in the same transaction; then
 * MACs every other record not yet MACed by the active key (final records,
 * and legacy records written before the `0004-add-record-mac` step: the
 * backfill). S3 objects are untouched: the data key, IV and tag stay the
 * same, only the wrapping changes. Resumable: it always picks up whatever
 * is still on another key. Records it cannot handle (key retired too early,
 * tampered) are skipped, logged and left counted in `remaining`.
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
  const failed: string[] = [];
  const rewrapped = await passes(maxBatches, batchSize, () => rewrapBatch(ctx, batchSize, failed));
  const skipped: string[] = [];
  const reauthenticated = await passes(maxBatches, batchSize, () =>
    remacBatch(ctx, batchSize, skipped),
  );
  const result = {
    activeKeyId: ctx.keys.activeKeyId,
    rewrapped,
    reauthenticated,
    remaining: await countRemaining(ctx),
  };
  ctx.logger.info({ ...result }, 'quarantine: key rotation pass finished');
  return result;
}

/**
 * The part of `cleanup()` that keeps "a moved expiry never keeps content
 * past its real shred date" (issue 16). The expiry sweep selects by the
 * `expires_at` column, which a database writer can move; this sweep reads
 * every record that still holds a data key (so its content can still be
 * decrypted) and authenticates it, whatever its columns say.
 */
import type { Context } from './context.js';
import { alarm, judge, namedObjectKey, sealedExpiry } from './integrity.js';
import { removeRecordedObject } from './lifecycle.js';
import { AUTH_SELECT, type AuthRow, type StoredRecord, sql, toLoaded } from './repository.js';

/** What the sweep found and did. */
export type TamperSweep = {
  /** Records with a live data key whose metadata failed authentication. */
  readonly found: number;
  /** Of those, the ones crypto-shredded in this run. */
  readonly shredded: number;
};

/** Upper bound on batches, so the sweep always ends. */
const MAX_BATCHES = 100_000;

/**
 * Crypto-shreds a forged record: its data key row is deleted (the content
 * can no longer be decrypted), and its object too when the object key names
 * the record's own id and is provably this installation's (a forged
 * `s3_key` naming another record's object is never followed). The row itself stays, refused, as evidence.
 */
async function shred(ctx: Context, r: StoredRecord): Promise<void> {
  const now = ctx.now();
  await sql(ctx.db, 'DELETE FROM encryption_keys WHERE record_id = $1', [r.id]);
  await sql(ctx.db, 'UPDATE quarantine_records SET shredded_at = $2 WHERE id = $1', [r.id, now]);
  ctx.metrics.shredded.add(1, { status: 'TAMPERED' });
  const key = namedObjectKey(ctx, r);
  if (key === null) return;
  await removeRecordedObject(ctx, r.id, key);
  await sql(ctx.db, 'UPDATE quarantine_records SET object_deleted_at = $2 WHERE id = $1', [
    r.id,
    now,
  ]);
}

/**
 * Handles one forged record: shredded at its real expiry, which the object
 * carries sealed (written at store time, out of the database writer's
 * reach). Until then it stays held but refused to every caller. When the
 * real expiry cannot be proven (no seal: a legacy object, a missing or
 * foreign object, a seal by a retired key) it is shredded now: the promise
 * is that content never outlives its shred date, and a forged record can
 * never be served anyway.
 *
 * @returns whether it was shredded
 */
async function handle(ctx: Context, r: StoredRecord): Promise<boolean> {
  const realExpiry = await sealedExpiry(ctx, r);
  if (realExpiry !== null && realExpiry.getTime() > ctx.now().getTime()) {
    ctx.logger.warn(
      { recordId: r.id, shredAt: realExpiry.toISOString() },
      'quarantine: forged record kept, refused, until its sealed expiry',
    );
    return false;
  }
  await shred(ctx, r);
  ctx.logger.warn({ recordId: r.id }, 'quarantine: forged record crypto-shredded');
  return true;
}

/**
 * Authenticates every record that still holds a data key (keyset by id,
 * `cleanup.batchSize` per query) and handles the forged ones; each is
 * alarmed on every run until shredded.
 */
export async function sweepTampered(ctx: Context): Promise<TamperSweep> {
  let found = 0;
  let shredded = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await sql<AuthRow>(
      ctx.db,
      `${AUTH_SELECT} WHERE k.id IS NOT NULL AND r.id > $1 ORDER BY r.id LIMIT $2`,
      [after, ctx.batchSize],
    );
    for (const row of rows) {
      const loaded = toLoaded(row);
      const verdict = await judge(ctx, loaded);
      if (verdict.ok) continue;
      found++;
      alarm(ctx, row.id, 'cleanup', verdict.reason);
      if (await handle(ctx, loaded.record)) shredded++;
    }
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < ctx.batchSize) break;
    after = last.id;
  }
  return { found, shredded };
}

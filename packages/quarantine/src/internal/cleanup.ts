import type { CleanupResult } from '../types.js';
import { type Context, errorFields } from './context.js';
import { alarm, judge, macFor } from './integrity.js';
import { removeObject, removeRecordedObject } from './lifecycle.js';
import { idInKeySpace, installationPrefix, storedAt } from './object-keys.js';
import { AUTH_SELECT, type AuthRow, type LoadedRecord, sql, toLoaded } from './repository.js';
import { changeStatus } from './status-change.js';
import { sweepTampered } from './tamper-sweep.js';

/**
 * Whether a row cleanup is about to act on is authentic (or legacy); a
 * forged one is alarmed and left for {@link sweepTampered}.
 */
async function authentic(ctx: Context, loaded: LoadedRecord): Promise<boolean> {
  const verdict = await judge(ctx, loaded);
  if (verdict.ok) return true;
  alarm(ctx, loaded.record.id, 'cleanup', verdict.reason);
  return false;
}

/** Upper bound on batches per phase, so a stuck row can never loop forever. */
const MAX_BATCHES = 1000;

/** Expires held records past `expires_at`: status EXPIRED + key destroyed, then object. */
async function expireDue(ctx: Context): Promise<number> {
  let expired = 0;
  const skipped: string[] = [];
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await sql<AuthRow>(
      ctx.db,
      `${AUTH_SELECT}
       WHERE r.status IN ('QUARANTINED','UNDER_REVIEW') AND r.expires_at <= $1 AND NOT (r.id = ANY($2::uuid[]))
       ORDER BY r.expires_at LIMIT $3`,
      [ctx.now(), skipped, ctx.batchSize],
    );
    for (const row of rows) {
      const loaded = toLoaded(row);
      if (!(await authentic(ctx, loaded))) {
        skipped.push(row.id);
        continue;
      }
      const updated = await changeStatus(ctx.db, {
        record: loaded.record,
        status: 'EXPIRED',
        reviewedBy: null,
        notes: null,
        now: ctx.now(),
        shred: true,
        mac: (next, keys) => macFor(ctx, next, keys),
      });
      // null: a reviewer acted in between; their decision stands.
      if (updated === null) {
        skipped.push(row.id);
        continue;
      }
      expired++;
      ctx.metrics.expired.add(1);
      ctx.metrics.shredded.add(1, { status: 'EXPIRED' });
      await removeObject(ctx, updated);
    }
    if (rows.length < ctx.batchSize) break;
  }
  return expired;
}

/**
 * Removes stores that never finished. The PENDING row is claimed by
 * deleting it (key row goes by cascade) BEFORE its object: a store that
 * is still running can then no longer mark it QUARANTINED, so we never
 * delete the object of a record that became visible. A crash between the
 * two leaves an object without record, which the orphan sweep removes.
 */
async function removeAbandoned(ctx: Context): Promise<number> {
  let removed = 0;
  const cutoff = new Date(ctx.now().getTime() - ctx.abandonedAfterMs);
  const skipped: string[] = [];
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await sql<AuthRow>(
      ctx.db,
      `${AUTH_SELECT} WHERE r.status = 'PENDING' AND r.created_at < $1 AND NOT (r.id = ANY($3::uuid[]))
       ORDER BY r.created_at LIMIT $2`,
      [cutoff, ctx.batchSize, skipped],
    );
    for (const row of rows) {
      // A held record made to look PENDING (and old) must not be removed as abandoned.
      if (!(await authentic(ctx, toLoaded(row)))) {
        skipped.push(row.id);
        continue;
      }
      const claimed = await sql<{ s3_key: string }>(
        ctx.db,
        `DELETE FROM quarantine_records WHERE id = $1 AND status = 'PENDING' RETURNING s3_key`,
        [row.id],
      );
      for (const c of claimed) {
        await removeRecordedObject(ctx, row.id, c.s3_key);
        removed++;
      }
    }
    if (rows.length < ctx.batchSize) break;
  }
  if (removed > 0) ctx.metrics.swept.add(removed, { kind: 'abandoned_store' });
  return removed;
}

/** Deletes objects of shredded records whose object deletion had failed. */
async function removeLeftovers(ctx: Context): Promise<number> {
  let removed = 0;
  const skipped: string[] = [];
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await sql<AuthRow>(
      ctx.db,
      `${AUTH_SELECT}
       WHERE r.object_deleted_at IS NULL AND r.status IN ('RELEASED','DELETED','EXPIRED')
         AND NOT (r.id = ANY($2::uuid[]))
       ORDER BY r.updated_at LIMIT $1`,
      [ctx.batchSize, skipped],
    );
    let progress = 0;
    for (const row of rows) {
      const loaded = toLoaded(row);
      // A held record made to look final must not lose its object here.
      if (!(await authentic(ctx, loaded))) {
        skipped.push(row.id);
        continue;
      }
      const outcome = await removeObject(ctx, loaded.record);
      if (outcome === 'failed') continue;
      progress++;
      if (outcome === 'deleted') removed++;
    }
    if (rows.length < ctx.batchSize || progress === 0) break;
  }
  if (removed > 0) ctx.metrics.swept.add(removed, { kind: 'leftover_object' });
  return removed;
}

/**
 * Whether an object with no record at all is old enough to be an orphan:
 * stored at least `abandonedAfterMs` ago (by the service's clock, from the
 * object's metadata; else by the server's `Last-Modified`). A younger one
 * may belong to a record the database has not shown us yet (a lagging read
 * replica behind the host's Sequelize), so it waits for a later run.
 */
async function oldEnough(ctx: Context, key: string): Promise<boolean> {
  const head = await ctx.objects.head(key);
  if (head === null) return false;
  const at = storedAt(head);
  return at !== null && at.getTime() <= ctx.now().getTime() - ctx.abandonedAfterMs;
}

/**
 * Status of the records naming these keys (absent: no record). A record
 * that still has its data key counts as live whatever its status says: a
 * genuine final record never has one (shredded in the same transaction),
 * so a held record made to look final keeps its object.
 */
async function statusByKey(ctx: Context, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await sql<{ s3_key: string; status: string; keyed: boolean }>(
    ctx.db,
    `SELECT r.s3_key, r.status, k.id IS NOT NULL AS keyed
     FROM quarantine_records r LEFT JOIN encryption_keys k ON k.record_id = r.id
     WHERE r.s3_key = ANY($1::varchar[])`,
    [keys],
  );
  return new Map(rows.map((r) => [r.s3_key, r.keyed ? 'PENDING' : r.status]));
}

const LIVE = new Set(['PENDING', 'QUARANTINED', 'UNDER_REVIEW']);

/**
 * Lists THIS installation's key space (`<prefix><installationId>/`) and
 * deletes objects with no live (PENDING or held) record. Nothing outside
 * it is listed, so another deployment sharing the bucket and prefix (its
 * own database or schema, hence its own installation id) is never touched,
 * and legacy keys (`<prefix>YYYY/MM/DD/<id>`, written before installation
 * ids) are never swept: nothing proves whose they are.
 * A record is always committed before its object is put, so an object
 * without a record is the late upload of a store that cleanup() already
 * judged abandoned (deleted once `abandonedAfterMs` old, see `oldEnough`);
 * an object of a final record has no key left (deleted at once).
 */
async function removeOrphans(ctx: Context): Promise<number> {
  const keySpace = installationPrefix(ctx.prefix, await ctx.installationId());
  let removed = 0;
  let token: string | undefined;
  do {
    const page = await ctx.objects.listPage(keySpace, token);
    token = page.next;
    const ours = page.keys.filter((k) => idInKeySpace(keySpace, k) !== null);
    if (ours.length < page.keys.length) {
      ctx.logger.warn(
        { foreignObjects: page.keys.length - ours.length },
        'quarantine: objects under the prefix that are not ours were left alone',
      );
    }
    if (ours.length === 0) continue;
    const status = await statusByKey(ctx, ours);
    for (const key of ours) {
      const s = status.get(key);
      if (s !== undefined && LIVE.has(s)) continue;
      if (s === undefined && !(await oldEnough(ctx, key))) continue;
      await ctx.objects.remove(key);
      removed++;
    }
  } while (token !== undefined);
  if (removed > 0) ctx.metrics.swept.add(removed, { kind: 'orphan_object' });
  return removed;
}

/**
 * `cleanup`: expiry, the sweep of forged records (before the orphan sweep,
 * which must see their keys), then the three crash-recovery sweeps.
 */
export async function runCleanup(ctx: Context): Promise<CleanupResult> {
  const expired = await expireDue(ctx);
  const tampered = await sweepTampered(ctx);
  const abandonedStoresRemoved = await removeAbandoned(ctx);
  const leftoverObjectsDeleted = await removeLeftovers(ctx);
  let orphanObjectsDeleted = 0;
  if (ctx.sweepOrphanObjects) {
    try {
      orphanObjectsDeleted = await removeOrphans(ctx);
    } catch (e) {
      ctx.logger.error({ ...errorFields(e) }, 'quarantine: orphan sweep failed');
      throw e;
    }
  }
  const result = {
    expired,
    abandonedStoresRemoved,
    leftoverObjectsDeleted,
    orphanObjectsDeleted,
    tamperedRecords: tampered.found,
    tamperedRecordsShredded: tampered.shredded,
  };
  ctx.logger.info({ ...result }, 'quarantine: cleanup finished');
  return result;
}

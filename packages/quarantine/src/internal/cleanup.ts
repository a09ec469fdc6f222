import type { CleanupResult } from '../types.js';
import { type Context, errorFields } from './context.js';
import { removeObject, removeRecordedObject } from './lifecycle.js';
import { idInKeySpace, installationPrefix, storedAt } from './object-keys.js';
import { changeStatus, sql, toRecord } from './repository.js';

type Row = Parameters<typeof toRecord>[0];
const COLUMNS =
  'id, status, tier, labels, matches, plugin_results, content_type, source_id, agent_id, s3_key, size_bytes, version, created_at, expires_at, reviewed_by, reviewed_at, notes';

/** Upper bound on batches per phase, so a stuck row can never loop forever. */
const MAX_BATCHES = 1000;

/** Expires held records past `expires_at`: status EXPIRED + key destroyed, then object. */
async function expireDue(ctx: Context): Promise<number> {
  let expired = 0;
  const skipped: string[] = [];
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await sql<Row>(
      ctx.db,
      `SELECT ${COLUMNS} FROM quarantine_records
       WHERE status IN ('QUARANTINED','UNDER_REVIEW') AND expires_at <= $1 AND NOT (id = ANY($2::uuid[]))
       ORDER BY expires_at LIMIT $3`,
      [ctx.now(), skipped, ctx.batchSize],
    );
    for (const row of rows) {
      const updated = await changeStatus(ctx.db, {
        id: row.id,
        fromVersion: Number(row.version),
        status: 'EXPIRED',
        reviewedBy: null,
        notes: null,
        now: ctx.now(),
        shred: true,
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
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await sql<{ id: string }>(
      ctx.db,
      `SELECT id FROM quarantine_records WHERE status = 'PENDING' AND created_at < $1
       ORDER BY created_at LIMIT $2`,
      [cutoff, ctx.batchSize],
    );
    for (const row of rows) {
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
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await sql<Row>(
      ctx.db,
      `SELECT ${COLUMNS} FROM quarantine_records
       WHERE object_deleted_at IS NULL AND status IN ('RELEASED','DELETED','EXPIRED')
       ORDER BY updated_at LIMIT $1`,
      [ctx.batchSize],
    );
    let progress = 0;
    for (const row of rows) {
      const outcome = await removeObject(ctx, toRecord(row));
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

/** Status of the records naming these keys (absent: no record). */
async function statusByKey(ctx: Context, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await sql<{ s3_key: string; status: string }>(
    ctx.db,
    'SELECT s3_key, status FROM quarantine_records WHERE s3_key = ANY($1::varchar[])',
    [keys],
  );
  return new Map(rows.map((r) => [r.s3_key, r.status]));
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

/** `cleanup`: expiry, then the three crash-recovery sweeps. */
export async function runCleanup(ctx: Context): Promise<CleanupResult> {
  const expired = await expireDue(ctx);
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
  const result = { expired, abandonedStoresRemoved, leftoverObjectsDeleted, orphanObjectsDeleted };
  ctx.logger.info({ ...result }, 'quarantine: cleanup finished');
  return result;
}

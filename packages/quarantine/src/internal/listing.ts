import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type {
  KeyUsage,
  ListOptions,
  ListPage,
  QuarantineRecord,
  QuarantineStatus,
  StatusStats,
  StorageStats,
} from '../types.js';
import type { Context } from './context.js';
import { alarm, judge } from './integrity.js';
import { replicaRows } from './replica-read.js';
import { AUTH_SELECT, type AuthRow, sql, toLoaded } from './repository.js';
import { isStatus } from './state-machine.js';
import { optionalText, requireId } from './validate.js';

type Cursor = { readonly t: string; readonly i: string };

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function badCursor(): QuarantineError {
  return new QuarantineError(QuarantineErrorCode.INVALID_INPUT, 'cursor is malformed', {
    field: 'options.cursor',
  });
}

function decodeCursor(raw: string): { createdAt: Date; id: string } {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    const createdAt = new Date(c.t);
    // Exactly what encodeCursor writes (toISOString, 4-digit year): a forged
    // date PostgreSQL cannot hold (e.g. year -100000) must not reach it.
    if (
      typeof c.t !== 'string' ||
      !ISO_UTC.test(c.t) ||
      Number.isNaN(createdAt.getTime()) ||
      createdAt.toISOString() !== c.t
    ) {
      throw badCursor();
    }
    return { createdAt, id: requireId(c.i) };
  } catch {
    throw badCursor();
  }
}

function encodeCursor(r: QuarantineRecord): string {
  return Buffer.from(JSON.stringify({ t: r.createdAt.toISOString(), i: r.id })).toString(
    'base64url',
  );
}

/** Checks the options and builds the WHERE clauses with their bound values. */
function listFilter(options: ListOptions): { where: string[]; bind: unknown[]; limit: number } {
  if (typeof options !== 'object' || options === null) {
    throw new QuarantineError(QuarantineErrorCode.INVALID_INPUT, 'expected an options object', {
      field: 'options',
    });
  }
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new QuarantineError(QuarantineErrorCode.INVALID_INPUT, 'limit must be 1..500', {
      field: 'options.limit',
    });
  }
  if (options.status !== undefined && !isStatus(options.status)) {
    throw new QuarantineError(QuarantineErrorCode.INVALID_INPUT, 'unknown status', {
      field: 'options.status',
    });
  }
  const where: string[] = ["r.status <> 'PENDING'"];
  const bind: unknown[] = [];
  const add = (clause: string, value: unknown): void => {
    bind.push(value);
    where.push(clause.replace('?', `$${bind.length}`));
  };
  if (options.status !== undefined) add('r.status = ?', options.status);
  const tier = optionalText(options.tier, 'options.tier', 32);
  if (tier !== null) add('r.tier = ?', tier);
  const sourceId = optionalText(options.sourceId, 'options.sourceId', 255);
  if (sourceId !== null) add('r.source_id = ?', sourceId);
  if (options.cursor !== undefined) {
    if (typeof options.cursor !== 'string') throw badCursor();
    const c = decodeCursor(options.cursor);
    bind.push(c.createdAt, c.id);
    where.push(`(r.created_at, r.id) < ($${bind.length - 1}, $${bind.length})`);
  }
  return { where, bind, limit };
}

/**
 * `list`: newest first, keyset pagination on (created_at, id), which stays
 * stable while records are added and uses the (…, created_at, id) indexes.
 * Every row is authenticated: one that fails is left out of `items`,
 * named in `refusedIds` and alarmed (metric and error log), so one forged
 * row neither reaches a moderator nor blocks the queue. The cursor follows
 * the rows read, refused ones included, so paging never stalls on one.
 * Reads the `readReplica` when configured (it may lag).
 */
export async function listRecords(ctx: Context, options: ListOptions = {}): Promise<ListPage> {
  const { where, bind, limit } = listFilter(options);
  bind.push(limit + 1);
  const rows = await replicaRows<AuthRow>(
    ctx,
    `${AUTH_SELECT} WHERE ${where.join(' AND ')}
     ORDER BY r.created_at DESC, r.id DESC LIMIT $${bind.length}`,
    bind,
  );
  const page = rows.slice(0, limit).map(toLoaded);
  const items: QuarantineRecord[] = [];
  const refusedIds: string[] = [];
  for (const loaded of page) {
    const verdict = await judge(ctx, loaded);
    if (verdict.ok) {
      if (verdict.legacy) ctx.metrics.unauthenticated.add(1, { operation: 'list' });
      items.push(loaded.record as QuarantineRecord);
      continue;
    }
    alarm(ctx, loaded.record.id, 'list', verdict.reason);
    refusedIds.push(loaded.record.id);
  }
  const last = page[page.length - 1]?.record;
  return {
    items,
    refusedIds,
    nextCursor:
      rows.length > limit && last !== undefined ? encodeCursor(last as QuarantineRecord) : null,
  };
}

const EMPTY: StatusStats = { count: 0, sizeBytes: 0 };

/** `storageStats`: one grouped query (on the `readReplica` when configured). */
export async function storageStats(ctx: Context): Promise<StorageStats> {
  const rows = await replicaRows<{
    status: string;
    n: string;
    bytes: string;
    oldest: Date | null;
  }>(
    ctx,
    `SELECT status, count(*) AS n, COALESCE(sum(size_bytes), 0) AS bytes, min(created_at) AS oldest
     FROM quarantine_records GROUP BY status`,
    [],
  );
  const byStatus: Record<QuarantineStatus, StatusStats> = {
    QUARANTINED: EMPTY,
    UNDER_REVIEW: EMPTY,
    RELEASED: EMPTY,
    DELETED: EMPTY,
    EXPIRED: EMPTY,
  };
  let pendingCount = 0;
  let oldestHeldAt: Date | null = null;
  for (const row of rows) {
    const stats = { count: Number(row.n), sizeBytes: Number(row.bytes) };
    if (row.status === 'PENDING') pendingCount = stats.count;
    else if (isStatus(row.status)) byStatus[row.status] = stats;
    if ((row.status === 'QUARANTINED' || row.status === 'UNDER_REVIEW') && row.oldest !== null) {
      const oldest = new Date(row.oldest);
      if (oldestHeldAt === null || oldest < oldestHeldAt) oldestHeldAt = oldest;
    }
  }
  return {
    byStatus,
    heldCount: byStatus.QUARANTINED.count + byStatus.UNDER_REVIEW.count,
    heldBytes: byStatus.QUARANTINED.sizeBytes + byStatus.UNDER_REVIEW.sizeBytes,
    oldestHeldAt,
    pendingCount,
  };
}

/**
 * `keyUsage`: per master key id, the records that still need it: their
 * data key is wrapped by it or (local keyring) their MAC is made with the
 * key derived from it. A key at 0 may be retired without making any
 * record unreadable or unverifiable. Always on the primary: a lagging
 * replica would undercount and let a key in use be retired.
 */
export async function keyUsage(ctx: Context): Promise<KeyUsage> {
  const macs = ctx.macKeys.followMasterKeys
    ? 'UNION SELECT mac_key_id, id FROM quarantine_records WHERE mac_key_id IS NOT NULL'
    : '';
  const rows = await sql<{ key_id: string; n: string }>(
    ctx.db,
    `SELECT key_id, count(*) AS n FROM (
       SELECT master_key_id AS key_id, record_id FROM encryption_keys ${macs}
     ) uses GROUP BY key_id`,
    [],
  );
  return Object.fromEntries(rows.map((r) => [r.key_id, Number(r.n)]));
}

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
import { sql, toRecord } from './repository.js';
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
  const where: string[] = ["status <> 'PENDING'"];
  const bind: unknown[] = [];
  const add = (clause: string, value: unknown): void => {
    bind.push(value);
    where.push(clause.replace('?', `$${bind.length}`));
  };
  if (options.status !== undefined) add('status = ?', options.status);
  const tier = optionalText(options.tier, 'options.tier', 32);
  if (tier !== null) add('tier = ?', tier);
  const sourceId = optionalText(options.sourceId, 'options.sourceId', 255);
  if (sourceId !== null) add('source_id = ?', sourceId);
  if (options.cursor !== undefined) {
    if (typeof options.cursor !== 'string') throw badCursor();
    const c = decodeCursor(options.cursor);
    bind.push(c.createdAt, c.id);
    where.push(`(created_at, id) < ($${bind.length - 1}, $${bind.length})`);
  }
  return { where, bind, limit };
}

/**
 * `list`: newest first, keyset pagination on (created_at, id), which stays
 * stable while records are added and uses the (…, created_at, id) indexes.
 */
export async function listRecords(ctx: Context, options: ListOptions = {}): Promise<ListPage> {
  const { where, bind, limit } = listFilter(options);
  bind.push(limit + 1);
  const rows = await sql<Parameters<typeof toRecord>[0]>(
    ctx.db,
    `SELECT id, status, tier, labels, matches, plugin_results, content_type, source_id, agent_id,
       s3_key, size_bytes, version, created_at, expires_at, reviewed_by, reviewed_at, notes
     FROM quarantine_records WHERE ${where.join(' AND ')}
     ORDER BY created_at DESC, id DESC LIMIT $${bind.length}`,
    bind,
  );
  const items = rows.slice(0, limit).map((r) => toRecord(r) as QuarantineRecord);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last) : null,
  };
}

const EMPTY: StatusStats = { count: 0, sizeBytes: 0 };

/** `storageStats`: one grouped query. */
export async function storageStats(ctx: Context): Promise<StorageStats> {
  const rows = await sql<{ status: string; n: string; bytes: string; oldest: Date | null }>(
    ctx.db,
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

/** `keyUsage`: live data keys per master key id. */
export async function keyUsage(ctx: Context): Promise<KeyUsage> {
  const rows = await sql<{ master_key_id: string; n: string }>(
    ctx.db,
    'SELECT master_key_id, count(*) AS n FROM encryption_keys GROUP BY master_key_id',
    [],
  );
  return Object.fromEntries(rows.map((r) => [r.master_key_id, Number(r.n)]));
}

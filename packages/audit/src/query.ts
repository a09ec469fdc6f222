/**
 * `query()`: filters, keyset pagination newest first, stable ties.
 */
import { AuditError, AuditErrorCode } from './errors.js';
import { AUDIT_ACTOR_TYPES, isWellFormedEventType } from './event-types.js';
import { checkAuditOptions, QUERY_SPEC } from './internal/options.js';
import { SELECT_COLUMNS } from './internal/rows.js';
import type { AuditQuery } from './types.js';
import { MAX_ID_LENGTH } from './validate-event.js';

/** Largest page `query()` returns. */
export const MAX_QUERY_LIMIT = 1000;

/** A validated query as SQL text and bind values. */
export type BuiltQuery = {
  readonly sql: string;
  readonly bind: readonly unknown[];
  readonly limit: number;
};

function bad(code: AuditErrorCode, message: string, field: string): AuditError {
  return new AuditError(code, message, { field });
}

function checkDate(value: unknown, field: string): Date | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw bad(AuditErrorCode.INVALID_DATE, 'expected a valid Date', field);
  }
  return value;
}

function checkString(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
    throw bad(AuditErrorCode.INVALID_FIELD, 'expected a string of 1 to 256 characters', field);
  }
  return value;
}

function checkEventTypes(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.length > 100 || !list.every(isWellFormedEventType)) {
    throw bad(
      AuditErrorCode.INVALID_EVENT_TYPE,
      'eventType must be one UPPER_SNAKE event type or 1 to 100 of them',
      'eventType',
    );
  }
  return list as string[];
}

/**
 * Encodes a keyset position.
 *
 * @param createdAtMs - the row's time (ms, decimal text)
 * @param seq - the row's sequence (decimal text)
 * @returns an opaque cursor
 */
export function encodeCursor(createdAtMs: string, seq: string): string {
  return Buffer.from(`v1:${createdAtMs}:${seq}`, 'utf8').toString('base64url');
}

/** 9999-12-31T23:59:59.999Z, the last instant of four-digit years. */
const MAX_CURSOR_MS = 253_402_300_799_999;

function decodeCursor(cursor: unknown): { createdAt: string; seq: string } {
  const text =
    typeof cursor === 'string' && cursor.length <= 64
      ? Buffer.from(cursor, 'base64url').toString('utf8')
      : '';
  const m = /^v1:(\d{1,15}):(\d{1,18})$/.exec(text);
  // Past year 9999 toISOString() writes `+0YYYYY-…`, which PostgreSQL does not
  // parse: such a (forged) cursor would surface as a database read failure.
  if (m === null || Number(m[1]) > MAX_CURSOR_MS) {
    throw bad(AuditErrorCode.INVALID_CURSOR, 'cursor was not produced by query()', 'cursor');
  }
  return { createdAt: new Date(Number(m[1])).toISOString(), seq: m[2] as string };
}

/**
 * Validates a query and builds its SQL. Fetches `limit + 1` rows so the
 * caller knows whether another page exists.
 *
 * @param q - the caller's query (untrusted)
 * @returns SQL, bind values and the page size
 * @throws {AuditError} AUDIT_INVALID_LIMIT, AUDIT_INVALID_DATE, AUDIT_INVALID_CURSOR,
 *   AUDIT_INVALID_EVENT_TYPE, AUDIT_INVALID_ACTOR_TYPE, AUDIT_INVALID_FIELD;
 *   AUDIT_INVALID_CONFIG for an unknown key (e.g. `offset`: pages are cursors)
 */
export function buildQuery(q: AuditQuery): BuiltQuery {
  if (typeof q !== 'object' || q === null) {
    throw bad(AuditErrorCode.INVALID_FIELD, 'query must be an object', 'query');
  }
  checkAuditOptions(q, QUERY_SPEC);
  const limit = q.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
    throw bad(AuditErrorCode.INVALID_LIMIT, 'limit must be an integer from 1 to 1000', 'limit');
  }
  const start = checkDate(q.startDate, 'startDate');
  const end = checkDate(q.endDate, 'endDate');
  if (start !== undefined && end !== undefined && start.getTime() > end.getTime()) {
    throw bad(AuditErrorCode.INVALID_DATE, 'startDate is after endDate', 'startDate');
  }
  if (
    q.actorType !== undefined &&
    !(AUDIT_ACTOR_TYPES as readonly unknown[]).includes(q.actorType)
  ) {
    throw bad(
      AuditErrorCode.INVALID_ACTOR_TYPE,
      'actorType must be agent, bot, human or system',
      'actorType',
    );
  }
  const where: string[] = [];
  const bind: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown): void => {
    bind.push(value);
    where.push(sql(`$${bind.length}`));
  };
  const types = checkEventTypes(q.eventType);
  if (types?.length === 1) add((n) => `event_type = ${n}`, types[0]);
  else if (types !== undefined) add((n) => `event_type = ANY(${n}::text[])`, types);
  const actorId = checkString(q.actorId, 'actorId');
  if (actorId !== undefined) add((n) => `actor_id = ${n}`, actorId);
  if (q.actorType !== undefined) add((n) => `actor_type = ${n}`, q.actorType);
  const targetId = checkString(q.targetId, 'targetId');
  if (targetId !== undefined) add((n) => `target_id = ${n}`, targetId);
  if (start !== undefined) add((n) => `created_at >= ${n}::timestamptz`, start.toISOString());
  if (end !== undefined) add((n) => `created_at < ${n}::timestamptz`, end.toISOString());
  if (q.cursor !== undefined) {
    const c = decodeCursor(q.cursor);
    bind.push(c.createdAt, c.seq);
    // Row comparison: served by the (…, created_at, seq) indexes, ties broken by seq.
    where.push(`(created_at, seq) < ($${bind.length - 1}::timestamptz, $${bind.length}::int8)`);
  }
  const sql = `SELECT ${SELECT_COLUMNS} FROM audit_logs${
    where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''
  } ORDER BY audit_logs.created_at DESC, audit_logs.seq DESC LIMIT ${limit + 1}`;
  return { sql, bind, limit };
}

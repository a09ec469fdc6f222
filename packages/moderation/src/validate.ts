/**
 * Validation of every request body and query the service accepts. Pure:
 * each parser returns a typed value or throws MODERATION_INVALID_INPUT
 * naming the field, so nothing is done with half-valid input.
 */
import { checkOptions, type OptionsSpec } from '@clawexchange/ssg/common';
import { ModerationError, ModerationErrorCode } from './errors.js';
import { BotAction, HumanAction, ModerationReason } from './types.js';

/** Longest `notes` accepted, in characters. */
// Fits the audit trail's default 1024-character limit per metadata string.
export const MAX_NOTES_LENGTH = 1000;
/** Largest page a queue or list request may ask for. */
export const MAX_PAGE_SIZE = 100;

/** An unpaired UTF-16 surrogate: text with one has no UTF-8 form. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIER = /^[A-Z][A-Z_]{0,31}$/;
const CURSOR = /^[A-Za-z0-9_\-=.:]{1,512}$/;
const STATUSES = ['QUARANTINED', 'UNDER_REVIEW', 'RELEASED', 'DELETED', 'EXPIRED'] as const;

function invalid(field: string, message: string): ModerationError {
  return new ModerationError(ModerationErrorCode.INVALID_INPUT, message, { field });
}

function spec(name: string, keys: readonly string[]): OptionsSpec {
  return { name, keys, error: (field, message) => invalid(field, message) };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw invalid(field, `expected one of ${allowed.join(', ')}`);
}

/**
 * Checks a quarantine record id.
 * @param value - anything
 * @param field - the field name for the error
 * @returns the id, lower-cased
 * @throws {ModerationError} MODERATION_INVALID_INPUT when it is not a UUID
 */
export function parseRecordId(value: unknown, field = 'quarantineId'): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw invalid(field, 'expected a UUID');
  return value.toLowerCase();
}

function parseNotes(value: unknown, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid('notes', 'expected a non-empty string');
  }
  if (value.length > MAX_NOTES_LENGTH) {
    throw invalid('notes', `expected at most ${MAX_NOTES_LENGTH} characters`);
  }
  // The quarantine stores notes in PostgreSQL text, which holds neither: refused here, named
  // (they used to reach the quarantine and come back as a refused `cursor`).
  if (value.includes('\u0000') || LONE_SURROGATE.test(value)) {
    throw invalid('notes', 'expected text without U+0000 or lone surrogates');
  }
  return value;
}

function parseExpectedVersion(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid('expectedVersion', 'expected a whole number ≥ 0');
  }
  return value;
}

/** A validated `POST /bot/action` body. */
export type BotActionInput = {
  readonly quarantineId: string;
  readonly action: BotAction;
  readonly confidence: number;
  readonly reason: ModerationReason;
  readonly notes?: string;
  readonly expectedVersion?: number;
};

const BOT_ACTION_KEYS = [
  'quarantineId',
  'action',
  'confidence',
  'reason',
  'notes',
  'expectedVersion',
] as const;

/**
 * Validates a bot action body.
 * @param body - the parsed JSON body
 * @returns the typed input
 * @throws {ModerationError} MODERATION_INVALID_INPUT naming the first bad field
 */
export function parseBotAction(body: unknown): BotActionInput {
  const o = checkOptions(body, spec('bot action', BOT_ACTION_KEYS));
  const quarantineId = parseRecordId(o.quarantineId);
  const action = oneOf(o.action, Object.values(BotAction), 'action');
  const { confidence } = o;
  if (
    typeof confidence !== 'number' ||
    !Number.isFinite(confidence) ||
    confidence < 0 ||
    confidence > 1
  ) {
    throw invalid('confidence', 'expected a number from 0 to 1');
  }
  const reason = oneOf(o.reason, Object.values(ModerationReason), 'reason');
  const notes = parseNotes(o.notes, false);
  const expectedVersion = parseExpectedVersion(o.expectedVersion);
  return {
    quarantineId,
    action,
    confidence,
    reason,
    ...(notes === undefined ? {} : { notes }),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  };
}

/** A validated `POST /human/action` body. */
export type HumanActionInput = {
  readonly quarantineId: string;
  readonly action: HumanAction;
  readonly notes: string;
  readonly expectedVersion?: number;
};

/**
 * Validates a human action body (`notes` are required).
 * @param body - the parsed JSON body
 * @returns the typed input
 * @throws {ModerationError} MODERATION_INVALID_INPUT naming the first bad field
 */
export function parseHumanAction(body: unknown): HumanActionInput {
  const o = checkOptions(
    body,
    spec('human action', ['quarantineId', 'action', 'notes', 'expectedVersion']),
  );
  const quarantineId = parseRecordId(o.quarantineId);
  const action = oneOf(o.action, Object.values(HumanAction), 'action');
  const notes = parseNotes(o.notes, true) as string;
  const expectedVersion = parseExpectedVersion(o.expectedVersion);
  return {
    quarantineId,
    action,
    notes,
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  };
}

/**
 * Validates a `POST /human/content-access` body.
 * @param body - the parsed JSON body
 * @returns the record id
 * @throws {ModerationError} MODERATION_INVALID_INPUT
 */
export function parseContentAccess(body: unknown): string {
  const o = checkOptions(body, spec('content access', ['quarantineId']));
  return parseRecordId(o.quarantineId);
}

/** Validated queue or list filters. */
export type ListQuery = {
  readonly status?: (typeof STATUSES)[number];
  readonly tier?: string;
  readonly sourceId?: string;
  readonly cursor?: string;
  readonly limit: number;
};

function optionalString(value: unknown, field: string, pattern: RegExp): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) throw invalid(field, 'malformed value');
  return value;
}

function parseLimit(value: unknown): number {
  if (value === undefined) return 50;
  const n = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw invalid('limit', `expected a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return n;
}

/**
 * Validates query-string filters. Bots may filter by tier only; humans also
 * by status and source id.
 * @param query - `req.query`-like record of strings
 * @param audience - `bot` or `human`
 * @returns the filters
 * @throws {ModerationError} MODERATION_INVALID_INPUT
 */
export function parseListQuery(query: unknown, audience: 'bot' | 'human'): ListQuery {
  const keys =
    audience === 'bot'
      ? ['tier', 'cursor', 'limit']
      : ['status', 'tier', 'sourceId', 'cursor', 'limit'];
  const o = checkOptions(query, spec(`${audience} queue query`, keys), { optional: true });
  const status = o.status === undefined ? undefined : oneOf(o.status, STATUSES, 'status');
  const tier = optionalString(o.tier, 'tier', TIER);
  const sourceId = optionalString(o.sourceId, 'sourceId', /^[\x21-\x7e]{1,255}$/);
  const cursor = optionalString(o.cursor, 'cursor', CURSOR);
  return {
    limit: parseLimit(o.limit),
    ...(status === undefined ? {} : { status }),
    ...(tier === undefined ? {} : { tier }),
    ...(sourceId === undefined ? {} : { sourceId }),
    ...(cursor === undefined ? {} : { cursor }),
  };
}

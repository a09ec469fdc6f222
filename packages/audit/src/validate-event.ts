/**
 * Turns an `AuditEventInput` into the fields that are stored, or throws a
 * typed error. Runs before anything is queued, so bad input writes nothing.
 */
import type { AuditActorType } from '@clawexchange/ssg';
import type { ResolvedConfig } from './config.js';
import { AuditError, AuditErrorCode } from './errors.js';
import { AUDIT_ACTOR_TYPES, isWellFormedEventType } from './event-types.js';
import { checkAuditOptions, EVENT_SPEC } from './internal/options.js';
import { hasLoneSurrogate } from './internal/unicode.js';
import { maskIpAddress } from './ip-mask.js';
import { canonicalMetadata } from './metadata.js';

/** Longest id or type string, in characters. */
export const MAX_ID_LENGTH = 256;

/** An event ready to be chained: everything but seq, time and hashes. */
export type PreparedEvent = {
  readonly eventType: string;
  readonly actorId: string;
  readonly actorType: AuditActorType;
  readonly targetId: string | null;
  readonly targetType: string | null;
  readonly ipAddress: string | null;
  /** Canonical JSON text. */
  readonly metadata: string | null;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
const CONTROL = /[\u0000-\u001f\u007f]/;

function checkId(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > MAX_ID_LENGTH ||
    CONTROL.test(value) ||
    hasLoneSurrogate(value)
  ) {
    throw new AuditError(
      AuditErrorCode.INVALID_FIELD,
      'expected a string of 1 to 256 characters without control characters or lone surrogates',
      { field },
    );
  }
  return value;
}

function checkEventType(value: unknown, known: ReadonlySet<string>): string {
  if (!isWellFormedEventType(value)) {
    throw new AuditError(
      AuditErrorCode.INVALID_EVENT_TYPE,
      'eventType must be an UPPER_SNAKE string of 2 to 64 characters',
      { field: 'eventType' },
    );
  }
  if (!known.has(value)) {
    throw new AuditError(
      AuditErrorCode.UNKNOWN_EVENT_TYPE,
      'eventType is neither built in nor registered in config.eventTypes',
      { field: 'eventType' },
    );
  }
  return value;
}

function checkActor(event: Record<string, unknown>): {
  actorId: string;
  actorType: AuditActorType;
} {
  const { actorId, actorType } = event;
  if (actorId === undefined || actorId === null || actorId === '') {
    throw new AuditError(AuditErrorCode.MISSING_ACTOR, 'actorId is required', {
      field: 'actorId',
    });
  }
  const id = checkId(actorId, 'actorId') as string;
  if (!(AUDIT_ACTOR_TYPES as readonly unknown[]).includes(actorType)) {
    throw new AuditError(
      AuditErrorCode.INVALID_ACTOR_TYPE,
      'actorType must be agent, bot, human or system',
      { field: 'actorType' },
    );
  }
  return { actorId: id, actorType: actorType as AuditActorType };
}

function checkIp(value: unknown, config: ResolvedConfig): string | null {
  if (value === undefined || value === null) return null;
  const masked =
    typeof value === 'string' && value.length <= 64
      ? maskIpAddress(value, {
          ipv4PrefixLength: config.ipv4PrefixLength,
          ipv6PrefixLength: config.ipv6PrefixLength,
        })
      : null;
  if (masked === null) {
    if (config.onInvalidIp === 'omit') return null;
    throw new AuditError(AuditErrorCode.INVALID_IP_ADDRESS, 'ipAddress is not an IP address', {
      field: 'ipAddress',
    });
  }
  return masked;
}

/**
 * Validates and normalises one event.
 *
 * @param input - the caller's event (untrusted)
 * @param config - the resolved config
 * @returns the stored fields
 * @throws {AuditError} AUDIT_INVALID_EVENT_TYPE, AUDIT_UNKNOWN_EVENT_TYPE, AUDIT_MISSING_ACTOR,
 *   AUDIT_INVALID_ACTOR_TYPE, AUDIT_INVALID_FIELD, AUDIT_INVALID_IP_ADDRESS and the metadata codes
 */
export function prepareEvent(input: unknown, config: ResolvedConfig): PreparedEvent {
  if (typeof input !== 'object' || input === null) {
    throw new AuditError(AuditErrorCode.INVALID_EVENT_TYPE, 'event must be an object', {
      field: 'eventType',
    });
  }
  checkAuditOptions(input, EVENT_SPEC);
  const event = input as Record<string, unknown>;
  const eventType = checkEventType(event.eventType, config.eventTypes);
  const { actorId, actorType } = checkActor(event);
  return {
    eventType,
    actorId,
    actorType,
    targetId: checkId(event.targetId, 'targetId'),
    targetType: checkId(event.targetType, 'targetType'),
    ipAddress: checkIp(event.ipAddress, config),
    metadata:
      event.metadata === undefined || event.metadata === null
        ? null
        : canonicalMetadata(event.metadata, config.metadata),
  };
}

/**
 * Maps failures of the quarantine and audit services onto moderation
 * errors: our code, a constant message, the original as `cause`.
 */
import { isQuarantineError } from '@clawexchange/quarantine';
import { isModerationError, ModerationError, ModerationErrorCode } from '../errors.js';

const BY_QUARANTINE_CODE: Readonly<Record<string, ModerationErrorCode>> = {
  QUARANTINE_NOT_FOUND: ModerationErrorCode.NOT_FOUND,
  QUARANTINE_INVALID_ID: ModerationErrorCode.NOT_FOUND,
  QUARANTINE_CONFLICT: ModerationErrorCode.CONFLICT,
  QUARANTINE_INVALID_TRANSITION: ModerationErrorCode.CONFLICT,
  QUARANTINE_CONTENT_UNAVAILABLE: ModerationErrorCode.CONTENT_GONE,
  QUARANTINE_TOKEN_INVALID: ModerationErrorCode.TOKEN_INVALID,
  QUARANTINE_TOKEN_EXPIRED: ModerationErrorCode.TOKEN_EXPIRED,
  QUARANTINE_TOKEN_REVOKED: ModerationErrorCode.TOKEN_REVOKED,
  QUARANTINE_INVALID_INPUT: ModerationErrorCode.INVALID_INPUT,
  // Forged metadata, or content and key bindings that fail authentication: not an
  // outage (UPSTREAM_FAILED, 503, invites retries), a record no retry will open.
  QUARANTINE_RECORD_TAMPERED: ModerationErrorCode.RECORD_TAMPERED,
  QUARANTINE_INTEGRITY_FAILED: ModerationErrorCode.RECORD_TAMPERED,
  // A key id no keyring holds: a key retired too early, or a forged id. Not an outage either.
  QUARANTINE_KEY_UNAVAILABLE: ModerationErrorCode.KEY_UNAVAILABLE,
};

const MESSAGES: Readonly<Partial<Record<ModerationErrorCode, string>>> = {
  MODERATION_NOT_FOUND: 'no quarantine record has this id',
  MODERATION_CONFLICT: 'the record changed since you saw it; reload and decide again',
  MODERATION_CONTENT_GONE: 'the content was released, deleted or expired',
  MODERATION_TOKEN_INVALID: 'content access token is invalid',
  MODERATION_TOKEN_EXPIRED: 'content access token has expired',
  MODERATION_TOKEN_REVOKED: 'content access token refers to content that is no longer held',
  MODERATION_INVALID_INPUT: 'the quarantine refused an input',
  MODERATION_RECORD_TAMPERED: 'the record failed its integrity check and is refused',
  MODERATION_KEY_UNAVAILABLE:
    'the record is sealed by a master key that is not in the keyring; it is refused',
};

/**
 * Runs a quarantine call and rethrows its failure as a {@link ModerationError}.
 *
 * @param call - the call to run
 * @param details - ids to attach to the error body
 * @returns what the call returned
 * @throws {ModerationError} mapped from the quarantine code (MODERATION_RECORD_TAMPERED for a
 *   record that fails authentication, MODERATION_KEY_UNAVAILABLE for one sealed by a key
 *   the keyring lacks); MODERATION_UPSTREAM_FAILED otherwise
 */
export async function viaQuarantine<T>(
  call: () => Promise<T>,
  details: Readonly<Record<string, unknown>> = {},
): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw mapQuarantineError(e, details);
  }
}

/**
 * The moderation error for a quarantine failure.
 *
 * @param e - what the quarantine threw
 * @param details - ids to attach
 * @returns the mapped error
 */
export function mapQuarantineError(
  e: unknown,
  details: Readonly<Record<string, unknown>> = {},
): ModerationError {
  if (isModerationError(e)) return e;
  if (isQuarantineError(e)) {
    const code = BY_QUARANTINE_CODE[e.code];
    if (code !== undefined) {
      // The field the quarantine named (a field name, never a value); it used to be
      // `cursor` whatever the quarantine refused.
      const field = code === ModerationErrorCode.INVALID_INPUT ? (e.field ?? 'input') : undefined;
      return new ModerationError(code, MESSAGES[code] ?? 'quarantine refused the request', {
        cause: e,
        details,
        ...(field === undefined ? {} : { field }),
      });
    }
  }
  return new ModerationError(ModerationErrorCode.UPSTREAM_FAILED, 'the quarantine service failed', {
    cause: e,
    details,
  });
}

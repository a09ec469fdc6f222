/**
 * How an audit sink says "this event was deliberately not written" through
 * the `AuditSink` contract: `log()` resolves with {@link AUDIT_LOG_DISABLED}.
 * The gate then reports `audit: 'DISABLED'`, never `'LOGGED'`.
 */

/** What `AuditSink.log()` resolves with when the sink writes nothing (e.g. `enabled: false`). */
export type AuditLogDisabled = { readonly status: 'DISABLED' };

/** The one {@link AuditLogDisabled} value a disabled sink resolves with. */
export const AUDIT_LOG_DISABLED: AuditLogDisabled = Object.freeze({ status: 'DISABLED' });

/**
 * Tells whether what `AuditSink.log()` resolved with says nothing was written.
 * Anything else (a record, `undefined`) means the event is committed.
 *
 * @param value - the resolution of `log()`
 * @returns true for `{ status: 'DISABLED' }`
 */
export function isAuditLogDisabled(value: unknown): value is AuditLogDisabled {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { status?: unknown }).status === 'DISABLED'
  );
}

/**
 * The audit event types the gate writes, declared once for the family:
 * `@clawexchange/ssg` writes them and `@clawexchange/audit` registers them
 * among its built-in types (`AuditEventType` spreads this object).
 */

/** Audit event types the gate writes, one per verdict. */
export const SSGAuditEventType = {
  /** The gate passed content. */
  SSG_PASS: 'SSG_PASS',
  /** The gate passed content with a warning. */
  SSG_WARN: 'SSG_WARN',
  /** The gate held content in quarantine. */
  SSG_QUARANTINE: 'SSG_QUARANTINE',
  /** The gate blocked content. */
  SSG_BLOCK: 'SSG_BLOCK',
} as const;
/** One of the {@link SSGAuditEventType} values. */
export type SSGAuditEventType = (typeof SSGAuditEventType)[keyof typeof SSGAuditEventType];

/**
 * Alarms: things the audit logger noticed and handled by its documented
 * policy, but that a human must look at (they mean someone with database
 * access did what the writer never does). Each is logged at `error` with
 * its stable `code`, counted in `clawexchange.audit.chain.alarms`
 * (attributes `code` and `action`), and passed to `onAlarm` when configured.
 */

/** Stable alarm codes. Renaming one is a breaking change. */
export const AuditAlarmCode = {
  /**
   * Rows were found past the chain head (inserted without moving it). The
   * writer never chains onto them unchecked: it adopts them when they are a
   * valid continuation of the head (`action: 'adopted'`), and otherwise
   * appends an `AUDIT_TAIL_SKIPPED` row that chains onward from the verified
   * head and names the skipped range (`action: 'skipped'`).
   */
  TAIL_BEYOND_HEAD: 'AUDIT_TAIL_BEYOND_HEAD',
  /**
   * The chain at an anchored checkpoint's sequence no longer carries the
   * anchored hash, or ends before it (`anchorCheckpoint()` refused to publish).
   */
  ANCHOR_MISMATCH: 'AUDIT_ANCHOR_MISMATCH',
} as const;
/** One of the {@link AuditAlarmCode} values. */
export type AuditAlarmCode = (typeof AuditAlarmCode)[keyof typeof AuditAlarmCode];

/** An alarm raised by the logger. Ids and sequence numbers only, never content. */
export type AuditAlarm =
  | {
      readonly code: typeof AuditAlarmCode.TAIL_BEYOND_HEAD;
      /** What the writer did: adopted the verified rows, or skipped them with a marker row. */
      readonly action: 'adopted' | 'skipped';
      /** The chain head when the rows were found. */
      readonly headSeq: number;
      /** First sequence past the head. */
      readonly fromSeq: number;
      /** Last sequence past the head. */
      readonly toSeq: number;
    }
  | {
      readonly code: typeof AuditAlarmCode.ANCHOR_MISMATCH;
      readonly action: 'refused';
      /** Sequence of the latest anchored checkpoint. */
      readonly anchoredSeq: number;
      /** The chain head in the database. */
      readonly headSeq: number;
    };

/** Receives alarms; it must not throw (a throw is logged and ignored). */
export type AuditAlarmHandler = (alarm: AuditAlarm) => void;

import { QuarantineStatus } from '../types.js';

/** Allowed moves; RELEASED, DELETED and EXPIRED are final. */
const TRANSITIONS: Readonly<Record<QuarantineStatus, readonly QuarantineStatus[]>> = {
  QUARANTINED: ['UNDER_REVIEW', 'RELEASED', 'DELETED', 'EXPIRED'],
  UNDER_REVIEW: ['RELEASED', 'DELETED', 'EXPIRED'],
  RELEASED: [],
  DELETED: [],
  EXPIRED: [],
};

const ALL: ReadonlySet<string> = new Set(Object.values(QuarantineStatus));

/** Whether `value` is a public status. */
export function isStatus(value: unknown): value is QuarantineStatus {
  return typeof value === 'string' && ALL.has(value);
}

/** Whether the record can move from `from` to `to`. */
export function canTransition(from: QuarantineStatus, to: QuarantineStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Whether `status` is final (content destroyed). */
export function isFinal(status: QuarantineStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Whether content in `status` is still held. */
export function isHeld(status: string): boolean {
  return status === 'QUARANTINED' || status === 'UNDER_REVIEW';
}

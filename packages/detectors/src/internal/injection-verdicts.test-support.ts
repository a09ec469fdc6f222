/**
 * The injection scan's verdicts as the tests of the rules read them: the
 * findings of a text scanned with `scan()`'s decoding defaults, whether any
 * was reported (flagged), and whether one is high or critical (held for
 * review). Test support only: nothing in the package imports it.
 */
import { scanInjection } from './injection.js';
import type { RawFinding } from './rule.js';

const OPTS = { maxDecodeDepth: 2, decodeBudgetChars: 100_000 };

/** The injection findings of `t`. */
export const findings = (t: string): RawFinding[] => scanInjection(t, OPTS);

/** Whether `t` yields any injection finding. */
export const flagged = (t: string): boolean => findings(t).length > 0;

/** Whether `t` yields a high or critical injection finding (QUARANTINE or above). */
export const held = (t: string): boolean =>
  findings(t).some((f) => f.severity === 'high' || f.severity === 'critical');

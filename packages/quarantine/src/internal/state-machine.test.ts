import { describe, expect, it } from 'vitest';
import { QuarantineStatus } from '../types.js';
import { canTransition, isFinal, isStatus } from './state-machine.js';

describe('status state machine', () => {
  const all = Object.values(QuarantineStatus);

  it('allows exactly the documented moves', () => {
    const allowed = all.flatMap((from) =>
      all.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'QUARANTINED>UNDER_REVIEW',
        'QUARANTINED>RELEASED',
        'QUARANTINED>DELETED',
        'QUARANTINED>EXPIRED',
        'UNDER_REVIEW>RELEASED',
        'UNDER_REVIEW>DELETED',
        'UNDER_REVIEW>EXPIRED',
      ].sort(),
    );
  });

  it('treats RELEASED, DELETED and EXPIRED as final and PENDING as not public', () => {
    expect(all.filter(isFinal).sort()).toEqual(['DELETED', 'EXPIRED', 'RELEASED']);
    expect(isStatus('PENDING')).toBe(false);
    expect(isStatus('QUARANTINED')).toBe(true);
  });
});

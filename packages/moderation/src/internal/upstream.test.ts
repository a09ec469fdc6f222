import { QuarantineError } from '@clawexchange/quarantine';
import { describe, expect, it } from 'vitest';
import { mapQuarantineError } from './upstream.js';

describe('mapQuarantineError', () => {
  /** regression: issue 16 — every refused input was reported as field `cursor` */
  it('keeps the field the quarantine named on a refused input, with a constant message', () => {
    const refused = new QuarantineError('QUARANTINE_INVALID_INPUT', 'refused', {
      field: 'options.notes',
    });
    const mapped = mapQuarantineError(refused, { quarantineId: 'q1' });
    expect([mapped.code, mapped.field, mapped.message]).toEqual([
      'MODERATION_INVALID_INPUT',
      'options.notes',
      'the quarantine refused an input',
    ]);
    const unnamed = mapQuarantineError(new QuarantineError('QUARANTINE_INVALID_INPUT', 'refused'));
    expect(unnamed.field).toBe('input');
  });

  it('maps an unknown failure to MODERATION_UPSTREAM_FAILED without a field', () => {
    const mapped = mapQuarantineError(new Error('socket hang up'));
    expect([mapped.code, mapped.field]).toEqual(['MODERATION_UPSTREAM_FAILED', undefined]);
  });
});

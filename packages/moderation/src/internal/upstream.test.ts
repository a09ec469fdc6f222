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

  /** regression: issue 16 — a forged record was answered 503 UPSTREAM_FAILED, which invites retries */
  it('maps a record that fails authentication to MODERATION_RECORD_TAMPERED, not an outage', () => {
    for (const code of ['QUARANTINE_RECORD_TAMPERED', 'QUARANTINE_INTEGRITY_FAILED'] as const) {
      const upstream = new QuarantineError(code, 'row 42 tier CLEAR');
      const mapped = mapQuarantineError(upstream, { quarantineId: 'q1' });
      expect([mapped.code, mapped.field], code).toEqual(['MODERATION_RECORD_TAMPERED', undefined]);
      // A constant message: the quarantine's own text stays in `cause`.
      expect(mapped.message).not.toContain('row 42');
      expect(mapped.cause).toBe(upstream);
    }
    const keyless = mapQuarantineError(new QuarantineError('QUARANTINE_KEY_UNAVAILABLE', 'k9'));
    expect(keyless.code).toBe('MODERATION_KEY_UNAVAILABLE');
    const outage = mapQuarantineError(new QuarantineError('QUARANTINE_STORAGE_TIMEOUT', 'slow'));
    expect(outage.code).toBe('MODERATION_UPSTREAM_FAILED');
  });

  it('maps an unknown failure to MODERATION_UPSTREAM_FAILED without a field', () => {
    const mapped = mapQuarantineError(new Error('socket hang up'));
    expect([mapped.code, mapped.field]).toEqual(['MODERATION_UPSTREAM_FAILED', undefined]);
  });
});

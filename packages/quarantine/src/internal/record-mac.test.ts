import { hkdfSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalRecord,
  deriveMacKey,
  type MacFields,
  macMatches,
  objectSeal,
  recordMac,
  sealMatches,
} from './record-mac.js';

const KEY = deriveMacKey(Buffer.alloc(32, 1));

const BASE: MacFields = {
  id: '6f1c7f5e-3b0a-4c1e-9a43-2f1d2b3c4d5e',
  status: 'QUARANTINED',
  tier: 'HIGH',
  labels: ['SECRET_AWS_KEY'],
  matches: [{ label: 'SECRET_AWS_KEY', redacted: 'AKIA****' }],
  contentType: 'POST',
  sourceId: 'post-1',
  agentId: 'agent-7',
  s3Key: 'quarantine/2026/11/23/6f1c7f5e-3b0a-4c1e-9a43-2f1d2b3c4d5e',
  sizeBytes: 42,
  version: 0,
  createdAt: new Date('2026-11-23T12:00:00.000Z'),
  expiresAt: new Date('2026-11-26T12:00:00.000Z'),
  reviewedBy: null,
  reviewedAt: null,
  notes: null,
  dataKeyId: '0b1c7f5e-3b0a-4c1e-9a43-2f1d2b3c4d5e',
  masterKeyId: 'default',
  macKeyId: 'default',
};

/** A different value of the same type for one field. */
const changes: Record<keyof MacFields, fc.Arbitrary<unknown>> = {
  id: fc.uuid(),
  status: fc.constantFrom('PENDING', 'UNDER_REVIEW', 'RELEASED', 'DELETED', 'EXPIRED', 'CLEAR'),
  tier: fc.string({ maxLength: 32 }),
  labels: fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }),
  matches: fc.array(fc.record({ label: fc.string(), redacted: fc.string() }), { maxLength: 3 }),
  contentType: fc.option(fc.string({ maxLength: 10 })),
  sourceId: fc.option(fc.string({ maxLength: 10 })),
  agentId: fc.option(fc.string({ maxLength: 10 })),
  s3Key: fc.string({ maxLength: 80 }),
  sizeBytes: fc.nat(),
  version: fc.nat(),
  createdAt: fc.date({ noInvalidDate: true }),
  expiresAt: fc.date({ noInvalidDate: true }),
  reviewedBy: fc.option(fc.string({ maxLength: 10 })),
  reviewedAt: fc.option(fc.date({ noInvalidDate: true })),
  notes: fc.option(fc.string({ maxLength: 20 })),
  dataKeyId: fc.option(fc.uuid()),
  masterKeyId: fc.option(fc.string({ maxLength: 10 })),
  macKeyId: fc.string({ maxLength: 10 }),
};

const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a instanceof Date ? a.getTime() : a) ===
  JSON.stringify(b instanceof Date ? b.getTime() : b);

describe('record MAC', () => {
  /** regression: issue 16 */
  it('any change of any covered field (and only a real change) fails verification', () => {
    const mac = recordMac(KEY, BASE);
    const field = fc.constantFrom(...(Object.keys(changes) as (keyof MacFields)[]));
    fc.assert(
      fc.property(
        field.chain((f) => fc.tuple(fc.constant(f), changes[f])),
        ([f, value]) => {
          const changed = { ...BASE, [f]: value } as MacFields;
          expect(macMatches(KEY, changed, mac)).toBe(sameValue(BASE[f], value));
        },
      ),
      { numRuns: 500 },
    );
    expect(macMatches(KEY, BASE, mac)).toBe(true);
  });

  it('the encoding is unambiguous: moving text between adjacent fields changes it', () => {
    const a = canonicalRecord({ ...BASE, sourceId: 'ab', agentId: 'c' });
    const b = canonicalRecord({ ...BASE, sourceId: 'a', agentId: 'bc' });
    expect(a.equals(b)).toBe(false);
    const c = canonicalRecord({ ...BASE, labels: ['a,b'] });
    const d = canonicalRecord({ ...BASE, labels: ['a', 'b'] });
    expect(c.equals(d)).toBe(false);
    expect(
      canonicalRecord({ ...BASE, notes: null }).equals(canonicalRecord({ ...BASE, notes: 'null' })),
    ).toBe(false);
  });

  it('a MAC from another key, a truncated or a flipped MAC fails', () => {
    const mac = recordMac(KEY, BASE);
    expect(macMatches(deriveMacKey(Buffer.alloc(32, 2)), BASE, mac)).toBe(false);
    expect(macMatches(KEY, BASE, mac.subarray(0, 16))).toBe(false);
    const flipped = Buffer.from(mac);
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(macMatches(KEY, BASE, flipped)).toBe(false);
  });

  it('the MAC key is neither the master key nor the access-token key derived from it', () => {
    const master = Buffer.alloc(32, 1);
    const token = Buffer.from(
      hkdfSync('sha256', master, Buffer.alloc(0), 'clawexchange-quarantine:access-token:v1', 32),
    );
    expect(KEY.equals(master)).toBe(false);
    expect(KEY.equals(token)).toBe(false);
    expect(KEY).toHaveLength(32);
  });

  /** regression: issue 16 */
  it('the object seal binds record id and expiry', () => {
    const s = { id: BASE.id, expiresAt: BASE.expiresAt };
    const seal = objectSeal(KEY, s);
    expect(sealMatches(KEY, s, seal)).toBe(true);
    expect(sealMatches(KEY, { ...s, expiresAt: new Date('2126-01-01T00:00:00Z') }, seal)).toBe(
      false,
    );
    expect(sealMatches(KEY, { ...s, id: BASE.dataKeyId as string }, seal)).toBe(false);
    expect(sealMatches(deriveMacKey(Buffer.alloc(32, 3)), s, seal)).toBe(false);
    expect(sealMatches(KEY, s, `${seal}x`)).toBe(false);
  });
});

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainRow, computeRowHash, GENESIS_HASH } from './canonical.js';

/** The documented format, spelled out with the streaming hash API an auditor would use. */
function reference(row: ChainRow): string {
  const fields = [
    'audit.v1',
    row.seq,
    row.createdAtMs,
    row.eventType,
    row.actorId,
    row.actorType,
    row.targetId,
    row.targetType,
    row.ipAddress,
    row.metadata,
    row.prevHash,
  ];
  return createHash('sha256')
    .update(Buffer.from(JSON.stringify(fields), 'utf8'))
    .digest('hex');
}

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const row: fc.Arbitrary<ChainRow> = fc.record({
  seq: fc.nat().map(String),
  createdAtMs: fc.nat().map(String),
  eventType: text,
  actorId: text,
  actorType: fc.constantFrom('agent', 'bot', 'human', 'system'),
  targetId: fc.option(text, { nil: null }),
  targetType: fc.option(text, { nil: null }),
  ipAddress: fc.option(text, { nil: null }),
  metadata: fc.option(text, { nil: null }),
  prevHash: fc.constant(GENESIS_HASH),
});

describe('computeRowHash', () => {
  it('is SHA-256 of the UTF-8 canonical array, for any text (non-ASCII included)', () => {
    fc.assert(
      fc.property(row, (r) => {
        expect(computeRowHash(r)).toBe(reference(r));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the published test vector', () => {
    const r: ChainRow = {
      seq: '1',
      createdAtMs: '1800000000000',
      eventType: 'SSG_PASS',
      actorId: 'agent-é',
      actorType: 'agent',
      targetId: null,
      targetType: null,
      ipAddress: '203.0.113.0',
      metadata: '{"tier":"CLEAR"}',
      prevHash: GENESIS_HASH,
    };
    expect(computeRowHash(r)).toBe(reference(r));
    expect(computeRowHash(r)).toMatch(/^[0-9a-f]{64}$/);
    expect(computeRowHash({ ...r, actorId: 'agent-e' })).not.toBe(computeRowHash(r));
  });
});

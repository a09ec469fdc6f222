import { describe, expect, it } from 'vitest';
import { computeRowHash, GENESIS_HASH } from './canonical.js';
import { AuditErrorCode } from './errors.js';
import { type ExportedAuditRecord, verifyAuditRecords } from './verify-records.js';

function chain(n: number): ExportedAuditRecord[] {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const base = {
      seq: i + 1,
      createdAt: new Date(1_800_000_000_000 + i).toISOString(),
      eventType: 'SSG_PASS',
      actorId: `a-${i}`,
      actorType: 'agent',
      targetId: null,
      targetType: null,
      ipAddress: null,
      metadata: { z: i, a: ['x'] },
      prevHash: prev,
    };
    const hash = computeRowHash({
      ...base,
      seq: String(base.seq),
      createdAtMs: String(Date.parse(base.createdAt)),
      metadata: `{"a":["x"],"z":${i}}`,
    });
    prev = hash;
    return { ...base, hash };
  });
}

describe('verifyAuditRecords (offline)', () => {
  it('accepts an exported chain, from arrays and async iterables', async () => {
    const records = chain(5);
    expect(await verifyAuditRecords(records)).toMatchObject({ ok: true, checked: 5, lastSeq: 5 });
    async function* lines() {
      yield* JSON.parse(JSON.stringify(records)) as ExportedAuditRecord[];
    }
    expect(await verifyAuditRecords(lines())).toMatchObject({ ok: true, checked: 5 });
  });

  it('finds an edited or missing record, and a tail cut before a checkpoint', async () => {
    const records = chain(6);
    const edited = records.map((r) => (r.seq === 3 ? { ...r, metadata: { z: 99, a: ['x'] } } : r));
    expect(await verifyAuditRecords(edited)).toMatchObject({
      ok: false,
      break: { kind: 'hash_mismatch', expectedSeq: 3 },
    });
    const gap = records.filter((r) => r.seq !== 4);
    expect(await verifyAuditRecords(gap)).toMatchObject({
      ok: false,
      break: { kind: 'sequence_gap' },
    });
    const last = records[5] as ExportedAuditRecord;
    const checkpoint = {
      version: 1 as const,
      seq: 6,
      hash: last.hash,
      createdAt: '2026-11-23T00:00:00.000Z',
      algorithm: 'hmac-sha256' as const,
      keyId: null,
      signature: 'x',
    };
    expect(await verifyAuditRecords(records.slice(0, 4), { checkpoint })).toMatchObject({
      ok: false,
      break: { kind: 'tail_missing', expectedSeq: 5 },
    });
    // A later archive starts right after the checkpoint that closed the previous one.
    const anchor = { ...checkpoint, seq: 3, hash: (records[2] as ExportedAuditRecord).hash };
    expect(await verifyAuditRecords(records.slice(3), { checkpoint: anchor })).toMatchObject({
      ok: true,
    });
    const wrongAnchor = { ...anchor, hash: (records[1] as ExportedAuditRecord).hash };
    expect(await verifyAuditRecords(records.slice(3), { checkpoint: wrongAnchor })).toMatchObject({
      ok: false,
      break: { kind: 'prev_hash_mismatch', expectedSeq: 4 },
    });
  });

  it('rejects things that are not records', async () => {
    await expect(verifyAuditRecords([{ seq: 'x' } as never])).rejects.toMatchObject({
      code: AuditErrorCode.INVALID_RECORD,
    });
  });
});

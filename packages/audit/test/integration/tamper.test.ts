import { generateKeyPairSync } from 'node:crypto';
import type { TestDatabase } from '@clawexchange/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AuditErrorCode,
  type AuditLogger,
  computeRowHash,
  createAuditLogger,
  verifyAuditCheckpoint,
} from '../../src/index.js';
import { migratedDatabase, tamper } from './helpers.js';

const KEY = { algorithm: 'hmac-sha256', secret: Buffer.alloc(32, 7), keyId: 'k1' } as const;

type Raw = {
  seq: string;
  ms: string;
  event_type: string;
  actor_id: string;
  actor_type: string;
  target_id: string | null;
  target_type: string | null;
  ip_address: string | null;
  metadata: string | null;
  prev_hash: string;
  hash: string;
};

async function rows(db: TestDatabase): Promise<Raw[]> {
  const [r] = await db.sequelize.query(`SELECT seq::text AS seq,
    (extract(epoch FROM created_at) * 1000)::int8::text AS ms, event_type, actor_id, actor_type,
    target_id, target_type, ip_address, metadata::text AS metadata,
    encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
    FROM audit_logs ORDER BY audit_logs.seq`);
  return r as Raw[];
}

function hashOf(r: Raw, overrides: Partial<Raw> = {}): string {
  const x = { ...r, ...overrides };
  return computeRowHash({
    seq: x.seq,
    createdAtMs: x.ms,
    eventType: x.event_type,
    actorId: x.actor_id,
    actorType: x.actor_type,
    targetId: x.target_id,
    targetType: x.target_type,
    ipAddress: x.ip_address,
    metadata: x.metadata,
    prevHash: x.prev_hash,
  });
}

async function seeded(n: number): Promise<{ db: TestDatabase; audit: AuditLogger }> {
  const db = await migratedDatabase();
  const audit = createAuditLogger({ database: db.sequelize, checkpointKey: KEY });
  for (let i = 1; i <= n; i++) {
    await audit.log({
      eventType: i % 2 === 0 ? 'SSG_WARN' : 'SSG_PASS',
      actorId: `agent-${i}`,
      actorType: 'agent',
      targetId: `post-${i}`,
      metadata: { i, labels: ['X'] },
    });
  }
  return { db, audit };
}

describe('verify() catches tampering done by a superuser with triggers off', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it('an untouched chain verifies, also over a sub-range', async () => {
    const s = await seeded(10);
    db = s.db;
    expect(await s.audit.verify()).toMatchObject({ ok: true, checked: 10, lastSeq: 10 });
    expect(await s.audit.verify({ from: 4, to: 7 })).toMatchObject({
      ok: true,
      checked: 4,
      lastSeq: 7,
    });
  });

  it('a changed field', async () => {
    const s = await seeded(10);
    db = s.db;
    await tamper(db.url, ["UPDATE audit_logs SET actor_id = 'someone-else' WHERE seq = 5"]);
    expect(await s.audit.verify()).toEqual({
      ok: false,
      checked: 4,
      break: { kind: 'hash_mismatch', expectedSeq: 5, foundSeq: 5, position: 4 },
    });
  });

  it('a changed field whose hash (but not the next link) was recomputed', async () => {
    const s = await seeded(10);
    db = s.db;
    const r5 = (await rows(db))[4] as Raw;
    const forged = hashOf(r5, { actor_id: 'someone-else' });
    await tamper(db.url, [
      `UPDATE audit_logs SET actor_id = 'someone-else', hash = decode('${forged}', 'hex') WHERE seq = 5`,
    ]);
    expect(await s.audit.verify()).toMatchObject({
      ok: false,
      break: { kind: 'prev_hash_mismatch', expectedSeq: 6, position: 5 },
    });
  });

  it('a deleted row', async () => {
    const s = await seeded(10);
    db = s.db;
    await tamper(db.url, ['DELETE FROM audit_logs WHERE seq = 5']);
    expect(await s.audit.verify()).toMatchObject({
      ok: false,
      checked: 4,
      break: { kind: 'sequence_gap', expectedSeq: 5, foundSeq: 6, position: 4 },
    });
  });

  /** regression: issue 5 (verify({ to }) passed when the rows at the end of its range were deleted) */
  it('deleted rows at the end of an explicit range', async () => {
    const s = await seeded(10);
    db = s.db;
    await tamper(db.url, ['DELETE FROM audit_logs WHERE seq >= 8']);
    const missing = { kind: 'tail_missing', expectedSeq: 8, foundSeq: null, position: 7 };
    expect(await s.audit.verify({ to: 10 })).toEqual({ ok: false, checked: 7, break: missing });
    expect(await s.audit.verify({ from: 3, to: 9 })).toMatchObject({
      ok: false,
      checked: 5,
      break: { kind: 'tail_missing', expectedSeq: 8, foundSeq: null },
    });
    expect(await s.audit.verify({ to: 7 })).toMatchObject({ ok: true, checked: 7, lastSeq: 7 });
  });

  it('a range past the chain head is empty: nothing checked, lastSeq 0', async () => {
    const s = await seeded(3);
    db = s.db;
    expect(await s.audit.verify({ from: 50 })).toEqual({
      ok: true,
      checked: 0,
      lastSeq: 0,
      lastHash: '0'.repeat(64),
    });
    expect(await s.audit.verify({ from: 4, to: 9 })).toMatchObject({ ok: true, checked: 0 });
  });

  it('an inserted row (later rows renumbered, forged row correctly hashed)', async () => {
    const s = await seeded(10);
    db = s.db;
    const r4 = (await rows(db))[3] as Raw;
    const forged: Raw = {
      ...r4,
      seq: '5',
      actor_id: 'forged',
      prev_hash: r4.hash,
      hash: '',
    };
    forged.hash = hashOf(forged);
    await tamper(db.url, [
      'UPDATE audit_logs SET seq = seq + 1000 WHERE seq >= 5',
      'UPDATE audit_logs SET seq = seq - 999 WHERE seq > 1000',
      `INSERT INTO audit_logs SELECT 5, created_at, event_type, 'forged', actor_type, target_id,
        target_type, ip_address, metadata, prev_hash, decode('${forged.hash}', 'hex')
        FROM audit_logs WHERE seq = 4`,
      `UPDATE audit_logs SET prev_hash = decode('${r4.hash}', 'hex') WHERE seq = 5`,
    ]);
    const result = await s.audit.verify();
    expect(result).toMatchObject({ ok: false, checked: 5, break: { expectedSeq: 6, position: 5 } });
  });

  it('an inserted row with a duplicate sequence number', async () => {
    const s = await seeded(6);
    db = s.db;
    await tamper(db.url, [
      'ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_pkey',
      'INSERT INTO audit_logs SELECT * FROM audit_logs WHERE seq = 3',
    ]);
    expect(await s.audit.verify()).toMatchObject({
      ok: false,
      checked: 3,
      break: { kind: 'sequence_out_of_order', expectedSeq: 4, foundSeq: 3, position: 3 },
    });
  });

  it('two swapped rows', async () => {
    const s = await seeded(10);
    db = s.db;
    await tamper(db.url, [
      'UPDATE audit_logs SET seq = 1000003 WHERE seq = 3',
      'UPDATE audit_logs SET seq = 3 WHERE seq = 7',
      'UPDATE audit_logs SET seq = 7 WHERE seq = 1000003',
    ]);
    expect(await s.audit.verify()).toMatchObject({
      ok: false,
      checked: 2,
      break: { kind: 'hash_mismatch', expectedSeq: 3, foundSeq: 3, position: 2 },
    });
  });

  it('a truncated tail after a checkpoint, even when the chain head is rewound to hide it', async () => {
    const s = await seeded(10);
    db = s.db;
    const checkpoint = JSON.parse(JSON.stringify(await s.audit.head()));
    expect(checkpoint).toMatchObject({ seq: 10, algorithm: 'hmac-sha256', keyId: 'k1' });
    for (let i = 0; i < 3; i++) {
      await s.audit.log({ eventType: 'SSG_PASS', actorId: `late-${i}`, actorType: 'bot' });
    }
    expect(await s.audit.verify({ checkpoint })).toMatchObject({ ok: true, lastSeq: 13 });
    const r7 = (await rows(db))[6] as Raw;
    // Only the tail: the head table still says 13.
    await tamper(db.url, ['DELETE FROM audit_logs WHERE seq >= 12']);
    expect(await s.audit.verify()).toMatchObject({
      ok: false,
      break: { kind: 'tail_missing', expectedSeq: 12, foundSeq: null },
    });
    // A careful attacker also rewinds the head: the chain alone now looks whole...
    await tamper(db.url, [
      'DELETE FROM audit_logs WHERE seq >= 8',
      `UPDATE audit_chain_head SET last_seq = 7, last_hash = decode('${r7.hash}', 'hex')`,
    ]);
    expect(await s.audit.verify()).toMatchObject({ ok: true, lastSeq: 7 });
    // ...but not against the exported checkpoint.
    expect(await s.audit.verify({ checkpoint })).toMatchObject({
      ok: false,
      checked: 7,
      break: { kind: 'tail_missing', expectedSeq: 8, foundSeq: null, position: 7 },
    });
  });

  it('a rewritten history with every hash recomputed is caught by the checkpoint', async () => {
    const s = await seeded(8);
    db = s.db;
    const checkpoint = await s.audit.head();
    const all = await rows(db);
    let prev = (all[2] as Raw).hash;
    const statements = ["UPDATE audit_logs SET actor_id = 'rewritten' WHERE seq = 4"];
    for (const r of all.slice(3)) {
      const next = { ...r, prev_hash: prev, actor_id: r.seq === '4' ? 'rewritten' : r.actor_id };
      const h = hashOf(next);
      statements.push(
        `UPDATE audit_logs SET prev_hash = decode('${prev}', 'hex'), hash = decode('${h}', 'hex') WHERE seq = ${r.seq}`,
      );
      prev = h;
    }
    statements.push(`UPDATE audit_chain_head SET last_hash = decode('${prev}', 'hex')`);
    await tamper(db.url, statements);
    expect(await s.audit.verify()).toMatchObject({ ok: true });
    expect(await s.audit.verify({ checkpoint })).toMatchObject({
      ok: false,
      break: { kind: 'checkpoint_mismatch', expectedSeq: 8, foundSeq: 8 },
    });
  });

  it('head() refuses to sign when the chain head and the last row disagree', async () => {
    const s = await seeded(3);
    db = s.db;
    await tamper(db.url, [
      "UPDATE audit_logs SET hash = decode(repeat('ab', 32), 'hex') WHERE seq = 3",
    ]);
    await expect(s.audit.head()).rejects.toMatchObject({ code: AuditErrorCode.CHAIN_INCONSISTENT });
  });

  it('rejects forged or foreign checkpoints', async () => {
    const s = await seeded(3);
    db = s.db;
    const checkpoint = await s.audit.head();
    await expect(s.audit.verify({ checkpoint: { ...checkpoint, seq: 2 } })).rejects.toMatchObject({
      code: AuditErrorCode.INVALID_CHECKPOINT,
    });
    const other = createAuditLogger({
      database: db.sequelize,
      checkpointKey: { algorithm: 'hmac-sha256', secret: Buffer.alloc(32, 8) },
    });
    await expect(other.verify({ checkpoint })).rejects.toMatchObject({
      code: AuditErrorCode.INVALID_CHECKPOINT,
    });
    expect(() => verifyAuditCheckpoint({ nonsense: true }, KEY)).toThrow(
      expect.objectContaining({ code: AuditErrorCode.INVALID_CHECKPOINT }),
    );
  });

  it('signs with Ed25519 and proves with the public key alone', async () => {
    db = await migratedDatabase();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const writer = createAuditLogger({
      database: db.sequelize,
      checkpointKey: { algorithm: 'ed25519', privateKey },
    });
    await writer.log({ eventType: 'KEY_ROTATION', actorId: 'system', actorType: 'system' });
    const checkpoint = await writer.head();
    expect(checkpoint).toMatchObject({ seq: 1, algorithm: 'ed25519' });
    const auditor = createAuditLogger({
      database: db.sequelize,
      checkpointKey: {
        algorithm: 'ed25519',
        publicKey: publicKey.export({ type: 'spki', format: 'pem' }) as string,
      },
    });
    expect(await auditor.verify({ checkpoint })).toMatchObject({ ok: true });
    await expect(auditor.head()).rejects.toMatchObject({
      code: AuditErrorCode.CHECKPOINT_KEY_MISSING,
    });
  });
});

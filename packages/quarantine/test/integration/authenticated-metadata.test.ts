/**
 * Issue 16: legitimate flows keep authenticating, legacy rows (written
 * before `0004-add-record-mac`) follow the documented migration path, and
 * a property test over random changes of any column.
 */
import { randomBytes } from 'node:crypto';
import type { Meter } from '@opentelemetry/api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quarantine } from '../../src/types.js';
import { codeOf, type Env, fakeClock, META, putRaw, rawObject, setupEnv } from './setup.js';

type Point = { name: string; value: number; attributes: Record<string, unknown> };

function recordingMeter(points: Point[]): Meter {
  const instrument = (name: string) => ({
    add: (value: number, attributes: Record<string, unknown> = {}) =>
      points.push({ name, value, attributes }),
    record: () => undefined,
  });
  return { createCounter: instrument, createHistogram: instrument } as unknown as Meter;
}

const count = (points: Point[], name: string): number =>
  points.filter((p) => p.name === `clawexchange.quarantine.${name}`).length;

async function query(env: Env, text: string, bind: unknown[]): Promise<Record<string, unknown>[]> {
  const [rows] = await env.db.sequelize.query(text, { bind });
  return rows as Record<string, unknown>[];
}

describe('authenticated metadata: legitimate flows, legacy rows, random changes (issue 16)', () => {
  let env: Env;
  let q: Quarantine;
  const clock = fakeClock();
  const points: Point[] = [];
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');

  beforeAll(async () => {
    env = await setupEnv();
    q = env.make({
      now: clock.now,
      meter: recordingMeter(points),
      encryption: { masterKey: oldKey, masterKeyId: 'k1' },
    });
  });
  afterAll(async () => {
    await env.teardown();
  });

  /** regression: issue 16 */
  it('store, review, release, delete, expiry and key rotation never raise the alarm', async () => {
    const reviewed = await q.store('to review then release', META);
    const deleted = await q.store('to delete', META);
    const expiring = await q.store('to expire', META);
    const held = await q.store('stays held through rotation', META);
    await q.updateStatus(reviewed, 'UNDER_REVIEW', { reviewedBy: 'mod-1', notes: 'looking' });
    const token = await q.createAccessToken(reviewed, { actor: 'mod-1' });
    expect(await q.verifyAccessToken(token)).toMatchObject({ recordId: reviewed });
    expect(await q.release(reviewed, { reviewedBy: 'mod-2' })).toBe('to review then release');
    expect((await q.delete(deleted, { notes: 'spam' })).status).toBe('DELETED');
    clock.advance(73 * 3_600_000);
    const late = await q.store('stored after the others expired', META);
    expect(await q.cleanup()).toMatchObject({
      expired: 2,
      tamperedRecords: 0,
      tamperedRecordsShredded: 0,
    });
    expect((await q.getMetadata(expiring))?.status).toBe('EXPIRED');
    expect((await q.getMetadata(held))?.status).toBe('EXPIRED');

    // Rotation re-MACs held records with their rewrap and final ones in a second pass.
    const v2 = env.make({
      now: clock.now,
      meter: recordingMeter(points),
      encryption: { keyring: { activeKeyId: 'k2', keys: { k1: oldKey, k2: newKey } } },
    });
    expect(await v2.keyUsage()).toEqual({ k1: 5 });
    expect(await v2.rotateKeys({ batchSize: 2 })).toEqual({
      activeKeyId: 'k2',
      rewrapped: 1,
      reauthenticated: 4,
      remaining: 0,
    });
    expect(await v2.keyUsage()).toEqual({ k2: 5 });
    // Retire k1: everything still authenticates and reads.
    const v3 = env.make({ now: clock.now, encryption: { masterKey: newKey, masterKeyId: 'k2' } });
    expect(await v3.read(late)).toBe('stored after the others expired');
    const page = await v3.list();
    expect(page.refusedIds).toEqual([]);
    expect(page.items.map((r) => r.status).sort()).toEqual([
      'DELETED',
      'EXPIRED',
      'EXPIRED',
      'QUARANTINED',
      'RELEASED',
    ]);
    expect(await v3.delete(late)).toMatchObject({ status: 'DELETED' });
    expect(count(points, 'tampered_records')).toBe(0);
    expect(count(points, 'unauthenticated_records')).toBe(0);
  });

  /** Both keys, k2 active: what runs after the rotation above. */
  const both = (): Quarantine =>
    env.make({
      now: clock.now,
      meter: recordingMeter(points),
      encryption: { keyring: { activeKeyId: 'k2', keys: { k1: oldKey, k2: newKey } } },
    });

  /** regression: issue 16 */
  it('a legacy row (no MAC, unsealed object) is served with a warning until rotateKeys() backfills it', async () => {
    const q = both();
    const id = await q.store('stored before 0004-add-record-mac', META);
    const [row] = await query(env, 'SELECT s3_key FROM quarantine_records WHERE id = $1', [id]);
    const key = row?.s3_key as string;
    // What an older version left: no MAC, and an object without the seal.
    const body = (await rawObject(env.bucket.client, env.bucket.bucket, key)) as Buffer;
    await putRaw(env.bucket.client, env.bucket.bucket, key, body);
    await query(env, 'UPDATE quarantine_records SET mac = NULL, mac_key_id = NULL WHERE id = $1', [
      id,
    ]);
    const before = count(points, 'unauthenticated_records');
    expect((await q.getMetadata(id))?.tier).toBe('HIGH');
    expect(await q.read(id)).toBe('stored before 0004-add-record-mac');
    const page = await q.list({ limit: 500 });
    expect(page.items.map((r) => r.id)).toContain(id);
    expect(page.refusedIds).not.toContain(id);
    expect(count(points, 'unauthenticated_records')).toBe(before + 3);
    expect(count(points, 'tampered_records')).toBe(0);
    // A service set to refuse legacy rows refuses it (and would never backfill it).
    const strict = env.make({
      now: clock.now,
      encryption: { keyring: { activeKeyId: 'k2', keys: { k1: oldKey, k2: newKey } } },
      integrity: { legacyRecords: 'refuse' },
    });
    expect(await codeOf(strict.getMetadata(id))).toBe('QUARANTINE_RECORD_TAMPERED');

    // The backfill: one rotation pass MACs it (its data key is already on the active key).
    expect(await q.rotateKeys()).toMatchObject({ reauthenticated: 1, remaining: 0 });
    const [after] = await query(env, 'SELECT mac_key_id FROM quarantine_records WHERE id = $1', [
      id,
    ]);
    expect(after?.mac_key_id).toBe('k2');
    expect((await q.getMetadata(id))?.tier).toBe('HIGH');
    expect((await strict.getMetadata(id))?.tier).toBe('HIGH');
    expect(count(points, 'unauthenticated_records')).toBe(before + 3);

    // Once strict, a row stripped of its MAC (its object unsealed: nothing proves
    // its expiry) is shredded by cleanup at once.
    const stripped = await q.store('stripped after the backfill', META);
    const [s] = await query(env, 'SELECT s3_key FROM quarantine_records WHERE id = $1', [stripped]);
    const sKey = s?.s3_key as string;
    const sBody = (await rawObject(env.bucket.client, env.bucket.bucket, sKey)) as Buffer;
    await putRaw(env.bucket.client, env.bucket.bucket, sKey, sBody);
    await query(env, 'UPDATE quarantine_records SET mac = NULL, mac_key_id = NULL WHERE id = $1', [
      stripped,
    ]);
    expect((await q.getMetadata(stripped))?.id).toBe(stripped); // 'serve' cannot tell it from legacy
    expect(await codeOf(strict.getMetadata(stripped))).toBe('QUARANTINE_RECORD_TAMPERED');
    expect((await strict.cleanup()).tamperedRecordsShredded).toBe(1);
    expect(await rawObject(env.bucket.client, env.bucket.bucket, sKey)).toBeNull();
    // Even 'serve' now refuses it: a held-looking row without its data key is no legacy row.
    expect(await codeOf(q.read(stripped))).toBe('QUARANTINE_RECORD_TAMPERED');
    // From now on a change is refused like any other.
    await query(env, "UPDATE quarantine_records SET tier = 'CLEAR' WHERE id = $1", [id]);
    expect(await codeOf(q.getMetadata(id))).toBe('QUARANTINE_RECORD_TAMPERED');
  });

  /** regression: issue 16 */
  it('a row without MAC whose object is sealed (a new record stripped of its MAC) is refused, and rotation never launders a forged row', async () => {
    const q = both();
    const id = await q.store('new record', META);
    await query(
      env,
      "UPDATE quarantine_records SET mac = NULL, mac_key_id = NULL, tier = 'CLEAR' WHERE id = $1",
      [id],
    );
    expect(await codeOf(q.getMetadata(id))).toBe('QUARANTINE_RECORD_TAMPERED');
    const result = await q.rotateKeys();
    expect(result.reauthenticated).toBe(0);
    expect(result.remaining).toBeGreaterThanOrEqual(1);
    expect(await codeOf(q.getMetadata(id))).toBe('QUARANTINE_RECORD_TAMPERED');
  });

  /** regression: issue 16 */
  it('property: any random change of a covered column is refused', async () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'Z', '0', '_', ' ', 'é', '🦀'),
      minLength: 1,
      maxLength: 20,
    });
    const change = fc.oneof(
      fc.record({ column: fc.constant('tier'), value: text.filter((s) => s.length <= 32) }),
      fc.record({
        column: fc.constant('labels'),
        value: fc.array(text, { maxLength: 3 }).map((a) => JSON.stringify(a)),
      }),
      fc.record({
        column: fc.constant('status'),
        value: fc.constantFrom('UNDER_REVIEW', 'RELEASED', 'DELETED', 'EXPIRED'),
      }),
      fc.record({
        column: fc.constant('expires_at'),
        value: fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2200-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
      }),
      fc.record({
        column: fc.constant('created_at'),
        value: fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2200-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
      }),
      fc.record({ column: fc.constant('size_bytes'), value: fc.nat({ max: 1_000_000 }) }),
      fc.record({ column: fc.constant('version'), value: fc.integer({ min: 1, max: 1000 }) }),
      fc.record({ column: fc.constant('source_id'), value: text }),
      fc.record({ column: fc.constant('agent_id'), value: text }),
      fc.record({ column: fc.constant('notes'), value: text }),
      fc.record({ column: fc.constant('reviewed_by'), value: text }),
    );
    await fc.assert(
      fc.asyncProperty(change, async ({ column, value }) => {
        const id = await q.store('property content', { ...META, sourceId: 'src', agentId: 'agt' });
        const cast = column === 'labels' ? '::jsonb' : '';
        const [changed] = await query(
          env,
          `UPDATE quarantine_records SET ${column} = $2${cast}
           WHERE id = $1 AND ${column} IS DISTINCT FROM $2${cast} RETURNING id`,
          [id, value],
        );
        fc.pre(changed !== undefined);
        expect(await codeOf(q.getMetadata(id))).toBe('QUARANTINE_RECORD_TAMPERED');
        expect(await codeOf(q.read(id))).toBe('QUARANTINE_RECORD_TAMPERED');
        await query(env, 'DELETE FROM quarantine_records WHERE id = $1', [id]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('rotation racing status changes (issue 16)', () => {
  let env: Env;
  const points: Point[] = [];
  const k1 = randomBytes(32).toString('base64');
  const k2 = randomBytes(32).toString('base64');

  beforeAll(async () => {
    env = await setupEnv();
  });
  afterAll(async () => {
    await env.teardown();
  });

  /** regression: issue 16 */
  it('re-MACs and status changes never interleave into a false alarm', async () => {
    const v1 = env.make({ encryption: { masterKey: k1, masterKeyId: 'k1' } });
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push(await v1.store(`racing record ${i}`, META));
    const v2 = env.make({
      meter: recordingMeter(points),
      encryption: { keyring: { activeKeyId: 'k2', keys: { k1, k2 } } },
    });
    const decisions = ids.map((id, i) =>
      i % 3 === 0
        ? v2.delete(id)
        : i % 3 === 1
          ? v2.updateStatus(id, 'UNDER_REVIEW', { reviewedBy: 'mod' })
          : v2.release(id),
    );
    const [rotation, ...outcomes] = await Promise.allSettled([
      v2.rotateKeys({ batchSize: 3 }),
      ...decisions,
    ]);
    expect(rotation.status).toBe('fulfilled');
    // Decisions may lose a race to nobody but themselves: every one applies.
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(await v2.rotateKeys()).toMatchObject({ remaining: 0 });
    for (const id of ids) expect(await v2.getMetadata(id)).not.toBeNull();
    expect(count(points, 'tampered_records')).toBe(0);
    expect(await v2.keyUsage()).toEqual({ k2: 24 });
  });
});

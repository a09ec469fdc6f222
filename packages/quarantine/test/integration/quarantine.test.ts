import { inspect } from 'node:util';
import type { QuarantineSink } from '@clawexchange/ssg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalKeyProvider } from '../../src/key-provider.js';
import type { Quarantine } from '../../src/types.js';
import {
  allKeys,
  codeOf,
  type Env,
  fakeClock,
  installationIdOf,
  META,
  rawObject,
  recordingLogger,
  setupEnv,
} from './setup.js';

async function rowCounts(env: Env): Promise<{ records: number; keys: number }> {
  const [[r], [k]] = await Promise.all([
    env.db.sequelize.query('SELECT count(*)::int AS n FROM quarantine_records'),
    env.db.sequelize.query('SELECT count(*)::int AS n FROM encryption_keys'),
  ]);
  return { records: (r[0] as { n: number }).n, keys: (k[0] as { n: number }).n };
}

describe('quarantine service against real PostgreSQL and S3', () => {
  let env: Env;
  let q: Quarantine;
  const clock = fakeClock();
  const logger = recordingLogger();

  beforeAll(async () => {
    env = await setupEnv();
    q = env.make({ now: clock.now, logger });
  });
  afterAll(async () => {
    await env.teardown();
  });

  it('works exactly as the deployment guide calls it, and as an ssg QuarantineSink', async () => {
    const sink: QuarantineSink = q;
    const id = await sink.store('health-check', { tier: 'CLEAR', labels: [], pluginResults: [] });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await q.read(id)).toBe('health-check');
  });

  /** regression: issue 4 (upstream dropped the content IV and tag, so nothing it held could be decrypted) */
  it('round-trips content and keeps only ciphertext in S3, at quarantine/<installationId>/YYYY/MM/DD/<id>', async () => {
    const content = 'AKIA-looking secret: hunter2 🦀';
    const id = await q.store(content, {
      ...META,
      matches: [{ label: 'SECRET_AWS_KEY', redacted: 'AKIA****', start: 1, end: 5 }],
      sourceId: 'post-1',
      agentId: 'agent-7',
      contentType: 'POST',
    });
    expect(await q.read(id)).toBe(content);
    const record = await q.getMetadata(id);
    expect(record).toMatchObject({
      id,
      status: 'QUARANTINED',
      tier: 'HIGH',
      labels: ['SECRET_AWS_KEY'],
      matches: [{ label: 'SECRET_AWS_KEY', redacted: 'AKIA****' }],
      sourceId: 'post-1',
      agentId: 'agent-7',
      contentType: 'POST',
      s3Key: `quarantine/${await installationIdOf(env.db.sequelize)}/2026/11/23/${id}`,
      sizeBytes: Buffer.byteLength(content),
      reviewedBy: null,
      version: 0,
    });
    expect(record?.expiresAt.getTime()).toBe(clock.now().getTime() + 72 * 3_600_000);
    const raw = await rawObject(env.bucket.client, env.bucket.bucket, record?.s3Key ?? '');
    expect(raw).not.toBeNull();
    expect(raw?.length).toBe(Buffer.byteLength(content));
    expect(raw?.toString('utf8')).not.toContain('hunter2');
    const [rows] = await env.db.sequelize.query(
      'SELECT r.*, k.* FROM quarantine_records r JOIN encryption_keys k ON k.record_id = r.id WHERE r.id = $1',
      { bind: [id] },
    );
    expect(JSON.stringify(rows)).not.toContain('hunter2');
    expect((rows[0] as { content_iv: Buffer }).content_iv).toHaveLength(12);
    expect((rows[0] as { content_tag: Buffer }).content_tag).toHaveLength(16);
  });

  it('returns null for unknown ids and typed errors for commands on them', async () => {
    const unknown = '6f1c7f5e-3b0a-4c1e-9a43-2f1d2b3c4d5e';
    expect(await q.getMetadata(unknown)).toBeNull();
    expect(await codeOf(q.read(unknown))).toBe('QUARANTINE_NOT_FOUND');
    expect(await codeOf(q.updateStatus(unknown, 'DELETED'))).toBe('QUARANTINE_NOT_FOUND');
    expect(await codeOf(q.getMetadata('not-a-uuid'))).toBe('QUARANTINE_INVALID_ID');
    expect(await codeOf(q.read("1' OR '1'='1"))).toBe('QUARANTINE_INVALID_ID');
  });

  it('refuses bad content and metadata with typed errors and writes nothing', async () => {
    const before = await rowCounts(env);
    const keysBefore = (await allKeys(env.bucket.client, env.bucket.bucket)).length;
    const small = env.make({ now: clock.now, limits: { maxContentBytes: 16 } });
    expect(await codeOf(small.store('x'.repeat(17), META))).toBe('QUARANTINE_CONTENT_TOO_LARGE');
    expect(await codeOf(small.store('é'.repeat(9), META))).toBe('QUARANTINE_CONTENT_TOO_LARGE');
    expect(await codeOf(q.store(42 as unknown as string, META))).toBe('QUARANTINE_INVALID_CONTENT');
    expect(await codeOf(q.store(undefined as unknown as string, META))).toBe(
      'QUARANTINE_INVALID_CONTENT',
    );
    expect(await codeOf(q.store('a\ud800b', META))).toBe('QUARANTINE_INVALID_CONTENT');
    expect(
      await codeOf(q.store('x', { labels: [], pluginResults: [] } as unknown as typeof META)),
    ).toBe('QUARANTINE_INVALID_INPUT');
    expect(await codeOf(q.store('x', { ...META, labels: 'x' as unknown as [] }))).toBe(
      'QUARANTINE_INVALID_INPUT',
    );
    expect(await rowCounts(env)).toEqual(before);
    expect((await allKeys(env.bucket.client, env.bucket.bucket)).length).toBe(keysBefore);
  });

  it('enforces the state machine and records the reviewer', async () => {
    const id = await q.store('to review', META);
    const reviewing = await q.updateStatus(id, 'UNDER_REVIEW', { reviewedBy: 'mod-1', notes: 'n' });
    expect(reviewing).toMatchObject({
      status: 'UNDER_REVIEW',
      reviewedBy: 'mod-1',
      notes: 'n',
      version: 1,
    });
    expect(reviewing.reviewedAt).toEqual(clock.now());
    expect(await codeOf(q.updateStatus(id, 'QUARANTINED'))).toBe('QUARANTINE_INVALID_TRANSITION');
    expect(await codeOf(q.updateStatus(id, 'UNDER_REVIEW'))).toBe('QUARANTINE_INVALID_TRANSITION');
    expect(await codeOf(q.updateStatus(id, 'BOGUS' as 'DELETED'))).toBe('QUARANTINE_INVALID_INPUT');
    expect(await codeOf(q.updateStatus(id, 'DELETED', { expectedStatus: 'QUARANTINED' }))).toBe(
      'QUARANTINE_CONFLICT',
    );
    const deleted = await q.delete(id, { reviewedBy: 'mod-2', expectedStatus: 'UNDER_REVIEW' });
    expect(deleted.status).toBe('DELETED');
    for (const to of ['QUARANTINED', 'UNDER_REVIEW', 'RELEASED', 'EXPIRED'] as const) {
      expect(await codeOf(q.updateStatus(id, to))).toBe('QUARANTINE_INVALID_TRANSITION');
    }
    expect(await codeOf(q.read(id))).toBe('QUARANTINE_CONTENT_UNAVAILABLE');
  });

  it('lists newest first with stable keyset pagination and filters', async () => {
    const listClock = fakeClock(new Date('2026-12-01T00:00:00.000Z'));
    const lq = env.make({ now: listClock.now });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      listClock.advance(1000);
      ids.push(
        await lq.store(`item ${i}`, {
          tier: i % 2 === 0 ? 'CRITICAL' : 'MODERATE',
          labels: [],
          pluginResults: [],
          sourceId: 'list-src',
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await lq.list({ sourceId: 'list-src', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const critical = await lq.list({ sourceId: 'list-src', tier: 'CRITICAL' });
    expect(critical.items.map((r) => r.id)).toEqual([ids[6], ids[4], ids[2], ids[0]]);
    expect(critical.nextCursor).toBeNull();
    await lq.updateStatus(ids[1] as string, 'UNDER_REVIEW');
    const review = await lq.list({ status: 'UNDER_REVIEW', sourceId: 'list-src' });
    expect(review.items.map((r) => r.id)).toEqual([ids[1]]);
    expect(await codeOf(lq.list({ cursor: 'nope' }))).toBe('QUARANTINE_INVALID_INPUT');
    // A forged cursor PostgreSQL cannot represent is the caller's error, not a database failure.
    for (const t of [
      '-100000-01-01T00:00:00.000Z',
      '2026-12-01',
      'Tue, 01 Dec 2026 00:00:00 GMT',
    ]) {
      const forged = Buffer.from(JSON.stringify({ t, i: ids[0] })).toString('base64url');
      expect(await codeOf(lq.list({ cursor: forged }))).toBe('QUARANTINE_INVALID_INPUT');
    }
    expect(await codeOf(lq.list({ limit: 0 }))).toBe('QUARANTINE_INVALID_INPUT');
    expect(await codeOf(lq.list({ status: 'PENDING' as 'DELETED' }))).toBe(
      'QUARANTINE_INVALID_INPUT',
    );
  });

  it('expires due records in cleanup(), shredding them, and reports stats', async () => {
    const c = fakeClock(new Date('2027-01-01T00:00:00.000Z'));
    const eq = env.make({ now: c.now, expiryHours: 1 });
    const statsBefore = await eq.storageStats();
    const id1 = await eq.store('expires soon', META);
    const id2 = await eq.store('also expires', META);
    await eq.updateStatus(id2, 'UNDER_REVIEW');
    const mid = await eq.storageStats();
    expect(mid.heldCount).toBe(statsBefore.heldCount + 2);
    expect(mid.heldBytes).toBe(statsBefore.heldBytes + 24);
    c.advance(3_600_000);
    expect(await codeOf(eq.read(id1))).toBe('QUARANTINE_CONTENT_UNAVAILABLE');
    expect(await codeOf(eq.release(id1))).toBe('QUARANTINE_CONTENT_UNAVAILABLE');
    // Past expiry but not yet swept: no new grant for it either.
    expect(await codeOf(eq.createAccessToken(id1, { actor: 'mod-1' }))).toBe(
      'QUARANTINE_CONTENT_UNAVAILABLE',
    );
    const result = await eq.cleanup();
    expect(result.expired).toBeGreaterThanOrEqual(2);
    for (const id of [id1, id2]) {
      const r = await eq.getMetadata(id);
      expect(r?.status).toBe('EXPIRED');
      expect(await rawObject(env.bucket.client, env.bucket.bucket, r?.s3Key as string)).toBeNull();
    }
    const [keys] = await env.db.sequelize.query(
      'SELECT 1 FROM encryption_keys WHERE record_id IN ($1, $2)',
      { bind: [id1, id2] },
    );
    expect(keys).toHaveLength(0);
    const after = await eq.storageStats();
    expect(after.byStatus.EXPIRED.count).toBeGreaterThanOrEqual(2);
    expect(after.pendingCount).toBe(0);
  });

  it('never shows the master key or content in errors, logs, JSON or inspect output', async () => {
    const canary = 'CANARY-CONTENT-d41d8cd98f00';
    const id = await q.store(canary, META);
    await q.read(id);
    const token = await q.createAccessToken(id, { actor: 'mod-canary' });
    await q.verifyAccessToken(token);
    const provider = createLocalKeyProvider({ activeKeyId: 'k', keys: { k: env.masterKey } });
    const errors: unknown[] = [];
    for (const p of [
      q.store(canary.repeat(100_000), META),
      q.read('bad'),
      q.verifyAccessToken(`qt1.${Buffer.from(canary).toString('base64url')}.x`),
    ]) {
      await p.catch((e: unknown) => errors.push(e));
    }
    try {
      env.make({ encryption: { masterKey: `${env.masterKey.slice(0, -4)}` } });
    } catch (e) {
      errors.push(e);
    }
    expect(errors).toHaveLength(4);
    const surfaces = [
      JSON.stringify(q),
      inspect(q, { depth: 10, showHidden: true }),
      JSON.stringify(provider),
      inspect(provider, { depth: 10, showHidden: true }),
      ...errors.map((e) => `${JSON.stringify(e)} ${inspect(e, { depth: 10 })} ${String(e)}`),
      ...logger.lines,
    ].join('\n');
    expect(surfaces).not.toContain(canary);
    expect(surfaces).not.toContain(token);
    expect(surfaces).not.toContain(token.split('.')[2]);
    expect(surfaces).not.toContain(env.masterKey);
    expect(surfaces).not.toContain(env.masterKey.slice(0, 20));
    expect(surfaces).not.toContain(Buffer.from(env.masterKey, 'base64').toString('hex'));
    expect(surfaces).not.toContain(
      env.bucket.secretKey === 'S3RVER' ? '\u0000' : env.bucket.secretKey,
    );
    await q.delete(id);
  });
});

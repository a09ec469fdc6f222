import { inspect } from 'node:util';
import type { TestDatabase } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditErrorCode,
  AuditEventType,
  auditMigrations,
  createAuditLogger,
  isAuditError,
} from '../../src/index.js';
import { logged, migratedDatabase } from './helpers.js';

const CANARY = 'sk_live_CANARY_9f8e7d6c5b4a39281706';

async function count(db: TestDatabase): Promise<number> {
  const [rows] = await db.sequelize.query('SELECT count(*)::int AS n FROM audit_logs');
  return (rows as { n: number }[])[0]?.n ?? -1;
}

describe('audit logger against PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await migratedDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('runs the deployment guide calls exactly as written', async () => {
    const sequelize = db.sequelize;
    const qi = sequelize.getQueryInterface();
    // Idempotent: the migration already ran in beforeAll.
    for (const m of auditMigrations) await m.up(qi, sequelize);
    const audit = createAuditLogger({ database: sequelize });
    const record = await logged(
      audit.log({
        eventType: AuditEventType.SSG_PASS,
        actorId: 'health-check',
        actorType: 'bot',
      }),
    );
    expect(record).toMatchObject({ seq: 1, eventType: 'SSG_PASS', actorId: 'health-check' });
    expect(record?.prevHash).toBe('0'.repeat(64));
    expect(record?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 1, lastSeq: 1 });
  });

  it('stores masked addresses and canonical metadata, and returns a committed record', async () => {
    const audit = createAuditLogger({ database: db.sequelize, eventTypes: ['BILLING_REFUND'] });
    const rec = await logged(
      audit.log({
        eventType: 'BILLING_REFUND',
        actorId: 'agent-7',
        actorType: 'agent',
        targetId: 'post-1',
        targetType: 'POST',
        ipAddress: '2001:db8:abcd:1234::1',
        metadata: { z: 1, a: { y: [true, null, 'x'], b: 2.5 } },
      }),
    );
    const [rows] = await db.sequelize.query(
      `SELECT ip_address, metadata::text AS m FROM audit_logs WHERE seq = ${rec?.seq}`,
    );
    expect(rows).toEqual([
      { ip_address: '2001:db8:abcd::', m: '{"a":{"b":2.5,"y":[true,null,"x"]},"z":1}' },
    ]);
    const v4 = await logged(
      audit.log({
        eventType: AuditEventType.HUMAN_VIEW_CONTENT,
        actorId: 'mod-1',
        actorType: 'human',
        ipAddress: '203.0.113.77',
      }),
    );
    expect(v4?.ipAddress).toBe('203.0.113.0');
    const lenient = createAuditLogger({ database: db.sequelize, ipMasking: { onInvalid: 'omit' } });
    const omitted = await logged(
      lenient.log({
        eventType: AuditEventType.SSG_PASS,
        actorId: 'a',
        actorType: 'agent',
        ipAddress: '203.0.113.7, 10.0.0.1',
      }),
    );
    expect(omitted?.ipAddress).toBeNull();
  });

  it('masks addresses with the configured prefix lengths', async () => {
    const audit = createAuditLogger({
      database: db.sequelize,
      ipMasking: { ipv4PrefixLength: 16, ipv6PrefixLength: 32 },
    });
    const v4 = await logged(
      audit.log({
        eventType: 'SSG_PASS',
        actorId: 'mask',
        actorType: 'agent',
        ipAddress: '198.51.100.23',
      }),
    );
    const v6 = await logged(
      audit.log({
        eventType: 'SSG_PASS',
        actorId: 'mask',
        actorType: 'agent',
        ipAddress: '2001:db8:abcd:1234::1',
      }),
    );
    const [rows] = await db.sequelize.query(
      `SELECT ip_address FROM audit_logs WHERE seq IN (${v4?.seq}, ${v6?.seq}) ORDER BY seq`,
    );
    expect(rows).toEqual([{ ip_address: '198.51.0.0' }, { ip_address: '2001:db8::' }]);
  });

  it('rejects every kind of bad input with a typed error and writes nothing', async () => {
    const audit = createAuditLogger({
      database: db.sequelize,
      limits: { maxMetadataBytes: 256 },
    });
    const before = await count(db);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: [unknown, string][] = [
      [
        { eventType: 'NOT_A_KNOWN_TYPE', actorId: 'a', actorType: 'bot' },
        AuditErrorCode.UNKNOWN_EVENT_TYPE,
      ],
      [
        { eventType: 'ssg pass', actorId: 'a', actorType: 'bot' },
        AuditErrorCode.INVALID_EVENT_TYPE,
      ],
      [{ eventType: 42, actorId: 'a', actorType: 'bot' }, AuditErrorCode.INVALID_EVENT_TYPE],
      [{ eventType: 'SSG_PASS', actorType: 'bot' }, AuditErrorCode.MISSING_ACTOR],
      [{ eventType: 'SSG_PASS', actorId: '', actorType: 'bot' }, AuditErrorCode.MISSING_ACTOR],
      [
        { eventType: 'SSG_PASS', actorId: 'a', actorType: 'robot' },
        AuditErrorCode.INVALID_ACTOR_TYPE,
      ],
      [
        { eventType: 'SSG_PASS', actorId: 'a', actorType: 'bot', ipAddress: 'nope' },
        AuditErrorCode.INVALID_IP_ADDRESS,
      ],
      [
        {
          eventType: 'SSG_PASS',
          actorId: 'a',
          actorType: 'bot',
          metadata: { big: 'x'.repeat(300) },
        },
        AuditErrorCode.METADATA_TOO_LARGE,
      ],
      [
        { eventType: 'SSG_PASS', actorId: 'a', actorType: 'bot', metadata: { n: 10n } },
        AuditErrorCode.METADATA_NOT_SERIALIZABLE,
      ],
      [
        { eventType: 'SSG_PASS', actorId: 'a', actorType: 'bot', metadata: cyclic },
        AuditErrorCode.METADATA_NOT_SERIALIZABLE,
      ],
      [
        { eventType: 'SSG_PASS', actorId: 'a', actorType: 'bot', metadata: { at: new Date() } },
        AuditErrorCode.METADATA_NOT_SERIALIZABLE,
      ],
      [
        { eventType: 'SSG_PASS', actorId: 'a', actorType: 'bot', metadata: { content: CANARY } },
        AuditErrorCode.METADATA_RAW_CONTENT,
      ],
    ];
    for (const [input, code] of cases) {
      const error = await logged(audit.log(input as never)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAuditError(error), JSON.stringify(code)).toBe(true);
      expect((error as { code: string }).code).toBe(code);
      expect(inspect(error)).not.toContain(CANARY);
    }
    await audit.flush();
    expect(await count(db)).toBe(before);
  });

  /** regression: issue 5 (a lone surrogate was stored as U+FFFD but hashed escaped: verify failed forever) */
  it('rejects ids with lone surrogates, so no row can break the chain', async () => {
    const audit = createAuditLogger({ database: db.sequelize });
    const before = await count(db);
    for (const field of ['actorId', 'targetId', 'targetType'] as const) {
      for (const bad of ['a\uD800b', '\uDC00', 'x\uDBFF']) {
        const event = { eventType: 'SSG_PASS', actorId: 'a', actorType: 'bot', [field]: bad };
        await expect(audit.log(event as never)).rejects.toMatchObject({
          code: AuditErrorCode.INVALID_FIELD,
          field,
        });
      }
    }
    expect(await count(db)).toBe(before);
    // Paired surrogates (astral characters) are well-formed and round-trip.
    const rec = await logged(
      audit.log({
        eventType: 'SSG_PASS',
        actorId: 'agent-😀',
        actorType: 'agent',
        targetId: '𝒳',
      }),
    );
    expect(rec).toMatchObject({ actorId: 'agent-😀', targetId: '𝒳' });
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  /** regression: issue 5 (a holey metadata array failed every event of its batch) */
  it('a malformed event never fails the other events of its batch', async () => {
    const audit = createAuditLogger({ database: db.sequelize });
    const holey: unknown[] = [];
    holey[2] = 'x';
    const [innocent, bad] = await Promise.allSettled([
      audit.log({ eventType: 'SSG_PASS', actorId: 'innocent', actorType: 'bot' }),
      audit.log({ eventType: 'SSG_PASS', actorId: 'b', actorType: 'bot', metadata: { holey } }),
    ]);
    expect(innocent).toMatchObject({ status: 'fulfilled', value: { actorId: 'innocent' } });
    expect(bad).toMatchObject({
      status: 'rejected',
      reason: { code: AuditErrorCode.METADATA_NOT_SERIALIZABLE },
    });
  });

  it('keeps canaries out of errors and the logger object', async () => {
    const logged: string[] = [];
    const sink = (fields: unknown, msg: string): void => {
      logged.push(JSON.stringify(fields) + msg);
    };
    const audit = createAuditLogger({
      database: db.sequelize,
      checkpointKey: { algorithm: 'hmac-sha256', secret: Buffer.from(CANARY.padEnd(40, '!')) },
      logger: { debug: sink, info: sink, warn: sink, error: sink },
    });
    expect(inspect(audit, { depth: 5 })).not.toContain('CANARY');
    expect(JSON.stringify(audit)).not.toContain('CANARY');
    const error = await audit
      .log({ eventType: 'SSG_PASS', actorId: CANARY, actorType: 'robot' as never })
      .catch((e: unknown) => e);
    expect(inspect(error)).not.toContain(CANARY);
    const long = await audit
      .log({
        eventType: 'SSG_PASS',
        actorId: 'a',
        actorType: 'bot',
        metadata: { note: CANARY.repeat(100) },
      })
      .catch((e: unknown) => e);
    expect((long as { code: string }).code).toBe(AuditErrorCode.METADATA_RAW_CONTENT);
    expect(inspect(long)).not.toContain(CANARY);
    const checkpoint = await audit.head();
    expect(JSON.stringify(checkpoint)).not.toContain('CANARY');
    expect(logged.join('\n')).not.toContain('CANARY');
  });

  it('validates query input', async () => {
    const audit = createAuditLogger({ database: db.sequelize });
    const bad: [object, string][] = [
      [{ limit: 0 }, AuditErrorCode.INVALID_LIMIT],
      [{ limit: 1001 }, AuditErrorCode.INVALID_LIMIT],
      [{ limit: 2.5 }, AuditErrorCode.INVALID_LIMIT],
      [{ startDate: new Date('nope') }, AuditErrorCode.INVALID_DATE],
      [{ endDate: '2026-01-01' }, AuditErrorCode.INVALID_DATE],
      [{ startDate: new Date(2), endDate: new Date(1) }, AuditErrorCode.INVALID_DATE],
      [{ cursor: 'garbage' }, AuditErrorCode.INVALID_CURSOR],
      // regression: issue 5 (a well-formed cursor past year 9999 failed in the database)
      [
        { cursor: Buffer.from('v1:999999999999999:1').toString('base64url') },
        AuditErrorCode.INVALID_CURSOR,
      ],
      [{ eventType: ['SSG_PASS', 'bad type'] }, AuditErrorCode.INVALID_EVENT_TYPE],
      [{ actorType: 'alien' }, AuditErrorCode.INVALID_ACTOR_TYPE],
    ];
    for (const [q, code] of bad) {
      await expect(audit.query(q)).rejects.toMatchObject({ code });
    }
    await expect(audit.verify({ from: 0 })).rejects.toMatchObject({
      code: AuditErrorCode.INVALID_RANGE,
    });
    await expect(audit.verify(null as never)).rejects.toMatchObject({
      code: AuditErrorCode.INVALID_RANGE,
    });
    await expect(audit.verify({ from: 5, to: 2 })).rejects.toMatchObject({
      code: AuditErrorCode.INVALID_RANGE,
    });
  });

  it('is a no-op when disabled', async () => {
    const before = await count(db);
    const audit = createAuditLogger({ enabled: false });
    expect(await audit.log({ eventType: 'SSG_PASS', actorId: 'x', actorType: 'bot' })).toEqual({
      status: 'DISABLED',
    });
    await expect(audit.query()).rejects.toMatchObject({ code: AuditErrorCode.DISABLED });
    expect(await count(db)).toBe(before);
  });

  it('groups concurrent calls into batches and resolves each after commit', async () => {
    const sizes: number[] = [];
    const meter = {
      createCounter: () => ({ add: () => undefined }),
      createHistogram: (name: string) => ({
        record: (v: number) => {
          if (name === 'clawexchange.audit.batch.size') sizes.push(v);
        },
      }),
    };
    const audit = createAuditLogger({ database: db.sequelize, meter: meter as never });
    const records = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        logged(audit.log({ eventType: 'SSG_WARN', actorId: `g-${i}`, actorType: 'agent' })),
      ),
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(300);
    expect(sizes.length).toBeLessThan(10);
    const seqs = records.map((r) => r?.seq ?? 0);
    expect(new Set(seqs).size).toBe(300);
    const [rows] = await db.sequelize.query(
      `SELECT count(*)::int AS n FROM audit_logs WHERE seq = ANY(ARRAY[${seqs.join(',')}]::int8[])`,
    );
    expect(rows).toEqual([{ n: 300 }]);
    const v = await audit.verify();
    expect(v, JSON.stringify(v)).toMatchObject({ ok: true });
  });

  it('applies back-pressure: a full queue rejects (reject mode) or waits (default)', async () => {
    const rejecting = createAuditLogger({
      database: db.sequelize,
      queue: { maxSize: 5, whenFull: 'reject' },
      batch: { maxSize: 5 },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        rejecting.log({ eventType: 'SSG_PASS', actorId: `bp-${i}`, actorType: 'bot' }),
      ),
    );
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected)
      expect((r as PromiseRejectedResult).reason.code).toBe(AuditErrorCode.QUEUE_FULL);
    const waiting = createAuditLogger({
      database: db.sequelize,
      queue: { maxSize: 5 },
      batch: { maxSize: 5 },
    });
    const all = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        waiting.log({ eventType: 'SSG_PASS', actorId: `w-${i}`, actorType: 'bot' }),
      ),
    );
    expect(all).toHaveLength(40);
    await waiting.close();
    await expect(
      waiting.log({ eventType: 'SSG_PASS', actorId: 'late', actorType: 'bot' }),
    ).rejects.toMatchObject({ code: AuditErrorCode.CLOSED });
  });

  it('rejects with AUDIT_WRITE_FAILED when the database is unusable, records the metric and logs only a code', async () => {
    const { Sequelize } = await import('sequelize');
    const broken = new Sequelize('postgres://nobody:CANARY-pw@127.0.0.1:1/none', {
      logging: false,
      dialect: 'postgres',
    });
    const recorded: [string, number, unknown][] = [];
    const meter = {
      createCounter: () => ({ add: () => undefined }),
      createHistogram: (name: string) => ({
        record: (v: number, attrs?: unknown) => recorded.push([name, v, attrs]),
      }),
    };
    const logged: string[] = [];
    const sink = (fields: unknown, msg: string): void => {
      logged.push(`${JSON.stringify(fields)} ${msg}`);
    };
    const audit = createAuditLogger({
      database: broken,
      meter: meter as never,
      logger: { debug: sink, info: sink, warn: sink, error: sink },
    });
    const error = await audit
      .log({ eventType: 'SSG_PASS', actorId: 'x', actorType: 'bot' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: AuditErrorCode.WRITE_FAILED });
    expect(inspect(error, { depth: 0 })).not.toContain('CANARY');
    expect(recorded).toContainEqual([
      'clawexchange.audit.write.duration',
      expect.any(Number),
      { outcome: 'error' },
    ]);
    expect(logged.join('\n')).toContain(AuditErrorCode.WRITE_FAILED);
    expect(logged.join('\n')).not.toContain('CANARY');
    await broken.close();
  });

  it('never lets created_at go back along the chain, whatever a writer clock says', async () => {
    const ahead = createAuditLogger({
      database: db.sequelize,
      now: () => new Date('2031-01-01T00:00:00Z'),
    });
    const behind = createAuditLogger({
      database: db.sequelize,
      now: () => new Date('2020-01-01T00:00:00Z'),
    });
    const a = await logged(
      ahead.log({ eventType: 'SSG_PASS', actorId: 'clock-a', actorType: 'system' }),
    );
    const b = await logged(
      behind.log({ eventType: 'SSG_PASS', actorId: 'clock-b', actorType: 'system' }),
    );
    expect(b?.seq).toBe((a?.seq ?? 0) + 1);
    expect(b?.createdAt.toISOString()).toBe('2031-01-01T00:00:00.000Z');
    const newest = await behind.query({ limit: 1 });
    expect(newest.records[0]?.actorId).toBe('clock-b');
  });

  it('works without prepared statements (for poolers that drop them)', async () => {
    const audit = createAuditLogger({
      database: db.sequelize,
      batch: { preparedStatements: false },
    });
    const records = await Promise.all(
      [1, 2, 3].map((i) =>
        logged(audit.log({ eventType: 'SSG_PASS', actorId: `np-${i}`, actorType: 'bot' })),
      ),
    );
    expect(records.map((r) => r?.actorId)).toEqual(['np-1', 'np-2', 'np-3']);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('a failing meter never turns a committed event into a failure', async () => {
    const meter = {
      createCounter: () => ({ add: () => undefined }),
      createHistogram: () => ({
        record: () => {
          throw new Error('meter down');
        },
      }),
    };
    const warnings: unknown[] = [];
    const noop = (): void => undefined;
    const audit = createAuditLogger({
      database: db.sequelize,
      meter: meter as never,
      logger: { debug: noop, info: noop, error: noop, warn: (f) => warnings.push(f) },
    });
    const record = await logged(
      audit.log({ eventType: 'SSG_PASS', actorId: 'm', actorType: 'bot' }),
    );
    expect(record?.actorId).toBe('m');
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('records write latency for committed events, and the path of the batch (the first one is locked)', async () => {
    const recorded: [string, unknown][] = [];
    const meter = {
      createCounter: () => ({ add: () => undefined }),
      createHistogram: (name: string) => ({
        record: (_v: number, attrs?: unknown) => recorded.push([name, attrs]),
      }),
    };
    const audit = createAuditLogger({ database: db.sequelize, meter: meter as never });
    await logged(audit.log({ eventType: 'LLM_CALL', actorId: 'guard', actorType: 'system' }));
    expect(recorded).toContainEqual(['clawexchange.audit.write.duration', { outcome: 'ok' }]);
    expect(recorded).toContainEqual(['clawexchange.audit.batch.size', { path: 'locked' }]);
  });
});

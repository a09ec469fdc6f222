import { describe, expect, it } from 'vitest';
import { createAuditLogger } from '../create-audit-logger.js';
import { isAuditError } from '../errors.js';
import { maskIpAddress } from '../ip-mask.js';
import { verifyAuditRecords } from '../verify-records.js';

// Enough of a Sequelize for validation; every case fails before any query.
const fakeDb = {
  query: async () => {
    throw new Error('no query expected');
  },
  transaction: async () => ({}),
} as never;
const logger = () => createAuditLogger({ database: fakeDb });
const event = { eventType: 'SSG_PASS', actorId: 'a1', actorType: 'agent' } as const;

/** Runs `fn` (sync, async or an async iterable) and returns the AUDIT_INVALID_CONFIG error. */
async function configError(fn: () => unknown): Promise<{ field?: string; message: string }> {
  try {
    const out = fn();
    if (out !== null && typeof out === 'object' && Symbol.asyncIterator in out) {
      for await (const _ of out as AsyncIterable<unknown>) break;
    } else {
      await out;
    }
  } catch (e) {
    if (isAuditError(e) && e.code === 'AUDIT_INVALID_CONFIG') {
      return { message: e.message, ...(e.field === undefined ? {} : { field: e.field }) };
    }
    throw e;
  }
  throw new Error('expected AUDIT_INVALID_CONFIG');
}

/** Every factory and method of the package that takes an options object, given an unknown key. */
const CASES: readonly {
  readonly call: string;
  readonly run: (key: string) => unknown;
  readonly field: (key: string) => string;
}[] = [
  {
    call: 'createAuditLogger(config)',
    run: (k) => createAuditLogger({ database: fakeDb, [k]: 1 }),
    field: (k) => k,
  },
  ...(['ipMasking', 'limits', 'batch', 'queue'] as const).map((nested) => ({
    call: `createAuditLogger({ ${nested}: … })`,
    run: (k: string) => createAuditLogger({ database: fakeDb, [nested]: { [k]: 1 } }),
    field: (k: string) => `${nested}.${k}`,
  })),
  {
    call: 'createAuditLogger({ checkpointKey: … })',
    run: (k) =>
      createAuditLogger({
        database: fakeDb,
        checkpointKey: { algorithm: 'hmac-sha256', secret: new Uint8Array(32), [k]: 1 },
      }),
    field: (k) => `checkpointKey.${k}`,
  },
  { call: 'log(event)', run: (k) => logger().log({ ...event, [k]: 1 }), field: (k) => k },
  { call: 'query(options)', run: (k) => logger().query({ [k]: 1 }), field: (k) => k },
  { call: 'verify(options)', run: (k) => logger().verify({ [k]: 1 }), field: (k) => k },
  {
    call: 'exportRecords(options)',
    run: (k) => logger().exportRecords({ [k]: 1 }),
    field: (k) => k,
  },
  {
    call: 'maskIpAddress(ip, options)',
    run: (k) => maskIpAddress('::1', { [k]: 1 }),
    field: (k) => k,
  },
  {
    call: 'verifyAuditRecords(records, options)',
    run: (k) => verifyAuditRecords([], { [k]: 1 }),
    field: (k) => k,
  },
];

describe('nothing silently ignored', () => {
  /** regression: issue 11 */
  it.each(CASES)('$call rejects an unknown key, naming it', async (c) => {
    const e = await configError(() => c.run('notAnOption'));
    expect(e.field).toBe(c.field('notAnOption'));
    expect(e.message).toContain('`notAnOption`');
  });

  /** regression: issue 11 */
  it('query({ offset }) is refused with the cursor hint instead of ignored', async () => {
    const e = await configError(() => logger().query({ offset: 100 } as never));
    expect(e.field).toBe('offset');
    expect(e.message).toContain('`nextCursor` as `cursor`');
  });

  it('gives hints for other foreign names', async () => {
    expect((await configError(() => logger().query({ pageSize: 5 } as never))).message).toContain(
      '`limit`',
    );
    expect(
      (await configError(() => logger().log({ ...event, details: {} } as never))).message,
    ).toContain('`metadata`');
    expect(
      (await configError(() => createAuditLogger({ sequelize: fakeDb } as never))).message,
    ).toContain('`database`');
    expect(
      (
        await configError(() =>
          createAuditLogger({ database: fakeDb, replication: { read: [] } } as never),
        )
      ).message,
    ).toContain('`readReplica`');
  });

  it('still accepts every known key', async () => {
    expect(() =>
      createAuditLogger({
        database: fakeDb,
        readReplica: fakeDb,
        enabled: true,
        eventTypes: ['BILLING_REFUND'],
        ipMasking: { ipv4PrefixLength: 24, ipv6PrefixLength: 48, onInvalid: 'omit' },
        limits: { maxMetadataBytes: 100, maxMetadataDepth: 3 },
        batch: { maxSize: 10, preparedStatements: false },
        queue: { maxSize: 10, whenFull: 'reject' },
      }),
    ).not.toThrow();
    expect(maskIpAddress('203.0.113.7', { ipv4PrefixLength: 16 })).toBe('203.0.0.0');
    expect((await verifyAuditRecords([], {})).ok).toBe(true);
  });
});

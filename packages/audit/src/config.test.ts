import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createAuditLogger } from './create-audit-logger.js';
import { AuditErrorCode, isAuditError } from './errors.js';

const fakeDb = { query: async () => [[], {}], transaction: async () => ({}) } as never;
const SECRET = 'CANARY-hmac-secret-that-is-long-enough-000';

function fieldOf(config: unknown): string | undefined {
  try {
    createAuditLogger(config as never);
  } catch (e) {
    expect(isAuditError(e)).toBe(true);
    expect((e as { code: string }).code).toBe(AuditErrorCode.INVALID_CONFIG);
    expect(inspect(e)).not.toContain('CANARY');
    return (e as { field?: string }).field;
  }
  return undefined;
}

describe('config validation (before any I/O)', () => {
  it.each([
    [{}, 'database'],
    [{ database: {} }, 'database'],
    [{ database: fakeDb, enabled: 'yes' }, 'enabled'],
    [{ database: fakeDb, eventTypes: ['lower_case'] }, 'eventTypes[0]'],
    [{ database: fakeDb, eventTypes: 'X_Y' }, 'eventTypes'],
    [{ database: fakeDb, ipMasking: { ipv4PrefixLength: 33 } }, 'ipMasking.ipv4PrefixLength'],
    [{ database: fakeDb, ipMasking: { ipv6PrefixLength: -1 } }, 'ipMasking.ipv6PrefixLength'],
    [{ database: fakeDb, ipMasking: { onInvalid: 'drop' } }, 'ipMasking.onInvalid'],
    [{ database: fakeDb, onAlarm: 'page-me' }, 'onAlarm'],
    [{ database: fakeDb, readReplica: 'postgres://replica' }, 'readReplica'],
    [{ database: fakeDb, readReplica: { query: async () => [] } }, 'readReplica'],
    [{ database: fakeDb, replica: fakeDb }, 'replica'],
    [{ database: fakeDb, anchor: { put: async (): Promise<undefined> => undefined } }, 'anchor'],
    [
      {
        database: fakeDb,
        anchor: { put: async (): Promise<undefined> => undefined, latest: async () => null },
      },
      'checkpointKey',
    ],
    [{ database: fakeDb, eventTypes: ['AUDIT_TAIL_SKIPPED'] }, 'eventTypes[0]'],
    [{ database: fakeDb, limits: { maxMetadataBytes: 0 } }, 'limits.maxMetadataBytes'],
    [{ database: fakeDb, limits: { forbiddenMetadataKeys: [1] } }, 'limits.forbiddenMetadataKeys'],
    [{ database: fakeDb, batch: { maxSize: 0 } }, 'batch.maxSize'],
    [{ database: fakeDb, batch: { preparedStatements: 'no' } }, 'batch.preparedStatements'],
    [{ database: fakeDb, queue: { maxSize: 1.5 } }, 'queue.maxSize'],
    [{ database: fakeDb, queue: { whenFull: 'drop' } }, 'queue.whenFull'],
    [{ database: fakeDb, now: 5 }, 'now'],
    [
      {
        database: fakeDb,
        checkpointKey: { algorithm: 'hmac-sha256', secret: Buffer.from('short') },
      },
      'checkpointKey.secret',
    ],
    [
      {
        database: fakeDb,
        checkpointKey: {
          algorithm: 'ed25519',
          privateKey: `-----BEGIN PRIVATE KEY-----\n${SECRET}\n-----END PRIVATE KEY-----`,
        },
      },
      'checkpointKey.privateKey',
    ],
    [{ database: fakeDb, checkpointKey: { algorithm: 'rsa' } }, 'checkpointKey.algorithm'],
  ])('rejects %j naming %s', (config, field) => {
    expect(fieldOf(config)).toBe(field);
  });

  it('accepts a disabled logger without a database, and host event types', () => {
    expect(() => createAuditLogger({ enabled: false })).not.toThrow();
    expect(() =>
      createAuditLogger({ database: fakeDb, eventTypes: ['BILLING_REFUND'] }),
    ).not.toThrow();
  });

  /** regression: issue 16 */
  it('accepts a read replica, also the very same instance as database', () => {
    const replica = { query: async () => [[], {}], transaction: async () => ({}) } as never;
    expect(() => createAuditLogger({ database: fakeDb, readReplica: replica })).not.toThrow();
    expect(() => createAuditLogger({ database: fakeDb, readReplica: fakeDb })).not.toThrow();
  });

  it('keeps the checkpoint secret in a closure', () => {
    const audit = createAuditLogger({
      database: fakeDb,
      checkpointKey: { algorithm: 'hmac-sha256', secret: Buffer.from(SECRET) },
    });
    expect(inspect(audit, { depth: 10, showHidden: true })).not.toContain('CANARY');
    expect(JSON.stringify(audit)).not.toContain('CANARY');
  });
});

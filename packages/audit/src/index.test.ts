import { describe, expect, it } from 'vitest';
import * as anchorS3 from './anchor-s3.js';
import * as api from './index.js';
import * as migrations from './migrations/index.js';

describe('public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'AUDIT_ACTOR_TYPES',
      'AuditAlarmCode',
      'AuditError',
      'AuditErrorCode',
      'AuditEventType',
      'DEFAULT_FORBIDDEN_METADATA_KEYS',
      'EVENT_TYPE_PATTERN',
      'GENESIS_HASH',
      'assertAuditDatabaseRole',
      'auditMigrationRenames',
      'auditMigrations',
      'checkAuditDatabaseRole',
      'computeRowHash',
      'createAuditLogger',
      'createAuditMigrations',
      'ensureAuditPartitions',
      'isAuditError',
      'isWellFormedEventType',
      'maskIpAddress',
      'verifyAuditCheckpoint',
      'verifyAuditRecords',
    ]);
  });

  it('the ./anchor-s3 subpath exports the S3 anchor store only', () => {
    expect(Object.keys(anchorS3).sort()).toEqual(['createS3AnchorStore']);
  });

  it('the ./migrations subpath exports the migrations only', () => {
    expect(Object.keys(migrations).sort()).toEqual([
      'auditMigrationRenames',
      'auditMigrations',
      'createAuditMigrations',
      'ensureAuditPartitions',
    ]);
    expect(api.auditMigrations.map((m) => m.name)).toEqual([
      '@clawexchange/audit/0001-create-audit-logs',
      '@clawexchange/audit/0002-append-only-chain-head',
    ]);
  });

  /** regression: issue 11 */
  it('names one step the same whatever the partitioning, and maps every former name onto it', () => {
    const names = (o?: Parameters<typeof api.createAuditMigrations>[0]) =>
      api.createAuditMigrations(o).map((m) => m.name);
    expect(names({ partitioning: 'monthly' })).toEqual(names());
    expect(names({ partitioning: 'none' })).toEqual(names());
    const current = new Set(names());
    for (const { to } of api.auditMigrationRenames) expect(current.has(to)).toBe(true);
  });

  /** regression: issue 11 */
  it('migration options: an unknown key or a positional value is refused, naming it', () => {
    const build = api.createAuditMigrations as (o?: unknown) => unknown;
    expect(() => build({ partitioned: true })).toThrow(
      expect.objectContaining({ code: 'AUDIT_INVALID_CONFIG', field: 'partitioned' }),
    );
    expect(() => build({ partitioning: 'monthly', month: 3 })).toThrow(
      expect.objectContaining({ code: 'AUDIT_INVALID_CONFIG', field: 'month' }),
    );
    expect(() => build('monthly')).toThrow(
      expect.objectContaining({ code: 'AUDIT_INVALID_CONFIG', field: 'options' }),
    );
    expect(() => build({ partitioning: 'weekly' })).toThrow(
      expect.objectContaining({ code: 'AUDIT_INVALID_CONFIG', field: 'partitioning' }),
    );
    expect(build(undefined)).toHaveLength(2);
  });

  it('ensureAuditPartitions refuses an unknown option before any query', async () => {
    const ensure = api.ensureAuditPartitions as (s: unknown, o?: unknown) => Promise<number>;
    const noDatabase = {
      query: () => Promise.reject(new Error('must not be called')),
    };
    await expect(ensure(noDatabase, { count: 3 })).rejects.toMatchObject({
      code: 'AUDIT_INVALID_CONFIG',
      field: 'count',
    });
  });

  it('rejects a malformed firstMonth when the list is built', () => {
    expect(() => api.createAuditMigrations({ firstMonth: '2026-13' })).toThrow(
      expect.objectContaining({ code: 'AUDIT_INVALID_CONFIG', field: 'firstMonth' }),
    );
  });

  it('has every event type issue 5 names, in the validated format', () => {
    for (const t of [
      'SSG_PASS',
      'SSG_WARN',
      'SSG_QUARANTINE',
      'SSG_BLOCK',
      'BOT_RELEASE',
      'BOT_DELETE',
      'BOT_ESCALATE',
      'HUMAN_RELEASE',
      'HUMAN_DELETE',
      'HUMAN_VIEW_CONTENT',
      'RATE_LIMIT_EXCEEDED',
      'KEY_ROTATION',
      'RETENTION_DELETE',
      'LLM_CALL',
    ]) {
      expect(api.AuditEventType).toHaveProperty(t, t);
    }
    for (const t of Object.values(api.AuditEventType))
      expect(api.isWellFormedEventType(t)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import * as migrations from './migrations/index.js';

describe('public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'AUDIT_ACTOR_TYPES',
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

  it('the ./migrations subpath exports the migrations only', () => {
    expect(Object.keys(migrations).sort()).toEqual([
      'auditMigrationRenames',
      'auditMigrations',
      'createAuditMigrations',
      'ensureAuditPartitions',
    ]);
    expect(api.auditMigrations.map((m) => m.name)).toEqual([
      '@clawexchange/audit/0001-create-audit-logs',
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

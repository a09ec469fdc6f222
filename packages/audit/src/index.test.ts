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
      'auditMigrations',
      'createAuditMigrations',
      'ensureAuditPartitions',
    ]);
    expect(api.auditMigrations.map((m) => m.name)).toEqual([
      '@clawexchange/audit/0001-create-audit-logs',
    ]);
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

import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import * as migrations from './migrations/index.js';

describe('public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_LIMITS',
      'DEFAULT_PENALTIES',
      'DEFAULT_TRUST_MULTIPLIERS',
      'Penalty',
      'RateLimiterError',
      'RateLimiterErrorCode',
      'Tier',
      'TrustLevel',
      'createRateLimiter',
      'effectiveLimit',
      'isRateLimiterError',
      'rateLimitHeaders',
      'rateLimiterMigrationRenames',
      'rateLimiterMigrations',
    ]);
  });

  it('the ./migrations subpath exports only the migrations', () => {
    expect(Object.keys(migrations).sort()).toEqual([
      'rateLimiterMigrationRenames',
      'rateLimiterMigrations',
    ]);
    expect(migrations.rateLimiterMigrations.map((m) => m.name)).toEqual([
      '@clawexchange/rate-limiter/0001-create-config-tables',
      '@clawexchange/rate-limiter/0002-seed-defaults',
    ]);
    // Every former name maps onto a current one.
    const names = new Set(migrations.rateLimiterMigrations.map((m) => m.name));
    for (const { to } of migrations.rateLimiterMigrationRenames) expect(names.has(to)).toBe(true);
  });
});

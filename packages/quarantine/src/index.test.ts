import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import * as migrations from './migrations/index.js';

describe('public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'QuarantineError',
      'QuarantineErrorCode',
      'QuarantineStatus',
      'createKmsKeyProvider',
      'createLocalKeyProvider',
      'createQuarantineService',
      'isQuarantineError',
      'quarantineConfigFromEnv',
      'quarantineMigrations',
    ]);
  });

  it('the ./migrations subpath exports only the migrations', () => {
    expect(Object.keys(migrations).sort()).toEqual(['quarantineMigrations']);
    expect(migrations.quarantineMigrations).toBe(api.quarantineMigrations);
  });
});

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
      'quarantineMigrationRenames',
      'quarantineMigrations',
    ]);
  });

  it('the ./migrations subpath exports only the migrations', () => {
    expect(Object.keys(migrations).sort()).toEqual([
      'quarantineMigrationRenames',
      'quarantineMigrations',
    ]);
    expect(migrations.quarantineMigrations).toBe(api.quarantineMigrations);
  });

  /** regression: issue 11 */
  it('names every step @clawexchange/quarantine/NNNN-…, and maps every former name onto one', () => {
    const names = migrations.quarantineMigrations.map((m) => m.name);
    for (const name of names) expect(name).toMatch(/^@clawexchange\/quarantine\/\d{4}-[a-z0-9-]+$/);
    expect(new Set(names).size).toBe(names.length);
    for (const { to } of migrations.quarantineMigrationRenames) expect(names).toContain(to);
  });
});

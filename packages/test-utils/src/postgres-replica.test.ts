import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPostgresReplica } from './postgres-replica.js';
import { ServiceUnavailableError } from './service-error.js';

describe('startPostgresReplica without the server binaries', () => {
  /** regression: issue 16 */
  it('fails loudly with an install hint, never a skip', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'no-pg-bin-'));
    try {
      const error = await startPostgresReplica({ binDir: empty }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect((error as ServiceUnavailableError).service).toBe('postgres');
      expect((error as Error).message).toContain('pg_basebackup');
      expect((error as Error).message).toContain(
        'apt-get install -y --no-install-recommends postgresql-15',
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

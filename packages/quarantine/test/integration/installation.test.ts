import { randomBytes } from 'node:crypto';
import {
  createTestBucket,
  createTestDatabase,
  type TestBucket,
  type TestDatabase,
} from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuarantineService } from '../../src/create-quarantine.js';
import { createInstallation } from '../../src/migrations/0003-create-installation.js';
import { quarantineMigrations } from '../../src/migrations/index.js';
import { allKeys, installationIdOf, META } from './setup.js';

async function rowCount(db: TestDatabase): Promise<number> {
  const [rows] = await db.sequelize.query('SELECT count(*)::int AS n FROM quarantine_installation');
  return (rows[0] as { n: number }).n;
}

describe('the installation id (migration 0003-create-installation)', () => {
  let db: TestDatabase;
  let bucket: TestBucket;
  beforeAll(async () => {
    [db, bucket] = await Promise.all([createTestDatabase(), createTestBucket()]);
  });
  afterAll(async () => {
    await Promise.allSettled([db.drop(), bucket.cleanup()]);
  });

  function service() {
    return createQuarantineService({
      storage: {
        endpoint: bucket.endpoint,
        bucket: bucket.bucket,
        accessKey: bucket.accessKey,
        secretKey: bucket.secretKey,
        region: bucket.region,
        forcePathStyle: true,
      },
      encryption: { masterKey: randomBytes(32).toString('base64') },
      database: db.sequelize,
    });
  }

  it('a service whose database lacks the step refuses to store (nothing written), and works once it has run', async () => {
    const qi = db.sequelize.getQueryInterface();
    for (const m of quarantineMigrations) {
      if (m !== createInstallation) await m.up(qi, db.sequelize);
    }
    const q = service();
    const failed = await q.store('held later', META).catch((e: unknown) => e);
    expect(failed).toMatchObject({
      code: 'QUARANTINE_STORE_FAILED',
      cause: { code: 'QUARANTINE_DATABASE_FAILED' },
    });
    expect(String((failed as Error).cause)).toContain('run quarantineMigrations');
    expect(await allKeys(bucket.client, bucket.bucket)).toEqual([]);
    const [rows] = await db.sequelize.query('SELECT count(*)::int AS n FROM quarantine_records');
    expect((rows[0] as { n: number }).n).toBe(0);
    // The orphan sweep cannot know its key space either: cleanup() says so.
    await expect(q.cleanup()).rejects.toMatchObject({ code: 'QUARANTINE_DATABASE_FAILED' });

    await createInstallation.up(qi, db.sequelize);
    const id = await q.store('held now', META);
    const inst = await installationIdOf(db.sequelize);
    expect((await q.getMetadata(id))?.s3Key).toMatch(new RegExp(`^quarantine/${inst}/`));
    expect(await q.read(id)).toBe('held now');
  });

  it('up is idempotent and race-free (one row, the first id kept); down and up draw a new id', async () => {
    const qi = db.sequelize.getQueryInterface();
    const first = await installationIdOf(db.sequelize);
    await Promise.all(Array.from({ length: 4 }, () => createInstallation.up(qi, db.sequelize)));
    expect(await rowCount(db)).toBe(1);
    expect(await installationIdOf(db.sequelize)).toBe(first);
    await createInstallation.down(qi, db.sequelize);
    await createInstallation.down(qi, db.sequelize);
    const [tables] = await db.sequelize.query(
      "SELECT 1 FROM information_schema.tables WHERE table_name = 'quarantine_installation'",
    );
    expect(tables).toEqual([]);
    await createInstallation.up(qi, db.sequelize);
    expect(await rowCount(db)).toBe(1);
    expect(await installationIdOf(db.sequelize)).not.toBe(first);
    await expect(
      db.sequelize.query(
        "INSERT INTO quarantine_installation (singleton, id) VALUES (false, '00000000-0000-4000-8000-000000000001')",
      ),
    ).rejects.toThrow();
  });
});

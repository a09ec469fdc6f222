/**
 * Several deployments on ONE bucket and ONE prefix (the default
 * `quarantine/`): two databases, and a third deployment in another schema
 * of the first database (same server, same database). Each has its own
 * installation id, so no cleanup(), delete or expiry of one touches the
 * objects of another.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createTestBucket,
  createTestDatabase,
  type TestBucket,
  type TestDatabase,
} from '@clawexchange/test-utils';
import { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuarantineService } from '../../src/create-quarantine.js';
import { quarantineMigrations } from '../../src/migrations/index.js';
import type { Quarantine } from '../../src/types.js';
import { allKeys, fakeClock, installationIdOf, META, putRaw, rawObject, remac } from './setup.js';

/** One deployment: its database handle, clock, service and what it holds. */
type Deployment = {
  readonly name: string;
  readonly sequelize: Sequelize;
  readonly clock: ReturnType<typeof fakeClock>;
  readonly q: Quarantine;
  readonly held: Map<string, string>;
  readonly masterKey: string;
};

const HOUR = 3_600_000;

function deploy(name: string, sequelize: Sequelize, bucket: TestBucket): Deployment {
  const clock = fakeClock();
  const masterKey = randomBytes(32).toString('base64');
  const q = createQuarantineService({
    storage: {
      endpoint: bucket.endpoint,
      bucket: bucket.bucket,
      accessKey: bucket.accessKey,
      secretKey: bucket.secretKey,
      region: bucket.region,
      forcePathStyle: true,
      // No prefix: every deployment uses the default `quarantine/`.
    },
    encryption: { masterKey },
    database: sequelize,
    expiryHours: 72,
    now: clock.now,
  });
  return { name, sequelize, clock, q, held: new Map(), masterKey };
}

async function migrate(sequelize: Sequelize): Promise<void> {
  for (const m of quarantineMigrations) await m.up(sequelize.getQueryInterface(), sequelize);
}

async function holdThree(d: Deployment): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const text = `${d.name} secret ${i} ${randomUUID()}`;
    d.held.set(await d.q.store(text, META), text);
  }
}

async function s3KeyOf(d: Deployment, id: string): Promise<string> {
  const record = await d.q.getMetadata(id);
  if (record === null) throw new Error('record missing');
  return record.s3Key;
}

describe('deployments sharing a bucket and a prefix', () => {
  let bucket: TestBucket;
  let db1: TestDatabase;
  let db2: TestDatabase;
  let schemaSequelize: Sequelize;
  let a: Deployment;
  let b: Deployment;
  let c: Deployment;

  beforeAll(async () => {
    [bucket, db1, db2] = await Promise.all([
      createTestBucket(),
      createTestDatabase(),
      createTestDatabase(),
    ]);
    await db1.sequelize.query('CREATE SCHEMA tenant_c');
    schemaSequelize = new Sequelize(db1.url, {
      logging: false,
      dialect: 'postgres',
      dialectOptions: { options: '-c search_path=tenant_c' },
    });
    await Promise.all([db1.sequelize, db2.sequelize, schemaSequelize].map(migrate));
    a = deploy('a', db1.sequelize, bucket);
    b = deploy('b', db2.sequelize, bucket);
    c = deploy('c', schemaSequelize, bucket);
  });
  afterAll(async () => {
    await schemaSequelize.close();
    await Promise.allSettled([db1.drop(), db2.drop(), bucket.cleanup()]);
  });

  it('each database and each schema draws its own installation id', async () => {
    const ids = await Promise.all([a, b, c].map((d) => installationIdOf(d.sequelize)));
    expect(new Set(ids).size).toBe(3);
    // Running the migrations again keeps the id.
    await migrate(db1.sequelize);
    expect(await installationIdOf(db1.sequelize)).toBe(ids[0]);
  });

  /** regression: issue 11 (two databases on one bucket and prefix: one cleanup() in each left 0 of 6 records readable) */
  it('cleanup() in every deployment leaves every record of every deployment readable', async () => {
    for (const d of [a, b, c]) await holdThree(d);
    // Past the orphan sweep's age threshold (abandonedAfterMs, 15 min) for
    // every object, and short of the 72 h expiry.
    for (const d of [a, b, c]) d.clock.advance(HOUR);
    for (const d of [a, b, c]) {
      expect(await d.q.cleanup()).toEqual({
        expired: 0,
        abandonedStoresRemoved: 0,
        leftoverObjectsDeleted: 0,
        orphanObjectsDeleted: 0,
        tamperedRecords: 0,
        tamperedRecordsShredded: 0,
      });
    }
    for (const d of [a, b, c]) {
      for (const [id, text] of d.held) expect(await d.q.read(id)).toBe(text);
    }
    expect(await allKeys(bucket.client, bucket.bucket)).toHaveLength(9);
  });

  it("an orphan in a deployment's own key space is still swept, by that deployment only", async () => {
    const id = await a.q.store('a store whose record was lost', META);
    const key = await s3KeyOf(a, id);
    await a.sequelize.query('DELETE FROM quarantine_records WHERE id = $1', { bind: [id] });
    for (const d of [b, c]) d.clock.advance(HOUR);
    for (const d of [b, c]) expect((await d.q.cleanup()).orphanObjectsDeleted).toBe(0);
    expect(await rawObject(bucket.client, bucket.bucket, key)).not.toBeNull();
    // Too young for the sweep until abandonedAfterMs has passed on a's clock.
    expect((await a.q.cleanup()).orphanObjectsDeleted).toBe(0);
    a.clock.advance(HOUR);
    expect((await a.q.cleanup()).orphanObjectsDeleted).toBe(1);
    expect(await rawObject(bucket.client, bucket.bucket, key)).toBeNull();
    for (const d of [a, b, c]) {
      for (const [heldId, text] of d.held) expect(await d.q.read(heldId)).toBe(text);
    }
  });

  it('a legacy-keyed record (stored before installation ids) stays readable, is never swept, and its own delete removes it', async () => {
    const text = 'stored by a version before issue 11';
    const id = await a.q.store(text, META);
    const current = await s3KeyOf(a, id);
    // What the previous version wrote: `<prefix>YYYY/MM/DD/<id>`, and the row names it.
    const legacy = `quarantine/2026/11/23/${id}`;
    const body = await rawObject(bucket.client, bucket.bucket, current);
    if (body === null) throw new Error('object missing');
    await putRaw(bucket.client, bucket.bucket, legacy, body);
    await bucket.client.send(
      new (await import('@aws-sdk/client-s3')).DeleteObjectCommand({
        Bucket: bucket.bucket,
        Key: current,
      }),
    );
    // A row that old has no MAC either (written before 0004-add-record-mac).
    await a.sequelize.query(
      'UPDATE quarantine_records SET s3_key = $2, mac = NULL, mac_key_id = NULL WHERE id = $1',
      { bind: [id, legacy] },
    );
    // A legacy-shaped object with no record in any database: whose is it? Nobody sweeps it.
    const unknownLegacy = `quarantine/2026/11/23/${randomUUID()}`;
    await putRaw(bucket.client, bucket.bucket, unknownLegacy, Buffer.from('x'));
    for (const d of [a, b, c]) {
      d.clock.advance(HOUR);
      expect((await d.q.cleanup()).orphanObjectsDeleted).toBe(0);
    }
    expect(await a.q.read(id)).toBe(text);
    expect(await rawObject(bucket.client, bucket.bucket, unknownLegacy)).not.toBeNull();
    // Its own record's delete is proof enough: the object goes.
    await a.q.delete(id);
    expect(await rawObject(bucket.client, bucket.bucket, legacy)).toBeNull();
  });

  it('expiry in one deployment removes only its own objects', async () => {
    b.clock.advance(73 * HOUR);
    const result = await b.q.cleanup();
    expect(result.expired).toBe(3);
    for (const id of b.held.keys()) {
      expect((await b.q.getMetadata(id))?.status).toBe('EXPIRED');
    }
    b.held.clear();
    for (const d of [a, c]) {
      for (const [id, text] of d.held) expect(await d.q.read(id)).toBe(text);
    }
  });

  it("a record naming another installation's object (a database restored from another deployment's backup) never deletes it", async () => {
    const [victimId, victimText] = [...a.held][0] ?? [];
    if (victimId === undefined) throw new Error('a holds nothing');
    const victimKey = await s3KeyOf(a, victimId);
    // c's copy of the record points at a's object, as a restored backup would.
    const id = await c.q.store('c record', META);
    const own = await s3KeyOf(c, id);
    // The copy's row is genuine there (MAC made with the key of that database):
    // modelled by c's service authenticating the changed row itself.
    await c.sequelize.query('UPDATE quarantine_records SET s3_key = $2 WHERE id = $1', {
      bind: [id, victimKey],
    });
    await remac(c.sequelize, c.masterKey, id);
    await c.q.delete(id);
    expect(await a.q.read(victimId)).toBe(victimText);
    // The leftover sweep does not retry it either, and c's own object is an orphan c sweeps.
    c.clock.advance(HOUR);
    const result = await c.q.cleanup();
    expect(result.leftoverObjectsDeleted).toBe(0);
    expect(result.orphanObjectsDeleted).toBe(1);
    expect(await rawObject(bucket.client, bucket.bucket, own)).toBeNull();
    expect(await a.q.read(victimId)).toBe(victimText);
  });
});

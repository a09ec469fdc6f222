import { randomUUID } from 'node:crypto';
import {
  adminDatabaseUrl,
  createTestBucket,
  queryOnce,
  type TestBucket,
  type TestDatabase,
} from '@clawexchange/test-utils';
import { Sequelize } from 'sequelize';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createS3AnchorStore } from '../../src/anchor-s3.js';
import {
  type AuditAlarm,
  type AuditLogger,
  computeRowHash,
  createAuditLogger,
} from '../../src/index.js';
import {
  createAppRole,
  forgedInsert,
  migratedDatabase,
  readHeadRow,
  runAs,
  tamper,
} from './helpers.js';

const KEY = { algorithm: 'hmac-sha256', secret: Buffer.alloc(32, 9), keyId: 'anchor-k1' } as const;

type Row = {
  seq: string;
  ms: string;
  event_type: string;
  actor_id: string;
  actor_type: string;
  target_id: string | null;
  target_type: string | null;
  ip_address: string | null;
  metadata: string | null;
  prev_hash: string;
  hash: string;
};

async function rows(db: TestDatabase): Promise<Row[]> {
  const [r] = await db.sequelize.query(`SELECT seq::text AS seq,
    (extract(epoch FROM created_at) * 1000)::int8::text AS ms, event_type, actor_id, actor_type,
    target_id, target_type, ip_address, metadata::text AS metadata,
    encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
    FROM audit_logs ORDER BY audit_logs.seq`);
  return r as Row[];
}

function rehash(r: Row, prevHash: string): string {
  return computeRowHash({
    seq: r.seq,
    createdAtMs: r.ms,
    eventType: r.event_type,
    actorId: r.actor_id,
    actorType: r.actor_type,
    targetId: r.target_id,
    targetType: r.target_type,
    ipAddress: r.ip_address,
    metadata: r.metadata,
    prevHash,
  });
}

const headTo = (seq: number, hash: string, ms: number): string =>
  `UPDATE audit_chain_head SET last_seq = ${seq}, last_hash = decode('${hash}', 'hex'),
    last_created_at = '${new Date(ms).toISOString()}'`;

type Kind =
  | 'insert past head'
  | 'move head forward'
  | 'truncate tail'
  | 'rewrite row'
  | 'forge 1999';
type Actor = 'app role' | 'table owner' | 'superuser';

/** The statements of each tamper kind, built from the current table (anchored at seq 10, head 12). */
async function statements(db: TestDatabase, kind: Kind): Promise<string[]> {
  const all = await rows(db);
  const head = await readHeadRow(db.url);
  const at = (seq: number): Row => all[seq - 1] as Row;
  switch (kind) {
    case 'insert past head':
      return [forgedInsert({ seq: 13, createdAtMs: (head.ms ?? 0) + 1, prevHash: head.hash }).sql];
    case 'move head forward':
      return [headTo(15, 'ab'.repeat(32), (head.ms ?? 0) + 1)];
    case 'truncate tail':
      // Below the anchored checkpoint (10), head rewound to hide it.
      return ['DELETE FROM audit_logs WHERE seq >= 9', headTo(8, at(8).hash, Number(at(8).ms))];
    case 'rewrite row': {
      // Row 5 changed and every later hash recomputed, head included: the DB alone cannot tell.
      const out: string[] = [];
      let prev = at(4).hash;
      for (const r of all.slice(4)) {
        const changed = r.seq === '5' ? { ...r, actor_id: 'someone-else' } : r;
        const hash = rehash(changed, prev);
        out.push(`UPDATE audit_logs SET actor_id = '${changed.actor_id}',
          prev_hash = decode('${prev}', 'hex'), hash = decode('${hash}', 'hex') WHERE seq = ${r.seq}`);
        prev = hash;
      }
      out.push(headTo(12, prev, Number(at(12).ms)));
      return out;
    }
    case 'forge 1999': {
      const forged = forgedInsert({
        seq: 13,
        createdAtMs: Date.UTC(1999, 0, 1),
        prevHash: head.hash,
      });
      // Appended together with the head, as the writer would: the app role's grants allow this.
      return [
        `WITH ins AS (${forged.sql} RETURNING 1) ${headTo(13, forged.hash, Date.UTC(1999, 0, 1))}
          WHERE EXISTS (SELECT 1 FROM ins)`,
      ];
    }
  }
}

/** What verify() must say after each tamper kind done with the guards bypassed. */
const DETECTED: Record<Kind, { db: string | 'ok'; anchored: string }> = {
  'insert past head': { db: 'rows_beyond_head', anchored: 'rows_beyond_head' },
  'move head forward': { db: 'tail_missing', anchored: 'tail_missing' },
  'truncate tail': { db: 'ok', anchored: 'tail_missing' },
  'rewrite row': { db: 'ok', anchored: 'checkpoint_mismatch' },
  'forge 1999': { db: 'timestamp_decreased', anchored: 'timestamp_decreased' },
};

const KINDS = Object.keys(DETECTED) as Kind[];

describe('tamper matrix: app role, table owner, superuser × every tamper kind, with anchored checkpoints in S3', () => {
  let bucket: TestBucket;
  const owner = `audit_owner_${randomUUID().slice(0, 8)}`;
  const app = `audit_app_${randomUUID().slice(0, 8)}`;
  let db: TestDatabase | undefined;
  let pools: Sequelize[] = [];

  beforeAll(async () => {
    bucket = await createTestBucket();
    await queryOnce(
      adminDatabaseUrl(),
      `CREATE ROLE ${owner} LOGIN PASSWORD 'owner-pw' NOSUPERUSER`,
    );
  });
  afterEach(async () => {
    for (const p of pools) await p.close();
    pools = [];
    await db?.drop();
    db = undefined;
    await queryOnce(adminDatabaseUrl(), `DROP ROLE IF EXISTS ${app}`);
  });
  afterAll(async () => {
    await queryOnce(adminDatabaseUrl(), `DROP ROLE IF EXISTS ${owner}`);
    await bucket.cleanup();
  });

  /** Seeds 12 rows through the app role, anchoring the head at 10. */
  async function setup(chainId: string): Promise<{
    audit: AuditLogger;
    appUrl: string;
    ownerUrl: string;
    alarms: AuditAlarm[];
  }> {
    db = await migratedDatabase();
    const appUrl = await createAppRole(db.url, app, 'app-pw');
    await runAs(db.url, [
      `ALTER TABLE audit_logs OWNER TO ${owner}`,
      `ALTER TABLE audit_chain_head OWNER TO ${owner}`,
    ]);
    const ownerUrl = new URL(db.url);
    ownerUrl.username = owner;
    ownerUrl.password = 'owner-pw';
    const pool = new Sequelize(appUrl, { logging: false, dialect: 'postgres' });
    pools.push(pool);
    const alarms: AuditAlarm[] = [];
    const anchor = createS3AnchorStore({ client: bucket.client, bucket: bucket.bucket, chainId });
    const audit = createAuditLogger({
      database: pool,
      checkpointKey: KEY,
      anchor,
      onAlarm: (a) => alarms.push(a),
    });
    const log = (i: number) =>
      audit.log({ eventType: 'SSG_PASS', actorId: `agent-${i}`, actorType: 'agent' });
    for (let i = 1; i <= 10; i++) await log(i);
    expect(await audit.anchorCheckpoint()).toMatchObject({
      created: true,
      checkpoint: { seq: 10 },
    });
    for (let i = 11; i <= 12; i++) await log(i);
    return { audit, appUrl, ownerUrl: ownerUrl.toString(), alarms };
  }

  async function run(actor: Actor, urls: { appUrl: string; ownerUrl: string }, sql: string[]) {
    if (actor === 'app role') return runAs(urls.appUrl, sql);
    if (actor === 'superuser') return tamper(db?.url as string, sql);
    const guards = ['audit_logs', 'audit_chain_head'];
    return runAs(urls.ownerUrl, [
      ...guards.map((t) => `ALTER TABLE ${t} DISABLE TRIGGER USER`),
      ...sql,
      ...guards.map((t) => `ALTER TABLE ${t} ENABLE TRIGGER USER`),
    ]);
  }

  for (const kind of KINDS) {
    /** regression: issue 16 */
    it(`app role: ${kind} is refused by the database, or (a proper append dated 1999) caught by verify`, async () => {
      const s = await setup(`app-${KINDS.indexOf(kind)}`);
      const sql = await statements(db as TestDatabase, kind);
      if (kind === 'forge 1999') {
        await run('app role', s, sql);
        expect(await s.audit.verify()).toMatchObject({
          ok: false,
          break: { kind: 'timestamp_decreased', foundSeq: 13 },
        });
      } else {
        await expect(run('app role', s, sql)).rejects.toThrow(
          /only moves|appended only|append-only|permission denied/,
        );
        expect(await s.audit.verify()).toMatchObject({ ok: true, checked: 12, anchoredSeq: 10 });
      }
      // The writer keeps serving after every attempt.
      await expect(
        s.audit.log({ eventType: 'SSG_PASS', actorId: 'after', actorType: 'agent' }),
      ).resolves.toMatchObject({ seq: kind === 'forge 1999' ? 14 : 13 });
    });

    for (const actor of ['table owner', 'superuser'] as const) {
      /** regression: issue 16 */
      it(`${actor}: ${kind} is detected (${DETECTED[kind].anchored} with the anchor), and the writer keeps serving`, async () => {
        const s = await setup(`${actor === 'superuser' ? 'su' : 'own'}-${KINDS.indexOf(kind)}`);
        await run(actor, s, await statements(db as TestDatabase, kind));
        const dbOnly = await s.audit.verify({ anchored: false });
        if (DETECTED[kind].db === 'ok') expect(dbOnly).toMatchObject({ ok: true });
        else expect(dbOnly).toMatchObject({ ok: false, break: { kind: DETECTED[kind].db } });
        expect(await s.audit.verify()).toMatchObject({
          ok: false,
          break: { kind: DETECTED[kind].anchored },
        });
        // Never a wedge: the next event is acknowledged whatever was done.
        const rec = await s.audit.log({
          eventType: 'SSG_PASS',
          actorId: 'after',
          actorType: 'agent',
        });
        expect(rec).toMatchObject({ actorId: 'after' });
        if (kind === 'insert past head') {
          expect(s.alarms).toMatchObject([{ code: 'AUDIT_TAIL_BEYOND_HEAD', action: 'adopted' }]);
          expect(await s.audit.verify()).toMatchObject({ ok: true, anchoredSeq: 10 });
        }
        if (kind === 'truncate tail' || kind === 'rewrite row') {
          // Publishing over a chain that no longer continues the anchor is refused and alarmed.
          await expect(s.audit.anchorCheckpoint()).rejects.toMatchObject({
            code: 'AUDIT_ANCHOR_MISMATCH',
          });
          expect(s.alarms.at(-1)).toMatchObject({ code: 'AUDIT_ANCHOR_MISMATCH', anchoredSeq: 10 });
        }
      });
    }
  }
});

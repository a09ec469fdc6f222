import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  type RunningPostgresReplica,
  runNodeScript,
  startPostgresReplica,
} from '@clawexchange/test-utils';
import pg from 'pg';
import { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditAnchorStore,
  type AuditCheckpoint,
  type AuditLogger,
  type AuditRecord,
  createAuditLogger,
  createAuditMigrations,
} from '../../src/index.js';
import { tamper } from './helpers.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** An in-memory anchor store (the S3 one has its own suite): write-once per sequence. */
function memoryAnchors(): AuditAnchorStore & { readonly all: AuditCheckpoint[] } {
  const all: AuditCheckpoint[] = [];
  return {
    all,
    async put(checkpoint) {
      all.push(checkpoint);
      return { key: `mem/${checkpoint.seq}`, created: true, locked: false, conditional: false };
    },
    async latest() {
      return all[all.length - 1] ?? null;
    },
  };
}

async function exported(audit: AuditLogger): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for await (const r of audit.exportRecords()) out.push(r);
  return out;
}

const event = (i: number) => ({
  eventType: 'SSG_PASS',
  actorId: `agent-${i}`,
  actorType: 'agent' as const,
});

/** regression: issue 16 */
describe('audit on a real streaming read replica (pg_basebackup, loopback)', () => {
  let servers: RunningPostgresReplica;
  let primary: Sequelize;
  let replica: Sequelize;
  let anchors: ReturnType<typeof memoryAnchors>;
  let audit: AuditLogger;

  beforeAll(async () => {
    servers = await startPostgresReplica();
    primary = new Sequelize(servers.primaryUrl, { logging: false, dialect: 'postgres' });
    replica = new Sequelize(servers.replicaUrl, { logging: false, dialect: 'postgres' });
    const qi = primary.getQueryInterface();
    for (const m of createAuditMigrations()) await m.up(qi, primary);
    // The tables reach the replica by replay: the first test must not race it (it did once in CI).
    await servers.waitForReplay();
    anchors = memoryAnchors();
    audit = createAuditLogger({
      database: primary,
      readReplica: replica,
      checkpointKey: { algorithm: 'hmac-sha256', secret: randomBytes(32) },
      anchor: anchors,
    });
  });
  afterAll(async () => {
    await audit?.close();
    await Promise.allSettled([primary?.close(), replica?.close()]);
    await servers?.stop();
  });

  it('the replica is a read-only hot standby (a write there throws)', async () => {
    const client = new pg.Client({ connectionString: servers.replicaUrl });
    await client.connect();
    try {
      expect((await client.query('SELECT pg_is_in_recovery() AS r')).rows[0].r).toBe(true);
      await expect(
        client.query('UPDATE audit_chain_head SET last_seq = last_seq WHERE id = 1'),
      ).rejects.toThrow(/read-only/);
    } finally {
      await client.end();
    }
  });

  it('writes land on the primary and appear in query/export/verify via the replica after replay', async () => {
    // A write routed to the replica would throw: these resolving is the proof they did not go there.
    const written = await Promise.all(Array.from({ length: 40 }, (_, i) => audit.log(event(i))));
    expect(written).toHaveLength(40);
    await servers.waitForReplay();
    const page = await audit.query({ limit: 1000 });
    expect(page.records).toHaveLength(40);
    expect((await exported(audit)).map((r) => r.seq)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: true, checked: 40, lastSeq: 40 });
    expect(result.replica).toMatchObject({ headSeq: 40, primaryHeadSeq: 40 });
    expect(result.replica?.checkpointNotReached).toBeUndefined();
    expect(result.replica?.replayedAt).toBeInstanceOf(Date);
  });

  it('anchoring runs on the primary: head() and anchorCheckpoint() succeed, then verify checks the anchor on the replica', async () => {
    const receipt = await audit.anchorCheckpoint();
    expect(receipt.checkpoint.seq).toBe(40);
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: true, anchoredSeq: 40, replica: { headSeq: 40 } });
  });

  it('while replay is paused: writes still succeed, and verify reports the lower head, intact, not tampering', async () => {
    await servers.pauseReplay();
    try {
      await Promise.all(Array.from({ length: 25 }, (_, i) => audit.log(event(100 + i))));
      // Anchor the primary's newer head: the replica has not got its rows.
      const receipt = await audit.anchorCheckpoint();
      expect(receipt.checkpoint.seq).toBe(65);
      expect((await audit.head()).seq).toBe(65);

      const result = await audit.verify();
      expect(result.ok).toBe(true);
      expect(result).toMatchObject({ checked: 40, lastSeq: 40 });
      expect(result.replica).toMatchObject({
        headSeq: 40,
        primaryHeadSeq: 65,
        checkpointNotReached: 65,
      });
      expect(result.replica?.lagBytes).toBeGreaterThan(0);
      // The anchor was not checked in this run, so the result does not claim it.
      expect(result).not.toHaveProperty('anchoredSeq');

      // An explicit checkpoint past the replica's head: the same answer.
      const explicit = await audit.verify({ checkpoint: receipt.checkpoint });
      expect(explicit).toMatchObject({ ok: true, replica: { checkpointNotReached: 65 } });

      // Reads that may lag do lag: query/export show what the replica has.
      expect((await audit.query({ limit: 1000 })).records).toHaveLength(40);
      expect(await exported(audit)).toHaveLength(40);
    } finally {
      await servers.resumeReplay();
    }
    await servers.waitForReplay();
    const caughtUp = await audit.verify();
    expect(caughtUp).toMatchObject({
      ok: true,
      checked: 65,
      anchoredSeq: 65,
      replica: { headSeq: 65, primaryHeadSeq: 65 },
    });
    expect(caughtUp.replica?.checkpointNotReached).toBeUndefined();
  });

  it('a truncated primary is still caught while the replica lags (primary head below the anchor)', async () => {
    await servers.pauseReplay();
    try {
      await Promise.all(Array.from({ length: 5 }, (_, i) => audit.log(event(200 + i))));
      expect((await audit.anchorCheckpoint()).checkpoint.seq).toBe(70);
      // The superuser drops the anchored tail and rewinds the head, on the primary.
      await tamper(servers.primaryUrl, [
        'DELETE FROM audit_logs WHERE seq > 68',
        `UPDATE audit_chain_head SET last_seq = 68,
           last_hash = (SELECT hash FROM audit_logs WHERE seq = 68) WHERE id = 1`,
      ]);
      // The replica (head 65) is below the anchor (70), and so is the primary (68): a truncation.
      const result = await audit.verify();
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({
        break: { kind: 'tail_missing' },
        replica: { headSeq: 65, primaryHeadSeq: 68 },
      });
    } finally {
      await servers.resumeReplay();
    }
    await servers.waitForReplay();
    expect(await audit.verify()).toMatchObject({
      ok: false,
      break: { kind: 'tail_missing' },
      replica: { headSeq: 68, primaryHeadSeq: 68 },
    });
  });

  it('a primary rewound below what the replica has replayed is tail_missing, even without an anchor', async () => {
    await servers.pauseReplay();
    try {
      await tamper(servers.primaryUrl, [
        'DELETE FROM audit_logs WHERE seq > 60',
        `UPDATE audit_chain_head SET last_seq = 60,
           last_hash = (SELECT hash FROM audit_logs WHERE seq = 60) WHERE id = 1`,
      ]);
      // The replica still holds rows 1..68, intact; the primary's head says 60.
      const result = await audit.verify({ anchored: false });
      expect(result).toMatchObject({
        ok: false,
        checked: 68,
        break: { kind: 'tail_missing', expectedSeq: 61, foundSeq: null },
        replica: { headSeq: 68, primaryHeadSeq: 60 },
      });
    } finally {
      await servers.resumeReplay();
    }
  });
});

describe('clawexchange-audit verify with DATABASE_REPLICA_URL (built bin)', () => {
  let servers: RunningPostgresReplica;
  let primary: Sequelize;

  beforeAll(async () => {
    servers = await startPostgresReplica();
    primary = new Sequelize(servers.primaryUrl, { logging: false, dialect: 'postgres' });
    const qi = primary.getQueryInterface();
    for (const m of createAuditMigrations()) await m.up(qi, primary);
    const audit = createAuditLogger({ database: primary });
    await Promise.all(Array.from({ length: 12 }, (_, i) => audit.log(event(i))));
    await audit.close();
    await servers.waitForReplay();
  });
  afterAll(async () => {
    await primary?.close();
    await servers?.stop();
  });

  it('reads the replica and prints its report; export reads it too', async () => {
    await servers.pauseReplay();
    try {
      const audit = createAuditLogger({ database: primary });
      await Promise.all(Array.from({ length: 3 }, (_, i) => audit.log(event(50 + i))));
      await audit.close();
      const env = { DATABASE_URL: servers.primaryUrl, DATABASE_REPLICA_URL: servers.replicaUrl };
      const verified = await runNodeScript(CLI, ['verify'], env);
      expect(verified.code).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({
        ok: true,
        checked: 12,
        replica: { headSeq: 12, primaryHeadSeq: 15 },
      });
      const lines = (await runNodeScript(CLI, ['export'], env)).stdout.trim().split('\n');
      expect(lines).toHaveLength(12);
    } finally {
      await servers.resumeReplay();
    }
  });
});

describe('audit with readReplica set to the primary itself, or to a Sequelize with replication', () => {
  let servers: RunningPostgresReplica;
  let primary: Sequelize;

  beforeAll(async () => {
    servers = await startPostgresReplica();
    primary = new Sequelize(servers.primaryUrl, { logging: false, dialect: 'postgres' });
    const qi = primary.getQueryInterface();
    for (const m of createAuditMigrations()) await m.up(qi, primary);
    await servers.waitForReplay();
  });
  afterAll(async () => {
    await primary?.close();
    await servers?.stop();
  });

  it('reads on the primary and reports no replica', async () => {
    const audit = createAuditLogger({ database: primary, readReplica: primary });
    await Promise.all(Array.from({ length: 5 }, (_, i) => audit.log(event(i))));
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: true, checked: 5 });
    expect(result).not.toHaveProperty('replica');
    expect((await audit.query()).records).toHaveLength(5);
    await audit.close();
  });

  it('a Sequelize configured with replication works as both database and readReplica', async () => {
    const at = (url: string) => ({ host: '127.0.0.1', port: Number(new URL(url).port) });
    const both = new Sequelize({
      dialect: 'postgres',
      username: 'postgres',
      database: 'postgres',
      logging: false,
      replication: { read: [at(servers.replicaUrl)], write: at(servers.primaryUrl) },
    });
    try {
      const routed = createAuditLogger({ database: both, readReplica: both });
      await servers.waitForReplay();
      await servers.pauseReplay();
      try {
        // Writes take the write pool (the primary): the read-only standby would refuse them.
        await routed.log(event(999));
        await routed.flush();
        // Reads take the read pool: the paused standby does not have the new row.
        const result = await routed.verify();
        expect(result).toMatchObject({ ok: true, replica: { headSeq: 5, primaryHeadSeq: 6 } });
        expect((await routed.query({ limit: 1000 })).records).toHaveLength(5);
      } finally {
        await servers.resumeReplay();
      }
      await servers.waitForReplay();
      expect((await routed.query({ limit: 1000 })).records).toHaveLength(6);
      await routed.close();
    } finally {
      await both.close();
    }
  });
});

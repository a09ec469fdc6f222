import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTestBucket,
  runNodeScript,
  type ScriptRun,
  type TestBucket,
  type TestDatabase,
} from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createAuditLogger } from '../../src/index.js';
import { migratedDatabase, tamper } from './helpers.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const HMAC = Buffer.alloc(32, 3).toString('base64');

const run = (args: readonly string[], vars: Record<string, string>): Promise<ScriptRun> =>
  runNodeScript(CLI, args, vars);

describe('clawexchange-audit (built bin)', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await migratedDatabase();
    dir = await mkdtemp(join(tmpdir(), 'audit-cli-'));
    const audit = createAuditLogger({ database: db.sequelize });
    for (let i = 0; i < 25; i++) {
      await audit.log({
        eventType: 'SSG_PASS',
        actorId: `a-${i}`,
        actorType: 'agent',
        metadata: { i },
      });
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('verifies, prints a signed head, exports JSONL, and catches tampering', async () => {
    const env = {
      DATABASE_URL: db.url,
      AUDIT_CHECKPOINT_HMAC_KEY: HMAC,
      AUDIT_CHECKPOINT_KEY_ID: 'cli',
    };
    const ok = await run(['verify'], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, checked: 25, lastSeq: 25 });

    const head = await run(['head'], env);
    expect(head.code).toBe(0);
    const checkpoint = JSON.parse(head.stdout);
    expect(checkpoint).toMatchObject({ seq: 25, keyId: 'cli', algorithm: 'hmac-sha256' });
    const file = join(dir, 'cp.json');
    await writeFile(file, head.stdout);

    const exported = await run(['export', '--from', '3', '--to', '7'], env);
    expect(exported.code).toBe(0);
    const lines = exported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((r) => r.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(lines[0]).toMatchObject({ actorId: 'a-2', metadata: { i: 2 } });

    await tamper(db.url, [
      'DELETE FROM audit_logs WHERE seq >= 20',
      'UPDATE audit_chain_head SET last_seq = 19',
    ]);
    const broken = await run(['verify', '--checkpoint', file], env);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({
      ok: false,
      break: { kind: 'tail_missing', expectedSeq: 20 },
    });
  });

  /** regression: issue 5 (a checkpoint file holding `null` was ignored; one not JSON exited 3) */
  it('exports an archive that verify-file proves, and rejects bad checkpoint files', async () => {
    // Its own database: the test above leaves a tampered chain behind.
    const own = await migratedDatabase();
    onTestFinished(() => own.drop());
    const writer = createAuditLogger({ database: own.sequelize });
    for (let i = 0; i < 8; i++) {
      await writer.log({ eventType: 'SSG_PASS', actorId: `a-${i}`, actorType: 'agent' });
    }
    const env = { DATABASE_URL: own.url, AUDIT_CHECKPOINT_HMAC_KEY: HMAC };
    const head = await run(['head'], env);
    const cp = join(dir, 'archive-cp.json');
    await writeFile(cp, head.stdout);
    const archive = join(dir, 'archive.jsonl');
    const exported = await run(['export', '--to', String(JSON.parse(head.stdout).seq)], env);
    expect(exported.code).toBe(0);
    await writeFile(archive, exported.stdout);
    const proved = await run(['verify-file', archive, '--checkpoint', cp], {
      AUDIT_CHECKPOINT_HMAC_KEY: HMAC,
    });
    expect(proved.code).toBe(0);
    expect(JSON.parse(proved.stdout)).toMatchObject({ ok: true, checked: 8, lastSeq: 8 });
    const edited = join(dir, 'edited.jsonl');
    await writeFile(edited, exported.stdout.replace('"actorId":"a-4"', '"actorId":"a-X"'));
    const caught = await run(['verify-file', edited], {});
    expect(caught.code).toBe(1);
    expect(JSON.parse(caught.stdout)).toMatchObject({
      ok: false,
      break: { kind: 'hash_mismatch', expectedSeq: 5 },
    });

    for (const content of ['null', 'not json']) {
      const bad = join(dir, 'bad-cp.json');
      await writeFile(bad, content);
      for (const args of [
        ['verify', '--checkpoint', bad],
        ['verify-file', archive, '--checkpoint', bad],
      ]) {
        const r = await run(args, env);
        expect(r.code, `${args[0]} ${content}`).toBe(2);
        expect(r.stderr).toContain('AUDIT_INVALID_CHECKPOINT');
      }
    }
  });

  it('fails with usage errors and never prints the connection string', async () => {
    expect((await run(['frobnicate'], { DATABASE_URL: db.url })).code).toBe(2);
    expect((await run(['verify', '--from'], { DATABASE_URL: db.url })).code).toBe(2);
    expect((await run(['verify'], {})).code).toBe(2);
    expect((await run(['head'], { DATABASE_URL: db.url })).code).toBe(2);
    expect((await run(['verify-file'], {})).code).toBe(2);
    const url = new URL(db.url);
    url.password = 'CANARY-db-password';
    const down = await run(['verify'], { DATABASE_URL: url.toString() });
    expect(down.code).toBe(3);
    expect(down.stderr + down.stdout).not.toContain('CANARY');
  });
});

describe('clawexchange-audit anchor (built bin, anchor bucket)', () => {
  let db: TestDatabase;
  let bucket: TestBucket;
  beforeAll(async () => {
    [db, bucket] = await Promise.all([migratedDatabase(), createTestBucket()]);
    const audit = createAuditLogger({ database: db.sequelize });
    for (let i = 0; i < 6; i++) {
      await audit.log({ eventType: 'SSG_PASS', actorId: `a-${i}`, actorType: 'agent' });
    }
  });
  afterAll(async () => {
    await bucket.cleanup();
    await db.drop();
  });

  /** regression: issue 16 */
  it('publishes a checkpoint, and verify checks against it by default: a truncated tail with the head rewound exits 1', async () => {
    const env = {
      DATABASE_URL: db.url,
      AUDIT_CHECKPOINT_HMAC_KEY: HMAC,
      AUDIT_ANCHOR_BUCKET: bucket.bucket,
      AUDIT_ANCHOR_CHAIN_ID: 'cli-chain',
      S3_ENDPOINT: bucket.endpoint,
      S3_REGION: bucket.region,
      S3_ACCESS_KEY: bucket.accessKey,
      S3_SECRET_KEY: bucket.secretKey,
      S3_FORCE_PATH_STYLE: 'true',
    };
    const anchored = await run(['anchor'], env);
    expect(anchored.code).toBe(0);
    expect(JSON.parse(anchored.stdout)).toMatchObject({
      key: 'audit-anchors/cli-chain/0000000000000006.json',
      created: true,
      seq: 6,
    });
    const ok = await run(['verify'], env);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, anchoredSeq: 6 });
    const [rows] = await db.sequelize.query(
      "SELECT encode(hash, 'hex') AS hash FROM audit_logs WHERE seq = 4",
    );
    const hash4 = (rows as { hash: string }[])[0]?.hash;
    await tamper(db.url, [
      'DELETE FROM audit_logs WHERE seq >= 5',
      `UPDATE audit_chain_head SET last_seq = 4, last_hash = decode('${hash4}', 'hex')`,
    ]);
    const broken = await run(['verify'], env);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, break: { kind: 'tail_missing' } });
    const refused = await run(['anchor'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('AUDIT_ANCHOR_MISMATCH');
    const noBucket = await run(['anchor'], {
      DATABASE_URL: db.url,
      AUDIT_CHECKPOINT_HMAC_KEY: HMAC,
    });
    expect(noBucket.code).toBe(2);
    expect(`${noBucket.stdout}${noBucket.stderr}`).not.toContain(bucket.secretKey);
  });
});

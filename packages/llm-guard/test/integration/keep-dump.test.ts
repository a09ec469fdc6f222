import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '@clawexchange/test-utils';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isLLMGuardError } from '../../src/errors.js';
import { llmGuardMigrations } from '../../src/migrations/index.js';
import type { LLMObjectStore } from '../../src/types.js';
import { AWS_KEY, callWith, EMAIL, type Env, setupEnv } from './setup.js';

const DAY = 86_400_000;
let env: Env;

beforeAll(async () => {
  env = await setupEnv('llm');
});
afterAll(async () => {
  await env.teardown();
});
beforeEach(async () => {
  env.events.length = 0;
  env.seen.length = 0;
  await env.db.sequelize.query('DELETE FROM llm_runs');
});

async function objectText(key: string): Promise<string | null> {
  const client = createS3Client(env.bucket);
  try {
    const out = await client.send(new GetObjectCommand({ Bucket: env.bucket.bucket, Key: key }));
    return (await out.Body?.transformToString()) ?? null;
  } catch (e) {
    if ((e as { name?: string }).name === 'NoSuchKey') return null;
    throw e;
  }
}

async function rows(): Promise<Record<string, unknown>[]> {
  return env.db.sequelize.query('SELECT * FROM llm_runs ORDER BY retain_until, run_hash', {
    type: QueryTypes.SELECT,
  });
}

describe('migrations', () => {
  it('run up, down, up; up is idempotent; no column can hold prompt text or the raw run id', async () => {
    const qi = env.db.sequelize.getQueryInterface();
    for (const m of [...llmGuardMigrations].reverse()) await m.down(qi, env.db.sequelize);
    for (const m of llmGuardMigrations) await m.up(qi, env.db.sequelize);
    for (const m of llmGuardMigrations) await m.up(qi, env.db.sequelize);
    const columns = Object.keys(await qi.describeTable('llm_runs')).sort();
    expect(columns).toEqual([
      'artifact_keys',
      'created_at',
      'deleted_at',
      'model',
      'output_key',
      'provider',
      'retain_until',
      'run_hash',
      'size_bytes',
    ]);
  });
});

describe('keep', () => {
  it('writes <prefix>/outputs/YYYY/MM/DD/<run_hash>.json with SSE AES256 on the wire, and a row without text', async () => {
    env.vendor.enqueue({ kind: 'answer', text: '{"scam":true,"note":"mails [EMAIL#1]"}' });
    const result = await callWith(env.make(), 'run-keep-1');
    expect(result.output).toEqual({ scam: true, note: `mails ${EMAIL}` });
    expect(result.outputKey).toBe(`llm/outputs/2026/11/23/${result.runHash}.json`);
    const put = env.seen.filter((s) => s.command === 'PutObjectCommand');
    expect(put).toHaveLength(1);
    expect(put[0]?.headers['x-amz-server-side-encryption']).toBe('AES256');
    const stored = await objectText(result.outputKey ?? '');
    // Kept output is the redacted answer: the mapping died with the call.
    expect(JSON.parse(stored ?? '{}')).toMatchObject({
      runHash: result.runHash,
      output: { scam: true, note: 'mails [EMAIL#1]' },
    });
    const [row] = await rows();
    expect(row).toMatchObject({
      run_hash: result.runHash,
      provider: 'openai',
      model: 'test-model',
      output_key: result.outputKey,
      deleted_at: null,
    });
    expect(
      new Date(row?.retain_until as string).getTime() -
        new Date(row?.created_at as string).getTime(),
    ).toBe(30 * DAY);
    const everything = JSON.stringify(await rows()) + (stored ?? '') + JSON.stringify(env.events);
    for (const canary of [EMAIL, AWS_KEY, 'run-keep-1']) expect(everything).not.toContain(canary);
    expect(env.events.map((e) => e.eventType)).toEqual(['LLM_OUTPUT_KEPT', 'LLM_CALL']);
  });

  it('sends aws:kms with the key id on the wire; a server that refuses it fails the call cleanly', async () => {
    env.vendor.enqueue({ kind: 'answer', text: '{"scam":false}' });
    const guard = env.make({ sse: { type: 'aws:kms', kmsKeyId: 'alias/llm-outputs' } });
    const outcome = await callWith(guard, 'run-kms').then(
      (r) => ({ r }),
      (error: unknown) => ({ error }),
    );
    const put = env.seen.find((s) => s.command === 'PutObjectCommand');
    expect(put?.headers['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(put?.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBe('alias/llm-outputs');
    if ('error' in outcome) {
      // Some S3-compatible servers (Swift's s3api: 501) refuse aws:kms; the row stays, so retention still removes whatever was written.
      expect(isLLMGuardError(outcome.error) && outcome.error.code).toBe('LLM_GUARD_STORAGE_FAILED');
      expect(await rows()).toHaveLength(1);
    } else {
      // s3rver accepts the header without KMS: only the request can be checked here.
      expect(await objectText(outcome.r.outputKey ?? '')).not.toBeNull();
    }
  });
});

async function keepRuns(count: number, stepDays: number): Promise<string[]> {
  const guard = env.make();
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    env.vendor.enqueue({ kind: 'answer', text: '{"scam":false}' });
    keys.push((await callWith(guard, `run-ret-${i}-${Math.random()}`)).outputKey ?? '');
    env.clock.advance(stepDays * DAY);
  }
  return keys;
}

describe('dump (retention)', () => {
  it('deletes exactly the due objects in batches, marks their rows, audits, and is idempotent', async () => {
    const keys = await keepRuns(5, 10); // kept at day 0, 10, 20, 30, 40 (relative)
    const foreign = 'llm/outputs/2026/11/23/not-ours.json';
    await createS3Client(env.bucket).send(
      new PutObjectCommand({ Bucket: env.bucket.bucket, Key: foreign, Body: 'x' }),
    );
    env.events.length = 0;
    const now = new Date(new Date('2026-11-23T12:00:00.000Z').getTime() + 50 * DAY); // runs 0, 1, 2 are due (retain 30 d)
    const result = await env.make().runRetention({ now, batchSize: 2 });
    expect(result).toEqual({ deletedRuns: 3, deletedObjects: 3, failedRuns: 0, batches: 2 });
    expect(await Promise.all(keys.map(objectText))).toEqual([
      null,
      null,
      null,
      expect.any(String),
      expect.any(String),
    ]);
    expect(await objectText(foreign)).toBe('x');
    const marked = (await rows()).map((r) => r.deleted_at !== null);
    expect(marked).toEqual([true, true, true, false, false]);
    expect(env.events.map((e) => e.eventType)).toEqual([
      'LLM_RETENTION_STARTED',
      'LLM_RETENTION_DELETED',
      'LLM_RETENTION_DELETED',
      'LLM_RETENTION_COMPLETED',
    ]);
    expect(env.events[3]?.metadata).toEqual({
      deletedRuns: 3,
      deletedObjects: 3,
      failedRuns: 0,
      batches: 2,
    });
    const again = await env.make().runRetention({ now, batchSize: 2 });
    expect(again).toEqual({ deletedRuns: 0, deletedObjects: 0, failedRuns: 0, batches: 0 });
    const deletes = env.seen.filter((s) => s.command === 'DeleteObjectsCommand');
    expect(deletes).toHaveLength(2);
  });

  it('resumes after a crash between deleting objects and marking rows', async () => {
    await keepRuns(3, 0);
    const keys = (await rows()).map((r) => r.output_key as string); // the sweep's order
    const now = new Date(env.clock.now().getTime() + 31 * DAY);
    const real = env.store();
    let calls = 0;
    const crashing: LLMObjectStore = {
      ...real,
      async deleteMany(batch) {
        calls++;
        await real.deleteMany(batch);
        if (calls === 2) throw new Error('process killed after DeleteObjects');
        return [];
      },
    };
    await expect(
      env.make({ store: crashing }).runRetention({ now, batchSize: 1 }),
    ).rejects.toMatchObject({ code: 'LLM_GUARD_STORAGE_FAILED' });
    expect((await rows()).map((r) => r.deleted_at !== null)).toEqual([true, false, false]);
    expect(await objectText(keys[1] ?? '')).toBeNull(); // deleted, not yet marked
    const rerun = await env.make().runRetention({ now, batchSize: 1 });
    expect(rerun).toMatchObject({ deletedRuns: 2, failedRuns: 0 });
    expect((await rows()).every((r) => r.deleted_at !== null)).toBe(true);
    expect(await Promise.all(keys.map(objectText))).toEqual([null, null, null]);
  });

  it('leaves a run due when one of its objects could not be deleted, and goes on with the rest', async () => {
    await keepRuns(2, 0);
    const now = new Date(env.clock.now().getTime() + 31 * DAY);
    const real = env.store();
    const [first] = await rows();
    const partial: LLMObjectStore = {
      ...real,
      async deleteMany(batch) {
        await real.deleteMany(batch.filter((k) => k !== first?.output_key));
        return batch.filter((k) => k === first?.output_key);
      },
    };
    env.events.length = 0;
    const result = await env.make({ store: partial }).runRetention({ now, batchSize: 10 });
    expect(result).toEqual({ deletedRuns: 1, deletedObjects: 1, failedRuns: 1, batches: 1 });
    expect(env.events.map((e) => e.eventType)).toContain('LLM_RETENTION_FAILED');
    expect((await rows()).map((r) => r.deleted_at !== null)).toEqual([false, true]);
  });
});

describe('retention racing a new keep of the same run', () => {
  it('a run kept again while retention deletes it keeps its new object (rows are locked)', async () => {
    const guard = env.make();
    env.vendor.enqueue({ kind: 'answer', text: '{"scam":false}' });
    const first = await callWith(guard, 'run-race');
    const real = env.store();
    let entered: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: LLMObjectStore = {
      ...real,
      async deleteMany(keys) {
        entered();
        await gate;
        return real.deleteMany(keys);
      },
    };
    // Same clock day for the new keep: it writes the very key retention is deleting.
    const now = new Date(env.clock.now().getTime() + 31 * DAY);
    const sweeping = env.make({ store: slow }).runRetention({ now, batchSize: 10 });
    await inside;
    env.vendor.enqueue({ kind: 'answer', text: '{"scam":true}' });
    const again = callWith(guard, 'run-race');
    // Release retention only once the keep waits on the row lock retention holds.
    for (let i = 0; i < 500; i++) {
      const [w] = await env.db.sequelize.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()',
        { type: QueryTypes.SELECT },
      );
      if ((w?.n ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    release();
    await sweeping;
    const kept = await again;
    expect(kept.outputKey).toBe(first.outputKey);
    expect(JSON.parse((await objectText(kept.outputKey ?? '')) ?? '{}').output).toEqual({
      scam: true,
    });
    const [row] = await rows();
    expect(row?.deleted_at).toBeNull();
  });
});

describe('artifacts', () => {
  it('keeps artifacts at <prefix>/artifacts/YYYY/MM/DD/<run_hash>/<kind>-N.<ext> with SSE; retention deletes them too', async () => {
    env.vendor.enqueue({ kind: 'answer', text: '{"scam":false}' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const result = await env.make().call({
      task: 'Is this a scam?',
      schema: { type: 'object', properties: { scam: { type: 'boolean' } }, required: ['scam'] },
      page: { body: 'hello' },
      selectors: [{ name: 'body' }],
      runId: 'run-artifacts',
      artifacts: [
        { kind: 'screenshot', ext: 'png', contentType: 'image/png', body: png },
        {
          kind: 'page',
          ext: 'html',
          contentType: 'text/html',
          body: new TextEncoder().encode('<p>x</p>'),
        },
        { kind: 'screenshot', ext: 'png', contentType: 'image/png', body: png },
      ],
    });
    const day = env.clock.now().toISOString().slice(0, 10).replaceAll('-', '/');
    const dir = `llm/artifacts/${day}/${result.runHash}`;
    expect(result.artifactKeys).toEqual([
      `${dir}/screenshot-1.png`,
      `${dir}/page-1.html`,
      `${dir}/screenshot-2.png`,
    ]);
    const puts = env.seen.filter((s) => s.command === 'PutObjectCommand');
    expect(puts).toHaveLength(4);
    for (const p of puts) expect(p.headers['x-amz-server-side-encryption']).toBe('AES256');
    expect(await objectText(`${dir}/page-1.html`)).toBe('<p>x</p>');
    expect(env.vendor.requests.at(-1)?.body).not.toContain('<p>x</p>');
    const [row] = await rows();
    expect(row?.artifact_keys).toEqual(result.artifactKeys);
    // The same run kept again keeps one row (renewed), never losing track of an object.
    env.vendor.enqueue({ kind: 'answer', text: '{"scam":true}' });
    await callWith(env.make(), 'run-artifacts');
    expect(await rows()).toHaveLength(1);
    const now = new Date(env.clock.now().getTime() + 31 * DAY);
    const swept = await env.make().runRetention({ now, batchSize: 10 });
    expect(swept).toMatchObject({ deletedRuns: 1, deletedObjects: 4 });
    for (const key of [result.outputKey ?? '', ...result.artifactKeys])
      expect(await objectText(key)).toBeNull();
  });
});

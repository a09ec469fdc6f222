import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorker } from '../../src/worker.js';
import { type Env, META, setupEnv } from './setup.js';

describe('clawexchange-quarantine worker (env config)', () => {
  let env: Env;
  let vars: Record<string, string>;
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };

  beforeAll(async () => {
    env = await setupEnv();
    vars = {
      DATABASE_URL: env.db.url,
      S3_ENDPOINT: env.bucket.endpoint,
      S3_BUCKET: env.bucket.bucket,
      S3_ACCESS_KEY: env.bucket.accessKey,
      S3_SECRET_KEY: env.bucket.secretKey,
      S3_REGION: env.bucket.region,
      S3_FORCE_PATH_STYLE: 'true',
      ENCRYPTION_MASTER_KEY: env.masterKey,
      QUARANTINE_EXPIRY_HOURS: '72',
    };
  });
  afterAll(async () => {
    await env.teardown();
  });

  it('stats, cleanup and rotate-keys print one JSON line each', async () => {
    const q = env.make();
    await q.store('worker content', META);
    expect(await runWorker(['stats'], vars, io)).toBe(0);
    const stats = JSON.parse(out.at(-1) as string);
    expect(stats.command).toBe('stats');
    expect(stats.result.heldCount).toBe(1);
    expect(stats.result.keyUsage).toEqual({ default: 1 });

    expect(await runWorker(['cleanup'], vars, io)).toBe(0);
    expect(JSON.parse(out.at(-1) as string).result).toEqual({
      expired: 0,
      abandonedStoresRemoved: 0,
      leftoverObjectsDeleted: 0,
      orphanObjectsDeleted: 0,
      tamperedRecords: 0,
      tamperedRecordsShredded: 0,
    });

    const next = randomBytes(32).toString('base64');
    const rotateVars = {
      ...vars,
      ENCRYPTION_MASTER_KEY: next,
      ENCRYPTION_MASTER_KEY_ID: 'k2',
      ENCRYPTION_PREVIOUS_KEYS: `default:${env.masterKey}`,
    };
    expect(await runWorker(['rotate-keys', '--batch-size', '10'], rotateVars, io)).toBe(0);
    expect(JSON.parse(out.at(-1) as string).result).toEqual({
      activeKeyId: 'k2',
      rewrapped: 1,
      reauthenticated: 0,
      remaining: 0,
    });
  });

  it('exits 2 on usage errors and 1 on bad config, printing codes but no secrets', async () => {
    expect(await runWorker(['nope'], vars, io)).toBe(2);
    for (const args of [
      ['rotate-keys', '--batch-size', 'abc'],
      ['rotate-keys', '--batch-size', '0'],
      ['rotate-keys', '--batch-size'],
      ['stats', '--verbose'],
      ['cleanup', '--batch-size', '10', 'extra'],
    ]) {
      expect(await runWorker(args, vars, io)).toBe(2);
    }
    const shortKey = randomBytes(24).toString('base64');
    expect(await runWorker(['stats'], { ...vars, ENCRYPTION_MASTER_KEY: shortKey }, io)).toBe(1);
    const last = JSON.parse(err.at(-1) as string);
    expect(last).toMatchObject({
      code: 'QUARANTINE_INVALID_CONFIG',
      field: 'ENCRYPTION_MASTER_KEY',
    });
    const { S3_BUCKET: _omit, ...noBucket } = vars;
    expect(await runWorker(['cleanup'], noBucket, io)).toBe(1);
    expect(JSON.parse(err.at(-1) as string)).toMatchObject({ field: 'S3_BUCKET' });
    const all = [...out, ...err].join('\n');
    expect(all).not.toContain(shortKey);
    expect(all).not.toContain(env.masterKey);
  });
});

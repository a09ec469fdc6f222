import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { runNodeScript, type ScriptRun } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Env, META, setupEnv } from './setup.js';

/** The built worker, exactly what the package `bin` points at (run `build` first). */
const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

const run = (args: readonly string[], vars: Record<string, string>): Promise<ScriptRun> =>
  runNodeScript(BIN, args, vars);

describe('clawexchange-quarantine (built bin, spawned)', () => {
  let env: Env;
  let vars: Record<string, string>;

  beforeAll(async () => {
    env = await setupEnv();
    vars = {
      DATABASE_URL: env.db.url,
      S3_ENDPOINT: env.bucket.endpoint,
      S3_BUCKET: env.bucket.bucket,
      S3_ACCESS_KEY: env.bucket.accessKey,
      S3_SECRET_KEY: env.bucket.secretKey,
      S3_REGION: env.bucket.region,
      ENCRYPTION_MASTER_KEY: env.masterKey,
    };
  });
  afterAll(async () => {
    await env.teardown();
  });

  it('runs stats and cleanup from the environment, one JSON line on stdout each', async () => {
    const id = await env.make().store('bin content', META);
    const stats = await run(['stats'], vars);
    expect(stats.code).toBe(0);
    const printed = JSON.parse(stats.stdout.trim());
    expect(printed).toMatchObject({ command: 'stats', result: { heldCount: 1, pendingCount: 0 } });
    expect(printed.result.keyUsage).toEqual({ default: 1 });

    const cleanup = await run(['cleanup'], vars);
    expect(cleanup.code).toBe(0);
    expect(JSON.parse(cleanup.stdout.trim()).result).toEqual({
      expired: 0,
      abandonedStoresRemoved: 0,
      leftoverObjectsDeleted: 0,
      orphanObjectsDeleted: 0,
      tamperedRecords: 0,
      tamperedRecordsShredded: 0,
    });
    expect(await env.make().read(id)).toBe('bin content');
    expect(stats.stderr + cleanup.stderr).not.toContain(env.masterKey);
  });

  it('exits 2 on usage, 1 on bad config, naming the variable and never echoing secrets', async () => {
    const usage = await run(['bogus'], vars);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: clawexchange-quarantine');

    const shortKey = randomBytes(24).toString('base64');
    const bad = await run(['cleanup'], { ...vars, ENCRYPTION_MASTER_KEY: shortKey });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(JSON.parse(bad.stderr.trim())).toMatchObject({
      code: 'QUARANTINE_INVALID_CONFIG',
      field: 'ENCRYPTION_MASTER_KEY',
    });
    const all = usage.stdout + usage.stderr + bad.stdout + bad.stderr;
    for (const secret of [shortKey, env.masterKey, env.bucket.secretKey]) {
      expect(all).not.toContain(secret);
    }

    const { DATABASE_URL: _omit, ...noDb } = vars;
    expect((await run(['stats'], noDb)).code).toBe(1);
  });
});

import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client, runNodeScript, type ScriptRun } from '@clawexchange/test-utils';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Env, setupEnv } from './setup.js';

/** The built bin, exactly what the package `bin` points at (run `build` first). */
const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

const run = (args: readonly string[], vars: Record<string, string>): Promise<ScriptRun> =>
  runNodeScript(BIN, args, vars);

describe('clawexchange-llm-guard retention (built bin, spawned)', () => {
  let env: Env;
  let vars: Record<string, string>;

  beforeAll(async () => {
    env = await setupEnv('cron');
    vars = {
      DATABASE_URL: env.db.url,
      OBJECT_STORE_BUCKET: env.bucket.bucket,
      S3_PREFIX: 'cron',
      S3_ENDPOINT: env.bucket.endpoint,
      S3_REGION: env.bucket.region,
      S3_ACCESS_KEY: env.bucket.accessKey,
      S3_SECRET_KEY: env.bucket.secretKey,
      S3_FORCE_PATH_STYLE: 'true',
      LLM_MODEL: 'm',
      LLM_DATA_USAGE: 'none',
    };
  });
  afterAll(async () => {
    await env.teardown();
  });

  it('deletes the due objects, marks the rows and prints the counts', async () => {
    const client = createS3Client(env.bucket);
    const due = 'cron/outputs/2020/01/01/due.json';
    const kept = 'cron/outputs/2999/01/01/kept.json';
    for (const Key of [due, kept])
      await client.send(new PutObjectCommand({ Bucket: env.bucket.bucket, Key, Body: '{}' }));
    await env.db.sequelize.query(
      `INSERT INTO llm_runs (run_hash, provider, model, output_key, size_bytes, created_at, retain_until)
       VALUES (repeat('a', 64), 'openai', 'm', $1, 2, now() - interval '40 days', now() - interval '10 days'),
              (repeat('b', 64), 'openai', 'm', $2, 2, now(), now() + interval '30 days')`,
      { bind: [due, kept] },
    );
    const result = await run(['retention', '--batch-size', '10'], vars);
    expect(result.code).toBe(0); // stderr may carry the AWS SDK's Node-version notice
    expect(JSON.parse(result.stdout)).toEqual({
      deletedRuns: 1,
      deletedObjects: 1,
      failedRuns: 0,
      batches: 1,
    });
    const rows = await env.db.sequelize.query<{ run_hash: string; deleted: boolean }>(
      'SELECT run_hash, deleted_at IS NOT NULL AS deleted FROM llm_runs ORDER BY run_hash',
      { type: QueryTypes.SELECT },
    );
    expect(rows.map((r) => r.deleted)).toEqual([true, false]);
  });

  it('answers usage errors with exit 2 and failures with a code, never a secret', async () => {
    expect((await run(['nope'], vars)).code).toBe(2);
    const refused = await run(['retention'], {
      ...vars,
      LLM_DATA_USAGE: 'training',
      S3_SECRET_KEY: 'secret-never-printed',
    });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr.trim().split('\n').at(-1) ?? '')).toEqual({
      error: { code: 'LLM_GUARD_VENDOR_CONTRACT_VIOLATION', field: 'dataUsage' },
    });
    expect(refused.stderr + refused.stdout).not.toContain('secret-never-printed');
  });
});

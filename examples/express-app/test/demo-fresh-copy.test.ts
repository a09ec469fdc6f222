/**
 * The README's demo command, as a new user runs it: in a fresh copy of the
 * repository (the tracked and unignored files only — no node_modules, no
 * builds), `npm run demo` installs from the lockfile, builds every package,
 * starts the demo on its embedded services, replays the scenario and keeps
 * serving; Ctrl-C stops it and every service it started.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Copies what a fresh clone would hold (plus uncommitted edits), next to the shared files. */
function freshCopy(): string {
  const parent = mkdtempSync(join(tmpdir(), 'claw-demo-copy-'));
  // Embedded PostgreSQL runs as `postgres` when the suite runs as root: it must enter the copy.
  chmodSync(parent, 0o755);
  const copy = join(parent, 'repo');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((f) => f !== '');
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      cpSync(join(REPO, file), join(copy, file));
    } catch {
      // listed by git but deleted in the working tree: a fresh clone of this state lacks it too
    }
  }
  return copy;
}

function waitFor(child: ChildProcess, output: { text: string }, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (output.text.includes(marker)) resolve(output.text);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) =>
      reject(
        new Error(`npm run demo exited (${code}) before "${marker}":\n${output.text.slice(-3000)}`),
      ),
    );
    check();
  });
}

/** A new user's environment: no service URLs (the demo starts its own), any free port. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
  for (const key of Object.keys(env)) {
    if (/^(DATABASE_URL|MIGRATION_DATABASE_URL|REDIS_URL|S3_|VITEST|NODE_ENV)/.test(key))
      delete env[key];
  }
  return env;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the README's demo command in a fresh copy", () => {
  let child: ChildProcess | undefined;
  let copy: string | undefined;
  afterAll(() => {
    if (child?.pid !== undefined && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    if (copy !== undefined) rmSync(dirname(copy), { recursive: true, force: true });
  });

  /** regression: issue 17 */
  it('installs, builds, replays the scenario, serves, and stops cleanly on Ctrl-C', async () => {
    copy = freshCopy();
    const output = { text: '' };
    // Its own process group, so Ctrl-C reaches npm, pnpm, tsx and the app as in a terminal.
    child = spawn('npm', ['run', 'demo'], {
      cwd: copy,
      detached: true,
      env: userEnv(),
    });
    child.stdout?.on('data', (d: Buffer) => {
      output.text += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output.text += d.toString();
    });
    const text = await waitFor(child, output, 'Press Ctrl+C to stop.');
    expect(text).toMatch(/pasted AWS credentials\s+403\s+BLOCK/);
    expect(text).toContain('Audit chain: intact');
    expect(text).not.toContain('UNEXPECTED');
    const base = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1] ?? '';
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const pgid = child.pid ?? 0;
    const exited = new Promise<void>((resolve) => child?.once('exit', () => resolve()));
    process.kill(-pgid, 'SIGINT');
    await exited;
    for (let i = 0; i < 150 && groupAlive(pgid); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(groupAlive(pgid)).toBe(false);
    await expect(fetch(`${base}/livez`)).rejects.toThrow();
  }, 1_200_000);
});

/**
 * Runs a package's built bin the way a host's cron or shell would: a fresh
 * Node process with only the variables given (and PATH), its output collected.
 */
import { spawn } from 'node:child_process';

/** What a spawned script did. */
export type ScriptRun = {
  /** Exit code (`null` when a signal ended it). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
};

/**
 * Spawns `node <script> ...args` with `env` plus the current PATH, and waits for it to exit.
 *
 * @param script - absolute path of the script (e.g. a package's `dist/bin.js`)
 * @param args - command-line arguments
 * @param env - the only variables the script sees besides PATH
 * @returns its exit code and output
 */
export function runNodeScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

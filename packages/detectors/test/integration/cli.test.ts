import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The built command, as `npx clawexchange-detect` runs it (the suite runs after the build). */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

const run = (args: string[], input: string) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 60_000 });

describe('clawexchange-detect, the built command', () => {
  it('answers each JSONL case on stdout and exits 0', () => {
    const out = run(
      ['--categories', 'secret'],
      `${JSON.stringify({ id: 1, text: 'key AKIAQ3EGRTZPL7WXKM5N' })}\n{"id":2}\n`,
    );
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    const lines = out.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ id: 1, findings: [{ type: 'aws-access-key', start: 4 }] });
    expect(lines[1]).toEqual({ id: 2, findings: [], error: 'INVALID_CASE' });
    expect(out.stdout).not.toContain('AKIAQ3EGRTZPL7WXKM5N');
  });

  it('ends a usage error with status 2, the code and the usage, before reading a case', () => {
    for (const args of [['--semantics'], ['--categories', 'secrets'], ['cases.jsonl']]) {
      const out = run(args, '{"id":1,"text":"x"}\n');
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(
        /^error: DETECTORS_INVALID_OPTIONS: .*\n\nusage: clawexchange-detect/,
      );
    }
  });

  it('prints the usage for --help and scans nothing', () => {
    const out = run(['--help'], '{"id":1,"text":"x"}\n');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^usage: clawexchange-detect/);
  });
});

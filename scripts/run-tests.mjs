#!/usr/bin/env node
// Runs vitest and fails unless the run really tested something: `pnpm test:all` (and so
// `npm test`), `test:unit` and `test:integration` go through here.
//
//   node scripts/run-tests.mjs [--with-redis] [--project NAME]... [other vitest arguments]
//
// --with-redis   make sure Redis is there first (REDIS_URL or redis-server on PATH; installs
//                redis-server with apt-get on Debian/Ubuntu as root or with passwordless sudo,
//                else stops with a one-line instruction).
// --project      a project that must run; repeatable; passed on to vitest. Without any, every
//                project vitest resolves from the config must run.
//
// Exit status 0 only when vitest exited 0, its run finished (a global setup that throws never
// finishes), and every project ran at least one test with none failing (scripts/lib/test-guard.mjs).
// The last line printed is always `N passed, N failed, N skipped`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRedis } from './lib/redis-preflight.mjs';
import { parseArgs } from './lib/run-args.mjs';
import { SUMMARY_ENV } from './lib/summary-reporter.mjs';
import { closingLine, projectLines, runProblems, totalsOf } from './lib/test-guard.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const reporter = fileURLToPath(new URL('./lib/summary-reporter.mjs', import.meta.url));
const say = (line) => process.stderr.write(`[run-tests] ${line}\n`);

/** @returns {import('./lib/test-guard.mjs').Summary | undefined} */
function readSummary(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Runs vitest with the summary reporter and resolves with how it ended.
 *
 * @param {string[]} vitestArgs
 * @param {string} summaryFile
 * @returns {Promise<{exitCode: number | null, signal: string | null}>}
 */
function runVitest(vitestArgs, summaryFile) {
  const bin = createRequire(join(root, 'package.json')).resolve('vitest/package.json');
  const reporters = vitestArgs.some((a) => a.startsWith('--reporter'))
    ? []
    : ['--reporter=default'];
  const args = [join(bin, '..', 'vitest.mjs'), 'run', ...reporters, `--reporter=${reporter}`];
  const child = spawn(process.execPath, [...args, ...vitestArgs], {
    cwd: process.cwd(),
    stdio: 'inherit',
    env: { ...process.env, [SUMMARY_ENV]: summaryFile },
  });
  return new Promise((resolve) => {
    child.on('error', (err) => {
      say(`could not start vitest: ${err.message}`);
      resolve({ exitCode: 1, signal: null });
    });
    child.on('exit', (exitCode, signal) => resolve({ exitCode, signal }));
  });
}

async function main() {
  const { withRedis, projects, vitestArgs } = parseArgs(process.argv.slice(2));
  if (withRedis) {
    const redis = ensureRedis();
    if (!redis.ok) {
      say(redis.message);
      return 1;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'claw-run-tests-'));
  try {
    const summaryFile = join(dir, 'summary.json');
    const { exitCode, signal } = await runVitest(vitestArgs, summaryFile);
    const summary = readSummary(summaryFile);
    const problems = runProblems({ exitCode, signal, summary, expectedProjects: projects });
    for (const line of projectLines(summary)) say(line);
    for (const problem of problems) say(`FAILED: ${problem}`);
    process.stdout.write(`${closingLine(totalsOf(summary))}\n`);
    return problems.length === 0 ? 0 : exitCode !== null && exitCode !== 0 ? exitCode : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();

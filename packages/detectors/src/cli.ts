#!/usr/bin/env node
/**
 * `clawexchange-detect`: reads JSONL cases `{"id","text",...}` on stdin and
 * writes one line per case,
 * `{"id","findings":[{category,type,start,end,confidence,severity}]}`.
 * A case that cannot be parsed or scanned gets `"error"` (a code, never text).
 * Flags: `--categories secret,pii,injection`; `--semantic` turns the learned
 * injection stage on (`semantic: { enabled: true }`). An unknown option or
 * category ends the command with status 2 and the usage text.
 */
import { createInterface } from 'node:readline';
import { CLI_USAGE, parseCliArgs } from './cli-args.js';
import { runCases } from './cli-run.js';
import { isDetectorError } from './errors.js';
import { createDetector } from './scan.js';

async function main(argv: readonly string[]): Promise<void> {
  const args = parseCliArgs(argv);
  if (args.help) {
    process.stdout.write(CLI_USAGE);
    return;
  }
  const detector = createDetector(args.detector);
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  await runCases(lines, detector, (text) => process.stdout.write(text));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Only our constant messages and codes, never input text. A usage error is status 2;
  // anything else (e.g. stdin failed) is 1.
  if (isDetectorError(error)) {
    process.stderr.write(`error: ${error.code}: ${error.message}\n\n${CLI_USAGE}`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write('error: unexpected failure\n');
  process.exitCode = 1;
});

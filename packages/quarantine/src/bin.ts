#!/usr/bin/env node
/**
 * `clawexchange-quarantine cleanup|rotate-keys|stats`: the worker for cron
 * and Kubernetes jobs. Reads DATABASE_URL and the quarantine variables.
 */
import { runWorker } from './worker.js';

runWorker(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);

#!/usr/bin/env node
/**
 * `clawexchange-llm-guard retention`: one retention run for cron (replaces
 * the Python worker). Reads the documented LLM_/S3_ variables and
 * `DATABASE_URL`; prints one JSON line of counts; exit 1 on failure.
 */
import { Sequelize } from 'sequelize';
import { llmGuardConfigFromEnv } from './config-from-env.js';
import { createLLMGuard } from './create-llm-guard.js';
import { isLLMGuardError } from './errors.js';

const USAGE = 'usage: clawexchange-llm-guard retention [--batch-size N]\n';

function batchSize(args: readonly string[]): number | undefined {
  const i = args.indexOf('--batch-size');
  return i < 0 ? undefined : Number(args[i + 1]);
}

async function main(args: readonly string[]): Promise<number> {
  if (args[0] !== 'retention') {
    process.stderr.write(USAGE);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') {
    process.stderr.write('clawexchange-llm-guard: DATABASE_URL is required\n');
    return 2;
  }
  const sequelize = new Sequelize(url, { logging: false });
  try {
    const guard = createLLMGuard({ ...llmGuardConfigFromEnv(process.env), database: sequelize });
    const size = batchSize(args);
    const result = await guard.runRetention(size === undefined ? {} : { batchSize: size });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (e) {
    // Code and field only: messages are constant, causes may hold SQL.
    const code = isLLMGuardError(e) ? e.code : 'UNEXPECTED';
    const field = isLLMGuardError(e) ? e.field : undefined;
    process.stderr.write(
      `${JSON.stringify({ error: { code, ...(field === undefined ? {} : { field }) } })}\n`,
    );
    return 1;
  } finally {
    await sequelize.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);

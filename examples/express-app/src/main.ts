import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { composePipeline } from './compose.js';
import { stepPrinter } from './database/progress.js';
import { flagsFromEnv } from './flags.js';
import { formatTable, seedPosts, sendPosts } from './seed.js';
import { startDemoServices } from './services.js';

const smoke = process.argv.includes('--smoke');
const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

async function listen(app: ReturnType<typeof createApp>, port: number) {
  return new Promise<import('node:http').Server>((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
}

async function main(): Promise<number> {
  out('Starting services…');
  const services = await startDemoServices();
  const flags = flagsFromEnv();
  out(`  PostgreSQL: ${services.origin.postgres}`);
  out(`  S3:         ${services.origin.s3}`);
  out(`  Redis:      ${services.origin.redis}`);
  out(`  flags:      ${JSON.stringify(flags)}`);
  out(`  roles:      ${services.origin.roles ?? 'given'}`);
  out('Running migrations (as the migration role)…');
  const pipeline = await composePipeline(services, flags, process.env, {
    onMigrationStep: stepPrinter(out),
  });
  const app = createApp(pipeline, flags);
  const requested = smoke ? 0 : Number(process.env.PORT ?? 3000);
  const server = await listen(app, requested).catch(() => listen(app, 0));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const outcomes = await sendPosts(baseUrl, seedPosts());
  out('\nSeeded posts:\n');
  out(formatTable(outcomes));
  const verification = await pipeline.audit.verify();
  const held = await pipeline.quarantine.list({ status: 'QUARANTINED' });
  out(`\nAudit chain: ${verification.ok ? 'intact' : 'BROKEN'} (${verification.checked} events)`);
  out(`Quarantine:  ${held.items.length} record(s) held, encrypted`);

  const mismatches = outcomes.filter((o) => o.outcome !== o.post.expected);
  for (const m of mismatches)
    out(`UNEXPECTED: ${m.post.description}: ${m.outcome}, expected ${m.post.expected}`);

  if (smoke) {
    server.close();
    await pipeline.close();
    await services.stop();
    return mismatches.length === 0 && verification.ok ? 0 : 1;
  }
  out(`\nListening on ${baseUrl}`);
  out(
    `  curl -s -X POST ${baseUrl}/v1/posts -H 'content-type: application/json' -H 'x-agent-id: verified-me' -d '{"text":"hello agents"}'`,
  );
  out(`  curl -s ${baseUrl}/healthz`);
  out('Press Ctrl+C to stop.');
  const shutdown = (): void => {
    server.close();
    void pipeline
      .close()
      .then(() => services.stop())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

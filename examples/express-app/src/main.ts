import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { answerClientErrorsAsJson } from './client-errors.js';
import { composePipeline } from './compose.js';
import { stepPrinter } from './database/progress.js';
import { type FeatureFlags, flagsFromEnv } from './flags.js';
import { checkHostTokens, createHost } from './host.js';
import { installMetrics } from './metrics.js';
import { formatSteps, reviewHeldPosts } from './scenario.js';
import { formatTable, seedPosts, sendPosts } from './seed.js';
import { type DemoServices, startDemoServices } from './services.js';
import { stopOnSignal } from './shutdown.js';

const smoke = process.argv.includes('--smoke');
const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** `TRUST_PROXY`: a hop count (`1`), `true`/`false`, or addresses/subnets (`loopback, 10.0.0.0/8`). */
function trustProxyFromEnv(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

async function listen(app: import('express').Express, port: number) {
  return new Promise<import('node:http').Server>((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
    answerClientErrorsAsJson(server);
  });
}

/**
 * A configuration mistake (the demo's own `ConfigError`, or a package's `…_INVALID_CONFIG`) in
 * one line, since its message names the setting; anything else with its stack.
 */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const isConfig = typeof code === 'string' && code.endsWith('_INVALID_CONFIG');
  return isConfig ? `${error.name}: ${error.message}` : (error.stack ?? error.message);
}

async function main(): Promise<number> {
  // Configuration first: a mistake must not leave services started behind it.
  checkHostTokens({
    metricsToken: process.env.METRICS_TOKEN,
    deepToken: process.env.HEALTH_DEEP_TOKEN,
  });
  const flags = flagsFromEnv();
  out('Starting services…');
  const services = await startDemoServices();
  try {
    return await runDemo(services, flags);
  } catch (error) {
    // Whatever fails once they run (a quarantine key, a migration), the services stop first.
    await services.stop().catch(() => undefined);
    throw error;
  }
}

/** Composes, seeds and serves the demo on running services; -1 while it keeps serving. */
async function runDemo(services: DemoServices, flags: FeatureFlags): Promise<number> {
  out(`  PostgreSQL: ${services.origin.postgres}`);
  out(`  S3:         ${services.origin.s3}`);
  out(`  Redis:      ${services.origin.redis}`);
  out(`  flags:      ${JSON.stringify(flags)}`);
  out(`  roles:      ${services.origin.roles ?? 'given'}`);
  installMetrics(); // before the packages take their meters
  out('Running migrations (as the migration role)…');
  const pipeline = await composePipeline(services, flags, process.env, {
    onMigrationStep: stepPrinter(out),
  });
  if (pipeline.judge) out(`  LLM judge:  ${pipeline.judge.origin} (${pipeline.judge.vendorUrl})`);
  const deepToken = process.env.HEALTH_DEEP_TOKEN ?? randomBytes(24).toString('base64url');
  const host = createHost(pipeline, flags, {
    health: { deepToken },
    ...(process.env.METRICS_TOKEN === undefined ? {} : { metricsToken: process.env.METRICS_TOKEN }),
    trustProxy: trustProxyFromEnv(process.env.TRUST_PROXY),
    moderation: {
      botToken: process.env.MODERATION_BOT_TOKEN,
      adminSession: process.env.DEMO_ADMIN_SESSION,
      csrfSecret: process.env.MODERATION_CSRF_SECRET,
    },
  });
  const app = host.app;
  const requested = smoke ? 0 : Number(process.env.PORT ?? 3000);
  const server = await listen(app, requested).catch(() => listen(app, 0));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const outcomes = await sendPosts(baseUrl, seedPosts({ llmJudge: flags.llmJudge === true }));
  out('\nSeeded posts:\n');
  out(formatTable(outcomes));
  const review = host.moderation ? await reviewHeldPosts(baseUrl, host.moderation) : [];
  if (review.length > 0) {
    out('\nReview (bot triage, then a human release, through the moderation API):\n');
    out(formatSteps(review));
  }
  const verification = await pipeline.audit.verify();
  const held = await pipeline.quarantine.list({ status: 'QUARANTINED' });
  const released = host.posts.list().filter((p) => p.verdict === 'RELEASED').length;
  out(`\nAudit chain: ${verification.ok ? 'intact' : 'BROKEN'} (${verification.checked} events)`);
  out(`Quarantine:  ${held.items.length} record(s) still held, encrypted`);
  out(`Published:   ${host.posts.list().length} post(s), ${released} released by a moderator`);
  if (pipeline.judge) out(`LLM judge:   ${pipeline.judge.origin}, called through the guard`);

  const mismatches = outcomes.filter((o) => o.outcome !== o.post.expected);
  for (const m of mismatches)
    out(`UNEXPECTED: ${m.post.description}: ${m.outcome}, expected ${m.post.expected}`);
  for (const step of review.filter((s) => s.status !== 200))
    out(`UNEXPECTED: ${step.actor} ${step.action}: HTTP ${step.status} ${step.outcome}`);
  const failed = mismatches.length > 0 || review.some((s) => s.status !== 200);

  if (smoke) {
    server.close();
    await pipeline.close();
    await services.stop();
    return !failed && verification.ok ? 0 : 1;
  }
  out(`\nListening on ${baseUrl}`);
  out(
    `  curl -s -X POST ${baseUrl}/v1/posts -H 'content-type: application/json' -H 'x-agent-id: verified-me' -d '{"text":"hello agents"}'`,
  );
  out(`  curl -s ${baseUrl}/readyz`);
  out(`  curl -s ${baseUrl}/healthz/deep -H 'authorization: Bearer ${deepToken}'`);
  out(
    process.env.METRICS_TOKEN === undefined
      ? `  metrics:   ${baseUrl}/metrics (open: set METRICS_TOKEN to require a bearer token)`
      : `  metrics:   ${baseUrl}/metrics (bearer token: METRICS_TOKEN)`,
  );
  if (host.moderation) {
    out('\nModeration (demo credentials, new on every start unless set in the environment):');
    out(`  console:   ${baseUrl}/demo/login?code=${host.moderation.loginCode} (works once)`);
    out(`             (then ${baseUrl}/moderation/human/console)`);
    out(
      `  bot queue: curl -s ${baseUrl}/moderation/bot/queue -H 'authorization: Bearer ${host.moderation.botToken}'`,
    );
  }
  out('Press Ctrl+C to stop.');
  stopOnSignal(
    async () => {
      server.close();
      server.closeAllConnections();
      try {
        await pipeline.close();
      } finally {
        await services.stop();
      }
    },
    (line) => process.stderr.write(`${line}\n`),
  );
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`demo failed: ${describeFailure(error)}\n`);
    process.exit(1);
  },
);

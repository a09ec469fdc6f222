/**
 * The security suite's host: the whole example app (gate, limiter on Redis,
 * audit and quarantine on PostgreSQL and S3, moderation router and console,
 * `/metrics`, health endpoints) on real services, with every package's
 * logger captured so the suite can search the log lines for canaries.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@clawexchange/ssg/common';
import { answerClientErrorsAsJson } from '../../src/client-errors.js';
import { composePipeline, type Pipeline } from '../../src/compose.js';
import type { FeatureFlags } from '../../src/flags.js';
import { createHost, type Host } from '../../src/host.js';
import { installMetrics } from '../../src/metrics.js';
import { createTestServices, type TestServices } from '../services.js';

/** Everything on: the app as the deployment guide runs it. */
export const ALL_ON: FeatureFlags = {
  quarantine: true,
  audit: true,
  rateLimit: true,
  dryRun: false,
};

/** A logger that keeps every line as JSON text. */
export type CapturedLogger = Logger & { readonly lines: string[] };

/** Captures every log line, fields included, as JSON text. */
export function capturedLogger(): CapturedLogger {
  const lines: string[] = [];
  const at = (level: string) => (fields: Readonly<Record<string, unknown>>, msg: string) => {
    lines.push(safeJson({ level, msg, ...fields }));
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * JSON text of a log line. An Error keeps every own property (message,
 * cause, a driver's `sql` and `parameters`): where a leak would hide.
 */
function safeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Error
      ? Object.fromEntries(
          Object.getOwnPropertyNames(v).map((k) => [
            k,
            (v as unknown as Record<string, unknown>)[k],
          ]),
        )
      : typeof v === 'bigint'
        ? String(v)
        : v,
  );
}

/** The running host and what the suite inspects. */
export type SecurityWorld = {
  readonly url: string;
  readonly t: TestServices;
  readonly pipeline: Pipeline;
  readonly host: Host;
  readonly logger: CapturedLogger;
  /** Bearer token of `/healthz/deep`. */
  readonly deepToken: string;
  /** `Authorization` header of the demo's triage bot. */
  readonly bot: Readonly<Record<string, string>>;
  /** `Cookie` header of the demo admin. */
  readonly admin: Readonly<Record<string, string>>;
  close(): Promise<void>;
};

/** Options of {@link startSecurityWorld}. */
export type SecurityWorldOptions = {
  /** Run the LLM judge in the gate against this vendor (OpenAI-compatible). @default judge off */
  readonly judgeVendorUrl?: string;
};

/** Starts the services, composes the pipeline with a captured logger and listens on loopback. */
export async function startSecurityWorld(
  options: SecurityWorldOptions = {},
): Promise<SecurityWorld> {
  const t = await createTestServices();
  installMetrics(); // before the packages take their meters
  const logger = capturedLogger();
  const judged = options.judgeVendorUrl !== undefined;
  const flags = { ...ALL_ON, llmJudge: judged };
  const judgeEnv = judged
    ? {
        LLM_API_URL: options.judgeVendorUrl,
        LLM_PROVIDER: 'openai-compatible',
        LLM_MODEL: 'fake-judge',
        LLM_DATA_USAGE: 'none',
      }
    : {};
  const pipeline = await composePipeline(
    t.services(),
    flags,
    { ...process.env, ...judgeEnv, RATE_LIMIT_KEY_PREFIX: t.redis.prefix },
    { logger },
  );
  const deepToken = randomBytes(24).toString('base64url');
  const host = createHost(pipeline, flags, { health: { deepToken } });
  const server: Server = host.app.listen(0, '127.0.0.1');
  answerClientErrorsAsJson(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const creds = host.moderation;
  if (creds === undefined)
    throw new Error('moderation is mounted when quarantine and audit are on');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    t,
    pipeline,
    host,
    logger,
    deepToken,
    bot: { authorization: `Bearer ${creds.botToken}` },
    admin: { cookie: `claw_demo_admin=${encodeURIComponent(creds.adminSession)}` },
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections(); // fetch keeps sockets alive
      await closed;
      await pipeline.close();
      await t.cleanup();
    },
  };
}

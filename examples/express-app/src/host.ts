import type { Express } from 'express';
import { type AppOptions, createApp } from './app.js';
import type { Pipeline } from './compose.js';
import type { FeatureFlags } from './flags.js';
import { checkBearerToken } from './health/bearer.js';
import { installMetrics, mountMetrics, registerHostGauges } from './metrics.js';
import {
  type ModerationCredentials,
  type ModerationOptions,
  mountModeration,
} from './moderation.js';
import { createPostStore, type PostStore } from './posts.js';

/** The whole host: the app, where it publishes, and the moderators' credentials. */
export type Host = {
  readonly app: Express;
  readonly posts: PostStore;
  /** Undefined when quarantine or audit is off (moderation needs both). */
  readonly moderation: ModerationCredentials | undefined;
};

/** Settings of {@link createHost}. */
export type HostOptions = Omit<AppOptions, 'posts' | 'mount'> & {
  readonly moderation?: ModerationOptions;
  /** Serve `/metrics` (call `installMetrics()` before `composePipeline`). @default true */
  readonly metrics?: boolean;
  /**
   * Bearer token a `/metrics` scrape must send; unset: `/metrics` is open
   * (keep it on a network only the monitoring can reach). A token no scrape
   * could send (empty, with whitespace, outside RFC 6750's `b64token`) is refused.
   */
  readonly metricsToken?: string;
};

/**
 * Refuses the host's bearer tokens when no client could send them (see
 * {@link checkBearerToken}). The demo calls it before it starts any service,
 * so a bad `METRICS_TOKEN` or `HEALTH_DEEP_TOKEN` fails at once and leaves
 * nothing running; {@link createHost} calls it too.
 *
 * @param tokens - the `/metrics` token and the `/healthz/deep` token, either unset
 * @throws {ConfigError} when a set token is not an RFC 6750 `b64token`
 */
export function checkHostTokens(tokens: {
  readonly metricsToken?: string | undefined;
  readonly deepToken?: string | undefined;
}): void {
  checkBearerToken('METRICS_TOKEN (metricsToken)', tokens.metricsToken, '/metrics is open');
  checkBearerToken(
    'HEALTH_DEEP_TOKEN (health.deepToken)',
    tokens.deepToken,
    '/healthz/deep answers 404',
  );
}

/**
 * Composes the app with the moderation router and console (`/moderation`),
 * whose releases are published into the same posts, and `/metrics`.
 */
export function createHost(
  pipeline: Pipeline,
  flags: FeatureFlags,
  options: HostOptions = {},
): Host {
  checkHostTokens({ metricsToken: options.metricsToken, deepToken: options.health?.deepToken });
  const posts = createPostStore();
  let moderation: ModerationCredentials | undefined;
  const app = createApp(pipeline, flags, {
    ...options,
    posts,
    mount: (inner) => {
      if (flags.quarantine && flags.audit) {
        moderation = mountModeration(inner, {
          pipeline,
          posts,
          ...(options.moderation ? { options: options.moderation } : {}),
        });
      }
      if (options.metrics !== false) {
        mountMetrics(inner, installMetrics(), options.metricsToken);
        registerHostGauges(pipeline);
      }
    },
  });
  return { app, posts, moderation };
}

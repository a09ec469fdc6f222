import type { Express } from 'express';
import { type AppOptions, createApp } from './app.js';
import type { Pipeline } from './compose.js';
import type { FeatureFlags } from './flags.js';
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
   * (keep it on a network only the monitoring can reach). An empty token,
   * or one holding whitespace (which no scrape could send), is refused.
   */
  readonly metricsToken?: string;
};

/**
 * Refuses a `/metrics` bearer token no scrape could use. A bearer token is
 * one word: an empty one would read as "protected" and protect nothing, one
 * with a space or a trailing newline (read from a file) could never match.
 * The demo calls it before it starts any service, so a bad `METRICS_TOKEN`
 * fails at once and leaves nothing running.
 *
 * @param token - the configured token; undefined means `/metrics` is open
 * @throws {TypeError} when the token is empty or holds whitespace
 */
export function checkMetricsToken(token: string | undefined): void {
  if (token !== undefined && !/^\S+$/.test(token)) {
    throw new TypeError(
      'METRICS_TOKEN (metricsToken) must be one word without spaces; unset means open',
    );
  }
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
  checkMetricsToken(options.metricsToken);
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

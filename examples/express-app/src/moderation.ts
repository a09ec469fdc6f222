import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  createBotTokenAuth,
  createHumanAdminAuth,
  createModerationRouter,
  createRedisUsedTokenStore,
  generateBotToken,
  hashBotToken,
} from '@clawexchange/moderation';
import { metrics } from '@opentelemetry/api';
import type { Express } from 'express';
import type { Pipeline } from './compose.js';
import type { PostStore } from './posts.js';

/** Where the moderation router is mounted. */
export const MODERATION_PATH = '/moderation';
/** The demo admin's session cookie. */
const SESSION_COOKIE = 'claw_demo_admin';

/** Credentials of the demo's moderators, printed at start. */
export type ModerationCredentials = {
  /** Bearer token of the `triage-bot` (scopes: read the queue, act). */
  readonly botToken: string;
  /** The demo admin's session token (cookie `claw_demo_admin`). */
  readonly adminSession: string;
  /**
   * One-time code of the demo's login link, `/demo/login?code=…`: it sets the
   * session cookie once. The session itself never travels in a URL, where
   * browser history, proxies and access logs would keep it.
   */
  readonly loginCode: string;
};

/** Settings: fixed credentials (env) or fresh random ones. */
export type ModerationOptions = {
  readonly botToken?: string | undefined;
  readonly adminSession?: string | undefined;
  /** Base64 of ≥ 32 bytes, the same on every instance. @default 32 random bytes */
  readonly csrfSecret?: string | undefined;
};

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeCookie(rest.join('='));
  }
  return undefined;
}

/**
 * A cookie value's percent-decoding, or undefined when it is malformed: a
 * client-sent `%E0%A4%A` is no session (401), not a failure of the host's
 * auth (it used to throw, and the router answered 503).
 */
function decodeCookie(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * The demo's stand-in for a host's login: one admin whose session token
 * is printed at start. A real host uses its own sessions (express-session,
 * an identity provider) and passes `getUser` its user.
 */
function demoAdminSession(session: string) {
  const expected = digest(session);
  const sessionOf = (req: IncomingMessage): string | undefined => {
    const given = cookie(req, SESSION_COOKIE);
    return given !== undefined && timingSafeEqual(digest(given), expected) ? given : undefined;
  };
  return {
    getUser: (req: IncomingMessage) =>
      sessionOf(req) === undefined ? null : { id: 'demo-admin', roles: ['admin'] },
    // CSRF tokens bind to this id: a hash, so the session token itself goes nowhere.
    getSessionId: (req: IncomingMessage) => {
      const s = sessionOf(req);
      return s === undefined ? undefined : digest(s).toString('base64url');
    },
  };
}

/** The shared store of spent content tokens when the host runs on Redis; else the in-memory default. */
function usedTokenStore(pipeline: Pipeline) {
  const { redis, redisKeyPrefix } = pipeline;
  if (redis === undefined) return {};
  const keyPrefix =
    redisKeyPrefix === undefined ? {} : { keyPrefix: `${redisKeyPrefix}moderation:used-token:` };
  return { usedTokens: createRedisUsedTokenStore({ redis, ...keyPrefix }) };
}

/**
 * Mounts the moderation router and console at `/moderation`: the
 * `triage-bot` acts on the bot queue with its bearer token, the demo admin
 * through the console; releases are published through `onRelease` into the
 * app's posts. Also `/demo/login?code=…`, a one-time link that sets the admin cookie.
 */
export function mountModeration(
  app: Express,
  deps: { pipeline: Pipeline; posts: PostStore; options?: ModerationOptions },
): ModerationCredentials {
  const options = deps.options ?? {};
  const bot = options.botToken
    ? { token: options.botToken, tokenHash: hashBotToken(options.botToken) }
    : generateBotToken();
  const adminSession = options.adminSession ?? randomBytes(24).toString('base64url');
  const admin = demoAdminSession(adminSession);
  const router = createModerationRouter({
    quarantine: deps.pipeline.quarantine,
    audit: deps.pipeline.audit,
    onRelease: async (content, meta) => {
      deps.posts.publish({
        kind: meta.contentType === 'COMMENT' ? 'COMMENT' : 'POST',
        agentId: meta.agentId ?? 'anonymous',
        text: content,
        verdict: 'RELEASED',
        tier: meta.tier,
      });
    },
    botAuth: createBotTokenAuth({
      bots: [
        {
          id: 'triage-bot',
          tokenHash: bot.tokenHash,
          scopes: ['moderation:queue:read', 'moderation:act'],
        },
      ],
    }),
    humanAuth: createHumanAdminAuth(admin),
    // A content token works once across every instance: spent tokens are kept in the shared
    // Redis (the in-memory default let another instance serve the same token again).
    ...usedTokenStore(deps.pipeline),
    // Moderation takes no global meter by default: hand it the host's.
    meter: metrics.getMeter('@clawexchange/moderation'),
    logger: deps.pipeline.logger,
    csrfSecret: options.csrfSecret ? Buffer.from(options.csrfSecret, 'base64') : randomBytes(32),
  });
  app.use(MODERATION_PATH, router);
  const loginCode = randomBytes(24).toString('base64url');
  let loginCodeUsed = false;
  app.get('/demo/login', (req, res) => {
    const given = typeof req.query.code === 'string' ? req.query.code : '';
    if (loginCodeUsed || !timingSafeEqual(digest(given), digest(loginCode))) {
      res.status(401).json({
        error: {
          code: 'UNAUTHENTICATED',
          message:
            'unknown or used login code (a login link works once; restart the demo for a new one)',
        },
      });
      return;
    }
    loginCodeUsed = true;
    res
      .cookie(SESSION_COOKIE, adminSession, { httpOnly: true, sameSite: 'strict', path: '/' })
      .redirect(303, `${MODERATION_PATH}/human/console`);
  });
  return { botToken: bot.token, adminSession, loginCode };
}

/**
 * The HTTP surface: bot queue and actions, human list, actions, content
 * access and the console, as one Express-compatible handler.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Authenticator, BotScope } from './auth/types.js';
import { configError, type ModerationServiceConfig } from './config.js';
import { renderConsole } from './console/page.js';
import { createServiceFrom, type ModerationService } from './create-moderation-service.js';
import { ModerationError, ModerationErrorCode } from './errors.js';
import { type CsrfBinding, type CsrfTokens, createCsrfTokens } from './internal/csrf.js';
import { type Guards, requireAdmin, requireBot } from './internal/guard.js';
import { clientIp, parseUrl, readJson, sendError, sendJson, sendText } from './internal/http.js';
import type { HumanActor } from './types.js';

/** Configuration of {@link createModerationRouter}: the service's, plus auth and HTTP options. */
export type ModerationRouterConfig = ModerationServiceConfig & {
  /** Identifies review bots (e.g. {@link createBotTokenAuth}). */
  readonly botAuth: Authenticator;
  /** Identifies human admins from the host's session (e.g. {@link createHumanAdminAuth}). */
  readonly humanAuth: Authenticator;
  /**
   * Key for the console's CSRF tokens, at least 32 bytes. Pass the same one
   * to every instance behind a load balancer.
   * @default 32 random bytes per router (tokens then work on this instance only)
   */
  readonly csrfSecret?: Uint8Array;
  /**
   * How long a console CSRF token is accepted after it was issued, in
   * milliseconds (1 minute to 24 hours), on the service's clock (`now`).
   * Tokens are bound to the admin and, when `humanAuth` reports a
   * `sessionId`, to the host's session. The console fetches a fresh token
   * when one has expired.
   * @default 14400000 (4 hours)
   */
  readonly csrfTokenTtlMs?: number;
  /**
   * Largest JSON body accepted, in bytes.
   * @default 16384
   */
  readonly maxBodyBytes?: number;
};

/** The router: an Express 4/5 (and `node:http`) handler, plus the service behind it. */
export type ModerationRouter = ((
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void) & { readonly service: ModerationService };

type Req = IncomingMessage & { baseUrl?: string; body?: unknown; ip?: unknown };
type Ctx = {
  readonly req: Req;
  readonly res: ServerResponse;
  readonly params: readonly string[];
  readonly query: Record<string, string | string[]>;
};
type Route = {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly handle: (ctx: Ctx) => Promise<void>;
};

const ROUTER_KEYS = [
  'botAuth',
  'humanAuth',
  'csrfSecret',
  'csrfTokenTtlMs',
  'maxBodyBytes',
] as const;
const CSRF_HEADER = 'x-csrf-token';
const DEFAULT_CSRF_TTL_MS = 4 * 3_600_000;

function checkCsrfTtl(value: unknown): number {
  const ttl = value ?? DEFAULT_CSRF_TTL_MS;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 60_000 || ttl > 86_400_000) {
    throw configError(
      'csrfTokenTtlMs',
      'invalid config `csrfTokenTtlMs`: expected whole milliseconds from 60000 to 86400000',
    );
  }
  return ttl;
}

function checkRouterOptions(config: Record<string, unknown>): {
  guards: Guards;
  csrf: CsrfTokens;
  maxBodyBytes: number;
} {
  for (const key of ['botAuth', 'humanAuth'] as const) {
    if (typeof config[key] !== 'function')
      throw configError(key, `invalid config \`${key}\`: expected an authenticator function`);
  }
  const secret = config.csrfSecret ?? randomBytes(32);
  if (!(secret instanceof Uint8Array) || secret.length < 32) {
    throw configError('csrfSecret', 'invalid config `csrfSecret`: expected at least 32 bytes');
  }
  const ttlMs = checkCsrfTtl(config.csrfTokenTtlMs);
  const maxBodyBytes = config.maxBodyBytes ?? 16_384;
  if (
    typeof maxBodyBytes !== 'number' ||
    !Number.isInteger(maxBodyBytes) ||
    maxBodyBytes < 256 ||
    maxBodyBytes > 1_048_576
  ) {
    throw configError(
      'maxBodyBytes',
      'invalid config `maxBodyBytes`: expected whole bytes from 256 to 1048576',
    );
  }
  return {
    guards: {
      botAuth: config.botAuth as Authenticator,
      humanAuth: config.humanAuth as Authenticator,
    },
    // `now` was validated by the service before these options are checked.
    csrf: createCsrfTokens({
      secret,
      ttlMs,
      now: (config.now as (() => Date) | undefined) ?? (() => new Date()),
    }),
    maxBodyBytes,
  };
}

/**
 * @throws {ModerationError} MODERATION_CSRF_EXPIRED for a genuine token past its lifetime,
 *   MODERATION_CSRF_FAILED for anything else that is not a valid token of this admin and session
 */
function checkCsrf(csrf: CsrfTokens, binding: CsrfBinding, token: unknown): void {
  const result = csrf.check(binding, token);
  if (result === 'expired') {
    throw new ModerationError(
      ModerationErrorCode.CSRF_EXPIRED,
      'the CSRF token has expired (fetch a fresh one from GET /human/csrf-token)',
    );
  }
  if (result !== 'ok') {
    throw new ModerationError(
      ModerationErrorCode.CSRF_FAILED,
      'missing or invalid CSRF token (send the X-CSRF-Token header)',
    );
  }
}

function facts(req: Req): { ipAddress?: string } {
  const ip = clientIp(req);
  return ip === undefined ? {} : { ipAddress: ip };
}

function buildRoutes(
  service: ModerationService,
  o: ReturnType<typeof checkRouterOptions>,
): Route[] {
  const { guards, csrf, maxBodyBytes } = o;
  const admin = async (req: Req, withCsrf: boolean): Promise<HumanActor> => {
    const { actor, sessionId } = await requireAdmin(guards, req);
    if (withCsrf) checkCsrf(csrf, { adminId: actor.id, sessionId }, req.headers[CSRF_HEADER]);
    return actor;
  };
  const issueCsrf = async (req: Req): Promise<string> => {
    const { actor, sessionId } = await requireAdmin(guards, req);
    return csrf.issue({ adminId: actor.id, sessionId });
  };
  return [
    {
      method: 'GET',
      pattern: /^\/bot\/queue$/,
      handle: async ({ req, res, query }) => {
        await requireBot(guards, req, BotScope.QUEUE_READ);
        sendJson(res, 200, await service.botQueue(query));
      },
    },
    {
      method: 'POST',
      pattern: /^\/bot\/action$/,
      handle: async ({ req, res }) => {
        const bot = await requireBot(guards, req, BotScope.ACT);
        sendJson(
          res,
          200,
          await service.botAction(bot, await readJson(req, maxBodyBytes), facts(req)),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/human\/quarantine$/,
      handle: async ({ req, res, query }) => {
        await admin(req, false);
        sendJson(res, 200, await service.humanList(query));
      },
    },
    {
      method: 'GET',
      pattern: /^\/human\/quarantine\/([^/]+)$/,
      handle: async ({ req, res, params }) => {
        await admin(req, false);
        sendJson(res, 200, await service.getEnvelope(params[0]));
      },
    },
    {
      method: 'GET',
      pattern: /^\/human\/quarantine\/([^/]+)\/history$/,
      handle: async ({ req, res, params }) => {
        await admin(req, false);
        sendJson(res, 200, { items: await service.history(params[0]) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/human\/action$/,
      handle: async ({ req, res }) => {
        const actor = await admin(req, true);
        sendJson(
          res,
          200,
          await service.humanAction(actor, await readJson(req, maxBodyBytes), facts(req)),
        );
      },
    },
    {
      method: 'POST',
      pattern: /^\/human\/content-access$/,
      handle: async ({ req, res }) => {
        const actor = await admin(req, true);
        const access = await service.createContentAccess(actor, await readJson(req, maxBodyBytes));
        sendJson(res, 200, {
          quarantineId: access.quarantineId,
          url: `${req.baseUrl ?? ''}/human/content/${encodeURIComponent(access.token)}`,
          expiresAt: access.expiresAt.toISOString(),
          expiresInSeconds: access.expiresInSeconds,
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/human\/content\/([^/]+)$/,
      handle: async ({ req, res, params }) => {
        const actor = await admin(req, false);
        const view = await service.viewContent(actor, params[0], facts(req));
        sendText(res, {
          status: 200,
          contentType: 'text/plain; charset=utf-8',
          body: view.content,
          headers: {
            'Content-Security-Policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
            'Content-Disposition': 'inline',
            'X-Frame-Options': 'DENY',
          },
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/human\/csrf-token$/,
      handle: async ({ req, res }) => {
        sendJson(res, 200, { csrfToken: await issueCsrf(req) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/human\/console$/,
      handle: async ({ req, res }) => {
        const { actor, sessionId } = await requireAdmin(guards, req);
        const nonce = randomBytes(18).toString('base64');
        sendText(res, {
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: renderConsole({
            nonce,
            basePath: req.baseUrl ?? '',
            csrfToken: csrf.issue({ adminId: actor.id, sessionId }),
            adminId: actor.id,
            signedUrlExpiry: service.signedUrlExpiry,
          }),
          headers: {
            'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
            'X-Frame-Options': 'DENY',
          },
        });
      },
    },
  ];
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    // A malformed %-escape is kept as is: the id or token check refuses it with its own error.
    return raw;
  }
}

/**
 * Creates the moderation router. Mount it under a prefix of your choice;
 * paths it does not know go to `next()` (answer them with your JSON 404); a
 * path it knows with a method it does not serve is a 405
 * `MODERATION_METHOD_NOT_ALLOWED` with an `Allow` header.
 *
 * @param config - see {@link ModerationRouterConfig}
 * @returns an Express-compatible handler with `.service`
 * @throws {ModerationError} MODERATION_INVALID_CONFIG naming the field
 * @example
 * ```ts
 * app.use('/moderation', createModerationRouter({
 *   quarantine, audit, onRelease: publishPost,
 *   botAuth: createBotTokenAuth({ bots }),
 *   humanAuth: createHumanAdminAuth({ getUser: (req) => req.session?.user ?? null }),
 * }));
 * ```
 */
export function createModerationRouter(config: ModerationRouterConfig): ModerationRouter {
  const service = createServiceFrom(config, ROUTER_KEYS);
  const routes = buildRoutes(
    service,
    checkRouterOptions(config as unknown as Record<string, unknown>),
  );
  const logger = config.logger;
  const handler = (
    req: IncomingMessage,
    res: ServerResponse,
    next: (err?: unknown) => void,
  ): void => {
    const { path, query } = parseUrl(req);
    const allowed: string[] = [];
    for (const route of routes) {
      const m = route.pattern.exec(path);
      if (m === null) continue;
      if (req.method !== route.method) {
        allowed.push(route.method);
        continue;
      }
      const params = m.slice(1).map((p) => decodeParam(p ?? ''));
      route.handle({ req: req as Req, res, params, query }).catch((e: unknown) => {
        const sent = sendError(res, e);
        if (
          sent.code === ModerationErrorCode.UPSTREAM_FAILED ||
          sent.code === ModerationErrorCode.RECORD_TAMPERED ||
          sent.code === ModerationErrorCode.KEY_UNAVAILABLE ||
          sent.code === ModerationErrorCode.AUDIT_FAILED
        ) {
          // The record's id, when there is one, so an operator can find a refused record.
          const quarantineId = sent.details.quarantineId;
          logger?.error(
            {
              code: sent.code,
              path: route.pattern.source,
              ...(typeof quarantineId === 'string' ? { quarantineId } : {}),
            },
            'moderation: request failed',
          );
        }
      });
      return;
    }
    if (allowed.length > 0) {
      res.setHeader('Allow', allowed.join(', '));
      sendError(
        res,
        new ModerationError(
          ModerationErrorCode.METHOD_NOT_ALLOWED,
          'this route does not serve that method',
        ),
      );
      return;
    }
    next();
  };
  return Object.assign(handler, { service });
}

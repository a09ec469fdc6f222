/**
 * Reference human-admin authentication on top of the host's session layer.
 */
import type { IncomingMessage } from 'node:http';
import { checkOptions, optionKeys } from '@clawexchange/ssg/common';
import { configError } from '../config.js';
import type { Authenticator, AuthOutcome } from './types.js';

/** A signed-in user as the host's session layer knows them. */
export type SessionUser = {
  readonly id: string;
  readonly roles: readonly string[];
};

/** Options of {@link createHumanAdminAuth}. */
export type HumanAdminAuthOptions<Req extends IncomingMessage = IncomingMessage> = {
  /** Reads the signed-in user from the host's session (e.g. `req.session.user`), or null. */
  readonly getUser: (
    req: Req,
  ) => SessionUser | null | undefined | Promise<SessionUser | null | undefined>;
  /**
   * Reads the host's session id, to bind the console's CSRF tokens to the
   * session (a token then stops working when the session ends). Return
   * null when there is none: tokens are then bound to the admin only, and
   * stay valid until they expire (`csrfTokenTtlMs`), even after logout.
   * @default reads `req.sessionID` (set by `express-session`) when it is a non-empty string
   */
  readonly getSessionId?: (
    req: Req,
  ) => string | null | undefined | Promise<string | null | undefined>;
  /**
   * The role that makes a user a moderation admin.
   * @default 'admin'
   */
  readonly adminRole?: string;
};

type SessionIdReader<Req> = (
  req: Req,
) => string | null | undefined | Promise<string | null | undefined>;

function expressSessionId(req: IncomingMessage): string | null {
  const id = (req as IncomingMessage & { sessionID?: unknown }).sessionID;
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * Creates the reference human authenticator: a user from the host's
 * session is a `human`; holding `adminRole` makes them an admin.
 *
 * @param options - how to read the session user, and the admin role
 * @returns an {@link Authenticator} for the router's `humanAuth`
 * @throws {ModerationError} MODERATION_INVALID_CONFIG naming the field
 * @example
 * ```ts
 * const humanAuth = createHumanAdminAuth({ getUser: (req) => req.session?.user ?? null });
 * ```
 */
export function createHumanAdminAuth<Req extends IncomingMessage = IncomingMessage>(
  options: HumanAdminAuthOptions<Req>,
): Authenticator<Req> {
  const o = checkOptions(options, {
    name: 'createHumanAdminAuth options',
    keys: optionKeys<HumanAdminAuthOptions<Req>>({
      getUser: true,
      getSessionId: true,
      adminRole: true,
    }),
    error: configError,
  });
  if (typeof o.getUser !== 'function') {
    throw configError('getUser', 'invalid config `getUser`: expected a function');
  }
  if (o.getSessionId !== undefined && typeof o.getSessionId !== 'function') {
    throw configError('getSessionId', 'invalid config `getSessionId`: expected a function');
  }
  const adminRole = o.adminRole ?? 'admin';
  if (typeof adminRole !== 'string' || adminRole === '') {
    throw configError('adminRole', 'invalid config `adminRole`: expected a non-empty string');
  }
  const getUser = o.getUser as HumanAdminAuthOptions<Req>['getUser'];
  const getSessionId = (o.getSessionId ?? expressSessionId) as SessionIdReader<Req>;
  return async (req: Req): Promise<AuthOutcome> => {
    const user = await getUser(req);
    if (user === null || user === undefined || typeof user.id !== 'string' || user.id === '') {
      return { kind: 'anonymous' };
    }
    const roles = Array.isArray(user.roles) ? user.roles : [];
    const sessionId = await getSessionId(req);
    const admin = roles.includes(adminRole);
    return typeof sessionId === 'string' && sessionId !== ''
      ? { kind: 'human', id: user.id, admin, sessionId }
      : { kind: 'human', id: user.id, admin };
  };
}

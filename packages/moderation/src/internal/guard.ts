/**
 * Who may use a route: the 401 / 403 matrix.
 *
 * - bot route: a bot with the route's scope passes; a bot without it, or
 *   any signed-in human, gets 403; nobody identified gets 401.
 * - human route: an admin passes; a signed-in non-admin, or any
 *   authenticated bot, gets 403; nobody identified gets 401.
 */
import type { IncomingMessage } from 'node:http';
import type { Authenticator, AuthOutcome } from '../auth/types.js';
import { ModerationError, ModerationErrorCode } from '../errors.js';
import type { BotActor, HumanActor } from '../types.js';

/** Both authenticators. */
export type Guards = { readonly botAuth: Authenticator; readonly humanAuth: Authenticator };

function unauthenticated(): ModerationError {
  return new ModerationError(ModerationErrorCode.UNAUTHENTICATED, 'authentication required');
}

function forbidden(message: string): ModerationError {
  return new ModerationError(ModerationErrorCode.FORBIDDEN, message);
}

async function outcome(auth: Authenticator, req: IncomingMessage): Promise<AuthOutcome> {
  const o = await auth(req);
  return typeof o === 'object' && o !== null ? o : { kind: 'anonymous' };
}

/**
 * The bot behind a bot-route request.
 * @throws {ModerationError} MODERATION_UNAUTHENTICATED, MODERATION_FORBIDDEN
 */
export async function requireBot(
  guards: Guards,
  req: IncomingMessage,
  scope: string,
): Promise<BotActor> {
  const o = await outcome(guards.botAuth, req);
  if (o.kind === 'bot') {
    if (!o.scopes.includes(scope))
      throw forbidden('this bot credential lacks the scope for this route');
    return { id: o.id, scopes: o.scopes };
  }
  if (o.kind === 'human') throw forbidden('bot routes are for review bots');
  const other = await outcome(guards.humanAuth, req);
  if (other.kind !== 'anonymous') throw forbidden('bot routes are for review bots');
  throw unauthenticated();
}

/** An admin, and the host's session id when the authenticator gave one. */
export type AdminSession = { readonly actor: HumanActor; readonly sessionId?: string };

/**
 * The admin behind a human-route request.
 * @throws {ModerationError} MODERATION_UNAUTHENTICATED, MODERATION_FORBIDDEN
 */
export async function requireAdmin(guards: Guards, req: IncomingMessage): Promise<AdminSession> {
  const o = await outcome(guards.humanAuth, req);
  if (o.kind === 'human') {
    if (!o.admin) throw forbidden('the admin role is required');
    const sessionId = o.sessionId;
    return typeof sessionId === 'string' && sessionId !== ''
      ? { actor: { id: o.id }, sessionId }
      : { actor: { id: o.id } };
  }
  if (o.kind === 'bot') throw forbidden('human routes are for admins');
  const other = await outcome(guards.botAuth, req);
  if (other.kind !== 'anonymous') throw forbidden('human routes are for admins');
  throw unauthenticated();
}

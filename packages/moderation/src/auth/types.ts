/**
 * The authentication port of the router: the host supplies two
 * authenticators (or uses the reference ones in this folder).
 */
import type { IncomingMessage } from 'node:http';

/** What an authenticator concluded about a request. */
export type AuthOutcome =
  /** A review bot, with the scopes its credential grants. */
  | { readonly kind: 'bot'; readonly id: string; readonly scopes: readonly string[] }
  /**
   * A signed-in person; `admin` tells whether they hold the admin role.
   * `sessionId`, when given, is the host's session id: the console's CSRF
   * tokens are then bound to it and stop working when the session ends.
   */
  | {
      readonly kind: 'human';
      readonly id: string;
      readonly admin: boolean;
      readonly sessionId?: string;
    }
  /** No credentials, or credentials that identify nobody. */
  | { readonly kind: 'anonymous' };

/**
 * Looks at a request and says who sent it. Must not throw for bad
 * credentials (that is `anonymous`); a throw is an infrastructure failure.
 */
export type Authenticator<Req extends IncomingMessage = IncomingMessage> = (
  req: Req,
) => AuthOutcome | Promise<AuthOutcome>;

/** Scopes a bot credential may carry. */
export const BotScope = {
  /** `GET /bot/queue`. */
  QUEUE_READ: 'moderation:queue:read',
  /** `POST /bot/action`. */
  ACT: 'moderation:act',
} as const;
/** One of the {@link BotScope} values. */
export type BotScope = (typeof BotScope)[keyof typeof BotScope];

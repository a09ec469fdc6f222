/**
 * Reference bot authentication: bearer tokens, stored only as SHA-256
 * digests, compared in constant time, each mapped to a bot id and scopes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { checkOptions, optionKeys } from '@clawexchange/ssg/common';
import { configError } from '../config.js';
import type { Authenticator, AuthOutcome, BotScope } from './types.js';

/** One registered bot. */
export type BotCredential = {
  /** The bot's id, as the audit trail records it (1 to 128 printable characters). */
  readonly id: string;
  /** `sha256:<base64url>` digest of its token, from {@link hashBotToken}; never the token. */
  readonly tokenHash: string;
  /** What it may do. */
  readonly scopes: readonly BotScope[];
};

/** Options of {@link createBotTokenAuth}. */
export type BotTokenAuthOptions = {
  /** The registered bots. */
  readonly bots: readonly BotCredential[];
};

const HASH = /^sha256:[A-Za-z0-9_-]{43}$/;
const ID = /^[\x21-\x7e]{1,128}$/;
// The auth scheme is case-insensitive (RFC 9110 §11.1).
const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{16,512})$/i;
const TOKEN_PREFIX = 'cxbot_';

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * The digest to store for a bot token. Tokens are 256-bit random values, so
 * an unsalted SHA-256 cannot be reversed by guessing.
 *
 * @param token - the bot's token
 * @returns `sha256:<base64url digest>`
 */
export function hashBotToken(token: string): string {
  return `sha256:${digest(token).toString('base64url')}`;
}

/**
 * Draws a new bot token. Give `token` to the bot once; store only `tokenHash`.
 *
 * @returns the token and its digest
 */
export function generateBotToken(): { readonly token: string; readonly tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashBotToken(token) };
}

function checkBots(value: unknown): { id: string; digest: Buffer; scopes: readonly string[] }[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw configError('bots', 'invalid config `bots`: expected a non-empty array');
  }
  const seen = new Set<string>();
  return value.map((raw: unknown, i) => {
    const path = `bots[${i}]`;
    const o = checkOptions(raw, {
      name: path,
      path,
      keys: optionKeys<BotCredential>({ id: true, tokenHash: true, scopes: true }),
      hints: { token: 'store the digest from hashBotToken() as `tokenHash`, never the token' },
      error: configError,
    });
    if (typeof o.id !== 'string' || !ID.test(o.id) || seen.has(o.id)) {
      throw configError(
        `${path}.id`,
        `invalid config \`${path}.id\`: expected a unique printable id`,
      );
    }
    seen.add(o.id);
    if (typeof o.tokenHash !== 'string' || !HASH.test(o.tokenHash)) {
      throw configError(
        `${path}.tokenHash`,
        `invalid config \`${path}.tokenHash\`: expected sha256:<base64url> from hashBotToken()`,
      );
    }
    if (!Array.isArray(o.scopes) || o.scopes.some((s) => typeof s !== 'string')) {
      throw configError(
        `${path}.scopes`,
        `invalid config \`${path}.scopes\`: expected an array of scopes`,
      );
    }
    return {
      id: o.id,
      digest: Buffer.from(o.tokenHash.slice('sha256:'.length), 'base64url'),
      scopes: Object.freeze([...(o.scopes as string[])]),
    };
  });
}

/**
 * Creates the reference bot authenticator (`Authorization: Bearer <token>`).
 *
 * @param options - the registered bots
 * @returns an {@link Authenticator} for the router's `botAuth`
 * @throws {ModerationError} MODERATION_INVALID_CONFIG naming the field
 * @example
 * ```ts
 * const botAuth = createBotTokenAuth({
 *   bots: [{ id: 'triage-bot', tokenHash: process.env.TRIAGE_BOT_TOKEN_HASH!, scopes: ['moderation:queue:read', 'moderation:act'] }],
 * });
 * ```
 */
export function createBotTokenAuth(options: BotTokenAuthOptions): Authenticator {
  const o = checkOptions(options, {
    name: 'createBotTokenAuth options',
    keys: optionKeys<BotTokenAuthOptions>({ bots: true }),
    error: configError,
  });
  const bots = checkBots(o.bots);
  return (req: IncomingMessage): AuthOutcome => {
    const header = req.headers.authorization;
    const m = typeof header === 'string' ? BEARER.exec(header) : null;
    if (m === null || m[1] === undefined) return { kind: 'anonymous' };
    const given = digest(m[1]);
    let found: (typeof bots)[number] | undefined;
    // Compare against every bot without stopping early: timing says nothing about which matched.
    for (const bot of bots) {
      if (timingSafeEqual(given, bot.digest) && found === undefined) found = bot;
    }
    return found === undefined
      ? { kind: 'anonymous' }
      : { kind: 'bot', id: found.id, scopes: found.scopes };
  };
}

/**
 * A {@link UsedTokenStore} on Redis, for hosts that run several instances:
 * a content token spent on one instance is refused on every other.
 */
import { checkOptions, optionKeys } from '@clawexchange/ssg/common';
import { configError } from './config.js';
import type { UsedTokenStore } from './types.js';

/** The one Redis command the store needs (ioredis's `set` has this overload). */
export type RedisSetNx = {
  set(key: string, value: string, px: 'PX', milliseconds: number, nx: 'NX'): Promise<'OK' | null>;
};

/** Options of {@link createRedisUsedTokenStore}. */
export type RedisUsedTokenStoreOptions = {
  /** The host's Redis client (e.g. ioredis). */
  readonly redis: RedisSetNx;
  /**
   * Prefix of every key; give each deployment sharing a Redis its own.
   * @default 'clawexchange:moderation:used-token:'
   */
  readonly keyPrefix?: string;
  /** Clock (the key lives until the token's expiry). @default () => new Date() */
  readonly now?: () => Date;
};

/**
 * Creates a Redis-backed used-token store: one `SET key 1 PX <ttl> NX` per
 * view, so exactly one of any number of concurrent uses wins. Keys are
 * token digests, never tokens, and expire with the token. When Redis fails,
 * `claim` rejects and the view is refused (fail closed).
 *
 * @param options - the Redis client, key prefix and clock
 * @returns a store for the `usedTokens` option
 * @throws {ModerationError} MODERATION_INVALID_CONFIG naming the field
 * @example
 * ```ts
 * createModerationRouter({ ..., usedTokens: createRedisUsedTokenStore({ redis }) });
 * ```
 */
export function createRedisUsedTokenStore(options: RedisUsedTokenStoreOptions): UsedTokenStore {
  const o = checkOptions(options, {
    name: 'createRedisUsedTokenStore options',
    keys: optionKeys<RedisUsedTokenStoreOptions>({ redis: true, keyPrefix: true, now: true }),
    error: configError,
  });
  const redis = o.redis as RedisSetNx | undefined;
  if (typeof redis?.set !== 'function') {
    throw configError('redis', 'invalid config `redis`: expected a Redis client with set()');
  }
  const prefix = o.keyPrefix ?? 'clawexchange:moderation:used-token:';
  if (typeof prefix !== 'string' || prefix.length > 200) {
    throw configError(
      'keyPrefix',
      'invalid config `keyPrefix`: expected a string of at most 200 characters',
    );
  }
  const now = (o.now as (() => Date) | undefined) ?? (() => new Date());
  return {
    async claim(tokenId, expiresAt) {
      const ttlMs = Math.max(1, Math.ceil(expiresAt.getTime() - now().getTime()));
      return (await redis.set(`${prefix}${tokenId}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
    },
  };
}

/**
 * The Redis used-token store against real Redis: one use across instances.
 */
import { createTestRedis, type TestRedis } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createModerationService,
  createRedisUsedTokenStore,
  isModerationError,
} from '../../src/index.js';
import { canary, hold, startWorld, type World } from './setup.js';

let w: World;
let r: TestRedis;
beforeAll(async () => {
  [w, r] = await Promise.all([startWorld(), createTestRedis()]);
});
afterAll(async () => {
  await Promise.allSettled([w?.close(), r?.cleanup()]);
});

describe('createRedisUsedTokenStore', () => {
  it('lets one claim of a token id win, with a TTL up to its expiry', async () => {
    const store = createRedisUsedTokenStore({ redis: r.client, keyPrefix: r.prefix });
    const expiresAt = new Date(Date.now() + 60_000);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => store.claim('tid-1', expiresAt)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.claim('tid-2', expiresAt)).toBe(true);
    const ttl = await r.client.pttl(`${r.prefix}tid-1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('a content token spent on one instance is refused on another', async () => {
    const text = canary();
    const id = await hold(w, text);
    const shared = () =>
      createModerationService({
        quarantine: w.quarantine,
        audit: w.audit,
        onRelease: () => undefined,
        now: w.clock.now,
        usedTokens: createRedisUsedTokenStore({
          redis: r.client,
          keyPrefix: r.prefix,
          now: w.clock.now,
        }),
      });
    const a = shared();
    const b = shared();
    const access = await a.createContentAccess({ id: 'alice' }, { quarantineId: id });
    expect((await a.viewContent({ id: 'alice' }, access.token)).content).toBe(text);
    let code: string | undefined;
    try {
      await b.viewContent({ id: 'alice' }, access.token);
    } catch (e) {
      code = isModerationError(e) ? e.code : 'other';
    }
    expect(code).toBe('MODERATION_TOKEN_USED');
    // The key is a digest, never the token.
    const [, keys] = await r.client.scan('0', 'MATCH', `${r.prefix}*`, 'COUNT', 1000);
    expect(keys.join(' ')).not.toContain(access.token);
  });
});

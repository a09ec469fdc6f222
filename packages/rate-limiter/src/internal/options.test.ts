import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../create-rate-limiter.js';
import { isRateLimiterError } from '../errors.js';

/** Runs `fn` and returns the RateLimiterError it throws or rejects with. */
async function configError(fn: () => unknown): Promise<{ field?: string; message: string }> {
  try {
    await fn();
  } catch (e) {
    if (isRateLimiterError(e) && e.code === 'RATE_LIMITER_INVALID_CONFIG') {
      return { message: e.message, ...(e.field === undefined ? {} : { field: e.field }) };
    }
    throw e;
  }
  throw new Error('expected RATE_LIMITER_INVALID_CONFIG');
}

const limiter = () => createRateLimiter();
const noContext = () => undefined;

/** Every factory and method of the package that takes an options object, given an unknown key. */
const UNKNOWN_KEY_CASES: readonly {
  readonly call: string;
  readonly run: (key: string) => unknown;
  readonly field: (key: string) => string;
}[] = [
  { call: 'createRateLimiter(config)', run: (k) => createRateLimiter({ [k]: 1 }), field: (k) => k },
  {
    call: 'createRateLimiter({ limits: { <tier>: … } })',
    run: (k) => createRateLimiter({ limits: { POSTS: { limit: 1, burst: 1, [k]: 1 } } }),
    field: (k) => `limits.POSTS.${k}`,
  },
  {
    call: 'check(…, opts)',
    run: (k) => limiter().check('a', 'POSTS', { [k]: 1 }),
    field: (k) => k,
  },
  {
    call: 'consume(…, opts)',
    run: (k) => limiter().consume('a', 'POSTS', { [k]: 1 }),
    field: (k) => k,
  },
  { call: 'getStatus(…, opts)', run: (k) => limiter().getStatus('a', { [k]: 1 }), field: (k) => k },
  {
    call: 'decide(context)',
    run: (k) => limiter().decide({ agentId: 'a', tier: 'POSTS', [k]: 1 }),
    field: (k) => `context.${k}`,
  },
  {
    call: 'decide(context, opts)',
    run: (k) => limiter().decide({ agentId: 'a', tier: 'POSTS' }, { [k]: 1 }),
    field: (k) => k,
  },
  {
    call: 'middleware(extract, opts)',
    run: (k) => limiter().middleware(noContext, { [k]: 1 }),
    field: (k) => k,
  },
];

describe('nothing silently ignored', () => {
  /** regression: issue 11 */
  it.each(UNKNOWN_KEY_CASES)('$call rejects an unknown key, naming it', async (c) => {
    const e = await configError(() => c.run('notAnOption'));
    expect(e.field).toBe(c.field('notAnOption'));
    expect(e.message).toContain('`notAnOption`');
  });

  /** regression: issue 11 */
  it("refuses upstream's positional trust level with a hint, instead of using NEW", async () => {
    for (const method of ['check', 'consume'] as const) {
      const e = await configError(() => limiter()[method]('a', 'POSTS', 'ESTABLISHED' as never));
      expect(e.field).toBe('options');
      expect(e.message).toContain('{ trustLevel }');
      expect(e.message).not.toContain('ESTABLISHED');
    }
    const e = await configError(() => limiter().getStatus('a', 'VERIFIED' as never));
    expect(e.message).toContain('trustLevel');
  });

  it('still accepts omitted and null options, and known keys', async () => {
    const l = limiter();
    expect((await l.check('a', 'POSTS')).trustLevel).toBe('NEW');
    expect((await l.check('a', 'POSTS', null as never)).trustLevel).toBe('NEW');
    const r = await l.check('a', 'POSTS', { trustLevel: 'ESTABLISHED', penalties: {} });
    expect(r.trustLevel).toBe('ESTABLISHED');
    expect(() =>
      l.middleware(noContext, { legacyHeaders: true, onMissingContext: 'pass' }),
    ).not.toThrow();
  });

  it('gives hints for foreign config names', async () => {
    expect(
      (await configError(() => createRateLimiter({ redisUrl: 'x' } as never))).message,
    ).toContain('ioredis client as `redis`');
    expect(
      (await configError(() => createRateLimiter({ tierThresholds: {} } as never))).message,
    ).toContain('`trustMultipliers`');
    expect(
      (await configError(() => createRateLimiter({ keyprefix: 'x' } as never))).message,
    ).toContain('did you mean `keyPrefix`?');
  });

  it('rejects a config that is not an options object', async () => {
    expect((await configError(() => createRateLimiter('redis://x' as never))).field).toBe(
      'options',
    );
  });
});

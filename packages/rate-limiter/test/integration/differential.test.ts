import { createTestRedis, type TestRedis } from '@clawexchange/test-utils';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimiter, type RateLimitResult } from '../../src/index.js';

/**
 * The same random operations against the Redis limiter (Lua) and the memory
 * limiter (TypeScript) must give the same decisions, counts, limits and
 * penalties. Windows are long (a minute and an hour), so nothing leaves them
 * during a run and the two clocks cannot make the answers differ.
 */
let r: TestRedis;
let redisLimiter: RateLimiter;
let memoryLimiter: RateLimiter;
let run = 0;

const LIMITS = { T: { limit: 12, burst: 5 } };

beforeAll(async () => {
  r = await createTestRedis();
  redisLimiter = createRateLimiter({
    redis: r.client,
    // A timeout on a busy machine would switch to insurance and break the comparison.
    redisTimeoutMs: 5000,
    keyPrefix: r.prefix,
    limits: LIMITS,
    inMemoryBlock: false,
  });
  memoryLimiter = createRateLimiter({ limits: LIMITS });
});
afterAll(async () => {
  await r.cleanup();
});

type Op =
  | { kind: 'consume' | 'check'; trust: string; m: boolean; q: boolean }
  | { kind: 'reward'; points: number }
  | { kind: 'verdict'; verdict: 'PASS' | 'WARN' | 'QUARANTINE' | 'BLOCK' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('consume' as const, 'check' as const),
      trust: fc.constantFrom('NEW', 'ESTABLISHED', 'VERIFIED', 'PLATFORM_BOT'),
      m: fc.boolean(),
      q: fc.boolean(),
    }),
    weight: 8,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('reward' as const),
      points: fc.integer({ min: 1, max: 3 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('verdict' as const),
      verdict: fc.constantFrom(
        'PASS' as const,
        'WARN' as const,
        'QUARANTINE' as const,
        'BLOCK' as const,
      ),
    }),
    weight: 1,
  },
);

function shape(x: RateLimitResult) {
  return {
    allowed: x.allowed,
    deniedBy: x.deniedBy,
    penalties: x.penalties,
    windows: x.windows.map((w) => [w.name, w.limit, w.used, w.remaining]),
  };
}

async function apply(l: RateLimiter, agent: string, op: Op): Promise<unknown> {
  if (op.kind === 'reward') return l.reward(agent, 'T', op.points);
  if (op.kind === 'verdict') return l.recordVerdict(agent, op.verdict);
  const opts = {
    trustLevel: op.trust,
    penalties: { moderateContentLastHour: op.m, quarantineLast24h: op.q },
  };
  return shape(await l[op.kind](agent, 'T', opts));
}

describe('Redis (Lua) and memory (TypeScript) agree', () => {
  it('on every decision of random operation sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const agent = `diff-${run++}`;
        for (const op of ops) {
          expect(await apply(redisLimiter, agent, op)).toEqual(
            await apply(memoryLimiter, agent, op),
          );
        }
      }),
      { numRuns: 40 },
    );
  });
});

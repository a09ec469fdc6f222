import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPostStore } from './posts.js';

const post = (n: number) => ({
  kind: 'POST' as const,
  agentId: `agent-${n}`,
  text: `post ${n}`,
  verdict: 'PASS',
  tier: 'CLEAR',
});

describe('createPostStore', () => {
  /** regression: issue 16 — the demo's store grew with every post, without bound */
  it('keeps the newest `keep` posts in publication order, whatever the number published', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat({ max: 120 }), (keep, published) => {
        const store = createPostStore({ keep });
        for (let n = 0; n < published; n++) store.publish(post(n));
        const expected = Array.from({ length: published }, (_, n) => `post ${n}`).slice(-keep);
        expect(store.list().map((p) => p.text)).toEqual(expected);
        for (const limit of [1, 3, keep, keep + 5]) {
          expect(store.latest(limit).map((p) => p.text)).toEqual(expected.slice(-limit));
        }
      }),
    );
  });

  it('hands out copies: a caller cannot change what it keeps', () => {
    const store = createPostStore();
    store.publish(post(1));
    (store.list()[0] as { text: string }).text = 'changed';
    (store.latest(1)[0] as { text: string }).text = 'changed';
    expect(store.list()[0]?.text).toBe('post 1');
  });

  it('refuses a `keep` that is not a positive integer', () => {
    for (const keep of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createPostStore({ keep }), String(keep)).toThrow(RangeError);
    }
  });
});

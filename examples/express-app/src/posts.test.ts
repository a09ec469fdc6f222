import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPostStore } from './posts.js';

const post = (n: number, text = `post ${n}`) => ({
  kind: 'POST' as const,
  agentId: `agent-${n}`,
  text,
  verdict: 'PASS',
  tier: 'CLEAR',
});

/** The reference: what a store of `keep` posts and `keepChars` characters holds after `texts`. */
function expectedKept(texts: readonly string[], keep: number, keepChars: number): string[] {
  const kept = [...texts];
  let chars = kept.reduce((n, t) => n + t.length, 0);
  while (kept.length > 1 && (kept.length > keep || chars > keepChars)) {
    chars -= (kept.shift() as string).length;
  }
  return kept;
}

describe('createPostStore', () => {
  /** regression: issue 16 — the demo's store grew with every post, without bound */
  it('keeps the newest posts within the count and character bounds, in publication order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.string({ maxLength: 60 }), { maxLength: 120 }),
        (keep, keepChars, texts) => {
          const store = createPostStore({ keep, keepChars });
          for (const [n, text] of texts.entries()) store.publish(post(n, text));
          const expected = expectedKept(texts, keep, keepChars);
          expect(store.list().map((p) => p.text)).toEqual(expected);
          for (const limit of [1, 3, keep, keep + 5]) {
            expect(store.latest(limit).map((p) => p.text)).toEqual(expected.slice(-limit));
          }
        },
      ),
    );
  });

  it('answers at most `maxChars` characters past the newest post', () => {
    const store = createPostStore();
    for (let n = 0; n < 10; n++) store.publish(post(n, 'x'.repeat(100)));
    expect(store.latest(10, 350)).toHaveLength(3);
    // The newest post alone is always answered, however long.
    expect(store.latest(10, 1)).toHaveLength(1);
  });

  it('hands out copies: a caller cannot change what it keeps', () => {
    const store = createPostStore();
    store.publish(post(1));
    (store.list()[0] as { text: string }).text = 'changed';
    (store.latest(1)[0] as { text: string }).text = 'changed';
    expect(store.list()[0]?.text).toBe('post 1');
  });

  it('refuses bounds and limits that are not positive integers', () => {
    const store = createPostStore();
    store.publish(post(1));
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createPostStore({ keep: bad }), `keep ${bad}`).toThrow(RangeError);
      expect(() => createPostStore({ keepChars: bad }), `keepChars ${bad}`).toThrow(RangeError);
      expect(() => store.latest(bad), `limit ${bad}`).toThrow(RangeError);
      expect(() => store.latest(1, bad), `maxChars ${bad}`).toThrow(RangeError);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiterErrorCode } from '../errors.js';
import { agentKeys, agentSegment } from './keys.js';

describe('agent keys', () => {
  it('keeps plain ids and hashes anything that could break a key', () => {
    expect(agentSegment('agent-42_x.y@z')).toBe('agent-42_x.y@z');
    for (const id of ['a:b', 'a{b}', 'a b', 'a\nb', 'ünï', '*', 'x'.repeat(65)]) {
      expect(agentSegment(id)).toMatch(/^#[A-Za-z0-9_-]{43}$/);
    }
  });

  it('never yields braces, colons or whitespace, and distinct ids stay distinct', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 256 }),
        fc.string({ minLength: 1, maxLength: 256 }),
        (a, b) => {
          const sa = agentSegment(a);
          if (/[{}:\s]/.test(sa)) return false;
          return a === b || sa !== agentSegment(b);
        },
      ),
      { numRuns: 300 },
    );
  });

  /** regression: issue 6 */
  it('keeps ids that differ only in lone surrogates apart (any UTF-16 string)', () => {
    expect(agentSegment('\uD800')).not.toBe(agentSegment('\uD801'));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }),
        (a, b) => a === b || agentSegment(a) !== agentSegment(b),
      ),
      { numRuns: 300 },
    );
  });

  it('rejects empty and oversized ids with stable codes', () => {
    expect(() => agentSegment('')).toThrow(
      expect.objectContaining({ code: RateLimiterErrorCode.EMPTY_AGENT_ID }),
    );
    expect(() => agentSegment(undefined)).toThrow(
      expect.objectContaining({ code: RateLimiterErrorCode.EMPTY_AGENT_ID }),
    );
    expect(() => agentSegment('x'.repeat(257))).toThrow(
      expect.objectContaining({ code: RateLimiterErrorCode.AGENT_ID_TOO_LONG }),
    );
  });

  it('puts both keys of an agent in one cluster slot', () => {
    const k = agentKeys('rl:', 'a1');
    const layout = { burstWindowMs: 60_000, windowMs: 3_600_000, buckets: 60 };
    expect(k.counter('POSTS', layout)).toBe('rl:{a1}:t:POSTS:60000:3600000:60');
    expect(k.counter('POSTS', layout).startsWith(k.counters)).toBe(true);
    expect(k.verdicts).toBe('rl:{a1}:v');
  });
});

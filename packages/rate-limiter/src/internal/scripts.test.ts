import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DECIDE_SCRIPT,
  DECIDE_SCRIPT_SHA1,
  VERDICT_SCRIPT,
  VERDICT_SCRIPT_SHA1,
} from './scripts.js';

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

describe('Lua scripts', () => {
  it('carry the SHA1 pinned beside them (edit one, update the pin)', () => {
    expect(sha1(DECIDE_SCRIPT)).toBe(DECIDE_SCRIPT_SHA1);
    expect(sha1(VERDICT_SCRIPT)).toBe(VERDICT_SCRIPT_SHA1);
  });

  it('read time only from the server clock', () => {
    expect(DECIDE_SCRIPT).toContain("redis.call('TIME')");
    expect(DECIDE_SCRIPT).not.toMatch(/ARGV\[\d+\]\s*--\s*now/);
  });
});

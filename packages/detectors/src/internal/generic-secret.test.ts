import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charStats } from './char-stats.js';
import { genericAt, validValue } from './generic-secret.js';
import { hasPlaceholderMarks } from './placeholder.js';

const KNOWN_PREFIX =
  /^(?:sk-|sk_|rk_|pk_|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|gldt-|gloas-|glrt-|xox[a-z]-|xox[a-z]\.|xapp-|akia|asia|abia|aiza|ya29\.|shp[a-z]{2}_|pcsk_|sgp_|npm_|pypi-|hf_|api_org_|gsk_|pplx-|r8_|xai-|lsv2_|dop_v1_|sbp_|nfp_|dp\.|pul-|hvs\.|hvb\.|glc_|glsa_|sntry|lin_api_|ntn_|secret_|atatt|pscale_|pmak-|xkeysib-|dckr_|rubygems_|shippo_|apify_api_|whsec_|sq0|eaaa|fo1_|dapi|sg\.|key-|age-secret|eyj|-----)/i;

function weak(v: string, minEntropy: number): boolean {
  if (hasPlaceholderMarks(v)) return true;
  const st = charStats(v);
  return (
    st.longestRun >= Math.max(6, Math.floor(v.length / 2)) ||
    st.ascending ||
    st.entropy < minEntropy
  );
}

/** The checks written as one pattern test each, in their original order. */
function reference(v: string, kw: string, strongSep: boolean, quoted: boolean): number {
  if (/^[a-z]+(?:[_-][a-z]+)*$/.test(v) || /^[A-Z]+(?:_[A-Z]+)*$/.test(v)) return 0;
  if (!/^[A-Za-z0-9_\-+/=.~:@!#$%^&*]+$/.test(v) || /^[=:.\-+/@!#%^&*~]/.test(v)) return 0;
  if (KNOWN_PREFIX.test(v)) return 0;
  const uuidish = /^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$/;
  if (uuidish.test(v) && !/^[0-9a-fA-F-]+$/.test(v)) return 0;
  if (/^[a-z0-9\-_]+(?:\.[a-z0-9\-_]+)+$/.test(v) && !/\d{4}/.test(v)) return 0;
  if (/\d+\.\d+(?:\.\d+)?$/.test(v) && /[a-z]{3}/i.test(v) && /[-.]/.test(v)) return 0;
  if (v.includes('://')) return 0;
  const codey = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\)?)?$/;
  // …unless its last part is a random run: 16+ characters, both cases, 3+ digit groups
  // (whole groups: `70` is one, which an unanchored `\d+` split in two in a CI run).
  const randomLast =
    /(?:^|\.)(?=[^.]{16,}$)(?=[^.]*[a-z])(?=[^.]*[A-Z])(?:[^.\d]*\d+(?!\d)){3}[^.]*$/;
  if (codey.test(v) && (!/\d/.test(v) || v.length < 40) && !randomLast.test(v)) return 0;
  if (/^\d+$/.test(v) && v.length < 20) return 0;
  if (/^(?:true|false|none|null|nil|required|optional|string|bearer|basic)$/i.test(v)) return 0;
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return 0;
  const isPass = kw.startsWith('pass') || kw === 'pwd';
  const digit = /\d/.test(v);
  const classes =
    (/[a-z]/.test(v) ? 1 : 0) +
    (/[A-Z]/.test(v) ? 1 : 0) +
    (digit ? 1 : 0) +
    (/[^A-Za-z0-9]/.test(v) ? 1 : 0);
  if (!strongSep && !quoted) {
    if (v.length < 16 || !digit || classes < 2 || weak(v, 3.2)) return 0;
    return 0.55;
  }
  if (isPass) {
    if (v.length < 6 || classes < 2 || weak(v, 2.3)) return 0;
    return 0.7;
  }
  if (v.length < 12 || classes < 2 || (!digit && v.length < 20)) return 0;
  if (weak(v, v.length >= 24 ? 3.0 : 2.8)) return 0;
  return 0.65;
}

const fragment = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', 'q', 'K', '7', '0', '_', '-', '.'), maxLength: 12 }),
  fc.string({ unit: 'binary-ascii', maxLength: 6 }),
  fc.constantFrom(
    'sk-',
    'https://',
    '://',
    'true',
    'Optional',
    '2024-01-31',
    'v1.2.3',
    'x1B9k2LmQ7',
    'deadbeef-0000-1111-2222-333344445555',
    'zzzzzzzz-ZZZZ-zzzz-zzzz-zzzzzzzzzzzz',
    'k3Jd9QxA-7bZq-4mWn-Xp2R-9tLc8VbN2sYe',
    '9f8e7d6c-5b4a-4321-8fed-cba987654321',
    'config.value',
    'é',
    '${',
    'example',
    '()',
  ),
);
const value = fc.array(fragment, { maxLength: 5 }).map((parts) => parts.join(''));

describe('validValue', () => {
  it('equals the checks written one pattern each', () => {
    fc.assert(
      fc.property(
        value,
        fc.constantFrom('key', 'pass', 'pwd', 'token'),
        fc.boolean(),
        fc.boolean(),
        (v, kw, strong, quoted) => {
          expect(validValue(v, kw, strong, quoted)).toBe(reference(v, kw, strong, quoted));
        },
      ),
      // The counterexample a CI run found: digit groups `70` and `7`, two, not three.
      { numRuns: 20_000, examples: [['a.aa70aZ7KOptional', 'key', false, false]] },
    );
  });
});

describe('genericAt', () => {
  it('reads no assignment where nothing stands between the identifier and the value', () => {
    // A CI run's property test found a base64 blob whose letters spell "KEy", followed by 24
    // letters (the identifier's rest) and the blob's tail (the "value").
    const blob = 'blob AAAAAKEyAAAAAAAAAAAAAAAAAAAAAAAAAAAABBDEK0FGoQ== end';
    expect(genericAt(blob, 'key', blob.indexOf('KEy') + 3)).toBeUndefined();
  });

  it('still reads a value after a space, a separator or a quotation mark', () => {
    for (const text of [
      'Authorization: Api-Token 22cb98785bc56591291c62e60c79abd0d2c08',
      'api_key=hX9kQ2mP7vR4tY8wZ1aB3c',
      'API_KEY"hX9kQ2mP7vR4tY8wZ1aB3c"',
    ]) {
      const kw = /token|key/i.exec(text)?.[0] ?? '';
      const at = text.indexOf(kw) + kw.length;
      expect(genericAt(text, kw.toLowerCase(), at)?.type).toBe('generic-secret');
    }
  });
});

/**
 * When the secret views decode base64 and hex runs (issue 12: secrets-only scans decode only
 * when an encoded spelling of a token prefix occurs), and how line-wrapped values are found.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';
import { base62, crc32 } from './checksums.js';
import { nextViews } from './secret-views.js';
import { base64Cores, casedKeywords, ViewTrigger } from './view-triggers.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64');
const b64url = (s: string): string => Buffer.from(s, 'latin1').toString('base64url');

/** A GitHub token with a valid CRC32 tail (built here, not a real one). */
function ghToken(body30: string): string {
  const base = `ghp_${body30}`;
  return base + base62(crc32(base), 6);
}
const TOKEN = ghToken('Wb4nR8sT2vX6zA1cE5gJ9kM3pQ7uY0');

const secrets = (text: string) => scan(text, { categories: ['secret'] });
const blobViews = (text: string, triggers: number, pii: boolean) =>
  nextViews(text, undefined, { triggers, pii, budgetChars: 1e6 }).filter((v) => !v.generic);

/** regression: issue 12 */
describe('base64Cores', () => {
  it('property: the base64 of any bytes around a word holds one of its cores', () => {
    const bytes = fc.string({
      unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
      maxLength: 7,
    });
    const word = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_-.ABC0123'),
      minLength: 3,
      maxLength: 9,
    });
    fc.assert(
      fc.property(bytes, word, bytes, (before, w, after) => {
        const cores = base64Cores(w);
        const std = b64(before + w + after);
        const url = b64url(before + w + after);
        expect(cores.some((c) => std.includes(c) || url.includes(c))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives no core shorter than three characters (two-letter words have none at some alignments)', () => {
    for (const c of base64Cores('ghp_')) expect(c.length).toBeGreaterThanOrEqual(3);
    expect(base64Cores('sk').length).toBe(0);
  });

  it('casedKeywords spells a keyword as the rule pattern writes it', () => {
    const spelled = casedKeywords([{ keywords: ['aiza'], re: /AIza[0-9A-Za-z_-]{35}/ }]);
    expect(spelled).toContain('AIza');
    expect(spelled).toContain('AIZA');
  });
});

/** regression: issue 12 */
describe('secret views: decoding base64 and hex runs', () => {
  const plainB64 = b64('nothing secret here, only a sentence about the weather');

  it('a secrets-only view set decodes no blob without an ENCODED trigger', () => {
    expect(blobViews(`x ${plainB64} y`, 0, false)).toEqual([]);
  });

  it('decodes it when the trigger is raised, or when personal data is scanned too', () => {
    expect(blobViews(`x ${plainB64} y`, ViewTrigger.ENCODED, false)).toHaveLength(1);
    expect(blobViews(`x ${plainB64} y`, 0, true)).toHaveLength(1);
  });

  it('property: a token base64- or hex-encoded at any offset in a sentence is found by a secrets-only scan', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abc xyz'), maxLength: 5 }),
        fc.constantFrom<(s: string) => string>(b64, b64url, (s) => Buffer.from(s).toString('hex')),
        (lead, encode) => {
          const text = `deploy: ${encode(`${lead}token ${TOKEN} ok`)} done`;
          expect(secrets(text).some((f) => f.type === 'github-token')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('an assignment inside a decoded blob stays a decoded blob, even with an edit inside it', () => {
    const value = 'Zq7%41Lm9Xr2Tw5Yb8Kd3Nf6';
    // In the text itself the assignment is reported.
    expect(secrets(`token = "${value}"`).length).toBeGreaterThan(0);
    // Base64-encoded, only a format-valid credential would count, edits or not.
    const encoded = b64(`token = "${value}" ghp_`);
    expect(
      scan(encoded, { categories: ['secret', 'pii'] }).filter((f) => f.category === 'secret'),
    ).toEqual([]);
  });
});

/** regression: issue 12 */
describe('secret views: values wrapped over lines', () => {
  it('joins a run of twenty or more base64 characters continued on the next line', () => {
    const text = `key:\n  ${TOKEN.slice(0, 24)}\n  ${TOKEN.slice(24)}\n`;
    expect(secrets(text).some((f) => f.type === 'github-token')).toBe(true);
  });

  it('joins after padding, a backslash or CRLF', () => {
    expect(
      secrets(`${TOKEN.slice(0, 22)}\\\r\n${TOKEN.slice(22)}`).some(
        (f) => f.type === 'github-token',
      ),
    ).toBe(true);
  });

  it('does not join a line that ends in a short word', () => {
    const views = nextViews(`short\n${ALNUM}`, undefined, {
      triggers: 0,
      pii: false,
      budgetChars: 1e6,
    });
    expect(views).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';
import { base62, crc32 } from './checksums.js';
import { nextViews, originalSpan, viewBudget } from './secret-views.js';
import { ViewTrigger } from './view-triggers.js';

const ALL_TRIGGERS = 255;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A GitHub token with a valid CRC32 tail, built here from a 30-character body. */
function ghToken(body30: string, prefix = 'ghp'): string {
  const base = `${prefix}_${body30}`;
  return base + base62(crc32(base), 6);
}

const TOKEN = ghToken('Qm7vT2xK9pLw4ZcR8nB3yH6dJ1fG5s');

const bytesHex = (s: string): string => Buffer.from(s, 'latin1').toString('hex');
const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64');

/** Every encoding the secret views undo, as a function of the token. */
const ENCODINGS: Readonly<Record<string, (t: string) => string>> = {
  'split over lines': (t) => `${t.slice(0, 20)}\n    ${t.slice(20)}`,
  'split with a backslash': (t) => `${t.slice(0, 22)}\\\n${t.slice(22)}`,
  'concatenated with +': (t) => `"${t.slice(0, 4)}" + "${t.slice(4, 22)}" + "${t.slice(22)}"`,
  'concatenated over a line break': (t) => `'${t.slice(0, 15)}' +\n  '${t.slice(15)}'`,
  'adjacent literals': (t) => `'${t.slice(0, 10)}' '${t.slice(10)}'`,
  'template pieces': (t) => `\`${t.slice(0, 4)}\${'${t.slice(4, 20)}'}${t.slice(20)}\``,
  base64: (t) => b64(t),
  'base64 of a sentence': (t) => b64(`deploy with token ${t} please`),
  hex: (t) => bytesHex(t),
  'url-encoded': (t) => [...t].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(''),
  '\\u escapes': (t) =>
    [...t].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
  '\\x escapes': (t) => [...t].map((c) => `\\x${c.charCodeAt(0).toString(16)}`).join(''),
  'decimal entities': (t) => [...t].map((c) => `&#${c.charCodeAt(0)};`).join(''),
  'hex entities': (t) => [...t].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join(''),
  'named entity': (t) => t.replace('_', '&lowbar;'),
  'spaced out': (t) => [...t].join(' '),
  reversed: (t) => [...t].reverse().join(''),
  fullwidth: (t) => [...t].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''),
  'zero-width inside': (t) => `${t.slice(0, 9)}\u200b${t.slice(9, 30)}\u200d${t.slice(30)}`,
  'soft hyphens inside': (t) => `${t.slice(0, 12)}\u00ad${t.slice(12)}`,
  'url-encoded base64': (t) => encodeURIComponent(b64(`${t}\n`)),
};

/** The GitHub finding of `text`, if any. */
const github = (text: string) =>
  scan(text, { categories: ['secret'] }).find((f) => f.type === 'github-token');

describe('secret views: every encoding of a checksummed token', () => {
  for (const [name, encode] of Object.entries(ENCODINGS)) {
    it(`finds a GitHub token ${name}, the span covering the encoded form`, () => {
      const encoded = encode(TOKEN);
      const text = `here you go: ${encoded} -- thanks`;
      const f = github(text);
      expect(f).toBeDefined();
      const at = text.indexOf(encoded);
      expect(f?.start).toBeGreaterThanOrEqual(at);
      expect(f?.end).toBeLessThanOrEqual(at + encoded.length);
      // The span reaches from the first encoded character of the token to the last.
      expect((f?.end ?? 0) - (f?.start ?? 0)).toBeGreaterThanOrEqual(TOKEN.length);
    });
  }

  it('keeps the checksum deciding: a token with a wrong tail is not reported in any encoding', () => {
    const bad = `${TOKEN.slice(0, -1)}${TOKEN.endsWith('A') ? 'B' : 'A'}`;
    for (const encode of Object.values(ENCODINGS))
      expect(github(`x ${encode(bad)} y`)).toBeUndefined();
  });

  it('property: any valid token in any encoding is found and its span covers the encoded form', () => {
    // Runs of one character, in either case ('xxxX'), make a placeholder (never reported,
    // encoded or not).
    const body = fc
      .string({ unit: fc.constantFrom(...ALNUM), minLength: 30, maxLength: 30 })
      .filter((b) => !/(.)\1{3}/i.test(b));
    const prefix = fc.constantFrom('ghp', 'gho', 'ghu', 'ghs', 'ghr');
    const encoding = fc.constantFrom(...Object.keys(ENCODINGS));
    fc.assert(
      fc.property(body, prefix, encoding, fc.constantFrom('', 'key ', '> '), (b, p, e, lead) => {
        const encoded = (ENCODINGS[e] as (t: string) => string)(ghToken(b, p));
        const text = `${lead}${encoded}\n`;
        const f = github(text);
        expect(f).toBeDefined();
        expect(f?.start).toBeGreaterThanOrEqual(lead.length);
        expect(f?.end).toBeLessThanOrEqual(lead.length + encoded.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('secret views: precision', () => {
  it('property: random base64 and hex blobs of non-secret bytes yield no secret finding', () => {
    const bytes = fc.uint8Array({ minLength: 12, maxLength: 200 });
    const words = fc
      .array(fc.constantFrom('price', 'gpu', 'deal', 'hello', 'region', '42', 'the', 'offer'), {
        minLength: 3,
        maxLength: 30,
      })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(bytes, words, fc.boolean(), (raw, sentence, hex) => {
        for (const payload of [Buffer.from(raw), Buffer.from(sentence)]) {
          const blob = hex ? payload.toString('hex') : payload.toString('base64');
          expect(scan(`blob ${blob} end`, { categories: ['secret'] })).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('makes no view of plain text, code and configs, even with every trigger raised', () => {
    for (const t of [
      'We can offer 40 GPU hours at 2 USDC each.',
      'const x = a + b;\nreturn "ok";',
      'server:\n  port: 8080\n  host: 0.0.0.0\n',
    ])
      expect(
        nextViews(t, undefined, { triggers: ALL_TRIGGERS, pii: true, budgetChars: 1e6 }),
      ).toEqual([]);
  });

  it('does not join ordinary words spread over lines', () => {
    expect(scan('our api\ntoken rotation plan\nis ready', { categories: ['secret'] })).toEqual([]);
  });
});

describe('secret views: bounds', () => {
  it('stays within its budget however deeply the payload nests', () => {
    let payload = `token ${TOKEN}`;
    for (let i = 0; i < 6; i++) payload = b64(payload);
    const text = `${payload} `.repeat(200);
    const budgetChars = viewBudget(text.length);
    const views = nextViews(text, undefined, { triggers: ALL_TRIGGERS, pii: true, budgetChars });
    const total = views.reduce((a, v) => a + v.text.length, 0);
    // One part may finish past the budget, never more than one run's worth.
    expect(total).toBeLessThanOrEqual(budgetChars + payload.length + 1);
    expect(scan(text, { categories: ['secret'], maxDecodeDepth: 4 })).toBeDefined();
  });

  it('honours maxDecodeDepth 0 (no views)', () => {
    const f = scan(b64(TOKEN), { categories: ['secret'], maxDecodeDepth: 0 });
    expect(f.find((x) => x.type === 'github-token')).toBeUndefined();
  });

  it('reads no text twice: edits closer than a context apart make one part, every control dropped', () => {
    const unit = '\u202eabcdef ghijkl mnopqr stuvwx yzabcd efghij klmnop qrstuv wxyzab\u202c ';
    const text = unit.repeat(50);
    const [edited] = nextViews(text, undefined, { triggers: 0, pii: false, budgetChars: 1e6 });
    expect(edited?.text).toBe(`${text.replace(/[\u202c\u202e]/g, '').trimEnd()}\n`);
  });

  it('property: the edited view never goes back over the text nor keeps a character it dropped', () => {
    const piece = fc.constantFrom(
      'ab',
      'cd ',
      ' ',
      'token',
      '\u200b',
      '\u202e',
      '\u00ad',
      'x'.repeat(70),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const [edited] = nextViews(text, undefined, { triggers: 0, pii: false, budgetChars: 1e6 });
        if (edited === undefined) return;
        expect(edited.text).not.toMatch(/[\u200b\u202e\u00ad]/);
        for (let i = 1; i < edited.starts.length; i++)
          expect(edited.starts[i]).toBeGreaterThanOrEqual(edited.starts[i - 1] as number);
      }),
    );
  });

  it('maps a reversed part back to one span', () => {
    const text = `x ${[...TOKEN].reverse().join('')}`;
    const [v] = nextViews(text, undefined, {
      triggers: ViewTrigger.REVERSED,
      pii: false,
      budgetChars: 1000,
    });
    expect(v).toBeDefined();
    const at = (v?.text ?? '').indexOf('ghp_');
    expect(originalSpan(v as NonNullable<typeof v>, at, at + TOKEN.length)).toEqual([
      2,
      text.length,
    ]);
  });
});

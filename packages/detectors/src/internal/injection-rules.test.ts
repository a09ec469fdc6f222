import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INJECTION_RULES } from './injection-rules.js';

/** The delimiter rule as one alternation, as it was before issue 11 split it in two. */
const DELIMITER_BEFORE =
  /(?:\bend (?:of )?(?:the )?(?:untrusted |user |system )?(?:input|prompt|message|instructions|context|ambiguity|document|content|data)\b|<\|im_start\|>|<\|system\|>|\[\/?inst\]|<<\/?sys>>|^\s{0,4}(?:#{2,4}|={3,}|-{3,}) ?(?:new |updated )?(?:system|admin|developer) ?(?:prompt|message|instructions?|override)|\[(?:system|admin) (?:message|override|note|prompt)\])/gu;

const spansOf = (re: RegExp, text: string): string[] =>
  [...text.matchAll(new RegExp(re.source, re.flags))].map(
    (m) => `${m.index}-${m.index + m[0].length}`,
  );

describe('delimiter-injection rules', () => {
  const split = INJECTION_RULES.filter((r) => r.type === 'delimiter-injection').filter(
    (r) => r.re.source.startsWith('(?:\\bend') || r.re.source.startsWith('^'),
  );

  /** regression: issue 11 */
  it('the two rules match exactly what the one alternation matched', () => {
    expect(split).toHaveLength(2);
    const piece = fc.constantFrom(
      'end of the input',
      'end of system prompt',
      'the end',
      '<|im_start|>',
      '<|system|>',
      '[inst]',
      '[/inst]',
      '<<sys>>',
      '<</sys>>',
      '### system prompt',
      '===== new admin message',
      '--- developer override',
      '  ## updated system instructions',
      '[system message]',
      '[admin note]',
      'end',
      '[',
      '<',
      ' ',
      '\n',
      '#',
      '=',
      'a',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const after = split.flatMap((r) => spansOf(r.re, text)).sort();
        expect(after).toEqual(spansOf(DELIMITER_BEFORE, text).sort());
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * How the national-id round tests read a rule: the finding of one type with
 * the text it covers, made-up numbers completed with their check, and one
 * table of "found here, not in these near misses" cases. Test support only:
 * nothing in the package imports it.
 */
import { describe, expect, it } from 'vitest';
import { scanPii } from '../index.js';

/** The finding of `type` in `text`, with the matched text. */
export function found(text: string, type: string): string | undefined {
  const f = scanPii(text).find((x) => x.type === type);
  return f ? text.slice(f.start, f.end) : undefined;
}

/** A seeded body that `check` can complete with one more character of `alphabet`. */
export function valid(
  check: (s: string) => boolean,
  make: () => string,
  alphabet = '0123456789',
): string {
  for (let i = 0; i < 200; i++) {
    const body = make();
    const ch = [...alphabet].find((x) => check(body + x));
    if (ch !== undefined) return body + ch;
  }
  throw new Error('no valid number');
}

/** The same number with its last digit changed, so the check fails. */
export const broken = (s: string): string => s.slice(0, -1) + String((Number(s.at(-1)) + 1) % 10);

/** A rule's type, a text it finds, the value found, and texts it must not find it in. */
export type Case = readonly [type: string, hit: string, value: string, misses: readonly string[]];

/** One test per hit and per near miss. */
export function describeCases(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const [type, hit, value, misses] of cases) {
      it(`${type}: finds "${hit}"`, () => {
        expect(found(hit, type)).toBe(value);
      });
      for (const miss of misses) {
        it(`${type}: near miss "${miss}"`, () => {
          expect(found(miss, type)).toBeUndefined();
        });
      }
    }
  });
}

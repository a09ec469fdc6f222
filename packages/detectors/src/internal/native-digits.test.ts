import { describe, expect, it } from 'vitest';
import { scanPii } from '../index.js';
import { nativeDigitValue } from './native-digits.js';

// Numbering systems whose digits ICU writes itself: an oracle independent of the table.
const SYSTEMS = ['arab', 'arabext', 'beng', 'deva', 'gujr', 'guru', 'khmr', 'knda', 'laoo'];
const MORE = ['mlym', 'mymr', 'orya', 'tamldec', 'telu', 'thai', 'tibt', 'mong', 'fullwide'];

describe('nativeDigitValue', () => {
  it.each([...SYSTEMS, ...MORE])('reads the digits of %s as ICU writes them', (nu) => {
    const format = new Intl.NumberFormat(`en-u-nu-${nu}`, { useGrouping: false });
    for (let d = 0; d <= 9; d++) {
      const cp = format.format(d).codePointAt(0) as number;
      expect(nativeDigitValue(cp)).toBe(d);
    }
  });

  it('is −1 for ASCII digits, letters, other numbers and astral code points', () => {
    for (const ch of ['0', '9', 'a', 'Ⅳ', '½', '²', '①', '\ud800', '𝟘'])
      expect(nativeDigitValue(ch.codePointAt(0) as number)).toBe(-1);
  });
});

describe('personal data written with the digits of other scripts', () => {
  const types = (text: string) => scanPii(text).map((f) => [f.type, text.slice(f.start, f.end)]);
  it('finds a card in Persian and Arabic-Indic digits, mapped to the digits as written', () => {
    expect(types('کارت: ۴۱۱۱ ۱۱۱۱ ۱۱۱۱ ۱۱۱۱')).toEqual([['credit-card', '۴۱۱۱ ۱۱۱۱ ۱۱۱۱ ۱۱۱۱']]);
    expect(types('بطاقة ٤١١١ ١١١١ ١١١١ ١١١١')).toEqual([['credit-card', '٤١١١ ١١١١ ١١١١ ١١١١']]);
  });
  it('applies the same checks as to ASCII digits', () => {
    expect(types('کارت: ۴۱۱۱ ۱۱۱۱ ۱۱۱۱ ۱۱۱۲')).toEqual([]);
    expect(types('سعر ١٢٣ ريال')).toEqual([]);
  });
  it('finds a phone number after a phone word of the same language, not after any word', () => {
    expect(types('واتساب: ٠٧٩١١ ١٢٣٤٥٦')).toEqual([['phone', '٠٧٩١١ ١٢٣٤٥٦']]);
    expect(types('تلفن همراه: ۰۷۹۱۱ ۱۲۳۴۵۶')).toEqual([['phone', '۰۷۹۱۱ ۱۲۳۴۵۶']]);
    expect(types('मोबाइल: ०७९११ १२३४५६')).toEqual([['phone', '०७९११ १२३४५६']]);
    expect(types('الكمية ٠٧٩١١ ١٢٣٤٥٦ قطعة')).toEqual([]);
  });
});

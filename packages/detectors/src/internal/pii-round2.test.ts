/**
 * PII rule kinds added or narrowed in issue 12 (round 2): numbers written from the documented
 * formats with computed check digits, never taken from an evaluation corpus.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanPii } from '../index.js';
import { validDeKvnr } from './national-id-checks.js';
import { validAadhaar, validIban, validSePnr } from './pii-validators.js';

const DIGITS = '0123456789';

/** `[type, matched text]` of every finding in `text`. */
const hits = (text: string): Array<[string, string]> =>
  scanPii(text).map((f) => [f.type, text.slice(f.start, f.end)]);
const typesOf = (text: string): string[] => scanPii(text).map((f) => f.type);

/** Completes `body` with the one check digit `check` accepts. */
function complete(check: (s: string) => boolean, body: string): string {
  const ch = [...DIGITS].find((x) => check(body + x));
  if (ch === undefined) throw new Error(`no completion for ${body}`);
  return body + ch;
}

/** A different last digit, so the check fails. */
const broken = (s: string): string => s.slice(0, -1) + String((Number(s.at(-1)) + 1) % 10);

/** An IBAN for `country` and numeric `bban`, check digits computed (ISO 13616 mod 97). */
function iban(country: string, bban: string): string {
  const letters = (s: string): string =>
    [...s].map((ch) => (/[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch)).join('');
  const rem = BigInt(letters(`${bban}${country}00`)) % 97n;
  return `${country}${String(98n - rem).padStart(2, '0')}${bban}`;
}

/** regression: issue 12 */
describe('German health-insurance number (KVNR)', () => {
  const kvnr = complete(validDeKvnr, 'K27340519');

  it('is found with its computed check digit, with or without a context word', () => {
    expect(hits(`Versichertennummer ${kvnr}`)).toContainEqual(['de-health-insurance', kvnr]);
    expect(hits(`here you go: ${kvnr}.`)).toContainEqual(['de-health-insurance', kvnr]);
    // Labelled as a product's or order's reference, it is not a person's number.
    expect(typesOf(`ref ${kvnr}.`)).not.toContain('de-health-insurance');
  });

  it('is not found when the check digit is wrong, or inside a longer token', () => {
    expect(typesOf(`Versichertennummer ${broken(kvnr)}`)).not.toContain('de-health-insurance');
    expect(typesOf(`id X${kvnr}`)).not.toContain('de-health-insurance');
  });

  it('accepts exactly one check digit for any letter and eight digits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        fc.stringMatching(/^\d{8}$/),
        (letter, body) =>
          [...DIGITS].filter((d) => validDeKvnr(`${letter}${body}${d}`)).length === 1,
      ),
    );
  });
});

/** regression: issue 12 */
describe('IBAN keeps one separator throughout', () => {
  const compact = iban('NO', '86011117947');
  const long = iban('FR', '20041010050500013025606');

  it('a compact IBAN followed by a capitalised word is found alone', () => {
    expect(validIban(long)).toBe(true);
    expect(hits(`pay to ${long} ASAP`)).toContainEqual(['iban', long]);
    expect(hits(`pay to ${compact} NOW`)).toContainEqual(['iban', compact]);
  });

  it('the printed form, groups of four with spaces, is still found', () => {
    const printed = long.replace(/(.{4})(?=.)/g, '$1 ');
    expect(hits(`IBAN ${printed}`)).toContainEqual(['iban', printed]);
  });
});

/** regression: issue 12 */
describe('Korean numbers', () => {
  it('a resident number in the printed layout is found without its (retired) check digit', () => {
    // 1985-03-17, gender digit 1; the six random digits need not satisfy the old check.
    const good = ['850317-1', '482913'].join('');
    expect(typesOf(`here: ${good}`)).toContain('kr-rrn');
    // Without the hyphen and without a context word, an unchecked 13-digit run is not enough.
    const compact = good.replace('-', '');
    const old = [...DIGITS].map((d) => compact.slice(0, 12) + d);
    expect(old.some((n) => !typesOf(`here: ${n}`).includes('kr-rrn'))).toBe(true);
  });

  it('a resident number with an impossible date is not found', () => {
    expect(typesOf('here: 851332-1482913')).not.toContain('kr-rrn');
  });

  it("a driver's licence number in its printed layout needs a known region code", () => {
    expect(hits('licence 13-19-204817-53')).toContainEqual([
      'kr-driver-license',
      '13-19-204817-53',
    ]);
    expect(typesOf('here you go: 28-07-550123-11')).toContain('kr-driver-license');
    expect(typesOf('here you go: 27-07-550123-11')).not.toContain('kr-driver-license');
    expect(typesOf('here you go: 99-07-550123-11')).not.toContain('kr-driver-license');
    expect(typesOf('here you go: 13-07-550123-111')).not.toContain('kr-driver-license');
    // Printed in its layout, it is reported whatever its label.
    expect(typesOf('product code 28-07-550123-11')).toContain('kr-driver-license');
  });
});

/** regression: issue 12 */
describe('Swedish personnummer with the 18xx century', () => {
  it('a twelve-digit number born in the 1800s is found', () => {
    const ten = complete(validSePnr, '750614238');
    expect(hits(`pnr 18${ten}`)).toContainEqual(['se-personnummer', `18${ten}`]);
    expect(typesOf(`pnr 18${broken(ten)}`)).not.toContain('se-personnummer');
  });
});

/** regression: issue 12 */
describe('Aadhaar inside a longer grouped number', () => {
  const aadhaar = complete(validAadhaar, '73941852063');
  const grouped = `${aadhaar.slice(0, 4)} ${aadhaar.slice(4, 8)} ${aadhaar.slice(8)}`;

  it('is found on its own', () => {
    expect(hits(`aadhaar ${grouped}`)).toContainEqual(['in-aadhaar', grouped]);
  });

  it('is not found as three groups of a longer grouped number', () => {
    expect(typesOf(`ref QX12 ${grouped}`)).not.toContain('in-aadhaar');
    expect(typesOf(`ref ${grouped} 5521`)).not.toContain('in-aadhaar');
  });
});

/** regression: issue 12 */
describe('IPv4 addresses need a boundary, as every rule does', () => {
  it('glued to letters it is part of a word', () => {
    expect(typesOf('see host10.20.30.40 now')).not.toContain('ip-address');
    expect(typesOf('see 10.20.30.40abc now')).not.toContain('ip-address');
  });

  it('standing alone, or before a full stop, it is found', () => {
    expect(hits('the box is at 10.20.30.40.')).toContainEqual(['ip-address', '10.20.30.40']);
  });
});

/** regression: issue 12 */
describe('phone numbers', () => {
  it('the North American layout stands without a context word', () => {
    expect(hits('Office: (312) 867-4410')).toContainEqual(['phone', '(312) 867-4410']);
    expect(hits('desk 312-867-4410 ext')).toContainEqual(['phone', '312-867-4410']);
  });

  it('a bare run named as another number is not a phone', () => {
    expect(typesOf('my card number is 31286744101234')).not.toContain('phone');
    expect(typesOf('the order number 3128674410')).not.toContain('phone');
    expect(typesOf('my phone number is 3128674410')).toContain('phone');
  });

  it('mixed separators are not the North American layout', () => {
    expect(typesOf('build 312-867.4410 done')).not.toContain('phone');
  });
});

/** regression: issue 12 */
describe('identity documents', () => {
  it('a context word after the number counts ("… es mi pasaporte")', () => {
    expect(hits('XK4829137 es mi número de pasaporte')).toContainEqual([
      'id-document',
      'XK4829137',
    ]);
    expect(typesOf('XK4829137 es mi número favorito')).not.toContain('id-document');
  });

  it('a nine-digit number after "social security" is left to the SSN check', () => {
    // Area 666 is never assigned, so the SSN rule rejects it; the generic rule must not claim it.
    expect(typesOf('social security number 666482913')).toEqual([]);
  });

  it('a UK driving licence number in lower case counts next to a licence word only', () => {
    const dl = 'harri712158jd9qk';
    expect(hits(`my driving licence is ${dl}`)).toContainEqual(['uk-driving-licence', dl]);
    expect(typesOf(`token ${dl}`)).not.toContain('uk-driving-licence');
    expect(typesOf(`see ${dl.toUpperCase()}`)).toContain('uk-driving-licence');
    expect(typesOf(`ref ${dl.toUpperCase()}`)).not.toContain('uk-driving-licence');
  });
});

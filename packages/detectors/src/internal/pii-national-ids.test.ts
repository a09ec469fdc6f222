import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanPii } from '../index.js';
import * as c from './national-id-checks.js';

const DIGITS = '0123456789';

/** The types found in `text`. */
const types = (text: string): string[] => scanPii(text).map((f) => f.type);

/** The finding of `type` in `text`, with the matched text. */
function found(text: string, type: string): string | undefined {
  const f = scanPii(text).find((x) => x.type === type);
  return f ? text.slice(f.start, f.end) : undefined;
}

/** Completes `body` with the one check character `check` accepts. */
function complete(check: (s: string) => boolean, body: string, alphabet = DIGITS): string {
  const ch = [...alphabet].find((x) => check(body + x));
  if (ch === undefined) throw new Error(`no completion for ${body}`);
  return body + ch;
}

/** Completes `body` with the one pair of check digits `check` accepts. */
function complete2(check: (s: string) => boolean, body: string): string {
  for (let k = 0; k < 100; k++) {
    const pair = String(k).padStart(2, '0');
    if (check(body + pair)) return body + pair;
  }
  throw new Error(`no completion for ${body}`);
}

/** A different last character, so the check fails. */
const broken = (s: string): string => s.slice(0, -1) + String((Number(s.at(-1)) + 1) % 10);

const cpf = complete2(c.validBrCpf, '529982247');
const fmtCpf = `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
const cnpj = complete2(c.validBrCnpj, '458201930001');
const fmtCnpj = `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;
const alnumCnpj = complete2(c.validBrCnpj, 'Q7W2E9R40001');
const fmtAlnumCnpj = `${alnumCnpj.slice(0, 2)}.${alnumCnpj.slice(2, 5)}.${alnumCnpj.slice(5, 8)}/${alnumCnpj.slice(8, 12)}-${alnumCnpj.slice(12)}`;
const cnId = complete(c.validCnResidentId, '44030619881107153', `${DIGITS}X`);
/** A resident id whose check character is X, found by trying serial numbers. */
const cnIdX = (() => {
  for (let n = 100; n < 1000; n++) {
    const id = `440306198811071${String(n).slice(1)}X`;
    if (c.validCnResidentId(id)) return id;
  }
  throw new Error('no resident id with check X');
})();
const curp = complete(c.validMxCurp, 'PEGJ870412HJCRNN0');
const myNumber = complete(c.validJpMyNumber, '48213907561');
const bsn = complete(c.validNlBsn, '27364819');
const ptNif = complete(c.validPtNif, '24681357');
const oib = complete(c.validHrOib, '7391046285');
const cnp = complete(c.validRoCnp, '195081341234');
const egn = complete(c.validBgEgn, '750315123');
const ee = complete(c.validEeLtPersonalCode, '3850412012');
const snils = complete2(c.validRuSnils, '214365879');
const inn = complete2(c.validRuInn, '7707083893');
const svnr = (() => {
  for (const k of DIGITS) if (c.validAtSvnr(`123${k}150385`)) return `123${k}150385`;
  throw new Error('no SVNR');
})();
const czBirth = complete(c.validCzBirthNumber, '855612123');
const beNum = complete2(c.validBeNationalNumber, '850730033');
const ppsn = complete(c.validIePpsn, '8473610', 'ABCDEFGHIJKLMNOPQRSTUVW');
const nirBody = '2920675123456';
const nirKey = String(97n - (BigInt(nirBody) % 97n)).padStart(2, '0');
const nir = nirBody + nirKey;
const spacedNir = `${nir[0]} ${nir.slice(1, 3)} ${nir.slice(3, 5)} ${nir.slice(5, 7)} ${nir.slice(7, 10)} ${nir.slice(10, 13)} ${nir.slice(13)}`;

describe('national ids: found with their check, or with their context word', () => {
  const cases: Array<[string, string, string]> = [
    ['cn-resident-id', `持证人 ${cnId} 已登记`, cnId],
    ['cn-resident-id', `resident id ${cnIdX.toLowerCase()}`, cnIdX.toLowerCase()],
    ['br-cpf', `cliente ${fmtCpf} cadastrado`, fmtCpf],
    ['br-cpf', `CPF: ${cpf}`, cpf],
    ['br-cnpj', `fornecedor ${fmtCnpj}`, fmtCnpj],
    ['br-cnpj', `CNPJ ${cnpj}`, cnpj],
    ['br-cnpj', `fornecedor ${fmtAlnumCnpj}`, fmtAlnumCnpj],
    ['mx-curp', `registro ${curp} listo`, curp],
    ['fr-nir', `assuré ${spacedNir}.`, spacedNir],
    ['fr-nir', `numéro de sécurité sociale ${nir}`, nir],
    [
      'be-national-number',
      `nr ${beNum.slice(0, 2)}.${beNum.slice(2, 4)}.${beNum.slice(4, 6)}-${beNum.slice(6, 9)}.${beNum.slice(9)}`,
      `${beNum.slice(0, 2)}.${beNum.slice(2, 4)}.${beNum.slice(4, 6)}-${beNum.slice(6, 9)}.${beNum.slice(9)}`,
    ],
    ['be-national-number', `rijksregisternummer ${beNum}`, beNum],
    [
      'jp-my-number',
      `マイナンバー: ${myNumber.slice(0, 4)} ${myNumber.slice(4, 8)} ${myNumber.slice(8)}`,
      `${myNumber.slice(0, 4)} ${myNumber.slice(4, 8)} ${myNumber.slice(8)}`,
    ],
    ['jp-my-number', `my number ${myNumber}`, myNumber],
    ['nl-bsn', `BSN ${bsn}`, bsn],
    ['pt-nif', `NIF ${ptNif}`, ptNif],
    ['hr-oib', `OIB: ${oib}`, oib],
    ['ro-cnp', `CNP ${cnp}`, cnp],
    ['bg-egn', `ЕГН ${egn}`, egn],
    ['ee-lt-personal-code', `isikukood ${ee}`, ee],
    [
      'ru-snils',
      `СНИЛС ${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`,
      `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`,
    ],
    ['ru-inn', `ИНН ${inn}`, inn],
    ['at-svnr', `Sozialversicherungsnummer ${svnr}`, svnr],
    [
      'cz-birth-number',
      `rodné číslo ${czBirth.slice(0, 6)}/${czBirth.slice(6)}`,
      `${czBirth.slice(0, 6)}/${czBirth.slice(6)}`,
    ],
    ['ie-ppsn', `PPSN ${ppsn}`, ppsn],
    ['id-nik', 'NIK 3174054309900001', '3174054309900001'],
    ['ng-nin', 'NIN: 71234509876', '71234509876'],
    ['pk-cnic', 'CNIC 35202-1234567-1', '35202-1234567-1'],
    ['dk-cpr', 'CPR-nr. 010190-1234', '010190-1234'],
    ['eg-national-id', 'National ID 29001011234567', '29001011234567'],
  ];
  for (const [type, text, value] of cases) {
    it(`${type}: ${text}`, () => {
      expect(found(text, type)).toBe(value);
    });
  }
});

describe('national ids: near misses are not reported', () => {
  const misses: Array<[string, string]> = [
    ['cn-resident-id', `持证人 ${broken(cnId.replace('X', '0'))}X`],
    ['cn-resident-id', `order 9${cnId}`],
    ['br-cpf', `cliente ${fmtCpf.slice(0, -1)}${(Number(fmtCpf.at(-1)) + 1) % 10}`],
    ['br-cpf', `total ${cpf}`],
    ['br-cpf', `CPF ${cpf}7`],
    ['br-cnpj', `CNPJ ${broken(cnpj)}`],
    ['br-cnpj', `fornecedor ${broken(fmtAlnumCnpj)}`],
    ['mx-curp', `registro ${curp.slice(0, -1)}${(Number(curp.at(-1)) + 1) % 10}`],
    ['mx-curp', `registro ${curp.toLowerCase()}`],
    ['fr-nir', `invoice ${nir}`],
    ['fr-nir', `assuré ${spacedNir.slice(0, -1)}${(Number(spacedNir.at(-1)) + 1) % 10}`],
    ['jp-my-number', `order ${myNumber}`],
    ['jp-my-number', `マイナンバー ${broken(myNumber)}`],
    ['nl-bsn', `BSN ${broken(bsn)}`],
    ['nl-bsn', `BSN 1${bsn}`],
    ['nl-bsn', `invoice ${bsn}`],
    ['pt-nif', `NIF ${broken(ptNif)}`],
    ['hr-oib', `OIB ${broken(oib)}`],
    ['ro-cnp', `CNP ${broken(cnp)}`],
    ['bg-egn', `ЕГН ${broken(egn)}`],
    ['bg-egn', `tel ${egn}`],
    ['ru-snils', `СНИЛС ${broken(snils)}`],
    ['ru-inn', `ИНН ${broken(inn)}`],
    ['ie-ppsn', `PPSN ${ppsn.slice(0, -1)}${ppsn.at(-1) === 'A' ? 'B' : 'A'}`],
    ['id-nik', 'order 3174054309900001'],
    ['id-nik', 'NIK 3174053509900001'],
    ['ng-nin', 'running 71234509876'],
    ['ng-nin', 'NIN: 712345098765'],
    ['pk-cnic', 'ticket 35202-1234567-1'],
    ['dk-cpr', 'CPR 320190-1234'],
    ['eg-national-id', 'order 29001011234567'],
  ];
  for (const [type, text] of misses) {
    it(`${type}: ${text}`, () => {
      expect(types(text)).not.toContain(type);
    });
  }
  it('ordinary numbers and words hold none of the national ids', () => {
    const text =
      'Order 10293847561 shipped on 2026-11-30, invoice 4820193746, 128 GPUs at 3.50 USDC, ' +
      'call 0612345678, build 20261130123456, tracking 1Z999AA10123456784, version 1.2.3.4.';
    const national = new Set([
      'cn-resident-id',
      'br-cpf',
      'br-cnpj',
      'mx-curp',
      'fr-nir',
      'be-national-number',
      'jp-my-number',
      'nl-bsn',
      'pt-nif',
      'hr-oib',
      'ro-cnp',
      'bg-egn',
      'ee-lt-personal-code',
      'ru-snils',
      'ru-inn',
      'at-svnr',
      'cz-birth-number',
      'ie-ppsn',
      'id-nik',
      'ng-nin',
      'pk-cnic',
      'dk-cpr',
      'eg-national-id',
    ]);
    expect(types(text).filter((t) => national.has(t))).toEqual([]);
  });
});

describe('national ids: property', () => {
  it('random 11-digit strings with a bad CPF check are never a CPF, even after "CPF"', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (d) => {
        fc.pre(!c.validBrCpf(d));
        expect(types(`CPF ${d}`)).not.toContain('br-cpf');
      }),
      { numRuns: 300 },
    );
  });
  it('random 18-character ids with a bad check are never a resident id', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^11\d{4}19\d{2}(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}[\dX]$/),
        (d) => {
          fc.pre(!c.validCnResidentId(d));
          expect(types(`居民身份证 ${d}`)).not.toContain('cn-resident-id');
        },
      ),
      { numRuns: 300 },
    );
  });
  it('random 12-digit strings with a bad check are never a My Number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (d) => {
        fc.pre(!c.validJpMyNumber(d));
        expect(types(`マイナンバー ${d}`)).not.toContain('jp-my-number');
      }),
      { numRuns: 300 },
    );
  });
});

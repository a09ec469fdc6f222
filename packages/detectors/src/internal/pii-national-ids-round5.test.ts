import { describe, expect, it } from 'vitest';
import { tokenMaker } from './made-up-tokens.js';
import {
  broken,
  type Case,
  describeCases,
  found,
  valid,
} from './national-id-cases.test-support.js';
import * as c from './national-id-checks-more.js';

// Made-up numbers (issue 12, round 5): seeded digits completed with the check each authority
// publishes, so the tests hold real-shaped values without copying anyone's.
const { digits } = tokenMaker(20261206);

/** `body` completed with the first check character (of `alphabet`) that `check` accepts. */
function complete(check: (s: string) => boolean, body: string, alphabet = '0123456789'): string {
  const ch = [...alphabet].find((x) => check(body + x));
  if (ch === undefined) throw new Error(`no completion for ${body}`);
  return body + ch;
}

const sin = valid(c.validCaSin, () => `5${digits(7)}`);
const tfn = valid(c.validAuTfn, () => `4${digits(7)}`);
const medicare = `${valid(
  (s) => c.validAuMedicare(`${s}1`),
  () => `3${digits(7)}`,
)}1`;
const abn = (() => {
  for (let i = 0; i < 500; i++) {
    const n = `5${digits(10)}`;
    if (c.validAuAbn(n)) return n;
  }
  throw new Error('no ABN');
})();
const ahv = valid(c.validChAhv, () => `756${digits(9)}`);
const fnr = (() => {
  for (let i = 0; i < 500; i++) {
    const n = `150385${digits(3)}`;
    for (let k = 0; k < 100; k++) {
      const full = n + String(k).padStart(2, '0');
      if (c.validNoFnr(full)) return full;
    }
  }
  throw new Error('no fnr');
})();
const rut = valid(c.validClRut, () => `1${digits(7)}`, '0123456789K');
const cuit = valid(c.validArCuit, () => `20${digits(8)}`);
const ilId = valid(c.validIlId, () => `3${digits(7)}`);
const hkid = complete(c.validHkid, `K${digits(6)}`, '0123456789A');
const twId = complete(c.validTwId, `F1${digits(7)}`);
const emiratesId = valid(c.validAeEmiratesId, () => `7841987${digits(7)}`);
const jmbg = valid(c.validJmbg, () => `1507988${digits(5)}`);
const kennitala = `${valid(
  (s) => c.validIsKennitala(`${s}9`),
  () => `120390${digits(2)}`,
)}9`;
const ird = valid(c.validNzIrd, () => `4${digits(6)}`);
const ein = '84-3917265';

const dotted = (r: string): string =>
  `${r.slice(0, -7)}.${r.slice(-7, -4)}.${r.slice(-4, -1)}-${r.slice(-1)}`;
const spaced = (s: string, ...cuts: number[]): string => {
  const parts: string[] = [];
  let at = 0;
  for (const cut of cuts) {
    parts.push(s.slice(at, cut));
    at = cut;
  }
  return [...parts, s.slice(at)].join(' ');
};

const cases: readonly Case[] = [
  [
    'ca-sin',
    `Social Insurance Number: ${spaced(sin, 3, 6)}`,
    spaced(sin, 3, 6),
    [
      `Social Insurance Number: ${broken(sin)}`,
      `using ${sin} rows`,
      `SIN ${sin}1`,
      // Spanish "sin" (without) before a phone number
      `llámame sin falta al ${spaced(sin, 3, 6)}`,
    ],
  ],
  ['ca-sin', `my SIN is ${sin}`, sin, [`my SIN is 0${sin.slice(1)}`]],
  [
    'au-tfn',
    `TFN: ${spaced(tfn, 3, 6)}`,
    spaced(tfn, 3, 6),
    [`TFN: ${broken(tfn)}`, `order ${tfn}`],
  ],
  [
    'au-medicare',
    `Medicare card ${spaced(medicare, 4, 9)}`,
    spaced(medicare, 4, 9),
    [`Medicare card ${broken(medicare.slice(0, 9))}1`, `card ${medicare}`],
  ],
  [
    'au-abn',
    `ABN ${spaced(abn, 2, 5, 8)}`,
    spaced(abn, 2, 5, 8),
    [`ABN ${broken(abn)}`, `fabn ${abn}`],
  ],
  [
    'ch-ahv',
    `AHV-Nr. ${ahv.slice(0, 3)}.${ahv.slice(3, 7)}.${ahv.slice(7, 11)}.${ahv.slice(11)}`,
    `${ahv.slice(0, 3)}.${ahv.slice(3, 7)}.${ahv.slice(7, 11)}.${ahv.slice(11)}`,
    [
      `v${broken(ahv).slice(0, 3)}.${broken(ahv).slice(3, 7)}.${broken(ahv).slice(7, 11)}.${broken(ahv).slice(11)}`,
      `1.${ahv.slice(0, 3)}.${ahv.slice(3, 7)}.${ahv.slice(7, 11)}.${ahv.slice(11)}`,
    ],
  ],
  ['ch-ahv', `AVS ${ahv}`, ahv, [`AVS ${broken(ahv)}`, `total ${ahv}`]],
  [
    'no-fodselsnummer',
    `fødselsnummer: ${fnr}`,
    fnr,
    [`fødselsnummer: ${broken(fnr)}`, `ordrenummer ${fnr}`],
  ],
  ['cl-rut', `RUT ${dotted(rut)}`, dotted(rut), [`RUT ${dotted(broken(rut.replace(/K$/, '1')))}`]],
  ['cl-rut', `rut: ${rut}`, rut, [`ruta ${rut}`, `run ${rut} again`]],
  [
    'ar-cuit',
    `CUIT ${cuit.slice(0, 2)}-${cuit.slice(2, 10)}-${cuit.slice(10)}`,
    `${cuit.slice(0, 2)}-${cuit.slice(2, 10)}-${cuit.slice(10)}`,
    [`CUIT ${broken(cuit)}`, `pedido ${cuit}`, `circuit ${cuit}`],
  ],
  ['il-id', `מספר זהות ${ilId}`, ilId, [`מספר זהות ${broken(ilId)}`, `order ${ilId}`]],
  [
    'hk-hkid',
    `ID ${hkid.slice(0, -1)}(${hkid.slice(-1)})`,
    `${hkid.slice(0, -1)}(${hkid.slice(-1)})`,
    [`ID ${hkid.slice(0, -1)}(${hkid.slice(-1) === '1' ? '2' : '1'})`, `ref X${hkid}`],
  ],
  ['hk-hkid', `HKID: ${hkid}`, hkid, [`code ${hkid}`]],
  ['tw-national-id', `身分證字號 ${twId}`, twId, [`身分證字號 ${broken(twId)}`, `part ${twId}`]],
  [
    'ae-emirates-id',
    `EID 784-${emiratesId.slice(3, 7)}-${emiratesId.slice(7, 14)}-${emiratesId.slice(14)}`,
    `784-${emiratesId.slice(3, 7)}-${emiratesId.slice(7, 14)}-${emiratesId.slice(14)}`,
    [`784-${emiratesId.slice(3, 7)}-${emiratesId.slice(7, 14)}-${broken(emiratesId).slice(14)}`],
  ],
  ['ae-emirates-id', `Emirates ID ${emiratesId}`, emiratesId, [`invoice ${emiratesId}`]],
  ['yu-jmbg', `JMBG: ${jmbg}`, jmbg, [`JMBG: ${broken(jmbg)}`, `račun ${jmbg}`]],
  [
    'is-kennitala',
    `kennitala ${kennitala.slice(0, 6)}-${kennitala.slice(6)}`,
    `${kennitala.slice(0, 6)}-${kennitala.slice(6)}`,
    [
      `kennitala ${kennitala.slice(0, 8)}${(Number(kennitala[8]) + 1) % 10}9`,
      `nr ${kennitala}`,
      `Pkt. ${kennitala}`,
    ],
  ],
  [
    'nz-ird',
    `IRD number ${ird.slice(0, 2)}-${ird.slice(2, 5)}-${ird.slice(5)}`,
    `${ird.slice(0, 2)}-${ird.slice(2, 5)}-${ird.slice(5)}`,
    [`IRD number ${broken(ird)}`, `bird ${ird}`],
  ],
  [
    'us-ein',
    `EIN: ${ein}`,
    ein,
    ['EIN: 07-3917265', `tel ${ein}`, `protein ${ein}`, `ein Konto, Nummer ${ein}`],
  ],
];

describeCases('round 5 national and tax ids (issue 12): made-up numbers with valid checks', cases);

/** A two-letter HKID with a valid check, and its printed form `XY123456(7)`. */
const hkid2 = complete(c.validHkid, `KX${digits(6)}`, '0123456789A');
const printed = (h: string): string => `${h.slice(0, -1)}(${h.slice(-1)})`;

/** regression: review of round 5 — short words that mean other things fired anywhere within 64 characters */
describe('round 5 review: an ambiguous word names the number only as its label', () => {
  const sinDashed = spaced(sin, 3, 6);
  const misses: [string, string][] = [
    ['ca-sin', `PRESUPUESTO SIN COMPROMISO. Llámenos al ${sinDashed}`],
    ['ca-sin', `ENVÍO GRATIS Y SIN COSTES. WhatsApp ${sin}`],
    ['ca-sin', `NAS sync done: ${sin} bytes transferred`],
    ['us-ein', `EIN ANGEBOT FÜR SIE! Auftragsnummer ${ein}`],
    ['cl-rut', `RUN apt-get install -y libfoo=${rut.replace(/K$/, '1')} && rm -rf /tmp/x`],
    ['au-medicare', `Questions about Medicare billing? Call ${medicare} weekdays.`],
    [
      'nz-ird',
      `Chercheurs de l'IRD, dossier n° ${ird.slice(0, 2)}-${ird.slice(2, 5)}-${ird.slice(5)}`,
    ],
    ['hk-hkid', `Ersatzteil ${printed(hkid2)} lieferbar`],
  ];
  for (const [type, text] of misses) {
    it(`${type}: no finding in "${text}"`, () => {
      expect(found(text, type)).toBeUndefined();
    });
  }
  const hits: [string, string, string][] = [
    ['ca-sin', `SIN: ${sinDashed}`, sinDashed],
    ['ca-sin', `SIN number ${sin}`, sin],
    ['us-ein', `EIN ${ein}`, ein],
    ['us-ein', `Employer Identification Number (see letter): ${ein}`, ein],
    ['au-medicare', `Medicare card: ${medicare}`, medicare],
    ['nz-ird', `Inland Revenue asked for ${ird}`, ird],
    ['hk-hkid', `HKID ${printed(hkid2)}`, printed(hkid2)],
  ];
  for (const [type, text, value] of hits) {
    it(`${type}: finds "${text}"`, () => {
      expect(found(text, type)).toBe(value);
    });
  }
  it('cl-rut: the first half of a dotted number range is not a RUT', () => {
    const r = dotted(rut);
    expect(found(`entre ${r}.000.000 de habitantes`, 'cl-rut')).toBeUndefined();
  });
});

describe('round 5 checks against the authorities’ published examples', () => {
  it('Australia: ABN 51 824 753 556 and TFN 123 456 782', () => {
    expect(c.validAuAbn('51 824 753 556')).toBe(true);
    expect(c.validAuAbn('51 824 753 557')).toBe(false);
    expect(c.validAuTfn('123 456 782')).toBe(true);
    expect(c.validAuTfn('123 456 783')).toBe(false);
  });
  it('Switzerland: AHV 756.9217.0769.85', () => {
    expect(c.validChAhv('756.9217.0769.85')).toBe(true);
    expect(c.validChAhv('756.9217.0769.86')).toBe(false);
  });
  it('New Zealand: IRD 49-091-850 and 136-410-132 (secondary weights); 136-410-133 refused', () => {
    expect(c.validNzIrd('49-091-850')).toBe(true);
    expect(c.validNzIrd('136-410-132')).toBe(true);
    expect(c.validNzIrd('136-410-133')).toBe(false);
  });
  it('Hong Kong: A123456(3)', () => {
    expect(c.validHkid('A123456(3)')).toBe(true);
    expect(c.validHkid('A123456(4)')).toBe(false);
  });
  it('Taiwan: A123456789', () => {
    expect(c.validTwId('A123456789')).toBe(true);
    expect(c.validTwId('A123456788')).toBe(false);
  });
  it('Canada: 046 454 286 passes Luhn but is refused (0 is not issued first)', () => {
    expect(c.validCaSin('046 454 286')).toBe(false);
    expect(c.validCaSin('146 454 286')).toBe(false);
  });
});

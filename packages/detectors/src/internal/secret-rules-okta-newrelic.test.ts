import { describe, expect, it } from 'vitest';
import { foundAs as found, tokenMaker } from './made-up-tokens.js';

// Deterministic made-up strings, shaped like the documented formats.
const { upperAlnum, b64url: urlSafe, hex } = tokenMaker(20261204);

// Okta API tokens are `00` + 40 URL-safe characters (Okta docs, "Create an API token").
// A letter and a digit at fixed places keep the made-up value from reading as filler.
const okta = (): string => `00${urlSafe(36)}q7Z${urlSafe(1)}`;

describe('okta-token: the name is a word, or the documented SSWS header', () => {
  const hits: Array<[string, (v: string) => string]> = [
    ['env variable', (v) => `OKTA_API_TOKEN=${v}`],
    ['SDK env variable', (v) => `export OKTA_CLIENT_TOKEN="${v}"`],
    ['dotted config key', (v) => `okta.client.token: ${v}`],
    ['camelCase, first word', (v) => `"oktaApiToken": "${v}",`],
    ['PascalCase, first word', (v) => `var OktaApiToken = "${v}";`],
    ['camelCase, inner word', (v) => `const myOktaToken = '${v}'`],
    ['upper-case inner word', (v) => `PROD_OKTA_KEY: ${v}`],
    ['prose label', (v) => `okta api token: ${v}`],
    ['SSWS header', (v) => `Authorization: SSWS ${v}`],
    [
      'SSWS in a curl line',
      (v) => `curl -H "Authorization: SSWS ${v}" https://dev-1.okta.com/api/v1/users`,
    ],
    ['lower-case scheme', (v) => `authorization: ssws ${v}`],
  ];
  for (const [name, text] of hits) {
    it(`finds it: ${name}`, () => {
      const v = okta();
      expect(found(text(v), 'okta-token')).toBe(v);
    });
  }

  /** regression: issue 12 */
  it('does not take "okta" inside another word for the vendor name', () => {
    for (const name of [
      'bookTable',
      'webhookTarget',
      'lookTab',
      'BOOKTAB',
      'brookta',
      'Smoktail',
    ]) {
      expect(found(`${name} = "${okta()}"`, 'okta-token'), name).toBeUndefined();
    }
  });

  /** regression: issue 12 */
  it('does not read `passwd` as the SSWS scheme', () => {
    // The old pattern's `sswd` matched inside `passwd`; a password is not an Okta token.
    expect(found(`passwd = "${okta()}"`, 'okta-token')).toBeUndefined();
  });

  it('needs the exact length after the scheme and a separator after the name', () => {
    expect(found(`Authorization: SSWS ${okta()}x`, 'okta-token')).toBeUndefined();
    expect(found(`Authorization: SSWS ${okta().slice(0, -1)}`, 'okta-token')).toBeUndefined();
    expect(found(`XSSWS ${okta()}`, 'okta-token')).toBeUndefined();
    expect(found(`okta ${okta()}`, 'okta-token')).toBeUndefined();
  });
});

describe('new-relic-key: the documented lengths, exactly', () => {
  const keys: Array<[string, () => string]> = [
    ['user key NRAK- + 27', () => `NRAK-${upperAlnum(25)}7Q`],
    ['insert key NRII- + 32', () => `NRII-${urlSafe(30)}k4`],
    ['query key NRIQ- + 32', () => `NRIQ-${urlSafe(30)}b8`],
    ['browser key NRJS- + 19 hex', () => `NRJS-${hex(19)}`],
    ['mobile app token AA + 40 hex + -NRMA', () => `AA${hex(40)}-NRMA`],
  ];
  for (const [name, make] of keys) {
    it(`finds the ${name}`, () => {
      const v = make();
      expect(found(`value: ${v}`, 'new-relic-key')).toBe(v);
      expect(found(`"X-Insert-Key": "${v}"`, 'new-relic-key')).toBe(v);
    });
  }

  /** regression: issue 12 */
  it('does not accept other lengths', () => {
    const misses = [
      `NRAK-${upperAlnum(26)}`,
      `NRAK-${upperAlnum(28)}`,
      `NRAK-${upperAlnum(20)}`,
      `NRII-${urlSafe(26)}a`,
      `NRII-${urlSafe(31)}`,
      `NRII-${urlSafe(33)}`,
      `NRIQ-${urlSafe(25)}`,
      `NRJS-${hex(18)}`,
      `NRJS-${hex(20)}`,
      `AA${hex(38)}-NRMA`,
      `AA${hex(41)}-NRMA`,
    ];
    for (const v of misses) {
      expect(found(`key ${v}`, 'new-relic-key'), v).toBeUndefined();
    }
  });

  it('keeps each key to its own alphabet', () => {
    // User keys are upper case; browser keys and mobile tokens are hex.
    expect(found(`NRAK-${upperAlnum(24)}abc`, 'new-relic-key')).toBeUndefined();
    expect(found(`NRJS-${hex(16)}xyz`, 'new-relic-key')).toBeUndefined();
    expect(found(`AA${hex(37)}XYZ-NRMA`, 'new-relic-key')).toBeUndefined();
  });
});

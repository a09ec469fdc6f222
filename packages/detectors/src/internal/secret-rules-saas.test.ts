import { describe, expect, it } from 'vitest';
import { foundAs as found, tokenMaker } from './made-up-tokens.js';

// Deterministic made-up strings, shaped like the documented formats.
const { alnum, lowerAlnum, hex, b58, b64url, uuid } = tokenMaker(1234567);
const b64 = (s: string): string => btoa(s);

const discordToken = (id: string): string =>
  `${b64(id).replace(/=+$/, '')}.${b64url(6)}.${b64url(38)}`;
const grafanaKey = b64(JSON.stringify({ k: alnum(32), n: 'ci-deploy', id: 42 }));

describe('SaaS secret rules: tokens in the documented format are found', () => {
  const cases: Array<[string, string, string]> = (() => {
    const out: Array<[string, string, string]> = [];
    const add = (type: string, text: (v: string) => string, value: string): void => {
      out.push([type, text(value), value]);
    };
    add('circleci-token', (v) => `export CIRCLE_TOKEN=${v}`, `CCIPAT_${b58(22)}_${hex(40)}`);
    add('circleci-token', (v) => `project token ${v}`, `CCIPRJ_${b58(22)}_${hex(40)}`);
    add('buildkite-token', (v) => `BUILDKITE_API_TOKEN=${v}`, `bkua_${lowerAlnum(40)}`);
    add('travis-ci-token', (v) => `TRAVIS_API_TOKEN: ${v}`, `${alnum(20)}9x`);
    add('sonarqube-token', (v) => `-Dsonar.host.url=https://sq.internal ${v}`, `squ_${hex(40)}`);
    add('sonarqube-token', (v) => `analysis ${v}`, `sqp_${hex(40)}`);
    add('sonar-token', (v) => `SONAR_TOKEN="${v}"`, hex(40));
    add('crates-io-token', (v) => `cargo login ${v}`, `cio${alnum(30)}7q`);
    add('npmrc-auth-token', (v) => `//registry.npmjs.org/:_authToken=${v}`, uuid());
    add(
      'docker-config-auth',
      (v) => `{"auths": {"https://index.docker.io/v1/": {"auth": "${v}"}}}`,
      b64(`deployer:${alnum(20)}`),
    );
    add('datadog-key', (v) => `DD_API_KEY=${v}`, hex(32));
    add('datadog-key', (v) => `datadog_application_key: "${v}"`, hex(40));
    add('datadog-token', (v) => `DD_PAT=${v}`, `ddpat_${alnum(30)}2x`);
    add('plaid-access-token', (v) => `access_token: "${v}"`, `access-production-${uuid()}`);
    add('hubspot-private-app-token', (v) => `HUBSPOT_TOKEN=${v}`, `pat-eu1-${uuid()}`);
    add(
      'onepassword-service-token',
      (v) => `OP_SERVICE_ACCOUNT_TOKEN=${v}`,
      `ops_${b64(JSON.stringify({ signInAddress: 'my.1password.com', userAuth: alnum(40) })).replace(/=+$/, '')}`,
    );
    add('new-relic-license-key', (v) => `license_key: ${v}`, `${hex(32)}FFFFNRAL`);
    add('new-relic-license-key', (v) => `NEW_RELIC_LICENSE_KEY=${v}`, `eu01xx${hex(26)}FFFFNRAL`);
    add('new-relic-license-key', (v) => `license_key: ${v}`, `${hex(36)}NRAL`);
    add('sentry-dsn', (v) => `SENTRY_DSN=https://${v}@o450123.ingest.sentry.io/5501234`, hex(32));
    add('grafana-legacy-key', (v) => `Authorization: Bearer ${v}`, grafanaKey);
    add('honeycomb-key', (v) => `x-honeycomb-team: ${v}`, `hcxik_${lowerAlnum(58)}`);
    add('discord-bot-token', (v) => `client.login("${v}")`, discordToken('873105268412739588'));
    add('twilio-auth-token', (v) => `TWILIO_AUTH_TOKEN=${v}`, hex(32));
    add('mailgun-key', (v) => `MAILGUN_API_KEY=${v}`, `${hex(32)}-${hex(8)}-${hex(8)}`);
    add('paypal-access-token', (v) => `access token ${v}`, `A21AA${b64url(92)}`);
    add(
      'braintree-sandbox-token',
      (v) => `BT_TOKEN=${v}`,
      `access_token$sandbox$${lowerAlnum(16)}$${hex(32)}`,
    );
    add('azure-devops-pat', (v) => `AZURE_DEVOPS_EXT_PAT=${v}`, `${alnum(76)}AZDO${alnum(4)}`);
    add('cloudflare-api-token', (v) => `CLOUDFLARE_API_TOKEN=${v}`, `${b64url(38)}7k`);
    add('heroku-api-key', (v) => `HEROKU_API_KEY=${v}`, uuid());
    add('vercel-token', (v) => `VERCEL_TOKEN=${v}`, `vcp_${alnum(22)}4Q`);
    add('supabase-secret-key', (v) => `SUPABASE_KEY=${v}`, `sb_secret_${b64url(31)}`);
    add('vault-legacy-token', (v) => `VAULT_TOKEN=${v}`, `s.${alnum(22)}3z`);
    add('cohere-api-key', (v) => `CO_API_KEY=${v}`, `${alnum(38)}5m`);
    add('mistral-api-key', (v) => `MISTRAL_API_KEY=${v}`, `${alnum(30)}8p`);
    return out;
  })();
  for (const [type, text, value] of cases) {
    it(`${type}`, () => {
      expect(found(text, type)).toBe(value);
    });
  }
});

describe('SaaS secret rules: near misses are not reported as the vendor token', () => {
  const misses: Array<[string, string]> = [
    ['circleci-token', `CCIPAT_${b58(22)}_${hex(39)}`],
    ['circleci-token', `ccipat_${b58(22)}_${hex(40)}`],
    ['buildkite-token', `bkua_${'a'.repeat(40)}`],
    ['sonarqube-token', `squ_${hex(39)}`],
    ['sonarqube-token', `xsqu_${hex(40)}`],
    ['sonar-token', `SONAR_HOST_URL=${hex(40)}`],
    ['crates-io-token', 'ciocolatacalda'.padEnd(35, 'x')],
    ['crates-io-token', `cio${alnum(33)}`],
    ['docker-config-auth', `{"auths": {"r.io": {"auth": "${b64('no-colon-here')}"}}}`],
    ['datadog-key', `commit ${hex(40)}`],
    ['datadog-key', `DD_API_KEY=${hex(31)}`],
    ['datadog-token', 'ddapp_configuration_settings_panel'],
    ['plaid-access-token', `public-sandbox-${uuid()}`],
    ['hubspot-private-app-token', `pat-na1-${hex(8)}-${hex(4)}`],
    ['onepassword-service-token', 'ops_eyJ'],
    ['new-relic-license-key', `${hex(31)}FFFFNRAL`],
    ['new-relic-license-key', `${hex(33)}FFFFNRAL`],
    ['new-relic-license-key', `${lowerAlnum(35)}NRAL`],
    ['new-relic-license-key', `${lowerAlnum(37)}NRAL`],
    ['grafana-legacy-key', `token eyJrIjoi${b64url(40)}`],
    ['honeycomb-key', `hcxik_${lowerAlnum(57)}`],
    ['discord-bot-token', discordToken('not-a-snowflake-id')],
    ['discord-bot-token', `${b64('873105268412739588')}.${b64url(5)}.${b64url(38)}`],
    ['discord-bot-token', `see ${discordToken('873105268412739588')}`],
    ['twilio-auth-token', `TWILIO_ACCOUNT_SID=AC${hex(32)}`],
    ['mailgun-key', `build ${hex(32)}-${hex(8)}-${hex(8)}`],
    ['paypal-access-token', `A21AA${b64url(40)}`],
    ['azure-devops-pat', `${alnum(75)}AZDO${alnum(5)}`],
    ['cloudflare-api-token', `CLOUDFLARE_ZONE_ID=${hex(32)}`],
    ['heroku-api-key', `HEROKU_APP_ID=${uuid()}`],
    ['vercel-token', 'vcp_configurationmanagerfactoryservice'],
    ['supabase-secret-key', `sb_publishable_${b64url(31)}`],
    ['vault-legacy-token', `VAULT_TOKEN=s.${alnum(23)}`],
    ['vault-legacy-token', 'VAULT_TOKEN=s.AbCdEfGhIjKlMnOpQrStUvWx'],
    ['mistral-api-key', `MISTRAL_MODEL=${'mistrallargelatestversionxx'}`],
  ];
  for (const [type, text] of misses) {
    it(`${type}: ${text.slice(0, 48)}`, () => {
      expect(found(text, type)).toBeUndefined();
    });
  }
});

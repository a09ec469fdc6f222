import { describe, expect, it } from 'vitest';
import { foundAs as found, tokenMaker } from './made-up-tokens.js';

// Deterministic made-up strings, shaped like the documented formats (issue 12, round 5).
const { alnum, hex, digits, uuid, b64url, from } = tokenMaker(20261205);
const b64 = from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const upper = from('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');

/** A hex run with a letter and a digit at fixed places, so it never reads as filler. */
const hx = (n: number): string => `a7${hex(n - 2)}`;
/** Letters and digits with both kinds at fixed places. */
const an = (n: number): string => `Q4${alnum(n - 2)}`;

type Case = {
  readonly type: string;
  /** The token alone. */
  readonly token: () => string;
  /** How the token is written in the hit case. */
  readonly hit: (t: string) => string;
  /** Texts that must not be reported as `type`, built from a fresh token. */
  readonly misses: ReadonlyArray<readonly [string, (t: string) => string]>;
};

const cases: readonly Case[] = [
  {
    type: 'cloudflare-api-token',
    token: () => `cfut_${an(40)}${hx(8)}`,
    hit: (t) => `CLOUDFLARE_API_TOKEN=${t}`,
    misses: [
      ['checksum cut short', (t) => `token ${t.slice(0, -1)}`],
      ['checksum not hex', (t) => `token ${t.slice(0, -1)}g`],
      ['prefix inside a word', (t) => `x${t}`],
    ],
  },
  {
    type: 'cloudflare-api-token',
    token: () => `cfk_${an(40)}${hx(8)}`,
    hit: (t) => `"${t}"`,
    misses: [['letters only', () => `cfk_${'abcdefghij'.repeat(5)}`]],
  },
  {
    type: 'e2b-api-key',
    token: () => `e2b_${hx(40)}`,
    hit: (t) => `Sandbox.create({ apiKey: '${t}' })`,
    misses: [
      ['39 hex', (t) => `e2b_${t.slice(5)}`],
      ['not hex', (t) => `${t.slice(0, -1)}g`],
    ],
  },
  {
    type: 'sendinblue-key',
    token: () => `xsmtpsib-${hx(64)}-${an(16)}`,
    hit: (t) => `smtp_password = ${t}`,
    misses: [['suffix too short', (t) => t.slice(0, -1)]],
  },
  {
    type: 'woocommerce-key',
    token: () => `ck_${hx(40)}`,
    hit: (t) => `consumer_key: '${t}'`,
    misses: [
      ['41 hex', (t) => `${t}b`],
      ['inside a word', (t) => `stack_${t.slice(3)}`],
    ],
  },
  {
    type: 'woocommerce-key',
    token: () => `cs_${hx(40)}`,
    hit: (t) => `WOOCOMMERCE_SECRET=${t}`,
    misses: [['upper-case hex', (t) => t.toUpperCase().replace('CS_', 'cs_')]],
  },
  {
    type: 'paystack-secret-key',
    token: () => `sk_live_${hx(40)}`,
    hit: (t) => `Authorization: Bearer ${t}`,
    misses: [['39 hex (a Stripe-shaped key)', (t) => t.slice(0, -1)]],
  },
  {
    type: 'xendit-secret-key',
    token: () => `xnd_development_${b64(54).replace(/^./, 'P4')}==`,
    hit: (t) => `XENDIT_SECRET_KEY="${t}"`,
    misses: [['body too short', (t) => `${t.slice(0, 40)} end`]],
  },
  {
    type: 'asana-pat',
    token: () => `2/${digits(16)}/${digits(16)}:${hx(32)}`,
    hit: (t) => `curl -H "Authorization: Bearer ${t}" https://app.asana.com/api/1.0/users/me`,
    misses: [
      ['31 hex', (t) => t.slice(0, -1)],
      ['a path, not a token', (t) => `/a${t}`],
    ],
  },
  {
    type: 'asana-pat',
    token: () => `1/${digits(13)}:${hx(32)}`,
    hit: (t) => `ASANA_TOKEN=${t}`,
    misses: [['ids too short', () => `1/1234567:${hx(32)}`]],
  },
  {
    type: 'zoho-oauth-token',
    token: () => `1000.${hx(32)}.${hx(32)}`,
    hit: (t) => `Authorization: Zoho-oauthtoken ${t}`,
    misses: [['version string', () => '1000.1.2']],
  },
  {
    type: 'bitwarden-access-token',
    token: () => `0.${uuid()}.${an(30)}:${b64(21)}A==`,
    hit: (t) => `export BWS_ACCESS_TOKEN=${t}`,
    misses: [
      ['key half not 16 bytes', (t) => t.replace(/:.*$/, `:${b64(20)}A==`)],
      ['version inside a number', (t) => `10.${t.slice(2)}`],
    ],
  },
  {
    type: 'configcat-sdk-key',
    token: () => `configcat-sdk-1/${b64url(22)}/${b64url(22)}`,
    hit: (t) => `configcat.getClient("${t}")`,
    misses: [['part too short', (t) => t.slice(0, -1)]],
  },
  {
    type: 'splunk-hec-token',
    token: uuid,
    hit: (t) =>
      `curl -H "Authorization: Splunk ${t}" https://hec.example.com:8088/services/collector`,
    misses: [['a bare UUID', (t) => `request id ${t}`]],
  },
  {
    type: 'splunk-hec-token',
    token: uuid,
    hit: (t) => `SPLUNK_HEC_TOKEN=${t}`,
    misses: [['an index name', (t) => `splunk_index = ${t}`]],
  },
  {
    type: 'opsgenie-api-key',
    token: uuid,
    hit: (t) => `-H 'Authorization: GenieKey ${t}'`,
    misses: [
      ['a team id', (t) => `opsgenie_team_id: ${t}`],
      ['a key id (review of round 5)', (t) => `OPSGENIE_API_KEY_ID: ${t}`],
    ],
  },
  {
    type: 'postmark-token',
    token: uuid,
    hit: (t) => `-H "X-Postmark-Server-Token: ${t}"`,
    misses: [['a message id', (t) => `postmark message id ${t}`]],
  },
  {
    type: 'postmark-token',
    token: uuid,
    hit: (t) => `POSTMARK_API_TOKEN: "${t}"`,
    misses: [['not a UUID', (t) => `POSTMARK_API_TOKEN: "${t.replaceAll('-', '')}"`]],
  },
  {
    type: 'google-chat-webhook',
    token: () =>
      `https://chat.googleapis.com/v1/spaces/AAAA${an(7)}/messages?key=AIzaSy${b64url(33)}&token=${b64url(43)}`,
    hit: (t) => `webhook_url: "${t}"`,
    misses: [['no token', (t) => t.replace(/&token=.*$/, '')]],
  },
  {
    type: 'logic-apps-webhook',
    token: () => b64url(43).replace(/^./, 'Z9'),
    hit: (t) =>
      `https://prod-12.westus.logic.azure.com:443/workflows/${hx(32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${t}`,
    misses: [
      ['no signature', () => 'https://prod-12.westus.logic.azure.com/workflows/x/runs?api=1'],
    ],
  },
  {
    type: 'ngrok-authtoken',
    token: () => `2${an(26)}_${an(21)}`,
    hit: (t) => `ngrok config add-authtoken ${t}`,
    misses: [
      ['a placeholder', () => 'ngrok config add-authtoken <token>'],
      ['too short', (t) => `ngrok authtoken ${t.slice(0, 30)}`],
    ],
  },
  {
    type: 'ngrok-authtoken',
    token: () => `2${an(26)}_${an(21)}`,
    hit: (t) => `authtoken: ${t}`,
    misses: [['letters only', () => `authtoken: ${'abcdefghij'.repeat(5)}`]],
  },
  {
    type: 'wandb-api-key',
    token: () => hx(40),
    hit: (t) => `!wandb login ${t}`,
    misses: [['39 hex', (t) => `wandb login ${t.slice(1)}`]],
  },
  {
    // Keys issued since early 2026 (review of round 5: they were missed).
    type: 'wandb-api-key',
    token: () => `wandb_v1_${an(77)}`,
    hit: (t) => `WANDB_API_KEY=${t}`,
    misses: [['76 characters', (t) => `export WANDB_API_KEY=${t.slice(0, -1)}`]],
  },
  {
    type: 'wandb-api-key',
    token: () => `wandb_v1_${an(77)}`,
    hit: (t) => `pasted the key ${t} into the notebook`,
    misses: [['a longer run', (t) => `see ${t}x`]],
  },
  {
    type: 'linode-token',
    token: () => hx(64),
    hit: (t) => `LINODE_TOKEN=${t}`,
    misses: [
      ['63 hex', (t) => `LINODE_TOKEN=${t.slice(1)}`],
      ['a hash of the key (review of round 5)', (t) => `linode_key_sha256 = ${t}`],
    ],
  },
  {
    type: 'hetzner-cloud-token',
    token: () => an(64),
    hit: (t) => `export HCLOUD_TOKEN="${t}"`,
    misses: [['wrong length', (t) => `HCLOUD_TOKEN="${t.slice(2)}"`]],
  },
  {
    type: 'vultr-api-key',
    token: () => `X7${upper(34)}`,
    hit: (t) => `VULTR_API_KEY=${t}`,
    misses: [
      ['35 characters', (t) => `VULTR_API_KEY=${t.slice(1)}`],
      ['lower case (the key is upper case)', (t) => `vultr_api_key = ${t.toLowerCase()}`],
    ],
  },
  {
    type: 'algolia-admin-key',
    token: () => hx(32),
    hit: (t) => `ALGOLIA_ADMIN_KEY: ${t}`,
    misses: [
      ['a search-only "API key" (review of round 5)', (t) => `ALGOLIA_API_KEY: ${t}`],
      ['a key id', (t) => `ALGOLIA_ADMIN_KEY_ID=${t}`],
    ],
  },
  {
    type: 'deepgram-api-key',
    token: () => hx(40),
    hit: (t) => `DEEPGRAM_API_KEY=${t}`,
    misses: [['not hex', (t) => `DEEPGRAM_API_KEY=${t.slice(1)}z`]],
  },
  {
    type: 'assemblyai-api-key',
    token: () => hx(32),
    hit: (t) => `aai.settings.api_key = "${t}"  # ASSEMBLYAI_API_KEY: ${t}`,
    misses: [['31 hex', (t) => `ASSEMBLYAI_API_KEY=${t.slice(1)}`]],
  },
  {
    type: 'azure-openai-key',
    token: () => hx(32),
    hit: (t) => `AZURE_OPENAI_API_KEY=${t}`,
    misses: [['the endpoint', () => 'AZURE_OPENAI_ENDPOINT=https://x.openai.azure.com/']],
  },
  {
    type: 'zendesk-api-token',
    token: () => an(40),
    hit: (t) => `zendesk_api_token: ${t}`,
    misses: [['the subdomain', () => 'zendesk_subdomain: acme']],
  },
  {
    type: 'fastly-api-token',
    token: () => an(32),
    hit: (t) => `FASTLY_API_TOKEN=${t}`,
    misses: [['31 characters', (t) => `FASTLY_API_TOKEN=${t.slice(1)}`]],
  },
  {
    type: 'codecov-token',
    token: uuid,
    hit: (t) => `CODECOV_TOKEN: ${t}`,
    misses: [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
      ['an Actions expression', () => 'CODECOV_TOKEN: ${{ secrets.CODECOV_TOKEN }}'],
    ],
  },
];

describe('round 5 service rules (issue 12): made-up tokens of the documented formats', () => {
  for (const c of cases) {
    it(`${c.type}: finds ${c.hit('…')}`, () => {
      const t = c.token();
      expect(found(c.hit(t), c.type)).toBe(t);
    });
    for (const [name, text] of c.misses) {
      it(`${c.type}: near miss, ${name}`, () => {
        expect(found(text(c.token()), c.type)).toBeUndefined();
      });
    }
  }

  it('a Paystack key is not typed as Stripe, and a Stripe key stays Stripe', () => {
    const pay = `sk_test_${hx(40)}`;
    expect(found(`key ${pay}`, 'paystack-secret-key')).toBe(pay);
    expect(found(`key ${pay}`, 'stripe-secret-key')).toBeUndefined();
    const stripe = `sk_live_${an(24)}Xy${alnum(20)}`;
    expect(found(`key ${stripe}`, 'stripe-secret-key')).toBe(stripe);
    expect(found(`key ${stripe}`, 'paystack-secret-key')).toBeUndefined();
  });
});

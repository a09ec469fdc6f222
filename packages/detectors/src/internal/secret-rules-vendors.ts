/**
 * Token formats of widely used developer services that the core and SaaS lists do not
 * cover: cloud (AWS Bedrock, Tencent, Yandex, Scaleway, Google OAuth refresh tokens, Firebase
 * Cloud Messaging), collaboration (Airtable, Figma, Contentful, ClickUp, Typeform, Trello,
 * Intercom, Dropbox, Frame.io, Adobe), CI/CD and infrastructure (Tailscale, Harness, Octopus
 * Deploy, Prefect, Render, Infracost, Kubernetes client keys), observability and feature
 * flags (PostHog, Axiom, LaunchDarkly), payments (Paddle, Midtrans, Mollie, GoCardless,
 * Duffel, Plaid secrets), messaging (MailerSend, Resend, Mapbox, Twitter/X, Salesforce) and
 * AI vendors (NVIDIA, Cerebras, Together, Fireworks, Tavily, Firecrawl, Langfuse,
 * ElevenLabs, and the `sk-` + 32 hex keys of DeepSeek, Alibaba DashScope and Moonshot).
 * Each rule is written from the vendor's documented prefix and layout; every rule carries a
 * literal keyword, so texts without one skip it.
 */
import type { Rule } from './rule.js';
import { ruleMaker } from './rule-builder.js';
import { assigned, b64, L, mixedFrom, R } from './secret-rule-parts.js';

const HEX = '[a-f0-9]';
const UUID = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;

const rule = ruleMaker({ category: 'secret', severity: 'high', confidence: 0.9 });

/** Intercom access tokens are base64 of `tok:` and a UUID-like identifier. */
function intercomToken(value: string): number {
  const plain = b64(value);
  return plain !== undefined && /^tok:[0-9a-f]{8}[-_][0-9a-f]{4}/i.test(plain) ? 0.95 : 0;
}

/** A kubeconfig `client-key-data` holds a PEM private key in base64. */
function kubeClientKey(value: string): number {
  const plain = b64(value.slice(0, 64));
  return plain !== undefined && /^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(plain) ? 0.97 : 0;
}

/** The vendor rules, registered after the SaaS and command-line lists. */
export const VENDOR_SECRET_RULES: readonly Rule[] = [
  // Cloud
  // Amazon Bedrock API keys: long-term `ABSK` + base64 of "BedrockAPIKey-…", short-term
  // `bedrock-api-key-` + base64 of a presigned bedrock.amazonaws.com URL (AWS Bedrock user guide).
  rule(
    'aws-bedrock-api-key',
    ['absk', 'bedrock-api-key-'],
    `${L}(?:ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{40,400}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{40,4000}={0,2})(?![A-Za-z0-9+/=])`,
    { severity: 'critical', confidence: 0.97 },
  ),
  // Tencent Cloud API SecretId: `AKID` + 32 letters and digits.
  rule('tencent-cloud-secret-id', ['akid'], `${L}AKID[A-Za-z0-9]{32}${R}`, {
    validate: mixedFrom(4, 0.85),
  }),
  // Yandex Cloud API key (`AQVN…`) and IAM token (`t1.…`).
  rule(
    'yandex-cloud-token',
    ['aqvn', 't1.'],
    `${L}(?:AQVN[A-Za-z0-9_\\-]{35,38}|t1\\.[A-Z0-9a-z_\\-]{20,200}={0,2}\\.[A-Z0-9a-z_\\-]{86}={0,2})${R}`,
    { viewTrigger: false, validate: mixedFrom(4) },
  ),
  // Scaleway: the secret key is a UUID, named SCW_SECRET_KEY in its CLI and SDKs.
  rule('scaleway-secret-key', ['scw'], assigned('scw[_\\-.]?secret[_\\-.]?key', UUID), {
    viewTrigger: false,
    group: 1,
    flags: 'i',
  }),
  // Google OAuth 2.0 refresh tokens start with `1//0`.
  rule('gcp-oauth-refresh-token', ['1//0'], `(?<![A-Za-z0-9/])1//0[A-Za-z0-9_\\-]{40,300}${R}`, {
    validate: mixedFrom(4, 0.85),
  }),
  // Firebase Cloud Messaging legacy server key: `AAAA` + 7, `:APA91b` + 134.
  rule(
    'firebase-fcm-server-key',
    [':apa91b'],
    `${L}AAAA[A-Za-z0-9_\\-]{7}:APA91b[A-Za-z0-9_\\-]{134}${R}`,
    { severity: 'critical', confidence: 0.95 },
  ),
  // Kubernetes kubeconfig: a client's private key, base64 of the PEM block.
  rule(
    'kubeconfig-client-key',
    ['client-key-data'],
    `client-key-data["']?\\s{0,3}:\\s{0,3}["']?(LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,20000}={0,2})`,
    { group: 1, severity: 'critical', validate: kubeClientKey, placeholderCheck: false },
  ),
  // Collaboration and content
  rule('airtable-pat', ['pat'], `${L}pat[A-Za-z0-9]{14}\\.${HEX}{64}${R}`, {
    viewTrigger: false,
    confidence: 0.95,
  }),
  rule('figma-token', ['figd_'], `${L}figd_[A-Za-z0-9_\\-]{38,64}${R}`, {
    validate: mixedFrom(5),
  }),
  rule('contentful-token', ['cfpat-'], `${L}CFPAT-[A-Za-z0-9_\\-]{43}${R}`),
  rule('clickup-token', ['pk_'], `${L}pk_\\d{4,12}_[A-Z0-9]{32}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(3),
  }),
  rule('typeform-token', ['tfp_'], `${L}tfp_[A-Za-z0-9_\\-.=]{40,80}${R}`, {
    validate: mixedFrom(4),
  }),
  rule('trello-token', ['atta'], `${L}ATTA[A-Za-z0-9_\\-=]{59,80}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(4, 0.85),
  }),
  rule('intercom-token', ['dg9ro'], `${L}dG9rO[A-Za-z0-9+/_\\-]{40,100}={0,2}`, {
    validate: intercomToken,
  }),
  rule('dropbox-token', ['sl.'], `${L}sl\\.(?:u\\.)?[A-Za-z0-9_\\-]{130,1500}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(3),
  }),
  rule('frameio-token', ['fio-u-'], `${L}fio-u-[A-Za-z0-9_\\-=]{64}${R}`),
  rule('adobe-client-secret', ['p8e-'], `${L}p8e-[A-Za-z0-9_\\-]{32}${R}`, {
    validate: mixedFrom(4),
  }),
  // CI/CD and infrastructure
  rule(
    'tailscale-key',
    ['tskey-'],
    `${L}tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,24}-[A-Za-z0-9]{16,64}${R}`,
    { severity: 'critical', validate: mixedFrom(10) },
  ),
  rule(
    'harness-token',
    ['pat.', 'sat.'],
    `${L}[ps]at\\.[A-Za-z0-9_\\-]{22}\\.${HEX}{24}\\.[A-Za-z0-9]{20}${R}`,
  ),
  rule(
    'octopus-deploy-key',
    ['api-'], // Not inside a URL path, where `API-…` is a page slug.
    `(?<![A-Za-z0-9_\\-/])API-[A-Z0-9]{26,27}${R}`,
    {
      validate: (v) => ((v.slice(4).match(/\d/g)?.length ?? 0) >= 3 ? 0.85 : 0),
    },
  ),
  rule('prefect-api-key', ['pnu_'], `${L}pnu_[A-Za-z0-9]{36}${R}`, { validate: mixedFrom(4) }),
  rule('render-api-key', ['rnd_'], `${L}rnd_[A-Za-z0-9]{32}${R}`, { validate: mixedFrom(4) }),
  rule('infracost-key', ['ico-'], `${L}ico-[A-Za-z0-9]{32}${R}`, { validate: mixedFrom(4) }),
  // Observability and feature flags
  rule('posthog-personal-key', ['phx_'], `${L}phx_[A-Za-z0-9]{40,50}${R}`, {
    validate: mixedFrom(4),
  }),
  rule('axiom-token', ['xaat-', 'xapt-'], `${L}xa[ap]t-${UUID}${R}`),
  rule(
    'launchdarkly-key',
    [
      'launchdarkly',
      'launch_darkly',
      'launch darkly',
      'ld_api',
      'ld-api',
      'ldapi',
      'ld_sdk',
      'ld-sdk',
      'ldsdk',
    ],
    `${L}(?:api|sdk)-${UUID}${R}`,
    {
      viewTrigger: false,
      context: /launch[_ ]?darkly|\bld[_-]?(?:api|sdk)/i,
      needContext: true,
      confidence: 0.85,
    },
  ),
  // Payments
  rule(
    'paddle-api-key',
    ['pdl_live_', 'pdl_sdbx_'],
    `${L}pdl_(?:live|sdbx)_apikey_[a-z0-9]{20,32}_[A-Za-z0-9]{16,32}_[A-Za-z0-9]{3}${R}`,
    { severity: 'critical' },
  ),
  rule('midtrans-server-key', ['mid-server-'], `${L}(?:SB-)?Mid-server-[A-Za-z0-9_\\-]{24}${R}`, {
    severity: 'critical',
  }),
  rule(
    'mollie-key',
    ['mollie'],
    assigned('mollie', '(?:live|test)_[A-Za-z0-9]{30}|access_[A-Za-z0-9]{40}'),
    { viewTrigger: false, group: 1, flags: 'i', validate: mixedFrom(5) },
  ),
  rule(
    'gocardless-token',
    ['gocardless'],
    assigned('gocardless', '(?:live|sandbox)_[A-Za-z0-9_\\-]{40}'),
    { viewTrigger: false, group: 1, flags: 'i', validate: mixedFrom(5) },
  ),
  rule('duffel-token', ['duffel_'], `${L}duffel_(?:test|live)_[A-Za-z0-9_\\-=]{43}${R}`),
  rule('plaid-secret', ['plaid'], assigned('plaid[A-Za-z0-9_.\\-]{0,12}secret', `${HEX}{30}`), {
    viewTrigger: false,
    group: 1,
    flags: 'i',
  }),
  // Messaging, maps, social and CRM
  rule('mailersend-token', ['mlsn.'], `${L}mlsn\\.${HEX}{64}${R}`),
  rule('resend-api-key', ['re_'], `${L}re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(3, 0.85),
  }),
  rule(
    'mapbox-secret-token',
    ['sk.eyj'],
    `${L}sk\\.eyJ[A-Za-z0-9_\\-]{20,300}\\.[A-Za-z0-9_\\-]{20,40}${R}`,
  ),
  rule('twitter-bearer-token', ['aaaaaaaaaaaaaaaaaaaa'], `${L}A{20}[A-Za-z0-9%]{80,130}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(20),
    placeholderCheck: false,
  }),
  rule('salesforce-access-token', ['00d'], `${L}00D[A-Za-z0-9]{12,15}![A-Za-z0-9_.]{90,110}${R}`, {
    viewTrigger: false,
    gate: /![A-Za-z0-9_.]{90}/,
    severity: 'critical',
  }),
  // AI vendors
  rule('nvidia-api-key', ['nvapi-'], `${L}nvapi-[A-Za-z0-9_\\-]{64}${R}`, {
    validate: mixedFrom(6),
  }),
  rule('cerebras-api-key', ['csk-'], `${L}csk-[a-z0-9]{48}${R}`, { validate: mixedFrom(4) }),
  rule('together-api-key', ['tgp_v1_'], `${L}tgp_v1_[A-Za-z0-9_\\-]{43}${R}`),
  rule('fireworks-api-key', ['fw_'], `${L}fw_[A-Za-z0-9]{24}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(3),
  }),
  rule('tavily-api-key', ['tvly-'], `${L}tvly-(?:dev-|prod-)?[A-Za-z0-9]{32}${R}`, {
    validate: mixedFrom(5),
  }),
  rule('firecrawl-api-key', ['fc-'], `${L}fc-${HEX}{32}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(3, 0.85),
  }),
  rule('langfuse-secret-key', ['sk-lf-'], `${L}sk-lf-${UUID}${R}`),
  rule('elevenlabs-api-key', ['sk_'], `${L}sk_${HEX}{48}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(3, 0.85),
  }),
  // DeepSeek, Alibaba DashScope and Moonshot keys: `sk-` and 32 lower-case hex digits.
  rule('llm-api-key', ['sk-'], `${L}sk-${HEX}{32}${R}`, { validate: mixedFrom(3, 0.85) }),
];

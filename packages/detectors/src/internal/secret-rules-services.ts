/**
 * Token formats of widely used services added in issue 12's fifth round: Cloudflare's
 * scannable tokens, E2B, Brevo SMTP keys, WooCommerce, Paystack, Xendit, Asana, Zoho,
 * Bitwarden Secrets Manager, ConfigCat; the documented header schemes of Splunk HEC, Opsgenie
 * and Postmark; Google Chat and Azure Logic Apps / Power Automate (Teams workflows) webhook
 * URLs; the ngrok and Weights & Biases command-line logins; and the documented configuration
 * names of providers whose keys carry no prefix (Linode, Hetzner Cloud, Vultr, Algolia,
 * Deepgram, AssemblyAI, Azure OpenAI, Zendesk, Fastly, Codecov). Each rule is written from
 * the vendor's documented prefix, layout or configuration name; every rule carries a literal
 * keyword, so texts without one skip it.
 */
import type { Rule } from './rule.js';
import { ruleMaker } from './rule-builder.js';
import { assigned, b64, L, mixedFrom, R } from './secret-rule-parts.js';

const HEX = '[a-f0-9]';
const UUID = '[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}';

const rule = ruleMaker({ category: 'secret', severity: 'high', confidence: 0.9 });

/** Cloudflare's scannable tokens: the 40-character body after the prefix mixes letters and digits. */
function cloudflareToken(value: string): number {
  return mixedFrom(value.indexOf('_') + 1, 0.95)(value);
}

/** Bitwarden access token: `0.` + UUID + `.` + client secret + `:` + base64 of a 16-byte key. */
function bitwardenToken(value: string): number {
  const key = value.slice(value.lastIndexOf(':') + 1);
  const raw = b64(key);
  return raw !== undefined && raw.length === 16 ? 0.95 : 0;
}

/** Paystack keys are 40 lower-case hex digits, which a Stripe key never is: outrank Stripe. */
const paystack = (v: string): number => (v.includes('_live_') ? 0.98 : 0.85);

/** The fifth-round service rules, registered after the vendor list. */
export const SERVICE_SECRET_RULES: readonly Rule[] = [
  // Cloudflare's scannable format: `cfk_` (global key), `cfut_` (user token), `cfat_` (account
  // token), 40 letters and digits, then the checksum: 8 hex digits, a 32-bit value (Cloudflare
  // docs, "Token formats").
  rule(
    'cloudflare-api-token',
    ['cfk_', 'cfut_', 'cfat_'],
    `${L}cf(?:k|ut|at)_[A-Za-z0-9]{40}[a-f0-9]{8}${R}`,
    { viewTrigger: false, severity: 'critical', validate: cloudflareToken },
  ),
  // E2B: `e2b_` + 40 hex digits (the SDK's own format check).
  rule('e2b-api-key', ['e2b_'], `${L}e2b_${HEX}{40}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(4),
  }),
  // Brevo (Sendinblue) SMTP keys: `xsmtpsib-` + 64 hex + `-` + 16 letters and digits.
  rule('sendinblue-key', ['xsmtpsib-'], `${L}xsmtpsib-${HEX}{64}-[A-Za-z0-9]{16}${R}`, {
    confidence: 0.95,
  }),
  // WooCommerce REST API consumer key and secret: `ck_` / `cs_` + 40 hex digits.
  rule('woocommerce-key', ['ck_', 'cs_'], `${L}c[ks]_${HEX}{40}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(3),
  }),
  // Paystack secret keys: `sk_live_` / `sk_test_` + 40 hex digits.
  rule('paystack-secret-key', ['sk_live_', 'sk_test_'], `${L}sk_(?:live|test)_${HEX}{40}${R}`, {
    severity: 'critical',
    validate: paystack,
  }),
  // Xendit secret keys: `xnd_development_` / `xnd_production_` + base64.
  rule(
    'xendit-secret-key',
    ['xnd_development_', 'xnd_production_'],
    `${L}xnd_(?:development|production)_[A-Za-z0-9+/]{40,100}={0,2}(?![A-Za-z0-9+/=])`,
    { severity: 'critical', validate: mixedFrom(16) },
  ),
  // Asana personal access tokens: `1/` or `2/`, the user's (and app's) numeric ids, `:`, 32 hex.
  rule('asana-pat', ['1/', '2/'], `(?<![A-Za-z0-9/])[12]/\\d{8,20}(?:/\\d{8,20})?:${HEX}{32}${R}`, {
    viewTrigger: false,
    gate: /:[a-f0-9]{32}/,
  }),
  // Zoho OAuth access and refresh tokens: `1000.` + 32 hex + `.` + 32 hex.
  rule('zoho-oauth-token', ['1000.'], `${L}1000\\.${HEX}{32}\\.${HEX}{32}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(5),
  }),
  // Bitwarden Secrets Manager access tokens: `0.` + machine account UUID + `.` + secret + `:` +
  // base64 of the 16-byte encryption key.
  rule(
    'bitwarden-access-token',
    ['0.'],
    `(?<![A-Za-z0-9.])0\\.${UUID}\\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==`,
    {
      viewTrigger: false,
      severity: 'critical',
      gate: /:[A-Za-z0-9+/]{22}==/,
      validate: bitwardenToken,
    },
  ),
  // ConfigCat SDK keys (v2): `configcat-sdk-1/` + 22 + `/` + 22 URL-safe characters.
  rule(
    'configcat-sdk-key',
    ['configcat-sdk-1/'],
    `${L}configcat-sdk-1/[A-Za-z0-9_\\-]{22}/[A-Za-z0-9_\\-]{22}${R}`,
    { severity: 'medium', confidence: 0.85 },
  ),
  // Documented header schemes: `Authorization: Splunk <HEC token>`, `GenieKey <key>`,
  // `X-Postmark-Server-Token` / `X-Postmark-Account-Token`, each a UUID.
  rule('splunk-hec-token', ['splunk'], `(?<![A-Za-z0-9])Splunk\\s{1,3}(${UUID})${R}`, {
    group: 1,
    flags: 'i',
  }),
  rule('splunk-hec-token', ['splunk'], assigned('splunk[_\\-.]?(?:hec[_\\-.]?)?token', UUID), {
    group: 1,
    flags: 'i',
    viewTrigger: false,
  }),
  rule('opsgenie-api-key', ['geniekey'], `(?<![A-Za-z0-9])GenieKey\\s{1,3}(${UUID})${R}`, {
    group: 1,
    flags: 'i',
  }),
  rule(
    'opsgenie-api-key',
    ['opsgenie'],
    assigned('opsgenie[_\\-.]?(?:api[_\\-.]?)?(?:key|token)', UUID),
    { group: 1, flags: 'i', viewTrigger: false },
  ),
  rule(
    'postmark-token',
    ['x-postmark-server-token', 'x-postmark-account-token'],
    `X-Postmark-(?:Server|Account)-Token["']?\\s{0,3}[:=,]\\s{0,3}["']?(${UUID})${R}`,
    { group: 1, flags: 'i' },
  ),
  rule(
    'postmark-token',
    ['postmark'],
    assigned('postmark[_\\-.]?(?:server|account|api)?[_\\-.]?(?:key|token)', UUID),
    { group: 1, flags: 'i', viewTrigger: false },
  ),
  // Webhook URLs that carry their own credential.
  rule(
    'google-chat-webhook',
    ['chat.googleapis.com'],
    `https://chat\\.googleapis\\.com/v1/spaces/[A-Za-z0-9_\\-]{6,20}/messages\\?key=[A-Za-z0-9_\\-]{39}&token=[A-Za-z0-9_\\-%]{40,60}`,
  ),
  rule(
    'logic-apps-webhook',
    ['logic.azure.com', 'environment.api.powerplatform.com'],
    `https://[a-z0-9.\\-]{1,80}\\.(?:logic\\.azure\\.com|environment\\.api\\.powerplatform\\.com)(?::443)?/[^\\s"'<>?]{1,300}\\?[^\\s"'<>]{0,300}?sig=([A-Za-z0-9_\\-%]{40,60})`,
    { group: 1 },
  ),
  // Command-line logins that take the credential as an argument.
  rule(
    'ngrok-authtoken',
    ['authtoken'],
    `(?:ngrok(?:\\s{1,3}config)?\\s{1,3}add-authtoken|ngrok\\s{1,3}authtoken|NGROK_AUTHTOKEN["']?\\s{0,3}[:=]|authtoken["']?\\s{0,3}:)\\s{0,3}["']?([A-Za-z0-9_]{40,60})(?![A-Za-z0-9_\\-])`,
    { group: 1, validate: mixedFrom(0, 0.85) },
  ),
  rule(
    'wandb-api-key',
    ['wandb'],
    // Keys issued since early 2026 are `wandb_v1_` + 77 characters (86 in all; SDK 0.22.3 and
    // later); the older form is 40 hex digits, `local-` + 40 on a local server.
    `(?:wandb\\s{1,3}login(?:\\s{1,3}--relogin)?|WANDB_API_KEY["']?\\s{0,3}[:=]|wandb\\.login\\(\\s{0,3}key\\s{0,3}=)\\s{0,3}["']?((?:local-)?${HEX}{40}|wandb_v1_[A-Za-z0-9_]{77})${R}`,
    { group: 1, viewTrigger: false, validate: mixedFrom(0) },
  ),
  // The current W&B key on its own: `wandb_v1_` + 77 letters, digits and underscores.
  rule('wandb-api-key', ['wandb_v1_'], `${L}wandb_v1_[A-Za-z0-9_]{77}${R}`, {
    viewTrigger: false,
    validate: mixedFrom(9),
  }),
  // Keys without a prefix, under the configuration names the providers document.
  rule(
    'linode-token',
    ['linode'],
    assigned('linode[_\\-.]?(?:api[_\\-.]?)?(?:token|key)', `${HEX}{64}`),
    {
      group: 1,
      flags: 'i',
      viewTrigger: false,
    },
  ),
  rule(
    'hetzner-cloud-token',
    ['hcloud', 'hetzner'],
    assigned('(?:hcloud|hetzner)[_\\-.]?(?:api[_\\-.]?)?token', '[A-Za-z0-9]{64}'),
    { group: 1, flags: 'i', viewTrigger: false, validate: mixedFrom(0) },
  ),
  // The name in any case; the key itself is 36 upper-case letters and digits.
  rule(
    'vultr-api-key',
    ['vultr'],
    assigned('[Vv][Uu][Ll][Tt][Rr][_\\-.]?[Aa][Pp][Ii][_\\-.]?[Kk][Ee][Yy]', '[A-Z0-9]{36}'),
    {
      group: 1,
      viewTrigger: false,
      validate: mixedFrom(0),
    },
  ),
  rule(
    'algolia-admin-key',
    ['algolia'],
    // Not `api`: an Algolia "API key" is often the public search-only key.
    assigned('algolia[_\\-.]?(?:admin|write)[_\\-.]?key', `${HEX}{32}`),
    { group: 1, flags: 'i', viewTrigger: false, validate: mixedFrom(0) },
  ),
  rule(
    'deepgram-api-key',
    ['deepgram'],
    assigned('deepgram[_\\-.]?(?:api[_\\-.]?)?key', `${HEX}{40}`),
    {
      group: 1,
      flags: 'i',
      viewTrigger: false,
      validate: mixedFrom(0),
    },
  ),
  rule(
    'assemblyai-api-key',
    ['assemblyai', 'assembly_ai', 'assembly-ai', 'assembly.ai'],
    assigned('assembly[_\\-.]?ai[_\\-.]?(?:api[_\\-.]?)?key', `${HEX}{32}`),
    { group: 1, flags: 'i', viewTrigger: false, validate: mixedFrom(0) },
  ),
  rule(
    'azure-openai-key',
    ['azure_openai', 'azure-openai', 'azure.openai', 'azureopenai'],
    assigned('azure[_\\-.]?openai[_\\-.]?(?:api[_\\-.]?)?key', `${HEX}{32}|[A-Za-z0-9]{84}`),
    { group: 1, flags: 'i', viewTrigger: false, validate: mixedFrom(0) },
  ),
  rule(
    'zendesk-api-token',
    ['zendesk'],
    assigned('zendesk[_\\-.]?(?:api[_\\-.]?)?token', '[A-Za-z0-9]{40}'),
    { group: 1, flags: 'i', viewTrigger: false, validate: mixedFrom(0) },
  ),
  rule(
    'fastly-api-token',
    ['fastly'],
    assigned('fastly[_\\-.]?api[_\\-.]?(?:token|key)', '[A-Za-z0-9_\\-]{32}'),
    { group: 1, flags: 'i', viewTrigger: false, validate: mixedFrom(0) },
  ),
  rule('codecov-token', ['codecov'], assigned('codecov[_\\-.]?(?:upload[_\\-.]?)?token', UUID), {
    group: 1,
    flags: 'i',
    viewTrigger: false,
  }),
];

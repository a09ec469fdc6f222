import type { Rule } from './rule.js';
import { ruleMaker } from './rule-builder.js';
import { assigned, b64, L, R } from './secret-rule-parts.js';

const HEX = '[a-fA-F0-9]';
const UUID = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;

const rule = ruleMaker({ category: 'secret', severity: 'high', confidence: 0.9 });

/** A random token holds both letters and digits; an identifier usually does not. */
const mixed = (v: string, from: number): number =>
  /\d/.test(v.slice(from)) && /[A-Za-z]/.test(v.slice(from)) ? 0.9 : 0;

/** Discord bot token: the first part is the bot's user id (a snowflake) in base64. */
function discordBot(value: string): number {
  const id = b64(value.slice(0, value.indexOf('.')));
  return id !== undefined && /^[1-9]\d{16,19}$/.test(id) ? 0.95 : 0;
}

/** Grafana's legacy API key is base64 of a JSON object with `k`, `n` and `id`. */
function grafanaLegacy(value: string): number {
  const json = b64(value);
  if (json === undefined) return 0;
  try {
    const o: unknown = JSON.parse(json);
    return typeof o === 'object' && o !== null && 'k' in o && 'id' in o ? 0.95 : 0;
  } catch {
    // Not JSON: not a Grafana key.
    return 0;
  }
}

/** Docker's config.json `auth` is base64 of `user:password`. */
function dockerAuth(value: string): number {
  const plain = b64(value);
  if (plain === undefined) return 0;
  const colon = plain.indexOf(':');
  return colon > 0 && colon < plain.length - 1 && /^[\x20-\x7e]+$/.test(plain) ? 0.9 : 0;
}

/** The SaaS rules, registered after the core list. */
export const SAAS_SECRET_RULES: readonly Rule[] = [
  // CI
  rule(
    'circleci-token',
    ['ccipat_', 'cciprj_'],
    `${L}CCIP(?:AT|RJ)_[1-9A-HJ-NP-Za-km-z]{16,24}_${HEX}{40}${R}`,
    { confidence: 0.97 },
  ),
  rule(
    'buildkite-token',
    ['bkua_', 'bkaa_', 'bkaj_'],
    `${L}bk(?:ua|aa|aj)_[A-Za-z0-9_\\-]{40,1000}${R}`,
    { validate: (v) => mixed(v, 5) },
  ),
  rule(
    'travis-ci-token',
    ['travis'],
    assigned('travis[A-Za-z0-9_.\\-]{0,12}(?:token|key)', '[A-Za-z0-9_\\-]{22}'),
    {
      group: 1,
      flags: 'i',
      confidence: 0.8,
    },
  ),
  // Code quality and security scanners
  rule('sonarqube-token', ['squ_', 'sqp_', 'sqa_'], `${L}sq[upa]_${HEX}{40}${R}`),
  rule(
    'sonar-token',
    ['sonar'],
    assigned('sonar[A-Za-z0-9_.\\-]{0,12}(?:token|login)', `${HEX}{40}`),
    {
      group: 1,
      flags: 'i',
      confidence: 0.85,
    },
  ),
  // Package registries
  rule('crates-io-token', ['cio'], `${L}cio[A-Za-z0-9]{32}${R}`, {
    validate: (v) => mixed(v, 3),
  }),
  rule(
    'npmrc-auth-token',
    ['_authtoken'],
    `:_authToken\\s{0,3}=\\s{0,3}["']?([A-Za-z0-9_\\-.+/=]{20,200})(?![A-Za-z0-9_\\-.+/=])`,
    { group: 1, flags: 'i', validate: (v) => mixed(v, 0) },
  ),
  rule(
    'docker-config-auth',
    ['"auths"'],
    `"auths"\\s{0,3}:\\s{0,3}\\{[^}]{0,300}?"auth"\\s{0,3}:\\s{0,3}"([A-Za-z0-9+/]{8,400}={0,2})"`,
    { group: 1, validate: dockerAuth },
  ),
  // Observability
  rule(
    'datadog-key',
    [
      'datadog',
      'ddapi',
      'ddapp',
      'dd_api',
      'dd_app',
      'dd-api',
      'dd-app',
      'dd.api',
      'dd.app',
      'dd api',
      'dd app',
    ],
    assigned(
      '(?:datadog|dd)[_\\-. ]?(?:api|app(?:lication)?)[_\\-. ]?key',
      `${HEX}{40}|${HEX}{32}`,
    ),
    { group: 1, flags: 'i' },
  ),
  rule(
    'datadog-token',
    ['ddpat_', 'ddsat_', 'ddapp_'],
    `${L}dd(?:pat|sat|app)_[A-Za-z0-9_\\-]{20,80}${R}`,
    { validate: (v) => mixed(v, 6) },
  ),
  // 40 characters ending in `NRAL`: 32 lower-case letters and digits (hex, or `eu01xx` + hex
  // for the EU region) then `FFFFNRAL`, or 36 of them then `NRAL` (keys of both kinds are in use).
  rule('new-relic-license-key', ['nral'], `${L}(?:[a-z0-9]{32}FFFF|[a-z0-9]{36})NRAL${R}`),
  rule(
    'sentry-dsn',
    ['sentry.io'],
    `https://(${HEX}{32})(?::${HEX}{32})?@[a-z0-9][a-z0-9.\\-]{0,100}\\.sentry\\.io/\\d{1,12}`,
    { group: 1, severity: 'medium', confidence: 0.7 },
  ),
  rule('grafana-legacy-key', ['eyjrijoi'], `${L}eyJrIjoi[A-Za-z0-9+/]{40,300}={0,2}`, {
    validate: grafanaLegacy,
  }),
  rule('honeycomb-key', ['ik_'], `${L}hc[a-z]ik_[A-Za-z0-9]{58}${R}`),
  // Messaging
  rule(
    'discord-bot-token',
    // No literal in the token itself: it counts after a word that names it (the bot's login).
    ['discord', 'bot', 'token', 'client.login', 'client.run'],
    `${L}[MNO][A-Za-z0-9_\\-]{22,26}\\.[A-Za-z0-9_\\-]{6}\\.[A-Za-z0-9_\\-]{27,38}${R}`,
    {
      validate: discordBot,
      gate: /\.[A-Za-z0-9_-]{6}\./,
      context: /discord|bot|token|client\.login|client\.run/i,
      needContext: true,
    },
  ),
  rule(
    'twilio-auth-token',
    ['twilio'],
    assigned('twilio[A-Za-z0-9_.\\-]{0,20}(?:auth|secret)', `${HEX}{32}`),
    { group: 1, flags: 'i' },
  ),
  rule('mailgun-key', ['mailgun'], assigned('mailgun', `${HEX}{32}-${HEX}{8}-${HEX}{8}`), {
    group: 1,
    flags: 'i',
  }),
  // Payments
  rule('paypal-access-token', ['a21aa'], `${L}A21AA[A-Za-z0-9_\\-]{80,200}${R}`, {
    confidence: 0.85,
  }),
  rule(
    'plaid-access-token',
    ['access-sandbox-', 'access-development-', 'access-production-'],
    `${L}access-(?:sandbox|development|production)-${UUID}${R}`,
    { severity: 'critical' },
  ),
  rule(
    'braintree-sandbox-token',
    ['access_token$sandbox$'],
    `access_token\\$sandbox\\$[a-z0-9]{16}\\$${HEX}{32}`,
    { severity: 'medium', confidence: 0.7 },
  ),
  // Cloud and platform vendors
  rule('azure-devops-pat', ['azdo'], `${L}[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}${R}`, {
    severity: 'critical',
    confidence: 0.95,
  }),
  rule(
    'cloudflare-api-token',
    ['cloudflare', 'cf_api', 'cf-api', 'cfapi', 'cf.api', 'cf api'],
    assigned(
      '(?:cloudflare|cf)[_\\-. ]?api[_\\-. ]?(?:token|key)',
      `[A-Za-z0-9_\\-]{40}|${HEX}{37}`,
    ),
    { group: 1, flags: 'i', validate: (v) => mixed(v, 0) },
  ),
  rule('heroku-api-key', ['heroku'], assigned('heroku[A-Za-z0-9_.\\-]{0,12}(?:key|token)', UUID), {
    group: 1,
    flags: 'i',
    confidence: 0.85,
  }),
  rule(
    'vercel-token',
    ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    `${L}vc[piark]_[A-Za-z0-9]{24,80}${R}`,
    {
      validate: (v) => mixed(v, 4),
    },
  ),
  rule(
    'hubspot-private-app-token',
    ['pat-na', 'pat-eu', 'pat-ap'],
    `${L}pat-(?:na|eu|ap)\\d-${UUID}${R}`,
  ),
  rule('onepassword-service-token', ['ops_eyj'], `${L}ops_eyJ[A-Za-z0-9_\\-]{60,2000}={0,2}`, {
    severity: 'critical',
  }),
  rule('supabase-secret-key', ['sb_secret_'], `${L}sb_secret_[A-Za-z0-9_\\-]{20,80}${R}`, {
    severity: 'critical',
  }),
  rule('vault-legacy-token', ['vault'], assigned('vault', 's\\.[A-Za-z0-9]{24}'), {
    group: 1,
    flags: 'i',
    confidence: 0.85,
    validate: (v) => mixed(v, 2),
  }),
  // AI vendors without a distinctive prefix
  rule('cohere-api-key', ['cohere', 'co_api'], assigned('(?:cohere|co_api)', '[A-Za-z0-9]{40}'), {
    group: 1,
    flags: 'i',
    validate: (v) => mixed(v, 0),
  }),
  rule('mistral-api-key', ['mistral'], assigned('mistral', '[A-Za-z0-9]{32}'), {
    group: 1,
    flags: 'i',
    validate: (v) => mixed(v, 0),
  }),
];

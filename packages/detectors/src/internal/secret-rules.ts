import { base62, crc32 } from './checksums.js';
import { isPlaceholder } from './placeholder.js';
import type { Rule } from './rule.js';
import { ruleMaker } from './rule-builder.js';
import { L, R } from './secret-rule-parts.js';
import { CLI_SECRET_RULES, CREDENTIAL_NOUN } from './secret-rules-cli.js';
import { SAAS_SECRET_RULES } from './secret-rules-saas.js';
import { SERVICE_SECRET_RULES } from './secret-rules-services.js';
import { VENDOR_SECRET_RULES } from './secret-rules-vendors.js';

const rule = ruleMaker({ category: 'secret', severity: 'high', confidence: 0.9 });

/** GitHub's new tokens end in base62(crc32(prefix_random)) over 6 characters. */
function githubChecksum(value: string): number {
  const body = value.slice(0, -6);
  const want = base62(crc32(body), 6);
  return want === value.slice(-6) ? 0.99 : 0;
}

/** npm granular tokens share GitHub's checksum scheme over the 30 random characters. */
function npmChecksum(value: string): number {
  const random = value.slice(4, 34);
  return base62(crc32(random), 6) === value.slice(-6) ? 0.99 : 0.6;
}

function b64urlJson(part: string): unknown {
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return JSON.parse(bin);
  } catch {
    // Not base64 JSON: the candidate is not a JWT; callers treat undefined as "reject".
    return undefined;
  }
}

/** A JWT's header must decode to a JSON object naming an algorithm. */
function jwtValid(value: string): number {
  const [h] = value.split('.');
  const header = b64urlJson(h ?? '');
  if (typeof header !== 'object' || header === null) return 0;
  const alg = (header as { alg?: unknown }).alg;
  if (typeof alg !== 'string') return 0;
  return alg.toLowerCase() === 'none' ? 0.5 : 0.95;
}

/** AWS access key ids are base32 after the four-letter prefix. */
function awsKeyId(value: string): number {
  return value.endsWith('EXAMPLE') ? 0 : 0.95;
}

/** A private key block needs a real body, not `...` or a one-line filler. */
function pemBody(value: string): number {
  const body = value.replace(/-----[A-Z ]+-----/g, '').replace(/[\s\\n]/g, '');
  if (body.length < 64) return 0;
  if (/\.\.\.|xxxx|<|\*\*\*/i.test(body)) return 0;
  return 0.99;
}

/** A URL or connection-string password must not be a template or filler. */
/** A curl user name that is itself a token (`-u TOKEN:`): long, with letters and digits. */
function curlTokenUser(value: string): number {
  if (value.length < 10 || !/\d/.test(value) || !/[A-Za-z]/.test(value)) return 0;
  if (CREDENTIAL_NOUN.test(value) || /^[$%<{[]/.test(value) || isPlaceholder(value)) return 0;
  return 0.75;
}

/** A curl password: as in a URL, and not the mere name of a credential (`-u user:token`). */
const curlPassword = (value: string): number =>
  CREDENTIAL_NOUN.test(value) ? 0 : urlPassword(value);

function urlPassword(value: string): number {
  if (
    /^[$%<{[*]|^x+$|^\*+$|^(?:password|passwd|pwd|secret|changeme|your_?password|\.\.\.)$/i.test(
      value,
    )
  )
    return 0;
  if (value.includes('${') || value.includes('{{')) return 0;
  return 0.85;
}

const HEX = '[a-fA-F0-9]';
const ALNUM = '[A-Za-z0-9]';

/** An Okta API token: `00` + 40 URL-safe characters. */
const OKTA_TOKEN = '00[A-Za-z0-9_\\-]{40}';
/**
 * "Okta" as a word of a name: `OKTA_API_TOKEN`, `okta.client.token`, `oktaApiToken`,
 * `myOktaToken`, but not inside another word (`rookTable`, `webhookTarget`, `BOOKTAB`).
 */
const OKTA_NAME =
  '(?:(?:(?<![A-Za-z0-9])[oO]kta|(?<=[a-z0-9])Okta)(?![a-z])|(?<![A-Za-z0-9])OKTA(?![A-Za-z]))';

/** The provider rules. Order does not matter; overlaps are resolved by confidence. */
export const SECRET_RULES: readonly Rule[] = [
  // Cloud
  rule(
    'aws-access-key',
    ['akia', 'asia', 'abia', 'acca', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva', 'apka'],
    `(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}(?![A-Za-z0-9])`,
    { severity: 'critical', confidence: 0.95, validate: awsKeyId },
  ),
  rule(
    'aws-secret-key',
    ['aws', 'secret_access', 'secretaccess', 'secret access'],
    // Prose too: "our aws secret access key: …", "the AWS secret key is …".
    `(?:aws|secret[_ ]?access)[A-Za-z0-9_.\\- ]{0,30}["']?\\s{0,3}(?:[:=]|=>|is)\\s{0,3}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])`,
    { severity: 'critical', group: 1, flags: 'i', confidence: 0.9 },
  ),
  rule('gcp-api-key', ['aiza'], `${L}AIza[A-Za-z0-9_\\-]{35}${R}`, { confidence: 0.9 }),
  rule('gcp-oauth-client-secret', ['gocspx-'], `${L}GOCSPX-[A-Za-z0-9_\\-]{28}${R}`),
  rule('gcp-oauth-access-token', ['ya29.'], `${L}ya29\\.[A-Za-z0-9_\\-]{30,400}${R}`),
  rule(
    'gcp-service-account-key',
    ['service_account'],
    `"type"\\s{0,3}:\\s{0,3}"service_account"[^}]{0,400}?"private_key_id"\\s{0,3}:\\s{0,3}"(${HEX}{40})"`,
    { severity: 'critical', group: 1 },
  ),
  rule('azure-storage-key', ['accountkey='], `AccountKey=([A-Za-z0-9+/]{86}==)`, {
    severity: 'critical',
    group: 1,
    flags: 'i',
  }),
  rule(
    'azure-connection-string',
    ['sharedaccesskey='],
    `SharedAccessKey=([A-Za-z0-9+/]{42,44}=?)`,
    { severity: 'critical', group: 1, flags: 'i' },
  ),
  rule(
    'azure-sas-token',
    ['sig='],
    `[?&]sv=\\d{4}-\\d{2}-\\d{2}[^\\s"'<>]{0,300}?&sig=([A-Za-z0-9%+/]{30,100}=?(?:%3D)?)`,
    { severity: 'high', group: 1, flags: 'i' },
  ),
  rule(
    'azure-ad-client-secret',
    ['q~'],
    `(?<![A-Za-z0-9_~.\\-])[A-Za-z0-9_~.\\-]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34}(?![A-Za-z0-9_~.\\-])`,
    { severity: 'critical', confidence: 0.9 },
  ),
  rule('alibaba-access-key', ['ltai'], `${L}LTAI[A-Za-z0-9]{12,20}${R}`),
  rule('digitalocean-token', ['dop_v1_', 'doo_v1_', 'dor_v1_'], `${L}do[opr]_v1_${HEX}{64}${R}`, {
    severity: 'critical',
  }),
  rule('heroku-api-key', ['hrku-'], `${L}HRKU-[A-Za-z0-9_\\-]{58,60}${R}`),
  rule('cloudflare-origin-ca-key', ['v1.0-'], `${L}v1\\.0-${HEX}{24}-${HEX}{146}${R}`),
  rule('databricks-token', ['dapi'], `${L}dapi${HEX}{32}(?:-\\d)?${R}`),
  rule(
    'flyio-token',
    ['fo1_', 'flyv1 fm'],
    `${L}(?:fo1_[A-Za-z0-9_\\-]{43}|FlyV1 fm[12][ar]?_[A-Za-z0-9+/=_,\\-]{60,900})${R}`,
  ),
  rule('supabase-token', ['sbp_'], `${L}sbp_(?:v0_)?${HEX}{40}${R}`),
  rule('netlify-token', ['nfp_', 'nfc_'], `${L}nf[pc]_[A-Za-z0-9]{36,40}${R}`),
  rule('doppler-token', ['dp.'], `${L}dp\\.(?:pt|st|ct|sa|scim|audit)\\.[A-Za-z0-9_]{40,44}${R}`),
  rule('pulumi-token', ['pul-'], `${L}pul-${HEX}{40}${R}`),
  rule(
    'terraform-cloud-token',
    ['.atlasv1.'],
    `${L}[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_\\-=]{60,70}${R}`,
  ),
  rule('vault-token', ['hvs.', 'hvb.', 'hvr.'], `${L}hv[sbr]\\.[A-Za-z0-9_\\-]{24,400}${R}`),
  rule(
    'grafana-token',
    ['glc_', 'glsa_'],
    `${L}(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_${HEX}{8})${R}`,
  ),
  rule(
    'sentry-token',
    ['sntrys_', 'sntryu_'],
    `${L}(?:sntrys_[A-Za-z0-9+/=_]{60,400}|sntryu_${HEX}{64})${R}`,
  ),
  rule('linear-api-key', ['lin_api_'], `${L}lin_api_${ALNUM}{40}${R}`),
  rule(
    'notion-token',
    ['secret_', 'ntn_'],
    `${L}(?:secret_${ALNUM}{43}|ntn_\\d{11}${ALNUM}{35})${R}`,
  ),
  rule('atlassian-api-token', ['atatt3'], `${L}ATATT3[A-Za-z0-9_\\-=]{150,250}${R}`),
  rule(
    'shopify-token',
    ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    `${L}shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32}${R}`,
  ),
  rule('planetscale-token', ['pscale_'], `${L}pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_\\-.]{32,64}${R}`),
  rule('postman-api-key', ['pmak-'], `${L}PMAK-${HEX}{24}-${HEX}{34}${R}`),
  rule('sendinblue-key', ['xkeysib-'], `${L}xkeysib-[A-Za-z0-9_\\-]{60,100}${R}`),
  rule('dynatrace-token', ['dt0c01.'], `${L}dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}${R}`),
  rule(
    'new-relic-key',
    ['nrak-', 'nrii-', 'nriq-', 'nrjs-', '-nrma'],
    // Exact lengths (a run of another length is not the vendor's key): user key `NRAK-` + 27
    // upper-case letters and digits; Insights insert and query keys `NRII-`/`NRIQ-` + 32
    // URL-safe characters; browser key `NRJS-` + 19 hex; mobile app token `AA` + 40 hex `-NRMA`.
    `${L}(?:NRAK-[A-Z0-9]{27}|NRI[IQ]-[A-Za-z0-9_\\-]{32}|NRJS-[a-f0-9]{19}|AA[a-f0-9]{40}-NRMA)${R}`,
  ),
  rule('easypost-key', ['ezak', 'eztk'], `${L}EZ[AT]K${HEX}{54}${R}`),
  rule(
    'okta-token',
    ['okta'],
    `${OKTA_NAME}[A-Za-z0-9_.\\- ]{0,20}["']?\\s{0,3}[:=]\\s{0,3}["']?(${OKTA_TOKEN})${R}`,
    { group: 1 },
  ),
  // Okta's documented header: `Authorization: SSWS <token>` (also written `Ssws` or `ssws`).
  rule('okta-token', ['ssws'], `(?<![A-Za-z0-9])(?:SSWS|Ssws|ssws)\\s{1,3}(${OKTA_TOKEN})${R}`, {
    group: 1,
  }),
  // Payment
  rule(
    'stripe-secret-key',
    ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
    `${L}[sr]k_(live|test)_[A-Za-z0-9]{24,99}${R}`,
    { severity: 'critical', validate: (v) => (v.includes('_test_') ? 0.7 : 0.97) },
  ),
  rule('stripe-webhook-secret', ['whsec_'], `${L}whsec_[A-Za-z0-9+/]{32,64}${R}`),
  rule(
    'square-token',
    ['eaaa', 'sq0atp-', 'sq0csp-'],
    `${L}(?:EAAA[A-Za-z0-9_\\-]{60}|sq0atp-[A-Za-z0-9_\\-]{22}|sq0csp-[A-Za-z0-9_\\-]{43})${R}`,
  ),
  rule(
    'braintree-token',
    ['access_token$production$'],
    `access_token\\$production\\$[a-z0-9]{16}\\$${HEX}{32}`,
    { severity: 'critical' },
  ),
  rule('flutterwave-key', ['flwseck'], `${L}FLWSECK(?:_TEST)?-${HEX}{32}-X${R}`),
  rule('razorpay-key', ['rzp_live_'], `${L}rzp_live_${ALNUM}{14}${R}`),
  rule('adyen-key', ['aqe'], `${L}AQE[a-zA-Z0-9]{3}[A-Za-z0-9+/=_\\-]{80,200}${R}`, {
    confidence: 0.6,
  }),
  // Messaging and webhooks
  rule(
    'slack-token',
    ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxs-', 'xoxr-', 'xoxe', 'xapp-'],
    `${L}(?:xox[abposre]-(?:\\d-)?\\d{6,14}(?:-\\d{6,14}){1,3}(?:-[A-Za-z0-9]{8,64})?|xox[abposre]-(?:\\d-)?\\d{6,14}-[A-Za-z0-9]{16,64}|xoxe(?:\\.xox[bp])?-1-[A-Za-z0-9]{40,250}|xapp-\\d-[A-Z0-9]{9,12}-\\d{10,14}-${HEX}{64})${R}`,
    { validate: (v) => (/(\d{4})-\1-\1/.test(v) ? 0 : 0.9) },
  ),
  rule(
    'slack-webhook',
    ['hooks.slack.com'],
    `https://hooks\\.slack\\.com/(?:services|workflows|triggers)/T[A-Z0-9]{8,12}/[A-Z0-9]{8,12}/[A-Za-z0-9]{20,40}`,
  ),
  rule(
    'discord-webhook',
    ['/api/webhooks/'],
    `https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d{17,20}/[A-Za-z0-9_\\-]{60,70}`,
  ),
  rule(
    'teams-webhook',
    ['webhook.office.com'],
    `https://[A-Za-z0-9\\-]{1,60}\\.webhook\\.office\\.com/webhookb2/[^\\s'"<>]{20,400}`,
  ),
  rule('telegram-bot-token', [':aa'], `${L}\\d{8,10}:AA[A-Za-z0-9_\\-]{33}${R}`),
  rule('twilio-api-key', ['sk'], `${L}SK${HEX}{32}${R}`, { confidence: 0.75 }),
  rule('sendgrid-key', ['sg.'], `${L}SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}${R}`),
  rule('mailgun-key', ['key-'], `${L}key-[a-z0-9]{32}${R}`, { confidence: 0.75 }),
  rule('mailchimp-key', ['-us'], `${L}${HEX}{32}-us\\d{1,2}${R}`),
  rule(
    'mandrill-key',
    ['md-'],
    `(?:mandrill|mailchimp)[A-Za-z0-9_.\\- ]{0,25}["']?\\s{0,3}[:=]\\s{0,3}["']?(md-[A-Za-z0-9_\\-]{22})${R}`,
    { group: 1, flags: 'i' },
  ),
  rule(
    'tines-webhook',
    ['.tines.com/webhook/'],
    `https://[A-Za-z0-9\\-]{1,40}\\.tines\\.com/webhook/[a-z0-9]{32}/[a-z0-9]{32}`,
  ),
  rule(
    'zapier-webhook',
    ['hooks.zapier.com'],
    `https://hooks\\.zapier\\.com/hooks/catch/\\d{5,10}/[a-z0-9]{5,10}/?`,
  ),
  // VCS and registries
  rule('github-token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], `${L}gh[pousr]_${ALNUM}{36}${R}`, {
    validate: githubChecksum,
  }),
  rule(
    'github-fine-grained-token',
    ['github_pat_'],
    `${L}github_pat_${ALNUM}{22}_${ALNUM}{59}${R}`,
  ),
  rule(
    'gitlab-token',
    [
      'glpat-',
      'gldt-',
      'glptt-',
      'glrt-',
      'glcbt-',
      'glimt-',
      'glsoat-',
      'glffct-',
      'glagent-',
      'glft-',
      'glrtr-',
    ],
    `${L}(?:glpat|gldt|glrt|glrtr|glcbt|glimt|glsoat|glffct|glft)-[A-Za-z0-9_\\-]{20,64}(?:\\.[0-9a-z]{2}\\.[0-9a-z]{9})?${R}|${L}glptt-${HEX}{40}${R}|${L}glagent-[A-Za-z0-9_\\-]{50}${R}`,
  ),
  rule('gitlab-oauth-secret', ['gloas-'], `${L}gloas-${HEX}{64}${R}`),
  rule('gitlab-runner-token', ['gr1348941'], `${L}GR1348941[A-Za-z0-9_\\-]{20}${R}`),
  rule('bitbucket-app-password', ['atbb'], `${L}ATBB[A-Za-z0-9_=.\\-]{24,40}${R}`),
  rule('npm-token', ['npm_'], `${L}npm_${ALNUM}{36}${R}`, { validate: npmChecksum }),
  rule(
    'pypi-token',
    ['pypi-ageichlwas5vcmc'],
    `${L}pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{50,300}${R}`,
  ),
  rule('rubygems-token', ['rubygems_'], `${L}rubygems_[a-z0-9]{48}${R}`),
  rule('nuget-key', ['oy2'], `${L}oy2[a-z0-9]{43}${R}`, { confidence: 0.8 }),
  rule(
    'docker-hub-token',
    ['dckr_pat_', 'dckr_oat_'],
    `${L}dckr_(?:pat|oat)_[A-Za-z0-9_\\-]{27,32}${R}`,
  ),
  rule('clojars-token', ['clojars_'], `${L}CLOJARS_[a-z0-9]{60}${R}`),
  rule('jfrog-token', ['akcp', 'cmvmd'], `${L}(?:AKCp[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56})${R}`),
  rule(
    'snyk-token',
    ['snyk'],
    `snyk[A-Za-z0-9_.\\- ]{0,25}["']?\\s{0,3}[:=]\\s{0,3}["']?(${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12})`,
    { group: 1, flags: 'i' },
  ),
  // AI vendors
  rule(
    'openai-key',
    ['sk-', 't3blbkfj'],
    `${L}sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_\\-]{16,200}T3BlbkFJ[A-Za-z0-9_\\-]{16,200}${R}|${L}sk-${ALNUM}{48}${R}`,
    { severity: 'high', confidence: 0.95 },
  ),
  rule(
    'anthropic-key',
    ['sk-ant-'],
    `${L}sk-ant-(?:api|admin|sid)\\d{2}-[A-Za-z0-9_\\-]{80,100}AA${R}`,
    { confidence: 0.97 },
  ),
  rule('huggingface-token', ['hf_', 'api_org_'], `${L}(?:hf|api_org)_[A-Za-z]{34}${R}`, {
    validate: (v) => (/[A-Z]/.test(v) && /[a-z]/.test(v.slice(3)) ? 0.9 : 0),
  }),
  rule('groq-key', ['gsk_'], `${L}gsk_${ALNUM}{52}${R}`),
  rule('perplexity-key', ['pplx-'], `${L}pplx-${ALNUM}{48}${R}`),
  rule('replicate-token', ['r8_'], `${L}r8_${ALNUM}{37}${R}`),
  rule('xai-key', ['xai-'], `${L}xai-${ALNUM}{80}${R}`),
  rule('openrouter-key', ['sk-or-'], `${L}sk-or-v1-${HEX}{64}${R}`),
  rule('langsmith-key', ['lsv2_'], `${L}lsv2_(?:pt|sk)_${HEX}{32}_${HEX}{10}${R}`),
  rule('pinecone-key', ['pcsk_'], `${L}pcsk_[A-Za-z0-9_]{50,100}${R}`),
  rule(
    'age-secret-key',
    ['age-secret-key-1'],
    `AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`,
    {
      severity: 'critical',
    },
  ),
  // Keys, tokens and credentials in structure
  rule(
    'private-key',
    ['private key', 'private key block'],
    `-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 )?PRIVATE KEY(?: BLOCK)?)-----[A-Za-z0-9+/=\\s\\\\:,\\-.]{20,20000}?-----END \\1-----`,
    { severity: 'critical', validate: pemBody, placeholderCheck: false },
  ),
  rule(
    'jenkins-credential',
    ['<secret>', '<password>', '<passphrase>', '<apitoken>', '<token>', '<secretbytes>'],
    `<(?:secret|password|passphrase|apiToken|token|secretBytes)>\\s{0,4}\\{?([^<>{}]{8,2000})\\}?\\s{0,4}</`,
    { group: 1, validate: (v) => (/\d/.test(v) && /[A-Za-z]/.test(v) && !/^\$/.test(v) ? 0.8 : 0) },
  ),
  rule(
    'bearer-token',
    ['bearer'],
    `\\bBearer\\s{1,3}([A-Za-z0-9._~+/\\-]{16,2000}=*)(?![A-Za-z0-9._~+/\\-])`,
    { group: 1, validate: (v) => (/\d/.test(v) || /[A-Z].*[a-z]|[a-z].*[A-Z]/.test(v) ? 0.75 : 0) },
  ),
  rule('rootly-token', ['rootly_'], `${L}rootly_${HEX}{64}${R}`),
  rule('bitbucket-dc-token', ['bbdc-'], `${L}BBDC-[A-Za-z0-9+/]{40,50}${R}`),
  rule('facebook-token', ['eaa'], `${L}EAA(?:C|G|B|I|M)[A-Za-z0-9]{30,300}${R}`, {
    confidence: 0.8,
  }),
  rule(
    'facebook-app-token',
    ['facebook', 'fb'],
    `(?:facebook|fb)[^\\n]{0,20}?(?<!\\d)\\d{15,16}\\|[A-Za-z0-9_\\-]{27}${R}`,
    { flags: 'i' },
  ),
  rule(
    'azure-storage-key',
    ['storagekey', 'storage_key', 'storage-key', 'accountkey', 'account_key', 'account-key'],
    `(?:storage|account)[_\\-]?key[^A-Za-z0-9+/]{1,6}([A-Za-z0-9+/]{86}==)`,
    { severity: 'critical', group: 1, flags: 'i' },
  ),
  rule('shippo-token', ['shippo_'], `${L}shippo_(?:live|test)_${HEX}{40}${R}`),
  rule('sourcegraph-token', ['sgp_'], `${L}sgp_(?:(?:${HEX}{16}|local)_)?${HEX}{40}${R}`),
  rule('apify-token', ['apify_api_'], `${L}apify_api_${ALNUM}{36}${R}`),
  rule(
    'putty-private-key',
    ['putty-user-key-file-'],
    `PuTTY-User-Key-File-\\d: [a-z0-9\\-]{3,30}`,
    { severity: 'critical' },
  ),
  rule(
    'jwt',
    ['eyj'],
    `${L}eyJ[A-Za-z0-9_\\-]{10,2000}\\.[A-Za-z0-9_\\-]{10,8000}\\.[A-Za-z0-9_\\-]{16,2000}${R}`,
    { validate: jwtValid, placeholderCheck: false },
  ),
  rule(
    'database-url',
    ['://'],
    `${L}(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|cockroachdb|couchbases?|clickhouse|neo4j(?:\\+s)?|ldaps?|s?ftp|smtps?|https?|jdbc:[a-z]{2,12}|ssh)://[^\\s:/@"'<>]{1,64}:([^\\s:/@"'<>]{3,128})@[A-Za-z0-9.\\-_\\[\\]]{1,253}`,
    {
      severity: 'critical',
      group: 1,
      flags: 'i',
      validate: urlPassword,
      placeholderCheck: false,
      // A user, a password and an `@` right after the scheme separator.
      gate: /:\/\/[^\s:/@"'<>]{1,64}:[^\s:/@"'<>]{3,128}@/,
    },
  ),
  rule(
    'connection-string-password',
    ['password=', 'pwd='],
    `(?:^|[;?&\\s"'])(?:password|pwd)=([^;&\\s"'<>]{3,128})`,
    { severity: 'high', group: 1, flags: 'i', validate: urlPassword, placeholderCheck: false },
  ),
  rule(
    'authorization-header',
    ['authorization', 'api-key', 'x-auth-token', 'private-token', 'x-access-token'],
    `(?:authorization|x-api-key|api-key|x-auth-token|private-token|x-access-token)["']?\\s{0,3}[:=]\\s{0,3}["']?(?:(?:bearer|basic|token|bot|apikey|sso-key|digest)\\s{1,3})?([A-Za-z0-9._~+/\\-=:]{16,2000})`,
    { group: 1, flags: 'i', confidence: 0.8 },
  ),
  rule(
    'curl-basic-auth',
    ['-u', '--user'],
    // The password may be quoted on its own (`--user kevin:'s3cr…'`).
    `(?:^|\\s)(?:-u|--user)\\s{1,4}["']?[^\\s:"'$]{1,64}:["']?([^\\s"'@$]{3,128})["']?(?=\\s|$)`,
    { group: 1, validate: curlPassword, placeholderCheck: false, confidence: 0.8 },
  ),
  // An API token passed as the user name with an empty password (`curl -u TOKEN:`), as many
  // HTTP APIs document for basic auth.
  rule(
    'curl-basic-auth',
    ['-u', '--user'],
    `(?:^|\\s)(?:-u|--user)\\s{1,4}["']?([^\\s:"'$]{10,128}):["']?(?=\\s|$)`,
    { group: 1, validate: curlTokenUser, placeholderCheck: false, confidence: 0.75 },
  ),
  ...SAAS_SECRET_RULES,
  ...CLI_SECRET_RULES,
  ...VENDOR_SECRET_RULES,
  ...SERVICE_SECRET_RULES,
];

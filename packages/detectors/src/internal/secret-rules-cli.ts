/**
 * Credentials in command lines, connection URLs and token layouts that carry no vendor
 * prefix: a registry login's password flag, a Cloudinary URL, Sidekiq's commercial gem
 * credentials, a Laravel Sanctum token. Each is written from the tool's documented format.
 */
import { validValue } from './generic-secret.js';
import { isPlaceholder } from './placeholder.js';
import type { Rule } from './rule.js';
import { ruleMaker } from './rule-builder.js';

const rule = ruleMaker({ category: 'secret', severity: 'high', confidence: 0.85 });

/**
 * A value that only names what belongs there (`user:token`, `<user:password>`, `:pass`): the
 * noun of a credential, maybe "your"/"my" before it, maybe a closing bracket after it.
 */
export const CREDENTIAL_NOUN: RegExp =
  /^(?:(?:your|my)[_-]?)?(?:pass(?:word|wd|phrase)?|pwd|secret|token|key|api[_-]?key|access[_-]?token|auth[_-]?token)[>}\])]?$/i;

/** A literal password on a command line: not a placeholder, not the name of one. */
function literalPassword(value: string): number {
  if (value.length < 6 || CREDENTIAL_NOUN.test(value) || isPlaceholder(value)) return 0;
  return /^[<{[*%]/.test(value) ? 0 : 0.85;
}

/** A registry login command earlier on the same line (at most 300 characters before). */
const LOGIN_COMMAND = /(?:docker|podman|buildah|skopeo|nerdctl|oras)[ \t]{1,4}login[ \t]/;

/** The password of `docker login … -p <value>`: a literal, on a registry login's line. */
function loginPassword(value: string, text: string, start: number): number {
  const from = Math.max(0, text.lastIndexOf('\n', start) + 1, start - 300);
  return LOGIN_COMMAND.test(text.slice(from, start)) ? literalPassword(value) : 0;
}

/** A MySQL or MariaDB client command earlier on the same line (at most 300 characters before). */
const MYSQL_COMMAND =
  /(?:^|[\s;&|(])(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlsh|mariadb|mariadb-dump)[ \t]/;

/** The password glued to `-p` (`mysql -u root -ps3cret`): a literal, on a MySQL client's line. */
function mysqlPassword(value: string, text: string, start: number): number {
  const from = Math.max(0, text.lastIndexOf('\n', start) + 1, start - 300);
  return MYSQL_COMMAND.test(text.slice(from, start)) ? literalPassword(value) : 0;
}

/** A config value that is a literal, not a reference (`$(…)`, `#{…}`, `%VAR%`, `{{…}}`). */
function configLiteral(value: string): number {
  if (/^[$#%{[]|\{\{|\$\(/.test(value)) return 0;
  return literalPassword(value);
}

/** Sanctum's random part is `Str::random(40)`: upper, lower and digits all occur. */
const sanctum = (value: string): number =>
  /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value) ? 0.8 : 0;

/** The command-line and layout rules, registered after the SaaS list. */
export const CLI_SECRET_RULES: readonly Rule[] = [
  // `docker login -u me -p s3cret registry.io` (Docker CLI reference: `-p, --password`), and
  // the tools that copy its flags.
  rule(
    'registry-login-password',
    ['-p'],
    `(?:^|[ \\t])(?:-p|--password)(?:[ \\t]{1,4}|=)([^\\s"'$]{6,256})(?=\\s|$)`,
    { group: 1, validate: loginPassword, placeholderCheck: false },
  ),
  // CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name> (Cloudinary SDK docs).
  rule(
    'cloudinary-url',
    ['cloudinary://'],
    `cloudinary://\\d{6,20}:([A-Za-z0-9_\\-]{20,40})@[A-Za-z0-9_\\-]{1,64}`,
    { group: 1, severity: 'critical', confidence: 0.95 },
  ),
  // Sidekiq Pro/Enterprise gem server credentials: `user:password`, eight hex digits each,
  // given to Bundler as BUNDLE_ENTERPRISE__CONTRIBSYS__COM or for (enterprise|gems).contribsys.com.
  rule(
    'sidekiq-credentials',
    ['contribsys'],
    `(?:bundle_(?:enterprise|gems)__contribsys__com|(?:enterprise|gems)\\.contribsys\\.com)["']?[ \\t]{0,3}[:= \\t][ \\t]{0,3}["']?([0-9a-f]{8}:[0-9a-f]{8})(?![0-9a-f])`,
    { group: 1, flags: 'i', placeholderCheck: false, confidence: 0.9 },
  ),
  // MySQL client: `-p<password>` with no space (a space makes MySQL prompt and read the next
  // word as the database), also `-p'…'` (MySQL reference manual, "Specifying Passwords").
  rule(
    'mysql-cli-password',
    ['-p'],
    `(?:^|[ \\t])-p["']?([^\\s"'$\\-][^\\s"']{3,127})["']?(?=\\s|$)`,
    {
      viewTrigger: false,
      group: 1,
      validate: mysqlPassword,
      placeholderCheck: false,
    },
  ),
  // `sshpass -p <password> ssh …` and `redis-cli -a <password>` (their manual pages).
  rule(
    'cli-password-flag',
    ['sshpass', 'redis-cli'],
    `(?:sshpass[ \\t]{1,4}-p|redis-cli[^\\n]{0,200}?[ \\t]-a)[ \\t]{1,4}["']?([^\\s"'$][^\\s"']{3,127})["']?(?=\\s|$)`,
    { viewTrigger: false, group: 1, validate: literalPassword, placeholderCheck: false },
  ),
  // ~/.netrc (curl, git, ftp): `machine <host> login <user> password <secret>`.
  rule(
    'netrc-password',
    ['machine'],
    `(?:^|\\s)machine[ \\t]{1,8}\\S{1,253}\\s{1,8}login[ \\t]{1,8}\\S{1,128}\\s{1,8}password[ \\t]{1,8}(\\S{4,256})`,
    { viewTrigger: false, group: 1, validate: configLiteral, placeholderCheck: false },
  ),
  // .NET app.config / web.config: `<add key="…Password…" value="…" />`.
  rule(
    'dotnet-config-secret',
    ['<add'],
    `<add[ \\t]{1,8}key[ \\t]{0,3}=[ \\t]{0,3}"[A-Za-z0-9_.:\\-]{0,40}(?:password|passwd|pwd|secret|token|api[_.\\-]?key|access[_.\\-]?key|private[_.\\-]?key)[A-Za-z0-9_.:\\-]{0,20}"[ \\t]{1,8}value[ \\t]{0,3}=[ \\t]{0,3}"([^"<>\\s]{6,256})"`,
    {
      viewTrigger: false,
      group: 1,
      flags: 'i',
      validate: configLiteral,
      placeholderCheck: false,
    },
  ),
  // PowerShell: `ConvertTo-SecureString "<password>" -AsPlainText` puts the secret in the script.
  rule(
    'powershell-plaintext-password',
    ['convertto-securestring'],
    `ConvertTo-SecureString[ \\t]{1,4}(?:-String[ \\t]{1,4})?["']([^"'\\s$]{6,256})["'][ \\t]{1,4}-AsPlainText`,
    {
      viewTrigger: false,
      group: 1,
      flags: 'i',
      validate: literalPassword,
      placeholderCheck: false,
    },
  ),
  // An API client built with its key as the first argument, as vendors' SDK samples show
  // (`new HubSpotAPI("…")`, `MailClient('…')`): the value must look random, as in an assignment.
  rule(
    'sdk-client-key',
    ['client(', 'api(', 'sdk('],
    `(?<![A-Za-z0-9_])[A-Z][A-Za-z0-9_]{0,40}(?:Client|API|Api|SDK|Sdk)\\([ \\t]{0,3}["']([A-Za-z0-9_\\-+/=]{20,200})["']`,
    {
      viewTrigger: false,
      group: 1,
      validate: (v) => (validValue(v, 'key', true, true) > 0 ? 0.6 : 0),
    },
  ),
  // Laravel Sanctum personal access token: `<id>|<40 random characters>`, since Laravel 10
  // optionally followed by a CRC32 in hex (laravel/sanctum, PersonalAccessToken).
  rule(
    'laravel-sanctum-token',
    ['|'],
    `(?<![A-Za-z0-9_|])\\d{1,12}\\|([A-Za-z0-9]{40}(?:[a-f0-9]{8})?)(?![A-Za-z0-9_])`,
    { group: 1, gate: /\d\|[A-Za-z0-9]{40}/, validate: sanctum, confidence: 0.8 },
  ),
];

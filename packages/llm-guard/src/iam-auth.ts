/**
 * `createIamAuthSequelize`: a Sequelize for Aurora / RDS PostgreSQL with IAM
 * database authentication over verified TLS. `@aws-sdk/rds-signer` mints a
 * fresh token (valid 15 minutes) for every new pool connection; TLS is
 * verified against the supplied CA bundle (`rejectUnauthorized: true`).
 */
import { Signer } from '@aws-sdk/rds-signer';
import { checkOptions, optionKeys } from '@clawexchange/ssg/common';
import { type Options, Sequelize } from 'sequelize';
import { configError } from './errors.js';

/** Mints one IAM auth token (the default is `@aws-sdk/rds-signer`'s `Signer`). */
export type TokenSigner = { getAuthToken(): Promise<string> };

/** Options of {@link createIamAuthSequelize}. */
export type IamAuthSequelizeOptions = {
  /** Cluster or instance endpoint (also the TLS server name). */
  readonly host: string;
  /** @default 5432 */
  readonly port?: number;
  /** Database user with `rds_iam` granted. */
  readonly user: string;
  /** Database name. */
  readonly database: string;
  /** AWS region of the database, e.g. `us-west-2`. */
  readonly region: string;
  /** PEM CA bundle the server certificate must chain to (e.g. the RDS global bundle). Required. */
  readonly ca: string | Buffer;
  /** Static or provider credentials for the signer; the AWS default chain (roles) when absent. */
  readonly credentials?: ConstructorParameters<typeof Signer>[0]['credentials'];
  /** A signer to use instead of `@aws-sdk/rds-signer` (tests, custom credential handling). */
  readonly signer?: TokenSigner;
  /** More Sequelize options (pool, logging, …); `dialect`, `host`, `port`, `username`, `password`, `database` and `dialectOptions.ssl` are set here. */
  readonly sequelize?: Omit<
    Options,
    'dialect' | 'host' | 'port' | 'username' | 'password' | 'database'
  >;
};

const KEYS = optionKeys<IamAuthSequelizeOptions>({
  host: true,
  port: true,
  user: true,
  database: true,
  region: true,
  ca: true,
  credentials: true,
  signer: true,
  sequelize: true,
});

function required(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '')
    throw configError(field, `invalid config \`${field}\`: expected a non-empty string`);
  return value;
}

/**
 * Creates a Sequelize (PostgreSQL) that authenticates with IAM tokens over verified TLS.
 *
 * @param options - see {@link IamAuthSequelizeOptions}
 * @returns the Sequelize instance (the host owns it and closes it)
 * @throws {LLMGuardError} LLM_GUARD_INVALID_CONFIG naming the option
 * @example
 * ```ts
 * const sequelize = createIamAuthSequelize({
 *   host: 'db.cluster-abc.us-west-2.rds.amazonaws.com', user: 'llm_guard', database: 'app',
 *   region: 'us-west-2', ca: readFileSync('global-bundle.pem', 'utf8'),
 * });
 * ```
 */
export function createIamAuthSequelize(options: IamAuthSequelizeOptions): Sequelize {
  const o = checkOptions(options, {
    name: 'createIamAuthSequelize options',
    keys: KEYS,
    hints: {
      password: 'IAM auth mints a token per connection; remove `password`',
      ssl: 'TLS is always on; pass `ca`',
    },
    error: configError,
  });
  const host = required(o.host, 'host');
  const user = required(o.user, 'user');
  const port = o.port === undefined ? 5432 : (o.port as number);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw configError('port', 'invalid config `port`: expected a TCP port');
  const ca = o.ca;
  if (
    !(typeof ca === 'string' && ca.includes('BEGIN CERTIFICATE')) &&
    !(Buffer.isBuffer(ca) && ca.length > 0)
  ) {
    throw configError('ca', 'invalid config `ca`: expected a PEM CA bundle');
  }
  const signer =
    (o.signer as TokenSigner | undefined) ??
    new Signer({
      hostname: host,
      port,
      username: user,
      region: required(o.region, 'region'),
      ...(o.credentials === undefined ? {} : { credentials: o.credentials as never }),
    });
  const extra = (o.sequelize as IamAuthSequelizeOptions['sequelize']) ?? {};
  const sequelize = new Sequelize({
    logging: false,
    ...extra,
    dialect: 'postgres',
    host,
    port,
    username: user,
    // A function, not a string: node-postgres calls it for each new physical connection, so every
    // connection gets its own fresh token (tokens live 15 minutes, pooled connections longer). A
    // beforeConnect hook would write one shared config object and race between concurrent connects.
    password: (() => signer.getAuthToken()) as unknown as string,
    database: required(o.database, 'database'),
    dialectOptions: {
      ...(extra.dialectOptions ?? {}),
      ssl: { ca, rejectUnauthorized: true, servername: host },
    },
  });
  return sequelize;
}

import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningPostgres, startPostgres } from '@clawexchange/test-utils';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIamAuthSequelize } from '../../src/iam-auth.js';
import { makeTestPki, type TestPki } from './test-pki.js';

/** The `postgres` user's ids when run as root (embedded PostgreSQL then runs as that user). */
function postgresUid(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The test PKI, readable by the server: as root it runs as `postgres`, who must own the key. */
function makeServerPki(): TestPki {
  const pki = makeTestPki('llm-guard-pg-tls-');
  chmodSync(pki.dir, 0o755);
  // PostgreSQL refuses a key others can read.
  chmodSync(join(pki.dir, 'server.key'), 0o600);
  chmodSync(join(pki.dir, 'server.pem'), 0o644);
  const owner = postgresUid();
  if (owner !== undefined) chownSync(join(pki.dir, 'server.key'), owner.uid, owner.gid);
  return pki;
}

let pki: TestPki;
let pg: RunningPostgres;
let port: number;

beforeAll(async () => {
  pki = makeServerPki();
  pg = await startPostgres({
    extraFlags: [
      '-c',
      'ssl=on',
      '-c',
      `ssl_cert_file=${join(pki.dir, 'server.pem')}`,
      '-c',
      `ssl_key_file=${join(pki.dir, 'server.key')}`,
    ],
  });
  port = Number(new URL(pg.url).port);
});
afterAll(async () => {
  await pg?.stop();
  if (pki) rmSync(pki.dir, { recursive: true, force: true });
});

const options = (ca: string, minted: { n: number }) => ({
  host: 'localhost',
  port,
  user: 'postgres',
  database: 'postgres',
  region: 'us-east-1',
  ca,
  signer: {
    getAuthToken: async () => {
      minted.n++;
      return 'test-password';
    },
  },
});

/**
 * A real PostgreSQL started with TLS on (server certificate for `localhost`
 * signed by a test CA). The signer stands in for `@aws-sdk/rds-signer`
 * (a real server cannot verify AWS tokens) and hands out the test password;
 * what is checked for real is the TLS verification against `ca`.
 */
describe('createIamAuthSequelize against a real PostgreSQL with TLS', () => {
  it('connects over TLS verified by the right CA', async () => {
    const minted = { n: 0 };
    const sequelize = createIamAuthSequelize(options(pki.ca, minted));
    try {
      const rows = await sequelize.query<{ ssl: boolean }>(
        'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
        { type: QueryTypes.SELECT },
      );
      expect(rows).toEqual([{ ssl: true }]);
    } finally {
      await sequelize.close();
    }
    expect(minted.n).toBeGreaterThanOrEqual(1);
  });

  it('refuses the server with the wrong CA, before any token is minted', async () => {
    const minted = { n: 0 };
    const sequelize = createIamAuthSequelize(options(pki.otherCa, minted));
    try {
      await expect(sequelize.authenticate()).rejects.toThrow(/certificate|self.signed|verify/i);
    } finally {
      await sequelize.close();
    }
    expect(minted.n).toBe(0);
  });
});

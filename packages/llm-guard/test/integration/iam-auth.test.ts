import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIamAuthSequelize } from '../../src/iam-auth.js';
import { type FakePostgres, startFakePostgres } from './fake-postgres.js';

type Pki = { ca: string; otherCa: string; key: string; cert: string };

/** A test CA, a server certificate for localhost signed by it, and an unrelated CA. */
function makePki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'llm-guard-pki-'));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  for (const name of ['ca', 'other']) {
    ssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=llm-guard test ${name}`,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
    );
  }
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  );
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost\n');
  ssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.pem',
  );
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const pki = {
    ca: read('ca.pem'),
    otherCa: read('other.pem'),
    key: read('server.key'),
    cert: read('server.pem'),
  };
  rmSync(dir, { recursive: true, force: true });
  return pki;
}

let pki: Pki;
let pg: FakePostgres;
beforeAll(async () => {
  pki = makePki();
  pg = await startFakePostgres({ key: pki.key, cert: pki.cert });
});
afterAll(async () => {
  await pg?.close();
});

const base = () => ({
  host: 'localhost',
  port: pg.port,
  user: 'llm_guard',
  database: 'app',
  region: 'us-west-2',
});

describe('createIamAuthSequelize', () => {
  it('mints a SigV4 token with @aws-sdk/rds-signer and sends it as the password, over TLS verified by the CA', async () => {
    pg.logins.length = 0;
    const sequelize = createIamAuthSequelize({
      ...base(),
      ca: pki.ca,
      credentials: { accessKeyId: 'AKIDTESTSTATIC00000', secretAccessKey: 'test-secret' },
    });
    try {
      await sequelize.authenticate();
    } finally {
      await sequelize.close();
    }
    // Sequelize opens one connection for the server version, then the pool's: each one logs in with a token.
    expect(pg.logins.length).toBeGreaterThanOrEqual(1);
    const { user, password } = pg.logins[0] ?? { user: '', password: '' };
    expect(user).toBe('llm_guard');
    expect(password).toMatch(
      /^localhost:\d+\/\?Action=connect&DBUser=llm_guard&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDTESTSTATIC00000%2F\d{8}%2Fus-west-2%2Frds-db%2Faws4_request&/,
    );
    expect(password).toContain('X-Amz-Expires=900');
  });

  /** regression: issue 14 (a beforeConnect hook wrote one shared config: concurrent connects reused a token) */
  it('mints a fresh token for each new connection', async () => {
    pg.logins.length = 0;
    let minted = 0;
    const signer = { getAuthToken: async () => `token-${++minted}` };
    const sequelize = createIamAuthSequelize({
      ...base(),
      ca: pki.ca,
      signer,
      sequelize: { pool: { max: 3, min: 0 } },
    });
    try {
      const manager = sequelize.connectionManager as unknown as {
        getConnection(): Promise<unknown>;
        releaseConnection(c: unknown): Promise<void>;
      };
      const held = await Promise.all([
        manager.getConnection(),
        manager.getConnection(),
        manager.getConnection(),
      ]);
      for (const c of held) await manager.releaseConnection(c);
    } finally {
      await sequelize.close();
    }
    // One more than the three held: Sequelize's own first connection reads the server version.
    expect(minted).toBeGreaterThanOrEqual(3);
    expect(pg.logins.map((l) => l.password).sort()).toEqual(
      Array.from({ length: minted }, (_, i) => `token-${i + 1}`).sort(),
    );
  });

  it('refuses a server whose certificate does not chain to the given CA, before sending a token', async () => {
    pg.logins.length = 0;
    let minted = 0;
    const sequelize = createIamAuthSequelize({
      ...base(),
      ca: pki.otherCa,
      signer: { getAuthToken: async () => `token-${++minted}` },
    });
    try {
      await expect(sequelize.authenticate()).rejects.toThrow();
    } finally {
      await sequelize.close();
    }
    expect(pg.logins).toHaveLength(0);
  });

  it('rejects a missing CA and unknown options', () => {
    expect(() => createIamAuthSequelize({ ...base(), ca: '' })).toThrowError(
      expect.objectContaining({ code: 'LLM_GUARD_INVALID_CONFIG', field: 'ca' }),
    );
    expect(() =>
      createIamAuthSequelize({ ...base(), ca: pki.ca, password: 'x' } as never),
    ).toThrowError(expect.objectContaining({ field: 'password' }));
  });
});

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIamAuthSequelize } from '../../src/iam-auth.js';
import { type FakePostgres, startFakePostgres } from './fake-postgres.js';
import { makeTestPki, type TestPki } from './test-pki.js';

let pki: TestPki;
let pg: FakePostgres;
beforeAll(async () => {
  pki = makeTestPki('llm-guard-pki-');
  rmSync(pki.dir, { recursive: true, force: true });
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

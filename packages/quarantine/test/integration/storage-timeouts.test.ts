import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isQuarantineError } from '../../src/errors.js';
import type { Quarantine } from '../../src/types.js';
import { type Env, setupEnv } from './setup.js';

const META = { tier: 'HIGH', labels: ['SECRET_AWS_KEY'], pluginResults: [] } as const;

/** Accepts connections and never answers: an S3 endpoint that hangs. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Answers GET with headers and a first chunk, then stalls the body forever. */
async function stallingBodyServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: HttpServer = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '4096' });
    res.write(Buffer.alloc(16));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function codeAndCause(p: Promise<unknown>): Promise<[string, string | undefined]> {
  try {
    await p;
  } catch (e) {
    if (!isQuarantineError(e)) throw e;
    const cause = (e as { cause?: unknown }).cause;
    return [e.code, isQuarantineError(cause) ? cause.code : undefined];
  }
  throw new Error('expected a rejection');
}

/** regression: issue 16 — a hung S3 left store() pending (and a PENDING row) with no limit. */
describe('S3 request timeouts', () => {
  let env: Env;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  let stalling: Awaited<ReturnType<typeof stallingBodyServer>>;
  beforeAll(async () => {
    [env, silent, stalling] = await Promise.all([setupEnv(), silentServer(), stallingBodyServer()]);
  });
  afterAll(async () => {
    await Promise.allSettled([env.teardown(), silent.close(), stalling.close()]);
  });

  function against(endpoint: string): Quarantine {
    return env.make({
      storage: {
        endpoint,
        bucket: env.bucket.bucket,
        accessKey: env.bucket.accessKey,
        secretKey: env.bucket.secretKey,
        region: env.bucket.region,
        forcePathStyle: true,
        timeoutMs: 300,
        maxAttempts: 2,
      },
    });
  }

  async function pendingRows(): Promise<number> {
    const [rows] = await env.db.sequelize.query(
      "SELECT count(*)::int AS n FROM quarantine_records WHERE status = 'PENDING'",
    );
    return (rows as [{ n: number }])[0].n;
  }

  it('store() against a hung server fails with the timeout as cause and leaves no PENDING row', async () => {
    const q = against(silent.url);
    expect(await codeAndCause(q.store('held content', META))).toEqual([
      'QUARANTINE_STORE_FAILED',
      'QUARANTINE_STORAGE_TIMEOUT',
    ]);
    expect(await pendingRows()).toBe(0);
  });

  it('read(), release() and cleanup() against a hung server fail with QUARANTINE_STORAGE_TIMEOUT', async () => {
    const healthy = env.make();
    const first = await healthy.store('content one', META);
    const second = await healthy.store('content two', META);
    const hung = against(silent.url);
    expect((await codeAndCause(hung.read(first)))[0]).toBe('QUARANTINE_STORAGE_TIMEOUT');
    expect((await codeAndCause(hung.release(second)))[0]).toBe('QUARANTINE_STORAGE_TIMEOUT');
    // Nothing was lost: the healthy service still reads both records.
    expect(await healthy.read(first)).toBe('content one');
    expect(await healthy.read(second)).toBe('content two');
  });

  it('a body that stalls mid-stream is cut off by the same limit', async () => {
    const healthy = env.make();
    const id = await healthy.store('content three', META);
    const stalled = against(stalling.url);
    expect((await codeAndCause(stalled.read(id)))[0]).toBe('QUARANTINE_STORAGE_TIMEOUT');
  });

  it('refuses timeoutMs and maxAttempts outside their ranges, naming the field', () => {
    const storage = {
      endpoint: silent.url,
      bucket: env.bucket.bucket,
      accessKey: env.bucket.accessKey,
      secretKey: env.bucket.secretKey,
    };
    for (const [key, value] of [
      ['timeoutMs', 50],
      ['timeoutMs', 1.5],
      ['timeoutMs', 60_001],
      ['maxAttempts', 0],
      ['maxAttempts', 11],
    ] as const) {
      let field: string | undefined;
      try {
        env.make({ storage: { ...storage, [key]: value } });
      } catch (e) {
        field = isQuarantineError(e) ? e.field : 'not a quarantine error';
      }
      expect(field).toBe(`storage.${key}`);
    }
  });
});

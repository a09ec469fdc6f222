import type { Sequelize } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { withRawConnection } from './raw-connection.js';

type FakeConnection = { _invalid?: boolean; query: () => Promise<{ rows: unknown[] }> };

function fakeDb() {
  const released: FakeConnection[] = [];
  const conn: FakeConnection = { query: async () => ({ rows: [] }) };
  const db = {
    connectionManager: {
      getConnection: async () => conn,
      releaseConnection: (c: FakeConnection) => {
        released.push(c);
      },
    },
  } as unknown as Sequelize;
  return { db, conn, released };
}

describe('withRawConnection', () => {
  it('returns a connection whose work succeeded to the pool as it was', async () => {
    const { db, conn, released } = fakeDb();
    expect(await withRawConnection(db, async () => 7)).toBe(7);
    expect(released).toEqual([conn]);
    expect(conn._invalid).toBeUndefined();
  });

  /** regression: issue 16 */
  it('returns a connection whose work failed marked invalid, so the pool never hands it out again', async () => {
    // The fault suite: after a database failover, a batch timed out ("Query read timeout")
    // and its connection, still waiting on the unanswered query, went back to the pool as
    // healthy; every later batch on it hung, and the app answered 503 long after recovery.
    const { db, conn, released } = fakeDb();
    const timeout = new Error('Query read timeout');
    await expect(
      withRawConnection(db, async () => {
        throw timeout;
      }),
    ).rejects.toBe(timeout);
    expect(released).toEqual([conn]);
    expect(conn._invalid).toBe(true);
  });
});

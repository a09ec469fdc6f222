import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createHumanAdminAuth } from './human-admin.js';

const req = {} as IncomingMessage;

describe('createHumanAdminAuth', () => {
  it('maps the session user to human/admin, anonymous without one', async () => {
    const users = [
      [
        { id: 'a', roles: ['admin'] },
        { kind: 'human', id: 'a', admin: true },
      ],
      [
        { id: 'm', roles: ['member'] },
        { kind: 'human', id: 'm', admin: false },
      ],
      [
        { id: 'x', roles: 'admin' },
        { kind: 'human', id: 'x', admin: false },
      ],
      [{ id: '', roles: ['admin'] }, { kind: 'anonymous' }],
      [null, { kind: 'anonymous' }],
      [undefined, { kind: 'anonymous' }],
    ] as const;
    for (const [user, expected] of users) {
      const auth = createHumanAdminAuth({ getUser: async () => user as never });
      expect(await auth(req)).toEqual(expected);
    }
  });

  it('honours a custom admin role and refuses bad options', async () => {
    const auth = createHumanAdminAuth({
      getUser: () => ({ id: 'a', roles: ['moderator'] }),
      adminRole: 'moderator',
    });
    expect(await auth(req)).toEqual({ kind: 'human', id: 'a', admin: true });
    expect(() => createHumanAdminAuth({ getUser: 'req.user' } as never)).toThrow(/getUser/);
    expect(() => createHumanAdminAuth({ getUser: () => null, adminRole: '' })).toThrow(/adminRole/);
    expect(() => createHumanAdminAuth({ getUser: () => null, role: 'admin' } as never)).toThrow(
      /role/,
    );
  });

  /** regression: issue 15 */
  it('reports the session id (express-session `req.sessionID` by default, or getSessionId)', async () => {
    const admin = () => ({ id: 'a', roles: ['admin'] });
    const withSid = { sessionID: 'sess-1' } as unknown as IncomingMessage;
    expect(await createHumanAdminAuth({ getUser: admin })(withSid)).toEqual({
      kind: 'human',
      id: 'a',
      admin: true,
      sessionId: 'sess-1',
    });
    const custom = createHumanAdminAuth({ getUser: admin, getSessionId: async () => 'custom' });
    expect(await custom(withSid)).toMatchObject({ sessionId: 'custom' });
    for (const none of [null, undefined, '']) {
      const auth = createHumanAdminAuth({ getUser: admin, getSessionId: () => none });
      expect(await auth(withSid)).toEqual({ kind: 'human', id: 'a', admin: true });
    }
    expect(() => createHumanAdminAuth({ getUser: admin, getSessionId: 'sid' } as never)).toThrow(
      /getSessionId/,
    );
  });
});

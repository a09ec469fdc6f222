import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { AuthOutcome } from '../auth/types.js';
import { isModerationError } from '../errors.js';
import { requireAdmin, requireBot } from './guard.js';

const req = {} as IncomingMessage;
const anon: AuthOutcome = { kind: 'anonymous' };
const bot = (scopes: string[]): AuthOutcome => ({ kind: 'bot', id: 'b', scopes });
const human = (admin: boolean): AuthOutcome => ({ kind: 'human', id: 'h', admin });

async function statusOf(p: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (!isModerationError(e)) throw e;
    return e.code === 'MODERATION_UNAUTHENTICATED' ? 401 : 403;
  }
}

describe('auth matrix', () => {
  const cases: [string, AuthOutcome, AuthOutcome, number | 'ok', number | 'ok'][] = [
    // name, what botAuth says, what humanAuth says, bot route, human route
    ['nobody', anon, anon, 401, 401],
    ['bot with scope', bot(['s']), anon, 'ok', 403],
    ['bot without scope', bot([]), anon, 403, 403],
    ['admin', anon, human(true), 403, 'ok'],
    ['non-admin', anon, human(false), 403, 403],
  ];
  it.each(cases)('%s', async (_name, b, h, onBot, onHuman) => {
    const guards = { botAuth: () => b, humanAuth: async () => h };
    expect(await statusOf(requireBot(guards, req, 's'))).toBe(onBot);
    expect(await statusOf(requireAdmin(guards, req))).toBe(onHuman);
  });

  it('an authenticator answering nonsense counts as anonymous', async () => {
    const guards = { botAuth: () => null as unknown as AuthOutcome, humanAuth: () => anon };
    expect(await statusOf(requireBot(guards, req, 's'))).toBe(401);
  });
});

import type { IncomingMessage } from 'node:http';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isModerationError } from '../errors.js';
import { createBotTokenAuth, generateBotToken, hashBotToken } from './bot-tokens.js';

const req = (authorization?: string) =>
  ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;

describe('createBotTokenAuth', () => {
  const a = generateBotToken();
  const b = generateBotToken();
  const auth = createBotTokenAuth({
    bots: [
      { id: 'triage', tokenHash: a.tokenHash, scopes: ['moderation:queue:read'] },
      { id: 'actor', tokenHash: b.tokenHash, scopes: ['moderation:queue:read', 'moderation:act'] },
    ],
  });

  it('maps each token to its bot and scopes', () => {
    expect(auth(req(`Bearer ${a.token}`))).toEqual({
      kind: 'bot',
      id: 'triage',
      scopes: ['moderation:queue:read'],
    });
    expect(auth(req(`Bearer ${b.token}`))).toMatchObject({ kind: 'bot', id: 'actor' });
  });

  /** regression: issue 15 */
  it('accepts the Bearer scheme in any case (RFC 9110: schemes are case-insensitive)', () => {
    for (const scheme of ['bearer', 'BEARER', 'bEaReR']) {
      expect(auth(req(`${scheme} ${a.token}`))).toMatchObject({ kind: 'bot', id: 'triage' });
    }
  });

  it('treats missing, malformed, unknown and digest-as-token credentials as anonymous', () => {
    for (const h of [
      undefined,
      '',
      'Basic abc',
      `Bearer ${a.token}x`,
      `Bearer  ${a.token}`,
      `Bearer ${a.tokenHash}`,
    ]) {
      expect(auth(req(h))).toEqual({ kind: 'anonymous' });
    }
  });

  it('stores only digests: no token in the config error or the authenticator', () => {
    let err: unknown;
    try {
      createBotTokenAuth({ bots: [{ id: 'x', token: a.token, scopes: [] } as never] });
    } catch (e) {
      err = e;
    }
    expect(isModerationError(err) && err.code).toBe('MODERATION_INVALID_CONFIG');
    expect(JSON.stringify(err) + inspect(err) + inspect(auth)).not.toContain(a.token);
    expect(hashBotToken(a.token)).toBe(a.tokenHash);
  });

  it('refuses duplicate bot ids', () => {
    expect(() =>
      createBotTokenAuth({
        bots: [
          { id: 'x', tokenHash: a.tokenHash, scopes: [] },
          { id: 'x', tokenHash: b.tokenHash, scopes: [] },
        ],
      }),
    ).toThrow(/bots\[1\]\.id/);
  });
});

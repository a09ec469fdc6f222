import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createModerationRouter } from './create-moderation-router.js';
import { isModerationError } from './errors.js';

const fn = async (): Promise<never> => {
  throw new Error('not called');
};
const quarantine = Object.fromEntries(
  [
    'store',
    'getMetadata',
    'list',
    'read',
    'updateStatus',
    'release',
    'delete',
    'createAccessToken',
    'verifyAccessToken',
    'storageStats',
  ].map((m) => [m, fn]),
) as never;
const audit = { log: fn, query: fn } as never;
const base = {
  quarantine,
  audit,
  onRelease: () => undefined,
  botAuth: () => ({ kind: 'anonymous' as const }),
  humanAuth: () => ({ kind: 'anonymous' as const }),
};

function fieldOf(config: unknown): string | undefined {
  try {
    createModerationRouter(config as never);
  } catch (e) {
    if (isModerationError(e) && e.code === 'MODERATION_INVALID_CONFIG') return e.field;
    throw e;
  }
  throw new Error('expected MODERATION_INVALID_CONFIG');
}

describe('createModerationRouter config', () => {
  it.each([
    [{ ...base, signedUrlExpiry: 0 }, 'signedUrlExpiry'],
    [{ ...base, signedUrlExpiry: 3601 }, 'signedUrlExpiry'],
    [{ ...base, signedUrlExpirySeconds: 60 }, 'signedUrlExpirySeconds'],
    [{ ...base, botPolicy: { releaseBelowTier: 'EXTREME' } }, 'botPolicy.releaseBelowTier'],
    [{ ...base, botPolicy: { minReleaseConfidence: 2 } }, 'botPolicy.minReleaseConfidence'],
    [{ ...base, botPolicy: { tierThreshold: 1 } }, 'botPolicy.tierThreshold'],
    [{ ...base, csrfSecret: new Uint8Array(8) }, 'csrfSecret'],
    [{ ...base, csrfTokenTtlMs: 59_999 }, 'csrfTokenTtlMs'],
    [{ ...base, csrfTokenTtlMs: 86_400_001 }, 'csrfTokenTtlMs'],
    [{ ...base, csrfTokenTtlMs: '4h' }, 'csrfTokenTtlMs'],
    [{ ...base, botAuth: undefined }, 'botAuth'],
    [{ ...base, quarantine: {} }, 'quarantine'],
    [{ ...base, onRelease: 'yes' }, 'onRelease'],
    [{ ...base, maxBodyBytes: 10 }, 'maxBodyBytes'],
  ])('refuses %#, naming %s', (config, field) => {
    expect(fieldOf(config)).toBe(field);
  });

  it('hints the upstream name', () => {
    expect(() => createModerationRouter({ ...base, signedUrlExpirySeconds: 60 } as never)).toThrow(
      /use `signedUrlExpiry`/,
    );
  });

  it('keeps the CSRF secret out of the returned object', () => {
    const secret = Buffer.from('s'.repeat(40));
    const router = createModerationRouter({ ...base, csrfSecret: secret });
    const shown = JSON.stringify(router) + inspect(router, { depth: 10, showHidden: true });
    expect(shown).not.toContain('s'.repeat(40));
    expect(shown).not.toContain(secret.toString('base64'));
  });
});

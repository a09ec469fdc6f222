import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { flagsFromEnv } from './flags.js';

const NAMES = [
  'QUARANTINE_ENABLED',
  'AUDIT_ENABLED',
  'RATE_LIMIT_ENABLED',
  'LLM_JUDGE_ENABLED',
  'SSG_DRY_RUN',
] as const;

describe('flagsFromEnv', () => {
  it('switches everything on but DRY_RUN when unset, and reads true and false', () => {
    expect(flagsFromEnv({})).toEqual({
      quarantine: true,
      audit: true,
      rateLimit: true,
      llmJudge: true,
      dryRun: false,
    });
    expect(flagsFromEnv({ AUDIT_ENABLED: 'false', SSG_DRY_RUN: 'true' })).toMatchObject({
      audit: false,
      dryRun: true,
    });
  });

  /** regression: issue 16 — `AUDIT_ENABLED=0` (or `no`, `False`) silently left audit on */
  it('refuses any other value, naming the variable', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.oneof(
          fc.constantFrom('0', '1', 'no', 'yes', 'False', 'TRUE', ' true', 'false\n', '', 'ture'),
          fc.string().filter((v) => v !== 'true' && v !== 'false'),
        ),
        (name, value) => {
          expect(() => flagsFromEnv({ [name]: value })).toThrow(
            new ConfigError(`${name} must be true or false (unset: ${name !== 'SSG_DRY_RUN'})`),
          );
        },
      ),
    );
  });
});

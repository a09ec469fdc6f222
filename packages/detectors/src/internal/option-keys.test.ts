import { describe, expect, it } from 'vitest';
import { isDetectorError } from '../errors.js';
import { defaultPlugins, injectionPlugin, piiPlugin, secretsPlugin } from '../plugins.js';
import { redact } from '../redact.js';
import { createDetector, scan, scanInjection, scanPii, scanSecrets } from '../scan.js';

/** Runs `fn` and returns the DETECTORS_INVALID_OPTIONS error it throws. */
function optionsError(fn: () => unknown): { field?: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isDetectorError(e) && e.code === 'DETECTORS_INVALID_OPTIONS') {
      return { message: e.message, ...(e.field === undefined ? {} : { field: e.field }) };
    }
    throw e;
  }
  throw new Error('expected DETECTORS_INVALID_OPTIONS');
}

const rule = { type: 'my-rule', category: 'secret', pattern: 'zz[0-9]{4}' } as const;

/** Every function of the package that takes an options object, given an unknown key. */
const CASES: readonly {
  readonly call: string;
  readonly run: (key: string) => unknown;
  readonly field: (key: string) => string;
}[] = [
  { call: 'scan(text, options)', run: (k) => scan('x', { [k]: 1 } as never), field: (k) => k },
  {
    call: 'scan(text, { categories, … }) (the cached path)',
    run: (k) => scan('x', { categories: ['pii'], [k]: 1 } as never),
    field: (k) => k,
  },
  { call: 'scanSecrets', run: (k) => scanSecrets('x', { [k]: 1 } as never), field: (k) => k },
  { call: 'scanPii', run: (k) => scanPii('x', { [k]: 1 } as never), field: (k) => k },
  { call: 'scanInjection', run: (k) => scanInjection('x', { [k]: 1 } as never), field: (k) => k },
  { call: 'createDetector', run: (k) => createDetector({ [k]: 1 } as never), field: (k) => k },
  { call: 'redact(text, options)', run: (k) => redact('x', { [k]: 1 } as never), field: (k) => k },
  {
    call: 'customRules[i]',
    run: (k) => scan('x', { customRules: [{ ...rule, [k]: 1 }] as never }),
    field: (k) => `customRules[0].${k}`,
  },
  { call: 'secretsPlugin', run: (k) => secretsPlugin({ [k]: 1 } as never), field: (k) => k },
  { call: 'piiPlugin', run: (k) => piiPlugin({ [k]: 1 } as never), field: (k) => k },
  { call: 'injectionPlugin', run: (k) => injectionPlugin({ [k]: 1 } as never), field: (k) => k },
  {
    call: 'plugin severityScores',
    run: (k) => secretsPlugin({ severityScores: { [k]: 1 } as never }),
    field: (k) => `severityScores.${k}`,
  },
  { call: 'defaultPlugins', run: (k) => defaultPlugins({ [k]: 1 } as never), field: (k) => k },
  ...(['secrets', 'pii', 'injection'] as const).map((nested) => ({
    call: `defaultPlugins({ ${nested}: … })`,
    run: (k: string) => defaultPlugins({ [nested]: { [k]: 1 } } as never),
    field: (k: string) => `${nested}.${k}`,
  })),
];

describe('nothing silently ignored', () => {
  /** regression: issue 11 */
  it.each(CASES)('$call rejects an unknown key, naming it', (c) => {
    const e = optionsError(() => c.run('notAnOption'));
    expect(e.field).toBe(c.field('notAnOption'));
    expect(e.message).toContain('`notAnOption`');
  });

  it('an unknown key is refused on every call, even after the same options were cached', () => {
    expect(scan('mail jo@example.org', { categories: ['pii'] })).toHaveLength(1);
    expect(
      optionsError(() => scan('x', { categories: ['pii'], categorie: ['x'] } as never)).message,
    ).toContain('did you mean `categories`?');
  });

  it('gives hints for foreign names', () => {
    expect(optionsError(() => scan('x', { rules: [] } as never)).message).toContain(
      '`customRules`',
    );
    expect(optionsError(() => defaultPlugins({ id: 'x' } as never)).message).toContain(
      '`{ secrets: { id } }`',
    );
  });

  it('still accepts every documented shape', () => {
    expect(() =>
      defaultPlugins({
        minConfidence: 0.5,
        severityScores: { low: 10 },
        perExtraFinding: 3,
        secrets: { id: 's2', priority: 5 },
        pii: { enabled: false },
      }),
    ).not.toThrow();
    expect(redact('mail jo@example.org', { previous: [] }).text).toBe('mail [EMAIL#1]');
    expect(() => createDetector({ customRules: [rule], allowlist: ['a'] })).not.toThrow();
  });
});

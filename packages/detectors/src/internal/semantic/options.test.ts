import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultPlugins, injectionPlugin, isDetectorError, scan } from '../../index.js';
import { semanticScore } from './model.js';

const texts = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../../model/sample.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

function fieldOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (isDetectorError(e) && e.code === 'DETECTORS_INVALID_OPTIONS') return e.field;
    throw e;
  }
  return undefined;
}

// A sample text that no rule flags, with the model's probability for it.
const quiet = texts
  .map((t) => ({ t, p: semanticScore(t).probability }))
  .filter(
    (x) => scan(x.t, { categories: ['injection'], semantic: { enabled: false } }).length === 0,
  )
  .sort((a, b) => b.p - a.p)[0];

describe('the semantic option', () => {
  /** regression: issue 13 */
  it('rejects unknown keys and invalid values with a typed error naming the field', () => {
    expect(fieldOf(() => scan('x', { semantic: { threshhold: 0.5 } as never }))).toMatch(
      /semantic/,
    );
    expect(fieldOf(() => scan('x', { semantic: { enabled: true, threshold: 0 } }))).toBe(
      'semantic.threshold',
    );
    expect(fieldOf(() => scan('x', { semantic: { enabled: true, threshold: 1 } }))).toBe(
      'semantic.threshold',
    );
    expect(
      fieldOf(() => scan('x', { semantic: { enabled: true, threshold: '0.5' as never } })),
    ).toBe('semantic.threshold');
    expect(fieldOf(() => scan('x', { semantic: { enabled: 'no' as never } }))).toBe(
      'semantic.enabled',
    );
    expect(fieldOf(() => scan('x', { semantic: null as never }))).toBe('semantic');
    expect(fieldOf(() => injectionPlugin({ semantic: { enabled: true, threshold: 2 } }))).toBe(
      'semantic.threshold',
    );
    expect(
      fieldOf(() => defaultPlugins({ injection: { semantic: { on: true } as never } })),
    ).toMatch(/semantic/);
  });

  it('sets the operating point: a text no rule flags gets a semantic finding at a threshold below its probability', () => {
    expect(quiet).toBeDefined();
    const { t, p } = quiet as { t: string; p: number };
    expect(p).toBeGreaterThan(0.0002);
    const below = Math.max(0.0001, Math.floor(p * 5000) / 10_000);
    const found = scan(t, {
      categories: ['injection'],
      semantic: { enabled: true, threshold: below },
    });
    expect(found.map((f) => f.type)).toEqual(['semantic']);
    // Reported confidences may be rounded further by the finding stage.
    expect(found[0]?.confidence).toBeCloseTo(p, 2);
    expect(found[0]?.redacted).not.toContain(t.slice(0, 12));
    const above = Math.min(0.9999, p + 0.0001);
    expect(
      scan(t, { categories: ['injection'], semantic: { enabled: true, threshold: above } }),
    ).toEqual([]);
  });

  it('is off by default and when disabled: no semantic finding, cached options kept apart', () => {
    for (const t of texts) {
      const off = scan(t, { semantic: { enabled: false } });
      expect(off.some((f) => f.type === 'semantic')).toBe(false);
    }
    const { t } = quiet as { t: string };
    const low = scan(t, { semantic: { enabled: true, threshold: 0.0001 } });
    expect(low.some((f) => f.type === 'semantic')).toBe(true);
    // Off by default; a threshold alone is refused rather than silently ignored.
    expect(scan(t).some((f) => f.type === 'semantic')).toBe(false);
    expect(fieldOf(() => scan(t, { semantic: { threshold: 0.0001 } }))).toBe('semantic.threshold');
    expect(scan(t, { semantic: { enabled: true, threshold: 0.0001 } })).toEqual(low);
  });

  it('reaches the injection plugin, alone and in defaultPlugins', async () => {
    const { t } = quiet as { t: string };
    const env = { text: t, contentType: 'POST' } as const;
    const ctx = { signal: new AbortController().signal };
    const on = injectionPlugin({ semantic: { enabled: true, threshold: 0.0001 } });
    const off = injectionPlugin({ semantic: { enabled: false } });
    expect((await on.analyze(env, ctx)).labels).toContain('INJECTION_SEMANTIC');
    expect((await off.analyze(env, ctx)).labels).toEqual([]);
    const [, , inj] = defaultPlugins({
      injection: { semantic: { enabled: true, threshold: 0.0001 } },
    });
    expect((await inj?.analyze(env, ctx))?.labels).toContain('INJECTION_SEMANTIC');
    const [, , quietInj] = defaultPlugins({ injection: { semantic: { enabled: false } } });
    expect((await quietInj?.analyze(env, ctx))?.labels).toEqual([]);
  });
});

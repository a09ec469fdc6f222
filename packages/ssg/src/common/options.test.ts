import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOptions, isPlainObject, type OptionsSpec, optionKeys } from './options.js';

class TestConfigError extends Error {
  override readonly name = 'TestConfigError';
  readonly code = 'TEST_INVALID_CONFIG';
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

type Config = { readonly plugins: readonly string[]; readonly tiers?: number; readonly mode?: 'A' };

const spec: OptionsSpec = {
  name: 'createThing config',
  keys: optionKeys<Config>({ plugins: true, tiers: true, mode: true }),
  hints: { tierThresholds: "upstream's name for `tiers`; rename it to `tiers`" },
  error: (field, message) => new TestConfigError(field, message),
};

function thrown(fn: () => unknown): TestConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TestConfigError) return e;
    throw e;
  }
  throw new Error('expected a config error');
}

describe('checkOptions', () => {
  it('accepts known keys, including ones set to undefined', () => {
    const value = { plugins: [], tiers: undefined };
    expect(checkOptions(value, spec)).toBe(value);
  });

  /** regression: issue 11 */
  it('names an unknown key and gives the hint of a known foreign name', () => {
    const e = thrown(() => checkOptions({ plugins: [], tierThresholds: [] }, spec));
    expect(e.field).toBe('tierThresholds');
    expect(e.message).toContain('unknown option `tierThresholds`');
    expect(e.message).toContain('rename it to `tiers`');
  });

  it('rejects an unknown key even when its value is undefined', () => {
    expect(thrown(() => checkOptions({ plugins: [], tierThreshold: undefined }, spec)).field).toBe(
      'tierThreshold',
    );
  });

  it('suggests the near miss of a known key', () => {
    expect(thrown(() => checkOptions({ plugin: [] }, spec)).message).toContain(
      'did you mean `plugins`?',
    );
    expect(thrown(() => checkOptions({ MODE: 'A' }, spec)).message).toContain('`mode`');
  });

  it('lists the known options when nothing is close', () => {
    expect(thrown(() => checkOptions({ zzzzzzzz: 1 }, spec)).message).toContain(
      'known options: `plugins`, `tiers`, `mode`',
    );
  });

  it('prefixes nested fields with the path', () => {
    const e = thrown(() => checkOptions({ bucketName: 'b' }, { ...spec, path: 'storage' }));
    expect(e.field).toBe('storage.bucketName');
  });

  it('quotes and cuts keys that are not identifiers, so they cannot forge a log line', () => {
    const key = `a\nINFO forged ${'x'.repeat(200)}`;
    const e = thrown(() => checkOptions({ [key]: 1 }, spec));
    expect(e.message).not.toContain('\n');
    expect(e.message.length).toBeLessThan(400);
    expect(e.field.startsWith('"a\\nINFO')).toBe(true);
  });

  it('counts many unknown keys without listing them all', () => {
    const value = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`extra${i}`, i]));
    expect(thrown(() => checkOptions(value, spec)).message).toContain('and 4 more');
  });

  /** regression: issue 11 */
  it('rejects a value that is not an options object, with the shape hint', () => {
    const positional = { ...spec, shapeHint: 'pass `{ trustLevel }`' };
    const e = thrown(() => checkOptions('ESTABLISHED', positional));
    expect(e.field).toBe('options');
    expect(e.message).toContain('expected an options object (got a string)');
    expect(e.message).toContain('pass `{ trustLevel }`');
    expect(e.message).not.toContain('ESTABLISHED');
    for (const bad of [null, 42, [], new Date(0), new Map(), () => 1]) {
      expect(() => checkOptions(bad, spec)).toThrow(TestConfigError);
    }
  });

  it('accepts undefined only when optional', () => {
    expect(checkOptions(undefined, spec, { optional: true })).toEqual({});
    expect(() => checkOptions(undefined, spec)).toThrow(TestConfigError);
  });

  it('accepts null-prototype objects', () => {
    const value = Object.assign(Object.create(null) as object, { plugins: [] });
    expect(isPlainObject(value)).toBe(true);
    expect(() => checkOptions(value, spec)).not.toThrow();
  });

  it('never reads a value it rejects (a getter on an unknown key is not called)', () => {
    let reads = 0;
    const value = {
      plugins: [],
      get secretish() {
        reads += 1;
        return 'x';
      },
    };
    expect(() => checkOptions(value, spec)).toThrow(TestConfigError);
    expect(reads).toBe(0);
  });
});

describe('checkOptions properties', () => {
  const known = fc.subarray(['plugins', 'tiers', 'mode']);
  const foreign = fc.string({ minLength: 1, maxLength: 30 }).filter((k) => !spec.keys.includes(k));

  it('any object of known keys passes', () => {
    fc.assert(
      fc.property(known, fc.anything(), (keys, v) => {
        const value = Object.fromEntries(keys.map((k) => [k, v]));
        expect(checkOptions(value, spec)).toBe(value);
      }),
    );
  });

  it('any object with a foreign key fails with that key as the field', () => {
    fc.assert(
      fc.property(known, foreign, (keys, extra) => {
        const value: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, 1]));
        Object.defineProperty(value, extra, { value: 1, enumerable: true });
        const e = thrown(() => checkOptions(value, spec));
        const rendered = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/.test(extra)
          ? extra
          : JSON.stringify(extra.length > 40 ? `${extra.slice(0, 40)}…` : extra);
        expect(e.field).toBe(rendered);
        expect(e.message).toContain(rendered);
      }),
    );
  });

  it('any non-object is rejected', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.nat())),
        (value) => {
          expect(thrown(() => checkOptions(value, spec)).field).toBe('options');
        },
      ),
    );
  });
});

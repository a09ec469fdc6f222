import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditErrorCode } from './errors.js';
import {
  canonicalMetadata,
  DEFAULT_FORBIDDEN_METADATA_KEYS,
  type MetadataLimits,
} from './metadata.js';

const LIMITS: MetadataLimits = {
  maxMetadataBytes: 8192,
  maxMetadataStringLength: 1024,
  maxMetadataDepth: 8,
  forbiddenMetadataKeys: new Set(DEFAULT_FORBIDDEN_METADATA_KEYS),
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('canonicalMetadata', () => {
  it('sorts keys, drops undefined properties and has no whitespace', () => {
    expect(
      canonicalMetadata({ b: 1, a: { d: [1, 'x', null], c: true }, u: undefined }, LIMITS),
    ).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
  });

  it('property: canonical text is stable under key order and a JSON round trip', () => {
    const json = fc.jsonValue({ maxDepth: 4 }).filter((v) => JSON.stringify(v).length < 4000);
    fc.assert(
      fc.property(
        fc.dictionary(
          fc
            .string({ maxLength: 8 })
            .filter((k) => !LIMITS.forbiddenMetadataKeys.has(k.toLowerCase())),
          json,
        ),
        (obj) => {
          let text: string;
          try {
            text = canonicalMetadata(obj, LIMITS);
          } catch {
            return; // rejected values are covered by the cases below
          }
          const reparsed = JSON.parse(text) as Record<string, unknown>;
          const reversed = Object.fromEntries(Object.entries(reparsed).reverse());
          expect(canonicalMetadata(reversed, LIMITS)).toBe(text);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(obj)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ['a function', { f: () => 1 }],
    ['a bigint', { n: 1n }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['a Date', { d: new Date() }],
    ['a Map', { m: new Map() }],
    ['a symbol value', { s: Symbol('x') }],
    ['a NUL character', { s: 'a\u0000b' }],
    ['a lone surrogate', { s: '\ud800' }],
    ['an array at the top', [1, 2]],
    ['a string at the top', 'text'],
    ['too deep nesting', { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } }],
  ])('rejects %s as not serialisable', (_name, value) => {
    expect(codeOf(() => canonicalMetadata(value, LIMITS))).toBe(
      AuditErrorCode.METADATA_NOT_SERIALIZABLE,
    );
  });

  /** regression: issue 5 (a holey array encoded as `[1,,2]`, invalid JSON that failed its whole batch) */
  it('rejects holes in arrays, even in a huge sparse array, as not serialisable', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
    const holey = [1, , 2];
    const huge: unknown[] = [];
    huge.length = 2 ** 31;
    for (const a of [holey, huge, [undefined]]) {
      expect(codeOf(() => canonicalMetadata({ a }, LIMITS))).toBe(
        AuditErrorCode.METADATA_NOT_SERIALIZABLE,
      );
    }
  });

  /** regression: issue 5 (a throwing getter escaped as an untyped error quoting its message) */
  it('turns a throwing getter or Proxy trap into a typed error without its message', () => {
    const canary = 'CANARY_raw_content_7f3a';
    const getter = {
      get x(): never {
        throw new Error(canary);
      },
    };
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error(canary);
        },
      },
    );
    for (const value of [getter, { nested: getter }, trap]) {
      let caught: unknown;
      try {
        canonicalMetadata(value, LIMITS);
      } catch (e) {
        caught = e;
      }
      expect(caught).toMatchObject({ code: AuditErrorCode.METADATA_NOT_SERIALIZABLE });
      expect(inspect(caught)).not.toContain(canary);
    }
  });

  it('rejects cycles', () => {
    const a: Record<string, unknown> = {};
    a.b = { a };
    expect(codeOf(() => canonicalMetadata(a, LIMITS))).toBe(
      AuditErrorCode.METADATA_NOT_SERIALIZABLE,
    );
  });

  it('allows the same object twice (no cycle)', () => {
    const shared = { x: 1 };
    expect(canonicalMetadata({ a: shared, b: shared }, LIMITS)).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('guards against raw content: forbidden keys at any depth, any case, and overlong strings', () => {
    expect(codeOf(() => canonicalMetadata({ content: 'x' }, LIMITS))).toBe(
      AuditErrorCode.METADATA_RAW_CONTENT,
    );
    expect(codeOf(() => canonicalMetadata({ a: [{ Prompt: 'x' }] }, LIMITS))).toBe(
      AuditErrorCode.METADATA_RAW_CONTENT,
    );
    expect(codeOf(() => canonicalMetadata({ note: 'x'.repeat(1025) }, LIMITS))).toBe(
      AuditErrorCode.METADATA_RAW_CONTENT,
    );
    expect(canonicalMetadata({ contentLength: 12, textId: 'q-1' }, LIMITS)).toBe(
      '{"contentLength":12,"textId":"q-1"}',
    );
  });

  it('enforces the byte size limit on the encoded form', () => {
    const limits = { ...LIMITS, maxMetadataBytes: 20 };
    expect(canonicalMetadata({ a: 'é'.repeat(6) }, limits)).toBe('{"a":"éééééé"}');
    expect(codeOf(() => canonicalMetadata({ a: 'é'.repeat(7) }, limits))).toBe(
      AuditErrorCode.METADATA_TOO_LARGE,
    );
  });
});

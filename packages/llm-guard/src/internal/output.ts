/**
 * The vendor's answer must be JSON valid against the caller's schema (ajv).
 * Validators are compiled once per schema object.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { JsonSchema } from '../types.js';

/** Validates answers against schemas. */
export type OutputValidator = {
  /** Compiles (or reuses) the validator of `schema`; throws on an invalid schema. */
  compile(schema: JsonSchema): ValidateFunction;
  /** Parses and validates an answer; `problems` are schema paths and messages, never values. */
  check(
    text: string,
    validate: ValidateFunction,
  ): { ok: true; value: unknown } | { ok: false; problems: string };
};

const FENCE = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/;

/**
 * Creates a validator with its own ajv instance and compile cache.
 *
 * @returns the validator
 */
export function createOutputValidator(): OutputValidator {
  const ajv = new Ajv({ allErrors: false, strict: false });
  const cache = new WeakMap<object, ValidateFunction>();
  return {
    compile(schema) {
      const cached = cache.get(schema);
      if (cached !== undefined) return cached;
      const validate = ajv.compile(schema);
      cache.set(schema, validate);
      return validate;
    },
    check(text, validate) {
      let value: unknown;
      try {
        value = JSON.parse(FENCE.exec(text)?.[1] ?? text);
      } catch {
        return { ok: false, problems: 'the answer is not JSON' };
      }
      if (validate(value)) return { ok: true, value };
      const problems = (validate.errors ?? [])
        .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
        .join('; ');
      return { ok: false, problems: problems || 'the answer does not match the schema' };
    },
  };
}

/**
 * Applies `fn` to every string in a JSON value (keys kept), returning a copy.
 *
 * @param value - parsed JSON
 * @param fn - the string transform (restoration)
 * @returns the transformed copy
 */
export function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, fn);
    return out;
  }
  return value;
}

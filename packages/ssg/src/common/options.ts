/**
 * Nothing silently ignored (ARCHITECTURE.md): every factory and every method
 * that takes an options object checks it here. An unknown key, or a value
 * that is not an options object at all, becomes the package's own typed
 * config error naming the key, with a hint when the key is a known foreign
 * (e.g. upstream) name or a near miss of a known one.
 */
import { renderKey, suggestKey } from './key-names.js';

/** Builds the package's typed config error (e.g. `SSG_INVALID_CONFIG`) for `field`. */
export type ConfigErrorFactory = (field: string, message: string) => Error;

/** What {@link checkOptions} checks an object against. */
export type OptionsSpec = {
  /** How messages name the object, e.g. `'createSSG config'` or `'check() options'`. */
  readonly name: string;
  /** Every key the object may have; build it with {@link optionKeys} from the config type. */
  readonly keys: readonly string[];
  /**
   * Foreign names the host may bring (upstream's, another library's) → what
   * to write instead, e.g. `{ tierThresholds: 'upstream name; use `tiers`' }`.
   */
  readonly hints?: Readonly<Record<string, string>>;
  /** Field prefix for nested objects, e.g. `'storage'` makes `storage.bucketName`. */
  readonly path?: string;
  /**
   * Extra text when the value is not an object (e.g. a positional argument
   * where an options object belongs).
   */
  readonly shapeHint?: string;
  /** Builds the package's typed config error. */
  readonly error: ConfigErrorFactory;
};

/** Options of {@link checkOptions}. */
export type CheckOptionsMode = {
  /**
   * Accept `undefined` (an omitted options argument) as `{}`.
   * @default false
   */
  readonly optional?: boolean;
};

const MAX_LISTED = 5;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object that is not a plain options object';
  return `a ${typeof value}`;
}

/**
 * Tells whether `value` is a plain object: created by `{}` or
 * `Object.create(null)` (in any realm), not an array, a class instance or a
 * primitive.
 *
 * @param value - anything
 * @returns true for plain objects
 */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Asserts that `value` is a plain options object.
 *
 * @param value - what the caller passed
 * @param spec - what the object is and which error to throw
 * @throws the package's config error (via `spec.error`) naming `spec.path` or `options`
 */
export function assertOptionsObject(
  value: unknown,
  spec: OptionsSpec,
): asserts value is Readonly<Record<string, unknown>> {
  if (isPlainObject(value)) return;
  const hint = spec.shapeHint === undefined ? '' : `; ${spec.shapeHint}`;
  throw spec.error(
    spec.path ?? 'options',
    `${spec.name}: expected an options object (got ${describeType(value)})${hint}`,
  );
}

function fieldOf(spec: OptionsSpec, key: string): string {
  const rendered = renderKey(key);
  return spec.path === undefined ? rendered : `${spec.path}.${rendered}`;
}

function adviceFor(key: string, spec: OptionsSpec): string {
  const hint = spec.hints !== undefined && Object.hasOwn(spec.hints, key) ? spec.hints[key] : '';
  if (hint !== undefined && hint !== '') return hint;
  const near = suggestKey(key, spec.keys);
  if (near !== undefined) return `did you mean \`${near}\`?`;
  return `known options: ${spec.keys.map((k) => `\`${k}\``).join(', ') || 'none'}`;
}

/**
 * Rejects every own enumerable key of `value` that is not in `spec.keys`.
 * A key whose value is `undefined` counts too: a misspelt option is an
 * error whatever it holds.
 *
 * @param value - the options object
 * @param spec - the allowed keys, hints and error factory
 * @throws the package's config error (via `spec.error`) whose `field` is the first unknown key
 */
export function rejectUnknownKeys(value: object, spec: OptionsSpec): void {
  // Runs on every inspect(): the usual answer (all keys known) allocates nothing
  // beyond the key list, and option lists are short enough for a linear search.
  const keys = Object.keys(value);
  if (keys.every((key) => spec.keys.includes(key))) return;
  const unknown = keys.filter((key) => !spec.keys.includes(key));
  const first = unknown[0] as string;
  const listed = unknown.slice(0, MAX_LISTED).map((k) => `\`${renderKey(k)}\``);
  const more = unknown.length > MAX_LISTED ? ` and ${unknown.length - MAX_LISTED} more` : '';
  const noun = unknown.length === 1 ? 'option' : 'options';
  throw spec.error(
    fieldOf(spec, first),
    `${spec.name}: unknown ${noun} ${listed.join(', ')}${more}; ${adviceFor(first, spec)}`,
  );
}

/**
 * {@link assertOptionsObject} then {@link rejectUnknownKeys}: the one call
 * a factory or method makes on its options argument.
 *
 * @param value - what the caller passed
 * @param spec - the allowed keys, hints and error factory
 * @param mode - `optional: true` accepts `undefined` as `{}`
 * @returns the options object (typed as a record for further validation)
 * @throws the package's config error naming the key or the argument
 */
export function checkOptions(
  value: unknown,
  spec: OptionsSpec,
  mode: CheckOptionsMode = {},
): Readonly<Record<string, unknown>> {
  if (value === undefined && mode.optional === true) return {};
  assertOptionsObject(value, spec);
  rejectUnknownKeys(value, spec);
  return value;
}

/** Every key of `T` mapped to `true`; a missing or extra key is a compile error. */
export type KeySet<T> = { readonly [K in keyof T]-?: true };

/**
 * Lists the allowed keys of a config type. Written as an object literal
 * typed by the config, so adding a field to the type without adding it here
 * (or the other way round) fails to compile: the list cannot drift.
 *
 * @param keys - `{ field: true, ... }` for every field of `T`
 * @returns the key names
 * @example
 * ```ts
 * const KEYS = optionKeys<SSGConfig>({ plugins: true, mode: true, ... });
 * ```
 */
export function optionKeys<T>(keys: KeySet<T>): readonly string[] {
  return Object.freeze(Object.keys(keys));
}

/**
 * A small bounded cache of resolved options, keyed by a canonical string of
 * the plain option fields, so `scan(text, { categories: ['secret'] })` with a
 * fresh object per call does not rebuild sets and re-validate every time.
 * Options with custom rules are never cached (their patterns are objects).
 */
import { isPlainObject } from '@clawexchange/ssg/common';
import type { ScanOptions } from '../types.js';

/** Most option sets kept; the oldest entry is dropped beyond this. */
export const OPTIONS_CACHE_SIZE = 64;
/** Keys longer than this (huge allowlists) are not cached. */
const MAX_KEY_CHARS = 4096;

const LIST_FIELDS = ['categories', 'types', 'excludeTypes', 'allowlist'] as const;
const SCALAR_FIELDS = ['minConfidence', 'maxInputChars', 'oversize', 'maxDecodeDepth'] as const;

// Length-prefixed parts keep the key injective whatever characters the strings hold.
function listPart(v: unknown): string | undefined {
  if (v === undefined) return '-';
  if (!Array.isArray(v)) return undefined;
  let part = `[${v.length}`;
  for (const x of v) {
    if (typeof x !== 'string') return undefined;
    part += `,${x.length}:${x}`;
  }
  return part;
}

function scalarPart(v: unknown): string | undefined {
  if (v === undefined) return '-';
  if (typeof v === 'number') return Number.isFinite(v) ? `n${v}` : undefined;
  if (typeof v === 'string') return `s${v.length}:${v}`;
  return undefined;
}

/** The `semantic` option's part of a cache key (plain booleans and numbers only). */
function semanticPart(v: unknown): string | undefined {
  if (v === undefined) return '-|';
  if (typeof v !== 'object' || v === null || Object.keys(v).some((k) => !SEMANTIC_FIELDS.has(k)))
    return undefined;
  const { enabled, threshold } = v as { enabled?: unknown; threshold?: unknown };
  if (enabled !== undefined && typeof enabled !== 'boolean') return undefined;
  const t = scalarPart(threshold);
  return t === undefined ? undefined : `e${String(enabled)}t${t}|`;
}

const SEMANTIC_FIELDS: ReadonlySet<string> = new Set(['enabled', 'threshold']);

/**
 * Canonical key for options that can be cached, or `undefined` when they
 * cannot (custom rules, unexpected value types, very long lists). Distinct
 * valid option sets always get distinct keys.
 */
export function optionsKey(o: ScanOptions): string | undefined {
  const custom = o.customRules;
  if (custom !== undefined && !(Array.isArray(custom) && custom.length === 0)) return undefined;
  let key = semanticPart(o.semantic);
  if (key === undefined) return undefined;
  for (const f of LIST_FIELDS) {
    const p = listPart(o[f]);
    if (p === undefined) return undefined;
    key += `${p}|`;
  }
  for (const f of SCALAR_FIELDS) {
    const p = scalarPart(o[f]);
    if (p === undefined) return undefined;
    key += `${p}|`;
  }
  return key.length <= MAX_KEY_CHARS ? key : undefined;
}

/** Bit of a category name, or 0 for anything else. */
function categoryBit(c: unknown): number {
  switch (c) {
    case 'secret':
      return 1;
    case 'pii':
      return 2;
    case 'injection':
      return 4;
    default:
      return 0;
  }
}

/**
 * The `semantic` option's part of a quick slot: 0 unset, 1 `{ enabled: true }`,
 * 2 `{ enabled: false }` (a plain object with that one key); `undefined` for
 * anything else (a threshold, another key), which takes the keyed cache.
 */
function semanticSlot(v: unknown): number | undefined {
  if (v === undefined) return 0;
  // The objects resolveSemantic's options check accepts, no others.
  if (!isPlainObject(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1 || keys[0] !== 'enabled') return undefined;
  // Read as resolveSemantic reads it: a hidden (non-enumerable) threshold still counts.
  const { enabled, threshold } = v as { enabled?: unknown; threshold?: unknown };
  if (threshold !== undefined) return undefined;
  return enabled === true ? 1 : enabled === false ? 2 : undefined;
}

/** Number of quick slots {@link optionsSlot} may return (categories × semantic states). */
export const OPTIONS_SLOTS = 24;

/**
 * For options that set nothing but valid categories and the model switch
 * (`semantic: { enabled }`), a slot number below {@link OPTIONS_SLOTS}:
 * the categories as a bitmask (secret 1, pii 2, injection 4; all when
 * unset) plus 8 × the model state, so the common cases need no string key;
 * `undefined` for anything else.
 */
export function optionsSlot(o: ScanOptions): number | undefined {
  // Named reads (not a loop over field names) keep this cheap on every call.
  if (
    o.types !== undefined ||
    o.excludeTypes !== undefined ||
    o.allowlist !== undefined ||
    o.minConfidence !== undefined ||
    o.maxInputChars !== undefined ||
    o.oversize !== undefined ||
    o.maxDecodeDepth !== undefined
  )
    return undefined;
  const custom = o.customRules;
  if (custom !== undefined && !(Array.isArray(custom) && custom.length === 0)) return undefined;
  const semantic = semanticSlot(o.semantic);
  if (semantic === undefined) return undefined;
  const cats = o.categories;
  if (cats === undefined) return 7 + 8 * semantic;
  if (!Array.isArray(cats)) return undefined;
  let mask = 0;
  for (const c of cats) {
    const bit = categoryBit(c);
    if (bit === 0) return undefined;
    mask |= bit;
  }
  return mask + 8 * semantic;
}

/** A bounded map from option keys to resolved values (insertion-order eviction). */
export class OptionsCache<V> {
  readonly #map = new Map<string, V>();

  /** Number of cached entries. */
  get size(): number {
    return this.#map.size;
  }

  /** The cached value for `key`, if any. */
  get(key: string): V | undefined {
    return this.#map.get(key);
  }

  /** Stores `value`, evicting the oldest entry when full. */
  set(key: string, value: V): void {
    if (this.#map.size >= OPTIONS_CACHE_SIZE && !this.#map.has(key)) {
      const oldest = this.#map.keys().next();
      if (!oldest.done) this.#map.delete(oldest.value);
    }
    this.#map.set(key, value);
  }
}

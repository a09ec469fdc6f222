import type { QuarantineMetrics } from './metrics.js';
import type { ObjectStore } from './object-store.js';
import type { ResolvedConfig } from './resolve-config.js';

/** Everything the operations close over. */
export type Context = ResolvedConfig & {
  readonly objects: ObjectStore;
  readonly metrics: QuarantineMetrics;
};

/** Object key `<prefix>YYYY/MM/DD/<id>` from the record's creation date (UTC). */
export function objectKey(prefix: string, createdAt: Date, id: string): string {
  const y = createdAt.getUTCFullYear().toString().padStart(4, '0');
  const m = (createdAt.getUTCMonth() + 1).toString().padStart(2, '0');
  const d = createdAt.getUTCDate().toString().padStart(2, '0');
  return `${prefix}${y}/${m}/${d}/${id}`;
}

/** The record id an object key names, or null when the key is not ours. */
export function idFromKey(prefix: string, key: string): string | null {
  if (!key.startsWith(prefix)) return null;
  const match = /^\d{4}\/\d{2}\/\d{2}\/([0-9a-f-]{36})$/.exec(key.slice(prefix.length));
  return match?.[1] ?? null;
}

/** Error fields safe to log: name and code, never messages of third parties. */
export function errorFields(e: unknown): Record<string, unknown> {
  const err = e as { name?: unknown; code?: unknown };
  return {
    errorName: typeof err?.name === 'string' ? err.name : 'unknown',
    ...(typeof err?.code === 'string' ? { errorCode: err.code } : {}),
  };
}

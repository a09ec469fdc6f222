import type { QuarantineMetrics } from './metrics.js';
import type { ObjectStore } from './object-store.js';
import type { ResolvedConfig } from './resolve-config.js';

/** Everything the operations close over. */
export type Context = ResolvedConfig & {
  readonly objects: ObjectStore;
  readonly metrics: QuarantineMetrics;
  /** This database's installation id (read once, then kept); see `installation.ts`. */
  readonly installationId: () => Promise<string>;
};

/** Error fields safe to log: name and code, never messages of third parties. */
export function errorFields(e: unknown): Record<string, unknown> {
  const err = e as { name?: unknown; code?: unknown };
  return {
    errorName: typeof err?.name === 'string' ? err.name : 'unknown',
    ...(typeof err?.code === 'string' ? { errorCode: err.code } : {}),
  };
}

/**
 * The quarantine factory.
 */
import type { QuarantineSink } from '@clawexchange/ssg';
import type { QuarantineConfig } from './config.js';
import { createToken, verifyToken } from './internal/access.js';
import { runCleanup } from './internal/cleanup.js';
import type { Context } from './internal/context.js';
import { installationIdLoader } from './internal/installation.js';
import {
  getVisible,
  readContent,
  releaseContent,
  updateRecordStatus,
} from './internal/lifecycle.js';
import { keyUsage, listRecords, storageStats } from './internal/listing.js';
import { createMetrics } from './internal/metrics.js';
import { createObjectStore } from './internal/object-store.js';
import { withOptionChecks } from './internal/options.js';
import { validateConfig } from './internal/resolve-config.js';
import { rotate } from './internal/rotation.js';
import { storeContent } from './internal/store.js';
import type { Quarantine } from './types.js';

/**
 * Creates the quarantine service: AES-256-GCM envelope encryption (a fresh
 * data key per record, wrapped by the master key), ciphertext in S3 under
 * `quarantine/<installationId>/YYYY/MM/DD/<id>` (the installation id is
 * this database's, drawn by `quarantineMigrations`), metadata and wrapped
 * keys in PostgreSQL.
 * The config is validated here, before any I/O. Keys, credentials and the
 * database handle stay in closures: the returned object holds only methods.
 *
 * @param config - see {@link QuarantineConfig}
 * @returns a {@link Quarantine}, which satisfies the ssg `QuarantineSink`
 * @throws {QuarantineError} QUARANTINE_INVALID_CONFIG naming the field (e.g. `encryption.masterKey`, `storage.bucket`)
 * @example
 * const quarantine = createQuarantineService({
 *   storage: { endpoint, bucket, accessKey, secretKey, region, forcePathStyle },
 *   encryption: { masterKey },
 *   database: sequelize,
 *   expiryHours: 72,
 * });
 * const id = await quarantine.store('health-check', { tier: 'CLEAR', labels: [], pluginResults: [] });
 */
export function createQuarantineService(config: QuarantineConfig): Quarantine {
  const resolved = validateConfig(config);
  const ctx: Context = {
    ...resolved,
    objects: createObjectStore(
      resolved.s3,
      resolved.bucket,
      resolved.sse,
      resolved.storageTimeoutMs,
    ),
    metrics: createMetrics(resolved.meter),
    // Read on first use, never here: the factory does no I/O.
    installationId: installationIdLoader(resolved.db),
  };
  const service = {
    store: (content, metadata) => storeContent(ctx, content, metadata),
    getMetadata: (id) => getVisible(ctx, id),
    list: (options) => listRecords(ctx, options),
    read: (id) => readContent(ctx, id),
    updateStatus: (id, status, options) => updateRecordStatus(ctx, id, status, options),
    release: (id, options) => releaseContent(ctx, id, options),
    delete: (id, options) => updateRecordStatus(ctx, id, 'DELETED', options),
    createAccessToken: (id, options) => createToken(ctx, id, options),
    verifyAccessToken: (token, options) => verifyToken(ctx, token, options),
    cleanup: () => runCleanup(ctx),
    storageStats: () => storageStats(ctx),
    rotateKeys: (options) => rotate(ctx, options),
    keyUsage: () => keyUsage(ctx),
  } satisfies Quarantine & QuarantineSink;
  // Frozen, with every options argument checked (nothing silently ignored).
  return withOptionChecks(service);
}

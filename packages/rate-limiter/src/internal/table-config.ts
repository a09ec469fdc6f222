import { type ResolvedTier, resolveTier } from '../config.js';
import { RateLimiterError, RateLimiterErrorCode } from '../errors.js';
import type { SequelizeLike } from '../types.js';

/** What the config tables hold, validated. */
export type TableConfig = {
  readonly tiers: ReadonlyMap<string, ResolvedTier>;
  readonly trust: ReadonlyMap<string, number>;
};

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const COLUMN: Readonly<Record<string, string>> = {
  limit: 'window_limit',
  windowMs: 'window_ms',
  burst: 'burst_limit',
  burstWindowMs: 'burst_window_ms',
  buckets: 'buckets',
};

function rowError(field: string, expected: string): RateLimiterError {
  return new RateLimiterError(
    RateLimiterErrorCode.INVALID_CONFIG_ROW,
    `invalid config row \`${field}\`: expected ${expected}`,
    { field },
  );
}

/** pg returns BIGINT and NUMERIC as strings; accept digits only, never coerce junk. */
function num(v: unknown): unknown {
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

/**
 * Reads and validates both config tables. Either every row is valid and the
 * whole snapshot is returned, or nothing is: no partial config.
 *
 * @param db - the host's Sequelize instance
 * @returns the snapshot
 * @throws {RateLimiterError} RATE_LIMITER_INVALID_CONFIG_ROW naming table, key and column;
 *   RATE_LIMITER_CONFIG_LOAD_FAILED when the query fails (cause attached)
 */
export async function loadTableConfig(db: SequelizeLike): Promise<TableConfig> {
  let limitRows: unknown;
  let trustRows: unknown;
  try {
    limitRows = await db.query(
      'SELECT tier, window_limit, window_ms, burst_limit, burst_window_ms, buckets FROM rate_limit_configs WHERE enabled = TRUE',
      { type: 'SELECT' },
    );
    trustRows = await db.query(
      'SELECT trust_level, multiplier FROM tier_threshold_configs WHERE enabled = TRUE',
      { type: 'SELECT' },
    );
  } catch (cause) {
    throw new RateLimiterError(
      RateLimiterErrorCode.CONFIG_LOAD_FAILED,
      'could not read the rate limiter config tables',
      { cause },
    );
  }
  const tiers = new Map<string, ResolvedTier>();
  for (const row of Array.isArray(limitRows) ? (limitRows as Record<string, unknown>[]) : []) {
    const name = row.tier;
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw rowError('rate_limit_configs.tier', 'a name of [A-Za-z0-9_-]{1,64}');
    }
    tiers.set(
      name,
      resolveTier(
        {
          limit: num(row.window_limit) as number,
          windowMs: num(row.window_ms) as number,
          burst: num(row.burst_limit) as number,
          burstWindowMs: num(row.burst_window_ms) as number,
          buckets: num(row.buckets) as number,
        },
        (f, e) => rowError(`rate_limit_configs[${name}].${COLUMN[f] ?? f}`, e),
      ),
    );
  }
  const trust = new Map<string, number>();
  for (const row of Array.isArray(trustRows) ? (trustRows as Record<string, unknown>[]) : []) {
    const name = row.trust_level;
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw rowError('tier_threshold_configs.trust_level', 'a name of [A-Za-z0-9_-]{1,64}');
    }
    const m = num(row.multiplier);
    if (typeof m !== 'number' || !Number.isFinite(m) || m <= 0 || m > 1000) {
      throw rowError(`tier_threshold_configs[${name}].multiplier`, 'a number in (0, 1000]');
    }
    trust.set(name, m);
  }
  return { tiers, trust };
}

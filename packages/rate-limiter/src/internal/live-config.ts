import type { ResolvedTier } from '../config.js';
import { isRateLimiterError, RateLimiterErrorCode } from '../errors.js';
import type { RateLimiterLogger, SequelizeLike } from '../types.js';
import { loadTableConfig } from './table-config.js';
import type { Instruments } from './telemetry.js';

/** The tiers and trust multipliers decisions use right now. */
export type Live = {
  readonly tiers: ReadonlyMap<string, ResolvedTier>;
  readonly trust: ReadonlyMap<string, number>;
};

/** Options of {@link createLiveConfig}. */
export type LiveConfigOptions = {
  /** The host's Sequelize instance; without it the code config is all there is. */
  readonly database: SequelizeLike | undefined;
  /** Defaults merged with `limits`/`trustMultipliers`; table rows win over it. */
  readonly code: Live;
  /** How long a loaded config is used before it is read again (ms). */
  readonly ttlMs: number;
  /** How long a decision waits for a load before going on with the config in force (ms). */
  readonly timeoutMs: number;
  readonly now: () => Date;
  readonly logger: RateLimiterLogger;
  readonly inst: Instruments;
  /** Runs after a newer config was applied (the limiter clears its block list). */
  readonly onApplied: () => Promise<void>;
};

/** The config tables as the limiter sees them. */
export type LiveConfig = {
  /** The config to decide with; starts a load when the TTL ran out, waits for it at most `timeoutMs`. */
  current(): Promise<Live>;
  /** Reads the tables now; throws (after logging and counting) when they cannot be used. */
  reload(): Promise<void>;
};

/**
 * Keeps the table config fresh without ever holding a decision hostage to
 * the database: a slow or locked table (an admin's migration holds an
 * ACCESS EXCLUSIVE lock) delays a decision by at most `timeoutMs`; the load
 * goes on, and the next decisions pick up its result. Loads are numbered so
 * an older snapshot that finishes last never replaces a newer one.
 *
 * @param opts - see {@link LiveConfigOptions}
 * @returns the live config
 */
export function createLiveConfig(opts: LiveConfigOptions): LiveConfig {
  const { database, code, logger, inst } = opts;
  let live: Live = code;
  let loadedAtMs = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | undefined;
  let started = 0;
  let applied = 0;

  async function reload(): Promise<void> {
    if (database === undefined) return;
    const generation = ++started;
    try {
      const table = await loadTableConfig(database);
      if (generation < applied) return;
      applied = generation;
      live = {
        tiers: new Map([...code.tiers, ...table.tiers]),
        trust: new Map([...code.trust, ...table.trust]),
      };
      // Limits may have risen: remembered denials may no longer hold.
      await opts.onApplied();
      logger.debug(
        { tiers: live.tiers.size, trustLevels: live.trust.size },
        'rate limiter config loaded',
      );
    } catch (e) {
      inst.configReloadFailures.add(1);
      const code = isRateLimiterError(e) ? e.code : RateLimiterErrorCode.CONFIG_LOAD_FAILED;
      const field = isRateLimiterError(e) ? e.field : undefined;
      logger.error(
        { code, field },
        'rate limiter config reload failed; keeping the previous config',
      );
      throw e;
    } finally {
      loadedAtMs = opts.now().getTime();
    }
  }

  /** Resolves when `p` settles or after `ms`, whichever comes first; never rejects. */
  async function atMost(p: Promise<void>, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    try {
      await Promise.race([p, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async current() {
      if (database === undefined) return live;
      if (loading === undefined && opts.now().getTime() - loadedAtMs >= opts.ttlMs) {
        loading = reload()
          .catch(() => undefined) // already logged and counted in reload()
          .finally(() => {
            loading = undefined;
          });
      }
      if (loading !== undefined) await atMost(loading, opts.timeoutMs);
      return live;
    },
    reload,
  };
}

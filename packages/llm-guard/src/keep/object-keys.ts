/**
 * The bucket layout: `<prefix>/outputs/YYYY/MM/DD/<run_hash>.json` and
 * `<prefix>/artifacts/YYYY/MM/DD/<run_hash>/<kind>-N.<ext>` (UTC dates).
 */

function datePath(at: Date): string {
  const y = at.getUTCFullYear().toString().padStart(4, '0');
  const m = (at.getUTCMonth() + 1).toString().padStart(2, '0');
  const d = at.getUTCDate().toString().padStart(2, '0');
  return `${y}/${m}/${d}`;
}

/**
 * The key of a run's output.
 *
 * @param input - prefix, run hash, date
 * @returns the object key
 */
export function outputKey(input: {
  readonly prefix: string;
  readonly runHash: string;
  readonly at: Date;
}): string {
  return `${input.prefix}/outputs/${datePath(input.at)}/${input.runHash}.json`;
}

/**
 * The key of a run's artifact number `n` of `kind`.
 *
 * @param input - prefix, run hash, date, kind (`[a-z0-9-]+`), n, extension
 * @returns the object key
 */
export function artifactKey(input: {
  readonly prefix: string;
  readonly runHash: string;
  readonly at: Date;
  readonly kind: string;
  readonly n: number;
  readonly ext: string;
}): string {
  return `${input.prefix}/artifacts/${datePath(input.at)}/${input.runHash}/${input.kind}-${input.n}.${input.ext}`;
}

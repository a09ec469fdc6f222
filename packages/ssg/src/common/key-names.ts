/**
 * How unknown option keys are shown and which known key they were probably
 * meant to be. Internal to `options.ts`.
 */

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;
const MAX_SHOWN = 40;
const MAX_DISTANCE = 2;

/**
 * Renders a key for a message or a `field`: identifiers as they are, other
 * keys JSON-quoted and cut, so a key can neither forge a log line (control
 * characters, newlines) nor flood it.
 *
 * @param key - an object key
 * @returns a printable form of the key
 */
export function renderKey(key: string): string {
  if (PLAIN_KEY.test(key)) return key;
  const cut = key.length > MAX_SHOWN ? `${key.slice(0, MAX_SHOWN)}…` : key;
  return JSON.stringify(cut);
}

/** Edit distance (insert, delete, substitute), bounded: stops early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The known key `key` was most probably meant to be: the same word in
 * another case, else the closest within two edits.
 *
 * @param key - the unknown key
 * @param known - the allowed keys
 * @returns a known key, or undefined when none is close
 */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  if (key.length > 64) return undefined;
  const lower = key.toLowerCase();
  const sameWord = known.find((k) => k.toLowerCase() === lower);
  if (sameWord !== undefined) return sameWord;
  let best: string | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase(), MAX_DISTANCE);
    if (d < bestDistance && d < candidate.length) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

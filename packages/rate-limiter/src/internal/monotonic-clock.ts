/**
 * A clock that never runs backwards. Rate-limit windows are spans of time: if
 * the clock stepped back (NTP, a VM resumed, an operator's `date -s`), the
 * buckets already filled would lie "in the future" and a limited agent would
 * be admitted again. So the limiter reads time through this wrapper.
 */

/**
 * Wraps a clock so its readings never decrease: when the source steps back,
 * the wrapper goes on from its last reading at the source's pace (it adds
 * the size of the step from then on), so counts keep their place in their
 * windows. A step forward is followed as it comes.
 *
 * @param source - the clock to guard (the host's injected clock, or `new Date()`)
 * @returns a clock whose readings never decrease
 */
export function neverBackwards(source: () => Date): () => Date {
  let offsetMs = 0;
  let latestMs = Number.NEGATIVE_INFINITY;
  return () => {
    const ms = source().getTime() + offsetMs;
    if (ms < latestMs) offsetMs += latestMs - ms;
    latestMs = Math.max(latestMs, ms);
    return new Date(latestMs);
  };
}

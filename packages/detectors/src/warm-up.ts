import { compileKept } from './internal/kept-expressions.js';

/** What {@link warmUp} did. */
export type WarmUpResult = {
  /** Rule expressions compiled by this call: all of them the first time, 0 afterwards. */
  readonly expressions: number;
};

/**
 * Compiles the detectors' rule expressions now, for both string widths, instead of inside
 * the scans that first need them. Call it once at start-up, before the process serves
 * traffic. It takes a few seconds of CPU (about 4 s on a shared 2-core machine), once per
 * process. Later calls return at once.
 *
 * Without it, a rule expression is compiled the first time a scan reaches it, which stalls
 * that scan: the largest multilingual rules take up to a second each to compile. And V8
 * compiles an expression without its optimizations once the process has generated much
 * code, so a rule first reached late in a long-running process can scan long text 5 to 25
 * times more slowly for the rest of the process. Scans give the same findings either way.
 *
 * @returns how many expressions this call compiled
 * @example
 * ```ts
 * import { warmUp } from '@clawexchange/detectors';
 * warmUp(); // at start-up, before listening
 * ```
 */
export function warmUp(): WarmUpResult {
  return { expressions: compileKept() };
}

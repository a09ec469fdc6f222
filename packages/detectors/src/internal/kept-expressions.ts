/**
 * The package's rule expressions, kept so that they can be compiled before the first scan.
 *
 * V8 compiles a regular expression the first time it runs on a string of each width
 * (one-byte, two-byte), inside that call. The largest multilingual rules take up to a second
 * each to compile on a 2-core machine, so the first post that reaches one stalls. An
 * expression compiled after the process has generated much code is compiled without
 * irregexp's optimizations, and then runs 5 to 25 times slower on long text for the life of
 * the process (docs/benchmarks.md, "why the reverted change ran slowly").
 */

/** Every kept expression, in the order the rule modules built them. */
const KEPT: RegExp[] = [];
/** How many of {@link KEPT} have been compiled by {@link compileKept}. */
let compiledCount = 0;

/**
 * A subject of each width, over 1,000 characters: on a subject that long V8 compiles native
 * code at once instead of first interpreting the expression.
 */
const SUBJECTS: readonly string[] = [
  'plain words, digits 0123 and punctuation; '.repeat(25),
  'plain words — with “quotes”, ё and ß; '.repeat(28),
];

/**
 * Keeps `re` for {@link compileKept} and returns it.
 * @param re - a long-lived expression of a rule module
 */
export function kept<T extends RegExp>(re: T): T {
  KEPT.push(re);
  return re;
}

/**
 * Runs every kept expression not yet compiled once on a subject of each width, so that V8
 * compiles it now; `lastIndex` is left at 0.
 * @returns how many expressions this call compiled (0 once all are)
 */
export function compileKept(): number {
  const from = compiledCount;
  for (let i = from; i < KEPT.length; i++) {
    const re = KEPT[i] as RegExp;
    for (const subject of SUBJECTS) {
      re.lastIndex = 0;
      re.exec(subject);
    }
    re.lastIndex = 0;
  }
  compiledCount = KEPT.length;
  return compiledCount - from;
}

/** The kept expressions (for tests). */
export function keptExpressions(): readonly RegExp[] {
  return KEPT;
}

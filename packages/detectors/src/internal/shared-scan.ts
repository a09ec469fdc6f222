/**
 * One scan per text for a set of built-in plugins. The gate starts every
 * plugin on the same envelope one after another; the first member of the set
 * to see a text scans it once for the categories of the whole set (one
 * normalisation, one keyword pass) and keeps the other members' findings until
 * each has read its own. The memo holds one text at most, drops it once every
 * member has read it, and otherwise lets it go at the set's next call.
 */
import type { Category, Finding, ScanOptions } from '../types.js';
import type { RawScan, Resolved } from './engine.js';
import { resolveOptions, scanRawResolved, scanResolved } from './engine.js';
import type { FindingFilter } from './finalize.js';
import { finalize } from './finalize.js';
import type { RawFinding } from './rule.js';

/** The options a raw scan depends on; the other options only filter its findings. */
export type ScanShape = {
  readonly customRules: ScanOptions['customRules'] | undefined;
  readonly maxInputChars: ScanOptions['maxInputChars'] | undefined;
  readonly oversize: ScanOptions['oversize'] | undefined;
  readonly maxDecodeDepth: ScanOptions['maxDecodeDepth'] | undefined;
  /** The injection member's `semantic` option (shapes its raw findings). */
  readonly semantic?: ScanOptions['semantic'] | undefined;
};

/** Scan options for `categories` with the fields of `shape` that are set. */
function optionsFor(shape: ScanShape, categories: readonly Category[]): ScanOptions {
  const o: { -readonly [K in keyof ScanOptions]: ScanOptions[K] } = { categories };
  if (shape.customRules !== undefined) o.customRules = shape.customRules;
  if (shape.maxInputChars !== undefined) o.maxInputChars = shape.maxInputChars;
  if (shape.oversize !== undefined) o.oversize = shape.oversize;
  if (shape.maxDecodeDepth !== undefined) o.maxDecodeDepth = shape.maxDecodeDepth;
  if (shape.semantic !== undefined) o.semantic = shape.semantic;
  return o;
}

/** One member of a shared scan: its category and its own finding filter. */
export type SharedMember = {
  readonly category: Category;
  /** The member's own options, resolved for its category alone. */
  readonly alone: Resolved;
};

/** A scan shared by the members of one plugin set. */
export type SharedScan = {
  /**
   * The findings of `category` in `text`: exactly what `scanResolved(text,
   * member.alone)` returns, from the set's shared scan when that can serve them.
   * @throws {DetectorError} as `scanResolved`
   */
  readonly findings: (category: Category, text: string) => Finding[];
  /** Length of the text the memo holds, 0 when it holds none (for tests of the memory bound). */
  readonly heldChars: () => number;
};

const BIT: Readonly<Record<Category, number>> = { secret: 1, pii: 2, injection: 4 };
const ORDER: readonly Category[] = ['secret', 'pii', 'injection'];

type Entry = {
  readonly text: string;
  /** Members whose findings were computed for `text`. */
  readonly computed: number;
  /** Computed members that have not read theirs yet. */
  pending: number;
  /**
   * A cap cut the shared raw findings: each member scans alone instead (kept
   * so the others do not repeat the shared scan first).
   */
  readonly capped: boolean;
  readonly found: Partial<Record<Category, Finding[]>>;
};

function categoriesOf(mask: number): Category[] {
  return ORDER.filter((c) => (mask & BIT[c]) !== 0);
}

/** Raw findings of one category, in their order. */
function rawOf(raw: readonly RawFinding[], category: Category): RawFinding[] {
  const out: RawFinding[] = [];
  for (const f of raw) if (f.category === category) out.push(f);
  return out;
}

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Whether two filters keep exactly the same findings. */
function sameFilter(a: FindingFilter, b: FindingFilter): boolean {
  return (
    a.minConfidence === b.minConfidence &&
    sameSet(a.types, b.types) &&
    sameSet(a.excludeTypes, b.excludeTypes) &&
    sameSet(a.allowlist, b.allowlist)
  );
}

/**
 * Each member's findings from one raw scan that no cap cut short, as a scan of
 * its category alone gives them: overlaps are resolved per category and
 * filters apply per finding, so the raw findings of a category, finalised with
 * the member's filter, are its findings. With one filter for all, one
 * finalisation serves every category (its stable sort keeps each category's order).
 */
function splitFindings(
  raw: readonly RawFinding[],
  text: string,
  filters: Readonly<Partial<Record<Category, FindingFilter>>>,
  shared: { readonly mask: number; readonly filter: FindingFilter | undefined },
): Partial<Record<Category, Finding[]>> {
  const found: Partial<Record<Category, Finding[]>> = {};
  const cats = categoriesOf(shared.mask);
  for (const c of cats) found[c] = [];
  if (raw.length === 0) return found;
  if (shared.filter !== undefined) {
    for (const f of finalize(raw, text, shared.filter)) found[f.category]?.push(f);
    return found;
  }
  for (const c of cats) {
    const own = rawOf(raw, c);
    if (own.length > 0) found[c] = finalize(own, text, filters[c] as FindingFilter);
  }
  return found;
}

/**
 * Creates the shared scan of a set of members whose scan-shaping options
 * (custom rules, window size, oversize policy, decode depth) are the same;
 * their filters (types, excludeTypes, allowlist, minConfidence) may differ.
 * @param scanShape - the options the raw scan depends on
 * @param members - at most one per category
 * @param scanRaw - the raw scan (tests count its calls)
 * @returns the shared scan
 */
export function createSharedScan(
  scanShape: ScanShape,
  members: readonly SharedMember[],
  scanRaw: (text: string, r: Resolved) => RawScan = scanRawResolved,
): SharedScan {
  const alone: Partial<Record<Category, Resolved>> = {};
  let all = 0;
  for (const m of members) {
    alone[m.category] = m.alone;
    all |= BIT[m.category];
  }
  // Resolved options per category set, built on first use (the whole set's at once).
  const byMask = new Map<number, Resolved>();
  const resolvedFor = (mask: number): Resolved => {
    let r = byMask.get(mask);
    if (r === undefined) {
      r = resolveOptions(optionsFor(scanShape, categoriesOf(mask)));
      byMask.set(mask, r);
    }
    return r;
  };
  resolvedFor(all);
  // One filter for every member (the usual case): one finalisation per scan.
  const first = members[0]?.alone;
  const oneFilter =
    first !== undefined && members.every((m) => sameFilter(m.alone, first)) ? first : undefined;

  let entry: Entry | undefined;
  // Members that have read at least once, and members left out of the shared
  // scan because they let an entry go unread without ever reading one (a host
  // that put only some of the set into its gate). A left-out member rejoins on its next call.
  let everRead = 0;
  let leftOut = 0;

  const own = (category: Category, text: string): Finding[] =>
    scanResolved(text, alone[category] as Resolved);

  const miss = (category: Category, text: string): Finding[] => {
    const bit = BIT[category];
    if (entry !== undefined) leftOut |= entry.pending & ~everRead;
    // Released before scanning, so a throwing scan leaves nothing behind.
    entry = undefined;
    everRead |= bit;
    leftOut &= ~bit;
    const mask = (all & ~leftOut) | bit;
    if (mask === bit) return own(category, text);
    const { raw, capped } = scanRaw(text, resolvedFor(mask));
    const found = capped ? {} : splitFindings(raw, text, alone, { mask, filter: oneFilter });
    const pending = mask & ~bit;
    entry = { text, computed: mask, pending, capped, found };
    return capped ? own(category, text) : (found[category] as Finding[]);
  };

  return {
    findings(category, text) {
      const bit = BIT[category];
      const e = entry;
      if (e === undefined || (e.computed & bit) === 0 || e.text !== text) {
        return miss(category, text);
      }
      e.pending &= ~bit;
      everRead |= bit;
      if (e.pending === 0) entry = undefined;
      return e.capped ? own(category, text) : (e.found[category] as Finding[]);
    },
    heldChars: () => entry?.text.length ?? 0,
  };
}

/**
 * A conservative linear-time check for user-supplied patterns, run at
 * construction (the full recheck analyser is a dev-time tool, too heavy to
 * ship). A pattern passes only if it has no back-references, no unbounded
 * quantifier (`*`, `+`, `{n,}`), no quantified group that itself contains a
 * quantifier (star height 1), and the product of its quantifier bounds is
 * small, so the work per start position is bounded by a constant.
 */
export type PatternCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const MAX_SOURCE = 2000;
const MAX_WORK = 50_000;

/** Checks a pattern source. */
export function checkPatternSafety(source: string): PatternCheck {
  if (source.length > MAX_SOURCE) return { ok: false, reason: 'too-long' };
  if (/\\[1-9]|\\k</.test(source)) return { ok: false, reason: 'backreference' };
  type Frame = { quantInside: boolean; work: number };
  const stack: Frame[] = [{ quantInside: false, work: 1 }];
  let inClass = false;
  let lastAtomGroup: Frame | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      lastAtomGroup = undefined;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      lastAtomGroup = undefined;
      continue;
    }
    if (c === '(') {
      stack.push({ quantInside: false, work: 1 });
      continue;
    }
    if (c === ')') {
      const f = stack.pop();
      if (!f || stack.length === 0) return { ok: false, reason: 'unbalanced' };
      const top = stack[stack.length - 1] as Frame;
      top.work *= f.work;
      if (f.quantInside) top.quantInside = true;
      lastAtomGroup = f;
      continue;
    }
    let max: number | undefined;
    let len = 0;
    if (c === '*' || c === '+') return { ok: false, reason: 'unbounded-quantifier' };
    if (c === '?') {
      if (source[i - 1] === '(') continue;
      max = 1;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m) {
        if (m[2] !== undefined && m[3] === '') return { ok: false, reason: 'unbounded-quantifier' };
        max = Number(m[3] ?? m[1]);
        len = m[0].length - 1;
      }
    }
    if (max !== undefined) {
      if (lastAtomGroup?.quantInside) return { ok: false, reason: 'nested-quantifier' };
      const top = stack[stack.length - 1] as Frame;
      top.quantInside = true;
      top.work *= max + 1;
      if (top.work > MAX_WORK) return { ok: false, reason: 'too-much-backtracking' };
      i += len;
      if (source[i + 1] === '?') i++;
      lastAtomGroup = undefined;
      continue;
    }
    lastAtomGroup = undefined;
  }
  if (stack.length !== 1) return { ok: false, reason: 'unbalanced' };
  if ((stack[0] as Frame).work > MAX_WORK) return { ok: false, reason: 'too-much-backtracking' };
  return { ok: true };
}

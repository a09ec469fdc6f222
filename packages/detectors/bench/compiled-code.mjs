// Compiled code of the package's regular expressions (not part of `pnpm test`):
//   node bench/compiled-code.mjs
// V8 compiles an expression the first time it runs on a string of each width (one-byte,
// two-byte), and compiles it without its optimizations once the process holds much code
// (docs/benchmarks.md, "why the reverted change ran slowly"). This prints how much code each
// width of the expressions the package builds at load takes: every expression is compiled
// alone, and the code space's used bytes are read before and after. Then the injection rules'
// `v`-flag twins, which run instead of their `u` patterns on text beyond Latin-1
// (src/internal/wide-text-patterns.ts): those a text of injections in eleven languages makes.
import v8 from 'node:v8';
import { families } from './adversarial-families.mjs';

const built = [];
const NativeRegExp = RegExp;
// Expressions written with `new RegExp(…)` (all rule expressions are); literals are not seen.
const Recording = new Proxy(NativeRegExp, {
  construct(target, args, newTarget) {
    const re = Reflect.construct(target, args, newTarget);
    built.push(re);
    return re;
  },
});
globalThis.RegExp = Recording;
const { scan } = await import('../dist/index.js');
globalThis.RegExp = NativeRegExp;

const codeBytes = () =>
  v8
    .getHeapSpaceStatistics()
    .filter((s) => s.space_name.includes('code'))
    .reduce((sum, s) => sum + s.space_used_size, 0);
// Over 1,000 characters: V8 compiles native code at once on a subject that long.
const SUBJECTS = {
  'one-byte': 'plain words, digits 0123 and punctuation; '.repeat(25),
  'two-byte': 'plain words — with “quotes”, ё and ß; '.repeat(28),
};

/** Code bytes that compiling `re` for `subject`'s width adds (run twice, as a scan would). */
const codeOf = (re, subject) => {
  const before = codeBytes();
  re.lastIndex = 0;
  re.exec(subject);
  re.lastIndex = 0;
  re.exec(subject);
  re.lastIndex = 0;
  return codeBytes() - before;
};

const rows = built.map((re) => {
  const bytes = {};
  for (const [width, subject] of Object.entries(SUBJECTS)) bytes[width] = codeOf(re, subject);
  return { re, bytes, total: bytes['one-byte'] + bytes['two-byte'] };
});

const mb = (b) => (b / 1e6).toFixed(1);
const sum = (width) => rows.reduce((s, r) => s + r.bytes[width], 0);
console.log(
  `# compiled code — node ${process.version}, ${new Date().toISOString()}\n` +
    `${rows.length} expressions built at load: one-byte ${mb(sum('one-byte'))} MB, two-byte ${mb(sum('two-byte'))} MB`,
);
rows.sort((a, b) => b.total - a.total);
const all = sum('one-byte') + sum('two-byte');
for (const n of [10, 50]) {
  const top = rows.slice(0, n).reduce((s, r) => s + r.total, 0);
  console.log(`the ${n} largest: ${((100 * top) / all).toFixed(0)}% of it`);
}
for (const r of rows.slice(0, 10)) {
  console.log(
    `  ${(r.bytes['one-byte'] / 1e3).toFixed(0).padStart(5)} K + ${(r.bytes['two-byte'] / 1e3).toFixed(0).padStart(5)} K  ${r.re.source.slice(0, 80)}`,
  );
}

// The twins: made by one scan of a wide text, then each compiled alone on the two-byte subject
// (with an empty group appended, so that V8's cache of compiled expressions does not hand back
// the code that scan compiled).
globalThis.RegExp = Recording;
const made = built.length;
scan(families['injections in eleven languages'](10_000));
globalThis.RegExp = NativeRegExp;
const twins = built.slice(made).filter((re) => re.flags.includes('v'));
const twinSources = new Set(twins.map((re) => re.source));
const twinBytes = twins.reduce(
  (s, twin) => s + codeOf(new RegExp(`${twin.source}(?:)`, twin.flags), SUBJECTS['two-byte']),
  0,
);
const asU = rows
  .filter((r) => twinSources.has(r.re.source))
  .reduce((s, r) => s + r.bytes['two-byte'], 0);
console.log(
  `${twins.length} v-flag twins of injection rules (text beyond Latin-1 runs them): two-byte ${mb(twinBytes)} MB, against ${mb(asU)} MB for the same patterns under u`,
);

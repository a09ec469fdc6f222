#!/usr/bin/env node
// Generates src/internal/fold-table.ts from the Unicode Character Database:
//   DerivedCoreProperties.txt  Default_Ignorable_Code_Point ranges
//   UnicodeData.txt            Latin letter folds, from the character names:
//                              small capitals and dotless/script forms, to their ASCII
//                              letter. Letters with diacritics are left alone: they are
//                              ordinary spelling in most Latin-script languages, and the
//                              learned stage reads the same view.
//                              And the marked letters the accent-free view reads through:
//                              lower-case Latin letters "WITH" a hook, stroke, bar, tail,
//                              curl … that have no decomposition (NFD cannot strip the
//                              mark), to their ASCII letter.
// Usage: node scripts/gen-fold-table.mjs [UCD directory]   (default /usr/share/unicode,
// Debian's `unicode-data` package). Without the files it falls back to the Unicode
// data built into Node's ICU: \p{Default_Ignorable_Code_Point} for the ranges, and
// nothing for the letter folds (ICU exposes no character names), and says so in
// the header of the output.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, '..', 'src', 'internal', 'fold-table.ts');
const UCD = process.argv[2] ?? '/usr/share/unicode';

const hex = (n) => `0x${n.toString(16)}`;

/** Default_Ignorable_Code_Point as merged inclusive [start, end] ranges. */
function ignorableFromUcd(file) {
  const ranges = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*Default_Ignorable_Code_Point\b/.exec(
      line,
    );
    if (m) ranges.push([Number.parseInt(m[1], 16), Number.parseInt(m[2] ?? m[1], 16)]);
  }
  return merge(ranges);
}

function ignorableFromIcu() {
  const re = /\p{Default_Ignorable_Code_Point}/u;
  const ranges = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (re.test(String.fromCodePoint(cp))) ranges.push([cp, cp]);
  }
  return merge(ranges);
}

function merge(ranges) {
  ranges.sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([...r]);
  }
  return out;
}

// Names that denote a Latin letter in another shape: "LATIN LETTER SMALL CAPITAL R",
// "LATIN CAPITAL LETTER SMALL CAPITAL I", "LATIN SMALL LETTER DOTLESS I",
// "LATIN SMALL LETTER SCRIPT G". Turned, reversed and ligature names are left
// out (they read as another letter or as two), and so are letters "WITH" a mark.
const LETTER_NAME =
  /^LATIN (?:SMALL |CAPITAL )?LETTER (?:SMALL CAPITAL|DOTLESS|SCRIPT|CAPITAL SMALL CAPITAL) ([A-Z])$/;

/** BMP Latin letters → ASCII lower-case letter, from the names. */
function foldsFromUcd(file) {
  const folds = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [code, name] = line.split(';');
    if (!code || !name) continue;
    const cp = Number.parseInt(code, 16);
    if (cp < 0x80 || cp > 0xffff) continue;
    const m = LETTER_NAME.exec(name);
    if (m) folds.set(cp, m[1].toLowerCase());
  }
  return keepUseful(folds);
}

function foldsFromIcu() {
  return [];
}

// "LATIN SMALL LETTER D WITH HOOK", "LATIN SMALL LETTER L WITH MIDDLE TILDE", "LATIN SMALL
// LETTER U BAR": a letter with a mark fused into its shape. Read only where the accent-free
// view reads (Latin-1 to Latin Extended Additional, `diacritics.ts`).
const MARKED_NAME = /^LATIN SMALL LETTER ([A-Z]) (?:WITH [A-Z ]+|BAR)$/;
const MARKED_FIRST = 0xc0;
const MARKED_LAST = 0x1eff;

/** Marked Latin letters without a decomposition → ASCII lower-case letter, from the names. */
function markedFromUcd(file) {
  const out = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [code, name, , , , decomposition] = line.split(';');
    if (!code || !name || decomposition) continue;
    const cp = Number.parseInt(code, 16);
    if (cp < MARKED_FIRST || cp > MARKED_LAST) continue;
    const m = MARKED_NAME.exec(name);
    if (m) out.push([cp, m[1].toLowerCase()]);
  }
  return out;
}

/**
 * Drops the entries that NFKC + lower-casing already turn into the same ASCII
 * letter (the normaliser applies those first), keeps the rest sorted.
 */
function keepUseful(folds) {
  const out = [];
  for (const [cp, letter] of [...folds].sort((a, b) => a[0] - b[0])) {
    const nfkc = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    if (nfkc === letter) continue;
    out.push([cp, letter]);
  }
  return out;
}

const coreProps = path.join(UCD, 'DerivedCoreProperties.txt');
const unicodeData = path.join(UCD, 'UnicodeData.txt');
const fromUcd = fs.existsSync(coreProps) && fs.existsSync(unicodeData);
let version = `Node ${process.versions.node} ICU ${process.versions.icu} (Unicode ${process.versions.unicode})`;
if (fromUcd) {
  const head = fs.readFileSync(coreProps, 'utf8').split('\n', 1)[0] ?? '';
  version = `${head.replace(/^#\s*/, '')} and UnicodeData.txt from ${UCD}`;
}
const ignorable = fromUcd ? ignorableFromUcd(coreProps) : ignorableFromIcu();
const folds = fromUcd ? foldsFromUcd(unicodeData) : foldsFromIcu();
const marked = fromUcd ? markedFromUcd(unicodeData) : [];

// Folds are stored as one string of (code unit, letter) pairs: compact, and parsed once, lazily.
const pairsOf = (list) =>
  list.map(([cp, l]) => `\\u${cp.toString(16).padStart(4, '0')}${l}`).join('');
const chunksOf = (list) => pairsOf(list).match(/(?:\\u[0-9a-f]{4}[a-z]){1,12}/g) ?? [];
// Packed to the formatter's width (100), as biome would print them.
const lines = [];
let line = ' ';
for (const v of ignorable.flat().map(hex)) {
  if (line.length + v.length + 2 > 100) {
    lines.push(line);
    line = ' ';
  }
  line += ` ${v},`;
}
lines.push(line);
const src = `// GENERATED by scripts/gen-fold-table.mjs from ${version}.
// Do not edit by hand: run \`node scripts/gen-fold-table.mjs\` and commit the result.
${fromUcd ? '' : '// Fallback: the UCD files were not found, so the letter folds are empty.\n'}
/**
 * Default_Ignorable_Code_Point as inclusive ranges, flat \`[start, end, ...]\`,
 * sorted (${ignorable.length} ranges).
 */
export const DEFAULT_IGNORABLE_RANGES: readonly number[] = [
${lines.join('\n')}
];

/**
 * Latin letters in another shape (small capitals, dotless and script forms)
 * and the ASCII lower-case letter they read as: pairs of one UTF-16 unit and
 * one letter (${folds.length} pairs).
 * Entries that NFKC and lower-casing already fold are left out.
 */
export const LATIN_LETTER_FOLDS: string =
${chunksOf(folds)
  .map((c) => `  '${c}'`)
  .join(' +\n')};

/**
 * Lower-case Latin letters with a mark fused into their shape and no
 * decomposition (hook, stroke, bar, tail, curl …: \`ɗ\`, \`ł\`, \`ƚ\`) and
 * the ASCII letter the accent-free view reads them as: pairs of one UTF-16
 * unit and one letter (${marked.length} pairs).
 */
export const MARKED_LETTER_FOLDS: string =
${chunksOf(marked)
  .map((c) => `  '${c}'`)
  .join(' +\n')};
`;
fs.writeFileSync(OUT, src);
process.stdout.write(
  `wrote ${path.relative(process.cwd(), OUT)}: ${ignorable.length} ignorable ranges, ${folds.length} letter folds, ${marked.length} marked letters (${fromUcd ? 'UCD files' : 'Node ICU fallback'})\n`,
);

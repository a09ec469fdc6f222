// The first scan of a text in a fresh process (run by bench/run.mjs, section 3c):
//   node bench/first-scan.mjs <family> <characters>
// V8 compiles a rule's expression the first time it runs on a string of each width (one-byte,
// two-byte), so the first text that runs many rules pays for compiling them. One English post is
// scanned first (the process has loaded and warmed up on ordinary text); then the family's text
// is scanned twice. Prints the CPU milliseconds of both scans as JSON.
import { scan } from '../dist/index.js';
import { families } from './adversarial-families.mjs';
import { postOf, scriptPosts } from './script-posts.mjs';

const [name, chars] = process.argv.slice(2);
const make = families[name];
if (make === undefined) throw new Error(`unknown family: ${name}`);
const text = make(Number(chars));
scan(postOf(scriptPosts['English (Latin)'], 4096));

/** CPU milliseconds of one scan of `text`. */
const cpuOfScan = () => {
  const c0 = process.cpuUsage();
  scan(text);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
console.log(JSON.stringify({ first: cpuOfScan(), second: cpuOfScan() }));

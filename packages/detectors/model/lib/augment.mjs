// Long texts built from our own training texts, so the model learns that a long honest
// post is still honest (the strongest of many windows is a maximum over many draws) and
// that an attack buried among honest paragraphs is still an attack.
import { prng } from './linear.mjs';

/**
 * @param rows - labelled rows ({ text, y, ... }) of one split
 * @param o - { seed, count, chars }: how many long honest and how many buried-attack texts
 * @returns new rows: `count` honest texts of about `chars` characters and `count` attacks
 *   inside honest paragraphs
 */
export function longTexts(rows, o) {
  const rand = prng(o.seed);
  const honest = rows.filter((r) => !r.y);
  const attacks = rows.filter((r) => r.y);
  if (honest.length === 0 || attacks.length === 0) return [];
  const pad = (chars) => {
    const parts = [];
    let n = 0;
    while (n < chars) {
      const t = honest[Math.floor(rand() * honest.length)].text;
      parts.push(t);
      n += t.length + 2;
    }
    return parts;
  };
  const out = [];
  for (let i = 0; i < o.count; i++) {
    const chars = Math.floor(o.chars * (0.3 + 0.7 * rand()));
    out.push({
      text: pad(chars).join('\n\n'),
      y: 0,
      lang: 'mixed',
      family: 'long-honest',
      writer: 'augment',
    });
    const a = attacks[Math.floor(rand() * attacks.length)];
    const parts = pad(chars);
    parts.splice(Math.floor(rand() * (parts.length + 1)), 0, a.text);
    out.push({ text: parts.join('\n\n'), y: 1, lang: a.lang, family: a.family, writer: 'augment' });
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { readSse } from './sse.js';

function body(parts: readonly string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const p of parts) c.enqueue(enc.encode(p));
      c.close();
    },
  });
}

async function all(parts: readonly string[], max = 1000) {
  const out = [];
  for await (const e of readSse(body(parts), max)) out.push(e);
  return out;
}

describe('readSse', () => {
  it('parses events split anywhere, CRLF, comments, multi-line data and a last event without a blank line', async () => {
    const text = ': hi\r\nevent: a\r\ndata: 1\r\ndata: 2\r\n\r\ndata: x\n\nevent: b\ndata: tail';
    for (let cut = 0; cut <= text.length; cut++) {
      expect(await all([text.slice(0, cut), text.slice(cut)])).toEqual([
        { event: 'a', data: '1\n2' },
        { event: 'message', data: 'x' },
        { event: 'b', data: 'tail' },
      ]);
    }
  });

  it('refuses an event longer than the limit', async () => {
    await expect(all([`data: ${'x'.repeat(50)}`], 10)).rejects.toThrow(RangeError);
  });
});

/**
 * A server-sent events reader over a fetch body: yields `{ event, data }`
 * per event, handling events and lines split across network chunks.
 */

/** One server-sent event. */
export type SseEvent = { readonly event: string; readonly data: string };

function parseEvent(block: string): SseEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? undefined : { event, data: data.join('\n') };
}

/**
 * Reads server-sent events from `body`.
 *
 * @param body - the response body
 * @param maxEventChars - an event longer than this is a protocol error
 * @returns the events, in order
 * @throws {RangeError} when one event exceeds `maxEventChars`
 */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  maxEventChars: number,
): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  // A CR at the end of a chunk may be half of a CRLF: hold it until the next chunk decides.
  let heldCr = '';
  for await (const bytes of body as unknown as AsyncIterable<Uint8Array>) {
    let text = heldCr + decoder.decode(bytes, { stream: true });
    heldCr = text.endsWith('\r') ? '\r' : '';
    if (heldCr !== '') text = text.slice(0, -1);
    buffer += text.replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const parsed = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (parsed !== undefined) yield parsed;
      end = buffer.indexOf('\n\n');
    }
    if (buffer.length > maxEventChars) throw new RangeError('server-sent event too long');
  }
  buffer += (heldCr + decoder.decode()).replace(/\r\n?/g, '\n');
  for (const block of buffer.split('\n\n')) {
    const last = parseEvent(block);
    if (last !== undefined) yield last;
  }
}

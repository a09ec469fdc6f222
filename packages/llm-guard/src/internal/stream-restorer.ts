/**
 * Restores placeholders in a streamed answer. A chunk may end inside a
 * placeholder (`…[EMA` | `IL#1]…`): the restorer holds back only a tail
 * that could still become a placeholder (at most one placeholder's length),
 * so it never emits a partial placeholder and never delays more than that.
 */
import {
  createLinkTracker,
  isPlaceholderPrefix,
  type LinkTracker,
  MAX_PLACEHOLDER_CHARS,
} from './placeholders.js';

/** Restores a piece of text given the link state of the raw text emitted before it (and feeds it). */
export type RestoreFn = (text: string, context: LinkTracker) => string;

/** The incremental restorer. */
export type StreamRestorer = {
  /** Takes the next chunk of raw answer text; returns restored text safe to emit now. */
  push(chunk: string): string;
  /** Flushes what is held back at the end of the stream. */
  end(): string;
};

function heldFrom(buffer: string): number {
  const from = Math.max(0, buffer.length - MAX_PLACEHOLDER_CHARS);
  const open = buffer.lastIndexOf('[');
  if (open < from) return buffer.length;
  return isPlaceholderPrefix(buffer.slice(open)) ? open : buffer.length;
}

/**
 * Creates a restorer for one stream.
 *
 * @param restore - the session's restore (link-context aware)
 * @returns the restorer
 */
export function createStreamRestorer(restore: RestoreFn): StreamRestorer {
  let pending = '';
  // The link state of everything emitted so far, carried from chunk to chunk (restore feeds it).
  const context = createLinkTracker();
  function emit(raw: string): string {
    if (raw === '') return '';
    return restore(raw, context);
  }
  return {
    push(chunk) {
      pending += chunk;
      const cut = heldFrom(pending);
      const ready = pending.slice(0, cut);
      pending = pending.slice(cut);
      return emit(ready);
    },
    end() {
      const rest = pending;
      pending = '';
      return emit(rest);
    },
  };
}

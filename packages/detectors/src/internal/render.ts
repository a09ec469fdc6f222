import type { Category } from '../types.js';

/**
 * A redacted rendering that never contains the raw value: the type, and for
 * emails only the first character of the local part and the top-level domain.
 */
export function redactedFor(category: Category, type: string, value: string): string {
  if (category === 'pii' && type === 'email') {
    const at = value.lastIndexOf('@');
    const dot = value.lastIndexOf('.');
    const first = at > 1 ? value[0] : '';
    const tld = dot > at && value.length - dot <= 8 ? value.slice(dot) : '';
    return `${first}***@***${tld}`;
  }
  const tag = category === 'secret' ? 'SECRET' : category === 'pii' ? 'PII' : 'INJECTION';
  return `[${tag}:${type}]`;
}

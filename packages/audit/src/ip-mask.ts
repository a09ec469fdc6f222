/**
 * IP address masking: addresses are reduced to their network prefix before
 * they are hashed and stored, so the trail never holds a full client address.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { checkAuditOptions, MASK_SPEC } from './internal/options.js';

/** How many leading bits of an address survive masking. */
export type IpMaskingOptions = {
  /**
   * Bits kept of an IPv4 address (0–32). 32 keeps the full address.
   * @default 24
   */
  readonly ipv4PrefixLength?: number;
  /**
   * Bits kept of an IPv6 address (0–128). 128 keeps the full address.
   * @default 48
   */
  readonly ipv6PrefixLength?: number;
};

/**
 * Masks an IP address to its network prefix. IPv4-mapped IPv6 addresses
 * (`::ffff:a.b.c.d`) are treated as IPv4. IPv6 output is RFC 5952 text.
 *
 * @param ip - an IPv4 or IPv6 address (no zone index)
 * @param opts - prefix lengths; see {@link IpMaskingOptions}
 * @returns the masked address, e.g. `203.0.113.0` or `2001:db8:1::`, or
 *   `null` when `ip` is not an IP address
 * @example maskIpAddress('203.0.113.77') // '203.0.113.0'
 */
export function maskIpAddress(ip: string, opts: IpMaskingOptions = {}): string | null {
  checkAuditOptions(opts, MASK_SPEC);
  const v4Bits = opts.ipv4PrefixLength ?? 24;
  const v6Bits = opts.ipv6PrefixLength ?? 48;
  if (isIPv4(ip)) return formatV4(maskBytes(parseV4(ip), v4Bits));
  if (!isIPv6(ip) || ip.includes('%')) return null;
  const bytes = parseV6(ip);
  if (isV4Mapped(bytes)) return formatV4(maskBytes(bytes.subarray(12), v4Bits));
  return formatV6(maskBytes(bytes, v6Bits));
}

function parseV4(ip: string): Uint8Array {
  return Uint8Array.from(ip.split('.').map((part) => Number(part)));
}

function parseV6(ip: string): Uint8Array {
  let text = ip.toLowerCase();
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    // Embedded dotted quad (`::ffff:1.2.3.4`): rewrite it as the last two groups.
    const v4 = parseV4(last);
    const hi = (((v4[0] ?? 0) << 8) | (v4[1] ?? 0)).toString(16);
    const lo = (((v4[2] ?? 0) << 8) | (v4[3] ?? 0)).toString(16);
    text = `${text.slice(0, lastColon + 1)}${hi}:${lo}`;
  }
  const [head = '', rest] = text.split('::');
  const toGroups = (s: string): number[] =>
    s === '' ? [] : s.split(':').map((g) => Number.parseInt(g, 16));
  const left = toGroups(head);
  const right = rest === undefined ? [] : toGroups(rest);
  const fill = 8 - left.length - right.length;
  const groups = [...left, ...new Array<number>(Math.max(fill, 0)).fill(0), ...right];
  const bytes = new Uint8Array(16);
  groups.slice(0, 8).forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  return bytes;
}

function isV4Mapped(b: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return false;
  return b[10] === 0xff && b[11] === 0xff;
}

function maskBytes(bytes: Uint8Array, prefixBits: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  for (let i = 0; i < out.length; i++) {
    const keep = Math.min(Math.max(prefixBits - i * 8, 0), 8);
    out[i] = (out[i] ?? 0) & ((0xff << (8 - keep)) & 0xff);
  }
  return out;
}

function formatV4(b: Uint8Array): string {
  return Array.from(b).join('.');
}

function formatV6(b: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i] ?? 0) << 8) | (b[i + 1] ?? 0));
  // RFC 5952: compress the longest run (length >= 2) of zero groups, first on ties.
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLen).join(':');
  return `${left}::${right}`;
}

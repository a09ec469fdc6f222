import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIpAddress } from './ip-mask.js';

describe('maskIpAddress', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0'],
    ['10.1.2.3', '10.1.2.0'],
    ['2001:db8:abcd:1234::1', '2001:db8:abcd::'],
    ['2001:0DB8:0000:0000:0000:ff00:0042:8329', '2001:db8::'],
    ['::1', '::'],
    ['fe80::1:2:3:4', 'fe80::'],
    ['::ffff:198.51.100.9', '198.51.100.0'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1::'],
  ])('masks %s to %s by default', (ip, masked) => {
    expect(maskIpAddress(ip)).toBe(masked);
  });

  it('honours configured prefix lengths', () => {
    expect(maskIpAddress('203.0.113.77', { ipv4PrefixLength: 16 })).toBe('203.0.0.0');
    expect(maskIpAddress('203.0.113.77', { ipv4PrefixLength: 32 })).toBe('203.0.113.77');
    expect(maskIpAddress('203.0.113.77', { ipv4PrefixLength: 20 })).toBe('203.0.112.0');
    expect(maskIpAddress('2001:db8:abcd:1234::1', { ipv6PrefixLength: 64 })).toBe(
      '2001:db8:abcd:1234::',
    );
    expect(maskIpAddress('2001:db8::1', { ipv6PrefixLength: 128 })).toBe('2001:db8::1');
    expect(maskIpAddress('2001:db8::1', { ipv6PrefixLength: 0 })).toBe('::');
  });

  it('returns null for anything that is not an address', () => {
    for (const bad of [
      '',
      'nope',
      '1.2.3',
      '256.1.1.1',
      'fe80::1%eth0',
      '1.2.3.4/24',
      ' 1.2.3.4',
    ]) {
      expect(maskIpAddress(bad)).toBeNull();
    }
  });

  it('property: output is a valid address, idempotent, and drops the host bits', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.ipV4(), fc.ipV6()),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 128 }),
        (ip, v4, v6) => {
          const opts = { ipv4PrefixLength: v4, ipv6PrefixLength: v6 };
          const masked = maskIpAddress(ip, opts);
          expect(masked).not.toBeNull();
          expect(isIP(masked as string)).not.toBe(0);
          expect(maskIpAddress(masked as string, opts)).toBe(masked);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { clientKey } from './agent.js';

describe('clientKey', () => {
  /** regression: issue 17 */
  it('keys IPv4 by address, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('ip:203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('ip:203.0.113.7');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('ip:2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('ip:2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002::')).toBe('ip:2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('ip:2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('ip:0:0:0:0::/64');
    expect(clientKey(undefined)).toBe('ip:unknown');
  });
});

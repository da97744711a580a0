import { describe, expect, it } from 'vitest';
import { clientAddress, PEER_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { readSettings } from '@/lib/env';

/**
 * The address failed logins are counted against. X-Forwarded-For is a list each proxy appends to: the leftmost
 * entries are whatever the client wrote, and only as many entries as there are proxies we run were written by
 * them. Counting against a value the client chose lets an attacker take a fresh per-address allowance with
 * every request, or lock out someone else's address on purpose.
 */
const headers = (peer: string | null, forwarded?: string) =>
  new Headers({
    ...(peer ? { [PEER_ADDRESS_HEADER]: peer } : {}),
    ...(forwarded ? { 'x-forwarded-for': forwarded } : {}),
  });

describe('the client address used for login throttling', () => {
  it('trusts no proxy unless told to: by default it is the TCP peer, whatever X-Forwarded-For says', () => {
    expect(readSettings({}).TRUSTED_PROXY_COUNT).toBe(0);
    expect(clientAddress(headers('192.0.2.10', '203.0.113.9'))).toBe('192.0.2.10');
    expect(clientAddress(headers('192.0.2.10', '203.0.113.9, 10.0.0.2'))).toBe('192.0.2.10');
    expect(clientAddress(headers('192.0.2.10'))).toBe('192.0.2.10');
  });

  it('with one trusted proxy, is the entry that proxy appended (the last), not one the client wrote in front of it', () => {
    expect(clientAddress(headers('10.0.0.1', '203.0.113.9, 198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(clientAddress(headers('10.0.0.1', '198.51.100.7'), 1)).toBe('198.51.100.7');
    const seen = new Set(
      ['1.1.1.1', '2.2.2.2', '3.3.3.3'].map((forged) =>
        clientAddress(headers('10.0.0.1', `${forged}, 198.51.100.7`), 1),
      ),
    );
    expect(seen).toEqual(new Set(['198.51.100.7']));
  });

  it('with two trusted proxies, is the entry the outer one appended', () => {
    expect(clientAddress(headers('10.0.0.1', '6.6.6.6, 198.51.100.7, 10.0.0.9'), 2)).toBe('198.51.100.7');
  });

  it('is the peer when the proxies wrote fewer entries than expected, an IPv4 peer of a dual-stack socket is plain IPv4, and nothing without the server’s stamp', () => {
    expect(clientAddress(headers('10.0.0.1'), 2)).toBe('10.0.0.1');
    expect(clientAddress(headers('::ffff:192.0.2.44'))).toBe('192.0.2.44');
    expect(clientAddress(headers('::1'))).toBe('::1');
    expect(clientAddress(headers(null, '203.0.113.9'))).toBeNull();
  });
});

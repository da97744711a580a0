import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/auth/client-address';

/**
 * The address failed logins are counted against. X-Forwarded-For is a list each proxy appends to: the leftmost
 * entries are whatever the client wrote, only the last one is what the nearest proxy saw. Counting against a
 * value the client chose lets an attacker take a fresh per-address allowance with every request, or lock out
 * someone else's address on purpose.
 */
describe('the client address used for login throttling', () => {
  it('is the address the nearest proxy saw (the last X-Forwarded-For entry), not one the client wrote in front of it', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.2' }))).toBe('10.0.0.2');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 192.0.2.44' }))).toBe('192.0.2.44');
  });

  it('does not change when a client rotates a forged first X-Forwarded-For entry', () => {
    const seen = new Set(['198.51.100.1', '198.51.100.2', '198.51.100.3'].map((forged) => clientAddress(new Headers({ 'x-forwarded-for': `${forged}, 10.0.0.2` }))));
    expect(seen.size).toBe(1);
  });

  it('is the single X-Forwarded-For entry, or X-Real-IP, or unknown', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': ' 192.0.2.7 ' }))).toBe('192.0.2.7');
    expect(clientAddress(new Headers({ 'x-real-ip': '192.0.2.8' }))).toBe('192.0.2.8');
    expect(clientAddress(new Headers())).toBeNull();
  });
});

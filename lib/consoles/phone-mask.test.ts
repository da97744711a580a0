import { describe, expect, it } from 'vitest';
import { maskPhone } from './phone-mask';

describe('maskPhone', () => {
  it('keeps only the last four digits', () => {
    expect(maskPhone('+14155550123')).toBe('••• 0123');
    expect(maskPhone('+44 20 7946 0958')).toBe('••• 0958');
  });

  it('hides short numbers entirely', () => {
    expect(maskPhone('+123')).toBe('••••');
    expect(maskPhone('')).toBe('••••');
  });

  it('never leaks more than four digits', () => {
    for (const n of ['+14155550123', '+861012345678901', '+33612345678'])
      expect(maskPhone(n).replace(/\D/g, '')).toHaveLength(4);
  });
});

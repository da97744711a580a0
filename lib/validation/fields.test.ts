import { describe, expect, it } from 'vitest';
import { e164 } from './fields';

describe('E.164 phone numbers', () => {
  it.each(['+14155550100', '+442071838750', '+61212345678', '+8613800138000'])('accepts %s', (value) => {
    expect(e164.safeParse(value).success).toBe(true);
  });

  it.each(['14155550100', '+1 415 555 0100', '+1-415-555-0100', '+0123456789', '+1234', '+1234567890123456', ''])(
    'refuses %j',
    (value) => {
      expect(e164.safeParse(value).success).toBe(false);
    },
  );

  it('trims surrounding spaces a person pasted', () => {
    expect(e164.parse('  +14155550100 ')).toBe('+14155550100');
  });
});

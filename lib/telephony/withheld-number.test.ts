import { describe, expect, it } from 'vitest';
import { isWithheldNumber } from './withheld-number';

describe('isWithheldNumber', () => {
  it.each([
    'Anonymous',
    'anonymous',
    'Restricted',
    'Unavailable',
    'Private',
    'Unknown',
    '',
    '   ',
    'client:',
    'client:alice',
    'sip:bob@example.com',
    '266696687',
    'not a number',
  ])('says %j is withheld: it does not name one caller', (from) => {
    expect(isWithheldNumber(from)).toBe(true);
  });

  it.each(['+266696687', '+2562533', '+8656696', '+7378742833', '+86282452253', '+7748283', '+94844353'])(
    'says the keypad spelling %s is withheld although it looks like E.164',
    (from) => {
      expect(isWithheldNumber(from)).toBe(true);
    },
  );

  it.each(['+0123456789', '+1415', '+1234567890123456', '+1 415 555 0101', '+14155550101x', '++14155550101'])(
    'says the malformed number %j is withheld',
    (from) => {
      expect(isWithheldNumber(from)).toBe(true);
    },
  );

  it.each(['+14155550101', '+447700900123', '+4930123456', '+2662662662'])(
    'says the ordinary number %s identifies a caller',
    (from) => {
      expect(isWithheldNumber(from)).toBe(false);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { describeHearing, madeUpNumber } from './describe-hearing';

describe('describing what a phone hears', () => {
  it('names who a caller is talking with in a conference', () => {
    expect(
      describeHearing({
        kind: 'conference',
        conferenceSid: 'CF1',
        friendlyName: 'live-1',
        announcement: null,
        hears: [
          { callSid: 'CA1', label: null, from: 'client:host-1', identity: 'host-1' },
          { callSid: 'CA2', label: 'caller', from: '+15550100', identity: null },
        ],
      }),
    ).toBe('Talking with host-1, caller.');
  });

  it('says silence plainly and quotes spoken text', () => {
    expect(describeHearing({ kind: 'silence', reason: 'empty conference' })).toBe('Silence.');
    expect(describeHearing({ kind: 'say', text: 'Thanks for calling' })).toBe('A voice says: “Thanks for calling”');
    expect(describeHearing(null)).toBe('Nothing: the call has ended.');
  });

  it('makes up numbers in the fictional 555-01xx range, valid as E.164', () => {
    const numbers = [0, 0.5, 0.999].map((r) => madeUpNumber(() => r));
    for (const number of numbers) expect(number).toMatch(/^\+1[2-8]\d{2}55501\d{2}$/);
  });
});

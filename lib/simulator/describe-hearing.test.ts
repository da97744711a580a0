import { describe, expect, it } from 'vitest';
import type { Hearing } from '@/emulator';
import { describeHearing, madeUpNumber } from './describe-hearing';

describe('describing what a phone hears', () => {
  const live: Hearing = {
    kind: 'conference',
    conferenceSid: 'CF1',
    friendlyName: 'live-1',
    announcement: null,
    hears: [
      {
        callSid: 'CA1',
        label: 'host-1',
        from: 'client:user-766cf1ea-0000-4000-8000-000000000001',
        identity: 'user-766cf1ea-0000-4000-8000-000000000001',
      },
      { callSid: 'CA2', label: 'caller', from: '+15550100', identity: null },
    ],
  };

  it('names who a caller is talking with by their names, never by a user id', () => {
    const names = { 'user-766cf1ea-0000-4000-8000-000000000001': 'Hana Host' };
    expect(describeHearing(live, { names })).toBe('Talking with Hana Host, the caller on +15550100.');
    expect(describeHearing(live)).not.toMatch(/user-/);
  });

  it('says a muted caller (on deck, or muted on air) listens to the show and is not heard', () => {
    const names = { 'user-766cf1ea-0000-4000-8000-000000000001': 'Hana Host' };
    expect(describeHearing(live, { names, muted: true })).toBe(
      'Listening to the show: Hana Host, the caller on +15550100 (your line is muted: the show does not hear you).',
    );
  });

  it("quotes a cue spoken over a waiting caller's hold music", () => {
    const waiting: Hearing = {
      kind: 'wait',
      conferenceSid: 'CF2',
      friendlyName: 'hold-1',
      url: 'http://app/twiml/hold.xml',
      audio: 'http://app/hold/switchboard-hold.wav',
      text: null,
      announcement: 'You are caller 2. Thank you for holding.',
    };
    expect(describeHearing(waiting)).toBe(
      'Hold music while waiting. Announcement: “You are caller 2. Thank you for holding.”',
    );
    expect(describeHearing({ ...waiting, announcement: null })).toBe('Hold music while waiting.');
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

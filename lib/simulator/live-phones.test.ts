import { describe, expect, it } from 'vitest';
import { withLivePhones } from './live-phones';

function call(sid: string, changes: Partial<Parameters<typeof withLivePhones>[1][number]> = {}) {
  return {
    sid,
    status: 'in-progress' as const,
    direction: 'inbound' as const,
    from: '+13125550100',
    to: '+15005550006',
    room: null,
    hears: { kind: 'ringing' as const },
    dateCreated: 1,
    ...changes,
  };
}

describe('the simulator after a reload', () => {
  it('lists the simulated phones still on a call, newest first, and no staff browser or ended call', () => {
    const phones = withLivePhones(
      [],
      [
        call('CAold', { dateCreated: 1 }),
        call('CAnew', { dateCreated: 5, status: 'ringing' }),
        call('CAended', { status: 'completed' }),
        call('CAhost', { from: 'client:user-1' }),
        call('CAringback', { direction: 'outbound-api' }),
      ],
    );
    expect(phones.map((p) => p.sid)).toEqual(['CAnew', 'CAold']);
  });

  it('keeps the phones the page already shows and adds each live call once', () => {
    const shown = [{ sid: 'CAold', from: '+13125550100', status: 'in-progress' }];
    const phones = withLivePhones(shown, [call('CAold'), call('CAother', { from: '+13125550199' })]);
    expect(phones.map((p) => p.sid)).toEqual(['CAold', 'CAother']);
    expect(phones[0]).toBe(shown[0]);
  });
});

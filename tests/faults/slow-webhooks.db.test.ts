import { describe, expect, it } from 'vitest';
import { findSession, findSessionByCallSid } from '@/lib/db/call-sessions';
import { LOBBY_ROOM } from '@/lib/telephony/static-audio';
import { setUpFaultSuite } from '@/tests/support/fault-suite';
import { eventually } from '@/tests/support/eventually';
import { playShortShow } from './standard-show';

/** Twilio's 15 s webhook budget, scaled down so that answers can be slower than it within a test. */
const BUDGET_MS = 2500;
const t = setUpFaultSuite({ faultSeed: 43, webhookTimeoutMs: BUDGET_MS });
const APPLICATION_ERROR = 'We are sorry, an application error has occurred. Goodbye.';

const heard = (callSid: string, text: string) =>
  t.h.call(callSid).timeline.some((s) => s.hearing.kind === 'say' && s.hearing.text === text);

describe('fault suite: slow webhooks, within and beyond the budget', () => {
  it('a show whose callbacks arrive up to 1.2 s late still ends with every caller truthful', async () => {
    await t.h.faults({
      callbacks: { kinds: ['status', 'conference'], delayMs: 600, delayProbability: 0.5, reorderWindowMs: 600 },
    });
    const callers = await playShortShow(t);
    await t.expectGuarantees(callers);
  });

  it('a show whose app answers every Twilio request 500 ms late (within the budget) keeps every caller hearing something', async () => {
    t.h.delayAppResponses(500);
    const callers = await playShortShow(t);
    await t.expectGuarantees(callers);
    expect(t.h.served().filter((s) => s.status >= 500)).toEqual([]);
  });

  it('a caller whose voice webhook answers after the budget waits in the lobby with hold music, then reaches its hold room', async () => {
    t.heal();
    t.h.delayAppResponses(BUDGET_MS + 1000, '/api/twilio/voice');
    const callSid = await t.h.ring('+14155550131', '+15005550006');
    // Twilio gives up on the voice URL and asks the static fallback: the lobby, with the shipped hold music.
    await eventually(
      () => t.h.call(callSid).room === LOBBY_ROOM && t.h.call(callSid).hears?.kind === 'wait',
      'the caller in the lobby',
      15_000,
    );
    expect(t.h.emulator.state().notifications.some((n) => n.callSid === callSid && n.code === 11200)).toBe(true);
    // The late answer still made a session; the reconciler walks the lobby caller through the door into its room.
    const session = await eventually(
      async () => {
        const s = await findSessionByCallSid(callSid);
        return s?.room && t.h.call(callSid).room === s.room ? s : null;
      },
      'the caller in its own hold room',
      15_000,
    );
    expect(session).toMatchObject({ state: 'queued' });
    expect(heard(callSid, APPLICATION_ERROR)).toBe(false);
    t.h.delayAppResponses(0);
    await t.h.hangUp(callSid);
    await t.expectGuarantees([{ callSid, ends: 'abandoned' }]);
  });

  it('a move does not wait for the app: with the Dial action route slower than the budget, the picked-up caller still reaches the screener', async () => {
    await t.staffIn();
    const caller = await t.ring('+14155550132');
    t.h.delayAppResponses(BUDGET_MS + 1000, '/api/twilio/dial-action');
    await t.command(t.fx.screener, caller, 'pickup');
    await eventually(
      () =>
        t.h.call(caller.callSid).room === `screen-${t.fx.screener.id}` &&
        t.h.call(caller.callSid).hears?.kind === 'conference',
      'the caller with the screener',
      15_000,
    );
    expect(heard(caller.callSid, APPLICATION_ERROR)).toBe(false);
    t.h.delayAppResponses(0);
    t.heal();
    await t.h.hangUp(caller.callSid);
    await t.expectGuarantees([{ callSid: caller.callSid, ends: 'abandoned' }]);
    expect(await findSession(caller.id)).toMatchObject({ attention: null });
  });
});

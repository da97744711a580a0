import { describe, expect, it } from 'vitest';
import { findSession } from '@/lib/db/call-sessions';
import { setUpFaultSuite } from '@/tests/support/fault-suite';
import { eventually } from '@/tests/support/app-harness';
import { playShortShow } from './standard-show';

/** Twilio's 15 s webhook budget, scaled down so that answers can be slower than it within a test. */
const BUDGET_MS = 2500;
const t = setUpFaultSuite({ faultSeed: 43, webhookTimeoutMs: BUDGET_MS });
const APPLICATION_ERROR = 'We are sorry, an application error has occurred. Goodbye.';

const heard = (callSid: string, text: string) => t.h.call(callSid).timeline.some((s) => s.hearing.kind === 'say' && s.hearing.text === text);

describe('fault suite: slow webhooks, within and beyond the budget', () => {
  it('a show whose callbacks arrive up to 1.2 s late still ends with every caller truthful', async () => {
    await t.h.faults({ callbacks: { kinds: ['status', 'conference'], delayMs: 600, delayProbability: 0.5, reorderWindowMs: 600 } });
    const callers = await playShortShow(t);
    await t.expectGuarantees(callers);
  });

  it('a show whose app answers every Twilio request 500 ms late (within the budget) keeps every caller hearing something', async () => {
    t.h.delayAppResponses(500);
    const callers = await playShortShow(t);
    await t.expectGuarantees(callers);
    expect(t.h.served().filter((s) => s.status >= 500)).toEqual([]);
  });

  it('a caller whose voice webhook answers after the budget hears the application error, and the session it left behind ends', async () => {
    t.heal();
    t.h.delayAppResponses(BUDGET_MS + 1000, '/api/twilio/voice');
    const callSid = await t.h.ring('+14155550131', '+15005550006');
    await eventually(() => t.h.call(callSid).status === 'completed', 'the emulator to give up on the call', 15_000);
    expect(heard(callSid, APPLICATION_ERROR)).toBe(true);
    expect(t.h.emulator.state().notifications.some((n) => n.callSid === callSid && n.code === 11200)).toBe(true);
    t.h.delayAppResponses(0);
    await t.expectGuarantees([{ callSid, ends: 'abandoned' }]);
  });

  it('a caller whose move is answered after the budget hears the application error instead of silence, and its session ends', async () => {
    await t.staffIn();
    const caller = await t.ring('+14155550132');
    t.h.delayAppResponses(BUDGET_MS + 1000, '/api/twilio/dial-action');
    await t.command(t.fx.screener, caller, 'pickup');
    await eventually(() => t.h.call(caller.callSid).status === 'completed', 'the emulator to give up on the call', 15_000);
    expect(heard(caller.callSid, APPLICATION_ERROR)).toBe(true);
    t.h.delayAppResponses(0);
    t.heal();
    await t.expectGuarantees([{ callSid: caller.callSid, ends: 'abandoned' }]);
    expect(await findSession(caller.id)).toMatchObject({ attention: null });
  });
});

import { describe, expect, it } from 'vitest';
import { listSessionEvents } from '@/lib/db/call-events';
import { findSessionByCallSid } from '@/lib/db/call-sessions';
import { setUpFaultSuite } from '@/tests/support/fault-suite';
import { playStandardShow } from './standard-show';

const t = setUpFaultSuite({ faultSeed: 11 });

/** Each state change of a session is logged once, in a chain: every move starts where the previous one ended. */
async function expectOneChainOfTransitions(callSid: string) {
  const session = await findSessionByCallSid(callSid);
  const moves = (await listSessionEvents(session?.id ?? '')).filter((e) => e.fromState !== e.toState);
  for (const [i, move] of moves.entries()) if (i > 0) expect(move.fromState).toBe(moves[i - 1]?.toState);
  const versions = moves.map((e) => (e.detail as { version?: number }).version).filter((v) => v !== undefined);
  expect(new Set(versions).size).toBe(versions.length);
}

describe('fault suite: callbacks Twilio sends twice, late, out of order or never', () => {
  it('a show whose every callback arrives twice ends with every caller truthful, never silent, never in two rooms', async () => {
    await t.h.faults({ callbacks: { kinds: ['status', 'conference'], duplicateProbability: 1 } });
    const callers = await playStandardShow(t);
    await t.expectGuarantees(callers);
    for (const { callSid } of callers) await expectOneChainOfTransitions(callSid);
    expect(t.h.emulator.state().webhooks.filter((w) => w.fault?.includes('duplicate')).length).toBeGreaterThan(20);
  });

  it('a show whose callbacks arrive out of order (and some twice) ends the same way', async () => {
    await t.h.faults({
      callbacks: { kinds: ['status', 'conference'], reorderWindowMs: 400, duplicateProbability: 0.3 },
    });
    const callers = await playStandardShow(t);
    await t.expectGuarantees(callers);
    for (const { callSid } of callers) await expectOneChainOfTransitions(callSid);
  });

  it('a show that loses a third of its callbacks is healed by the reconciler: every caller confirmed, then ended truthfully', async () => {
    t.heal();
    await t.h.faults({ callbacks: { kinds: ['status', 'conference'], dropProbability: 0.4 } });
    const callers = await playStandardShow(t);
    await t.expectGuarantees(callers);
    expect(t.h.emulator.state().webhooks.filter((w) => w.fault === 'drop').length).toBeGreaterThan(3);
  });

  it('a caller dropped while every callback is lost is still closed: the reconciler clears "moving" once Twilio says the call ended', async () => {
    const { host, screener } = t.fx;
    await t.staffIn();
    const caller = await t.ring('+14155550104');
    await t.walk(caller, [
      [screener, 'pickup'],
      [screener, 'approve'],
      [host, 'air'],
    ]);
    await t.h.faults({ callbacks: { kinds: ['status', 'conference'], dropProbability: 1 } });
    await t.command(host, caller, 'drop');
    t.heal();
    await t.expectGuarantees([{ callSid: caller.callSid, ends: 'completed' }]);
    expect(await findSessionByCallSid(caller.callSid)).toMatchObject({ endReason: 'dropped', attention: null });
  });
});

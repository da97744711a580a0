import { describe, expect, it } from 'vitest';
import { findSession } from '@/lib/db/call-sessions';
import type { CallCommand } from '@/lib/telephony/call-session-machine';
import type { Actor } from '@/lib/auth/actor';
import { setUpFaultSuite, type Caller } from '@/tests/support/fault-suite';
import { playStandardShow } from './standard-show';

const t = setUpFaultSuite({ faultSeed: 23 });

async function restFailuresLeft() {
  return (await t.h.control<{ restFailuresLeft: number }>('GET', '/_emulator/faults')).restFailuresLeft;
}

describe('fault suite: Twilio answering 429 and 500 during moves', () => {
  it('carries pickup, approve, air, to-deck and drop through 429 storms (three refusals before each move) by retrying', async () => {
    const { screener, host } = t.fx;
    await t.staffIn();
    const caller = await t.ring('+14155550111');
    const moves: [Actor, CallCommand][] = [
      [screener, 'pickup'],
      [screener, 'approve'],
      [host, 'air'],
      [host, 'to_deck'],
      [host, 'air'],
    ];
    for (const [actor, command] of moves) {
      await t.h.faults({ rest: { status: 429, count: 3, methods: ['POST'] } });
      const after = await t.command(actor, caller, command);
      expect(after.attention).toBeNull();
      expect(await restFailuresLeft()).toBe(0);
      await t.settled(caller, `the caller after ${command}`);
    }
    await t.h.faults({ rest: { status: 429, count: 3, methods: ['POST'] } });
    expect((await t.command(host, caller, 'drop')).attention).toBeNull();
    await t.expectGuarantees([{ callSid: caller.callSid, ends: 'completed' }]);
    expect(
      t.h
        .call(caller.callSid)
        .timeline.some(
          (s) => s.hearing.kind === 'say' && s.hearing.text === 'Thank you for calling the show. Goodbye.',
        ),
    ).toBe(true);
  });

  it('runs a whole show while a third of all REST requests answer 500, with every caller ending truthfully', async () => {
    t.heal();
    await t.h.faults({ rest: { status: 500, probability: 0.3 } });
    const callers = await playStandardShow(t);
    await t.expectGuarantees(callers);
  });

  it('flags "attention" instead of claiming a move that a storm longer than the retries blocked, then lands it once Twilio answers', async () => {
    const { screener } = t.fx;
    await t.staffIn();
    const caller: Caller = await t.ring('+14155550112');
    await t.h.faults({ rest: { status: 429, count: 50, methods: ['POST'], pathContains: '/Calls/' } });
    const after = await t.command(screener, caller, 'pickup');
    expect(after).toMatchObject({ state: 'screening', pendingCommand: 'pickup' });
    expect(after.attention).toMatch(/Twilio did not answer/);
    expect(after.confirmedRoom).toBe(`hold-${caller.id}`);
    expect(t.h.call(caller.callSid).room).toBe(`hold-${caller.id}`);
    await t.h.clearFaults();
    t.heal();
    const landed = await t.settled(caller, 'the reconciler carrying the pickup out');
    expect(landed).toMatchObject({ state: 'screening', attention: null, room: `screen-${screener.id}` });
    await t.h.hangUp(caller.callSid);
    await t.expectGuarantees([{ callSid: caller.callSid, ends: 'abandoned' }]);
  });

  it('a drop blocked by a long storm still ends the call with its goodbye once Twilio answers again', async () => {
    const { screener, host } = t.fx;
    await t.staffIn();
    const caller = await t.ring('+14155550113');
    await t.walk(caller, [
      [screener, 'pickup'],
      [screener, 'approve'],
      [host, 'air'],
    ]);
    await t.h.faults({ rest: { status: 500, count: 50, methods: ['POST'], pathContains: '/Calls/' } });
    const after = await t.command(host, caller, 'drop');
    expect(after).toMatchObject({ state: 'completed', pendingCommand: 'drop' });
    expect(after.attention).not.toBeNull();
    await t.h.clearFaults();
    t.heal();
    await t.expectGuarantees([{ callSid: caller.callSid, ends: 'completed' }]);
    expect(await findSession(caller.id)).toMatchObject({ endReason: 'dropped', attention: null });
    expect(
      t.h
        .call(caller.callSid)
        .timeline.some(
          (s) => s.hearing.kind === 'say' && s.hearing.text === 'Thank you for calling the show. Goodbye.',
        ),
    ).toBe(true);
  });
});

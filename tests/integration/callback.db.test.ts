import { afterEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { CallView } from '@/emulator';
import { getBoard } from '@/lib/calls/board';
import { offerCallbacks } from '@/lib/calls/callback-choice';
import { handleCallStatus } from '@/lib/calls/callbacks';
import { runCallCommand } from '@/lib/calls/commands';
import { endShow } from '@/lib/calls/end-show';
import { closeLines } from '@/lib/calls/lines';
import { reconcileOnce } from '@/lib/calls/reconciler';
import { findSession } from '@/lib/db/call-sessions';
import { getDbHandle } from '@/lib/db/client';
import { callEvents, callSessions, episodes, shows } from '@/lib/db/schema';
import { TWILIO_OUTBOUND_CALLS_PER_SECOND } from '@/lib/telephony/outbound-queue';
import { callbackConfirmation, MESSAGES } from '@/lib/telephony/twiml';
import { waitingOrder } from '@/components/console/queue-panel';
import { eventually } from '@/tests/support/eventually';
import { SHOW_NUMBER, setUpCallFlowSuite } from '@/tests/support/call-flow-suite';

const t = setUpCallFlowSuite();
const db = async () => (await getDbHandle()).db;
const CALLER = '+14155550101';

afterEach(() => {
  // Every webhook Twilio sent during a test was answered without an error.
  expect(t.h.served.filter((s) => s.status >= 400)).toEqual([]);
  t.h.served.length = 0;
});

async function screenerIn(): Promise<string> {
  const leg = await t.h.connectBrowser(t.fx.screener);
  await eventually(() => t.h.call(leg).room === `screen-${t.fx.screener.id}`, 'the screener in their room');
  return leg;
}

async function waitingCaller(from: string) {
  const callSid = await t.h.ring(from, SHOW_NUMBER);
  const session = await t.session(callSid);
  await t.settled(callSid, `${from} in its hold room`);
  return { callSid, id: session.id };
}

const press = (callSid: string, digits: string) =>
  t.h.control<{ leftConference: boolean; gathered: boolean }>('POST', `/_emulator/calls/${callSid}/digits`, {
    digits,
  });

/** Star, then 1 once the callback menu listens; the call ends after its goodbye. */
async function chooseCallback(callSid: string): Promise<void> {
  expect((await press(callSid, '*')).leftConference).toBe(true);
  await eventually(async () => (await press(callSid, '1')).gathered, 'the callback menu to take the key');
  await eventually(() => t.h.call(callSid).status === 'completed', 'the call to end after its goodbye');
}

const said = (view: CallView, text: string) =>
  view.timeline.some((seg) => seg.hearing.kind === 'say' && seg.hearing.text === text);

const menusHeard = (view: CallView) =>
  view.timeline.filter((seg) => seg.hearing.kind === 'say' && seg.hearing.text === MESSAGES.callbackMenu).length;

/** The outbound calls the app placed to a number, oldest first. */
const ringbacksTo = (number: string): CallView[] =>
  t.h.emulator.state().calls.filter((c) => c.direction !== 'inbound' && c.to === number);

async function setShow(values: Partial<typeof shows.$inferInsert>) {
  await (await db()).update(shows).set(values).where(eq(shows.id, t.fx.show.id));
}

async function storyOf(sessionId: string) {
  return (await db()).select().from(callEvents).where(eq(callEvents.sessionId, sessionId)).orderBy(asc(callEvents.id));
}

describe('callback instead of hold (emulator)', () => {
  it('keeps the place of a caller who chose a callback, and rings them into the room of the screener who picks them up', async () => {
    const screenerLeg = await screenerIn();
    const first = await waitingCaller(CALLER);
    const second = await waitingCaller('+14155550102');
    const third = await waitingCaller('+14155550103');
    const queuedAt = (await findSession(first.id))?.queuedAt;

    await chooseCallback(first.callSid);
    expect(said(t.h.call(first.callSid), MESSAGES.callbackMenu)).toBe(true);
    expect(said(t.h.call(first.callSid), callbackConfirmation(CALLER))).toBe(true);
    expect(callbackConfirmation(CALLER)).toContain('ending 0 1 0 1');
    await eventually(
      async () => (await storyOf(first.id)).some((e) => e.name === 'status:completed'),
      'the end of the call reported',
    );
    expect(await findSession(first.id)).toMatchObject({ state: 'callback', room: null, queuedAt, endedAt: null });

    const { board } = await getBoard(t.fx.episode?.id ?? '');
    expect(waitingOrder(board.groups.queued).map((c) => [c.id, c.state])).toEqual([
      [first.id, 'callback'],
      [second.id, 'queued'],
      [third.id, 'queued'],
    ]);
    const [episode] = await (
      await db()
    )
      .select()
      .from(episodes)
      .where(eq(episodes.id, t.fx.episode?.id ?? ''));
    expect(episode?.waiting).toBe(3);

    const picked = await runCallCommand(t.fx.screener, first.id, 'pickup');
    expect(picked.state).toBe('calling_back');
    const answered = await eventually(async () => {
      const s = await findSession(first.id);
      return s?.state === 'screening' && s.confirmedRoom === `screen-${t.fx.screener.id}` ? s : null;
    }, 'the caller rung back into the screening room');
    const [ringback] = ringbacksTo(CALLER);
    expect(ringback).toMatchObject({ sid: answered.callSid, from: SHOW_NUMBER, room: `screen-${t.fx.screener.id}` });
    await eventually(
      () => JSON.stringify(t.heardSids(screenerLeg)) === JSON.stringify([answered.callSid]),
      'the screener hearing the caller',
    );
    expect(t.heardSids(answered.callSid)).toEqual([screenerLeg]);
    expect((await findSession(second.id))?.state).toBe('queued');
    expect((await findSession(third.id))?.state).toBe('queued');

    const moves = (await storyOf(first.id)).filter((e) => e.fromState !== e.toState);
    expect(moves.map((e) => [e.name, e.fromState, e.toState])).toEqual([
      ['arrived', null, 'queued'],
      ['callback_requested', 'queued', 'callback'],
      ['pickup', 'callback', 'calling_back'],
      ['ringback_answered', 'calling_back', 'screening'],
    ]);
  });

  it('puts a caller who pressed star but chose to keep holding (or pressed nothing) back in their hold room', async () => {
    const caller = await waitingCaller(CALLER);
    expect((await press(caller.callSid, '*')).leftConference).toBe(true);
    await eventually(async () => (await press(caller.callSid, '2')).gathered, 'the callback menu to take the key');
    const back = await t.settled(caller.callSid, 'the caller back in its hold room');
    expect(back).toMatchObject({ state: 'queued', room: `hold-${caller.id}` });
    expect((await press(caller.callSid, '*')).leftConference).toBe(true);
    // No key: the menu times out and the call goes on to its room.
    await eventually(
      () => menusHeard(t.h.call(caller.callSid)) === 2 && t.h.call(caller.callSid).room === back.room,
      'the caller back in its hold room after the menu timed out',
      15_000,
    );
    expect((await findSession(caller.id))?.state).toBe('queued');
    expect(t.h.call(caller.callSid).status).toBe('in-progress');
  });

  it('rings a busy phone once more, a second apart, then ends the session as busy and tells the screener', async () => {
    await screenerIn();
    const caller = await waitingCaller(CALLER);
    await chooseCallback(caller.callSid);
    await t.h.control('POST', `/_emulator/numbers/${encodeURIComponent(CALLER)}/policy`, {
      answer: 'busy',
      delayMs: 20,
    });
    await runCallCommand(t.fx.screener, caller.id, 'pickup');
    const ended = await eventually(async () => {
      const s = await findSession(caller.id);
      return s?.state === 'busy' ? s : null;
    }, 'the ringback to end as busy');
    expect(ended).toMatchObject({ endReason: 'ringback_busy', attention: 'The line was busy.' });
    const calls = ringbacksTo(CALLER);
    expect(calls.map((c) => c.status)).toEqual(['busy', 'busy']);
    const story = await storyOf(caller.id);
    const placed = story.filter((e) => e.name === 'ringback_placed');
    expect(placed).toHaveLength(2);
    expect(placed[1]!.createdAt.getTime() - placed[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(
      1000 / TWILIO_OUTBOUND_CALLS_PER_SECOND - 50,
    );
    expect(story.filter((e) => e.name === 'ringback_busy').map((e) => (e.detail as { retry?: boolean }).retry)).toEqual(
      [true, undefined],
    );
  });

  it('rings again a callback whose ringback was lost (the app stopped before placing it), as its one retry', async () => {
    await screenerIn();
    const caller = await waitingCaller(CALLER);
    await chooseCallback(caller.callSid);
    // As if the process that was to place the ring had stopped: calling back since long ago, and nothing rings.
    await (
      await db()
    )
      .update(callSessions)
      .set({
        state: 'calling_back',
        screenerId: t.fx.screener.id,
        ringbackAttempts: 1,
        updatedAt: new Date(Date.now() - 5 * 60_000),
      })
      .where(eq(callSessions.id, caller.id));
    const report = await reconcileOnce({ graceMs: 0 });
    expect(report.repairs).toContainEqual(expect.objectContaining({ action: 'ringback', sessionId: caller.id }));
    const answered = await eventually(async () => {
      const s = await findSession(caller.id);
      return s?.state === 'screening' && s.confirmedRoom === `screen-${t.fx.screener.id}` ? s : null;
    }, 'the caller rung back into the screening room');
    expect(answered).toMatchObject({ ringbackRetried: true, ringbackAttempts: 2 });
    expect(ringbacksTo(CALLER)).toHaveLength(1);
  });

  it('ends the session as no answer after one ring when the show does not retry', async () => {
    await setShow({ callbackRetry: false });
    await screenerIn();
    const caller = await waitingCaller(CALLER);
    await chooseCallback(caller.callSid);
    await t.h.control('POST', `/_emulator/numbers/${encodeURIComponent(CALLER)}/policy`, {
      answer: 'no-answer',
      delayMs: 20,
    });
    await runCallCommand(t.fx.screener, caller.id, 'pickup');
    const ended = await eventually(async () => {
      const s = await findSession(caller.id);
      return s && s.state !== 'calling_back' ? s : null;
    }, 'the ringback to end');
    expect(ended).toMatchObject({ state: 'no_answer', endReason: 'ringback_no_answer' });
    expect(ringbacksTo(CALLER).map((c) => c.status)).toEqual(['no-answer']);
  });

  it('lets the screener stop a ringback: the phone stops ringing and the caller keeps waiting for a callback', async () => {
    await screenerIn();
    const caller = await waitingCaller(CALLER);
    await chooseCallback(caller.callSid);
    await t.h.control('POST', `/_emulator/numbers/${encodeURIComponent(CALLER)}/policy`, {
      answer: 'answer',
      delayMs: 60_000,
    });
    await runCallCommand(t.fx.screener, caller.id, 'pickup');
    // Late news of the caller's own, earlier call does not end the ringback.
    await handleCallStatus({ callSid: caller.callSid, callStatus: 'completed', sequenceNumber: 40 });
    expect((await findSession(caller.id))?.state).toBe('calling_back');
    await eventually(() => ringbacksTo(CALLER)[0]?.status === 'ringing', 'the phone ringing');
    await eventually(async () => (await findSession(caller.id))?.callSid === ringbacksTo(CALLER)[0]?.sid, 'adopted');
    expect((await runCallCommand(t.fx.screener, caller.id, 'cancel_callback')).state).toBe('callback');
    await eventually(() => ringbacksTo(CALLER)[0]?.status === 'canceled', 'the ringback cancelled');
    await eventually(
      async () => (await storyOf(caller.id)).some((e) => e.name === 'status:canceled'),
      'the cancelled call reported',
    );
    expect(await findSession(caller.id)).toMatchObject({ state: 'callback', screenerId: t.fx.screener.id });
  });

  it('does not ring back a caller still waiting for a callback when the lines close: the session ends off air', async () => {
    const caller = await waitingCaller(CALLER);
    await chooseCallback(caller.callSid);
    await eventually(async () => (await findSession(caller.id))?.state === 'callback', 'the callback session');
    await closeLines(t.fx.producer, t.fx.show.id);
    expect(await findSession(caller.id)).toMatchObject({ state: 'off_air', endReason: 'lines_closed' });
    await expect(runCallCommand(t.fx.screener, caller.id, 'pickup')).rejects.toThrow(/lines were closed/);
    expect(ringbacksTo(CALLER)).toEqual([]);
  });

  it('ends a pending callback quietly when the host ends the show, and stops a ringback under way', async () => {
    await screenerIn();
    const waiting = await waitingCaller(CALLER);
    const ringing = await waitingCaller('+14155550102');
    await chooseCallback(waiting.callSid);
    await chooseCallback(ringing.callSid);
    await t.h.control('POST', `/_emulator/numbers/${encodeURIComponent('+14155550102')}/policy`, {
      answer: 'answer',
      delayMs: 60_000,
    });
    await runCallCommand(t.fx.screener, ringing.id, 'pickup');
    await eventually(() => ringbacksTo('+14155550102')[0]?.status === 'ringing', 'the ringback ringing');
    await eventually(
      async () => (await findSession(ringing.id))?.callSid === ringbacksTo('+14155550102')[0]?.sid,
      'the ringback adopted',
    );
    await endShow(t.fx.host, t.fx.show.id);
    expect(await findSession(waiting.id)).toMatchObject({ state: 'show_ended', attention: null });
    expect(await findSession(ringing.id)).toMatchObject({ state: 'show_ended' });
    await eventually(() => ringbacksTo('+14155550102')[0]?.status === 'canceled', 'the ringback stopped');
    expect(ringbacksTo(CALLER)).toEqual([]);
  });

  it("offers the callback in the caller's hold audio after the show's wait, once, and not to a withheld number", async () => {
    await setShow({ callbackOfferAfter: 1 });
    const withheld = await waitingCaller('Anonymous');
    const caller = await waitingCaller(CALLER);
    const offered = await eventually(async () => {
      const ids = await offerCallbacks();
      return ids.length > 0 ? ids : null;
    }, 'the offer to be due');
    expect(offered).toEqual([caller.id]);
    await eventually(
      () => t.h.call(caller.callSid).timeline.some((seg) => JSON.stringify(seg.hearing).includes('Press star')),
      'the caller hearing the offer',
    );
    expect(await offerCallbacks()).toEqual([]);
    expect(JSON.stringify(t.h.call(withheld.callSid).timeline)).not.toContain('Press star');
  });

  it('gives no callback to a caller who withheld their number, nor when the show turned callbacks off', async () => {
    const withheld = await waitingCaller('Anonymous');
    expect((await press(withheld.callSid, '*')).leftConference).toBe(false);
    await setShow({ callbackOfferAfter: 0 });
    const caller = await waitingCaller(CALLER);
    expect((await press(caller.callSid, '*')).leftConference).toBe(false);
    expect((await findSession(caller.id))?.state).toBe('queued');
  });
});

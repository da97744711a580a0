import { afterEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { AppError } from '@/lib/errors';
import { getDbHandle } from '@/lib/db/client';
import { callEvents, shows } from '@/lib/db/schema';
import { findSession, findSessionByCallSid } from '@/lib/db/call-sessions';
import { getBoard } from '@/lib/calls/board';
import { runCallCommand } from '@/lib/calls/commands';
import { endShow } from '@/lib/calls/end-show';
import { openLines } from '@/lib/calls/lines';
import { hasWorkToReconcile, reconcileOnce } from '@/lib/calls/reconciler';
import { SHOW_ENDED_REASON } from '@/lib/telephony/call-session-machine';
import { MESSAGES } from '@/lib/telephony/twiml';
import { VOICE_URL_OVERRIDES } from '@/lib/telephony/connection-overrides';
import { provisionTwilio } from '@/lib/telephony/provision';
import { eventually } from '@/tests/support/eventually';
import { SHOW_NUMBER, setUpCallFlowSuite } from '@/tests/support/call-flow-suite';

const t = setUpCallFlowSuite();
const db = async () => (await getDbHandle()).db;
const live = () => `live-${t.fx.episode?.id}`;

afterEach(() => {
  // Every webhook Twilio sent during a test was answered without an error.
  expect(t.h.served.filter((s) => s.status >= 400)).toEqual([]);
  t.h.served.length = 0;
});

async function staffIn() {
  const hostLeg = await t.h.connectBrowser(t.fx.host, { room: 'live', episodeId: t.fx.episode?.id ?? '' });
  const screenerLeg = await t.h.connectBrowser(t.fx.screener);
  await eventually(
    () => t.h.call(hostLeg).room === live() && t.h.call(screenerLeg).room === `screen-${t.fx.screener.id}`,
    'staff browsers in their rooms',
  );
  return { hostLeg, screenerLeg };
}

/** Rings a caller in and takes it to the given state through the consoles' commands. */
async function callerIn(state: 'queued' | 'screening' | 'ready' | 'on_air', from = '+14155550199') {
  const callSid = await t.h.ring(from, SHOW_NUMBER);
  const queued = await t.session(callSid);
  await t.settled(callSid, 'the caller in its hold room');
  const steps: [typeof state, () => Promise<unknown>][] = [
    ['screening', () => runCallCommand(t.fx.screener, queued.id, 'pickup')],
    ['ready', () => runCallCommand(t.fx.screener, queued.id, 'approve')],
    ['on_air', () => runCallCommand(t.fx.host, queued.id, 'air')],
  ];
  for (const [reached, step] of steps) {
    if (state === 'queued') break;
    await step();
    await t.settled(callSid, `the caller ${reached}`);
    if (reached === state) break;
  }
  return { callSid, id: queued.id };
}

describe('a call through the show (emulator)', () => {
  it('goes queued -> screening -> ready -> on air -> completed, hearing the right people at every step', async () => {
    const { hostLeg, screenerLeg } = await staffIn();
    const caller = await t.h.ring('+14155550199', SHOW_NUMBER);
    const queued = await t.session(caller);
    expect(queued.state).toBe('queued');
    await t.settled(caller, 'the caller confirmed in its hold room');
    expect(t.h.call(caller).hears).toMatchObject({ kind: 'wait', friendlyName: `hold-${queued.id}` });

    expect((await runCallCommand(t.fx.screener, queued.id, 'pickup', { version: queued.version })).state).toBe(
      'screening',
    );
    await t.settled(caller, 'the caller in the screening room');
    expect(t.heardSids(caller)).toEqual([screenerLeg]);
    expect(t.heardSids(screenerLeg)).toEqual([caller]);

    await runCallCommand(t.fx.screener, queued.id, 'approve', { card: { name: 'Ada', topic: 'Bridges' } });
    await t.settled(caller, 'the caller on deck in the live room');
    expect(t.heardSids(caller)).toEqual([hostLeg]);
    expect(t.heardSids(hostLeg)).toEqual([]);

    await runCallCommand(t.fx.host, queued.id, 'air');
    await t.settled(caller, 'the caller on air');
    await eventually(
      () => JSON.stringify(t.heardSids(hostLeg)) === JSON.stringify([caller]),
      'the host hearing the caller',
    );
    expect(t.heardSids(caller)).toEqual([hostLeg]);

    await runCallCommand(t.fx.host, queued.id, 'drop');
    await eventually(() => t.h.call(caller).status === 'completed', 'the dropped call to end');
    const ended = await eventually(async () => {
      const s = await findSessionByCallSid(caller);
      return s?.pendingCommand === null ? s : null;
    }, 'the drop confirmed');
    expect(ended).toMatchObject({ state: 'completed', endReason: 'dropped', confirmedRoom: null });
    expect(
      t.h
        .call(caller)
        .timeline.some(
          (seg) => seg.hearing.kind === 'say' && seg.hearing.text === 'Thank you for calling the show. Goodbye.',
        ),
    ).toBe(true);
    expect(t.h.call(caller).silence.longestMs).toBeLessThan(1000);
    expect(t.h.call(hostLeg).status).toBe('in-progress');

    const story = await (
      await db()
    )
      .select()
      .from(callEvents)
      .where(eq(callEvents.sessionId, queued.id))
      .orderBy(asc(callEvents.id));
    expect(story.filter((e) => e.fromState !== e.toState).map((e) => [e.name, e.fromState, e.toState])).toEqual([
      ['arrived', null, 'queued'],
      ['pickup', 'queued', 'screening'],
      ['approve', 'screening', 'ready'],
      ['air', 'ready', 'on_air'],
      ['drop', 'on_air', 'completed'],
    ]);
    expect(story.filter((e) => e.name === 'participant-join').map((e) => (e.detail as { room: string }).room)).toEqual([
      `hold-${queued.id}`,
      `screen-${t.fx.screener.id}`,
      live(),
    ]);
    expect(story.some((e) => e.name === 'status:completed')).toBe(true);
  });

  it('tells a rejected caller politely, then hangs up', async () => {
    await staffIn();
    const { callSid, id } = await callerIn('screening');
    await runCallCommand(t.fx.screener, id, 'reject', { reason: 'off topic' });
    await eventually(() => t.h.call(callSid).status === 'completed', 'the rejected call to end');
    expect(
      t.h
        .call(callSid)
        .timeline.some(
          (seg) => seg.hearing.kind === 'say' && seg.hearing.text.startsWith('Thank you for calling. We are not able'),
        ),
    ).toBe(true);
    expect(await findSession(id)).toMatchObject({ state: 'rejected', rejectReason: 'off topic' });
  });

  for (const [state, terminal] of [
    ['queued', 'abandoned'],
    ['screening', 'abandoned'],
    ['ready', 'abandoned'],
    ['on_air', 'completed'],
  ] as const) {
    it(`ends a caller who hangs up while ${state} as ${terminal}, within a second, leaving no ghost`, async () => {
      await staffIn();
      const { callSid, id } = await callerIn(state);
      await t.h.hangUp(callSid);
      const hungUpAt = Date.now();
      const ended = await eventually(
        async () => {
          const s = await findSession(id);
          return s && s.state !== state ? s : null;
        },
        'the session to end',
        1000,
      );
      expect(Date.now() - hungUpAt).toBeLessThan(1000);
      expect(ended).toMatchObject({ state: terminal, endReason: 'caller_hung_up' });
      expect(t.inAnyRoom(callSid)).toBe(false);
      await eventually(async () => (await findSession(id))?.confirmedRoom === null, 'the room cleared');
    });
  }

  it('drops nobody when the host browser goes away and comes back; deck callers hear hold audio meanwhile', async () => {
    const { hostLeg } = await staffIn();
    const deck = await callerIn('ready', '+14155550101');
    const aired = await callerIn('on_air', '+14155550102');
    expect(t.heardSids(deck.callSid)).toEqual([aired.callSid, hostLeg].sort());

    await t.h.hangUp(hostLeg);
    await eventually(
      () => t.h.call(deck.callSid).hears?.kind === 'hold' && t.h.call(aired.callSid).hears?.kind === 'hold',
      'everyone in the live room held',
    );
    for (const leg of [deck.callSid, aired.callSid]) {
      expect(t.h.call(leg).status).toBe('in-progress');
      const hears = t.h.call(leg).hears;
      expect(hears?.kind === 'hold' && hears.friendlyName).toBe(live());
    }

    const hostBack = await t.h.connectBrowser(t.fx.host, { room: 'live', episodeId: t.fx.episode?.id ?? '' });
    await eventually(
      () => JSON.stringify(t.heardSids(aired.callSid)) === JSON.stringify([hostBack]),
      'the on-air caller hearing the host again',
    );
    await eventually(
      () => JSON.stringify(t.heardSids(deck.callSid)) === JSON.stringify([aired.callSid, hostBack].sort()),
      'the deck caller hearing the show again',
    );
    expect(await findSession(deck.id)).toMatchObject({ state: 'ready' });
    expect(await findSession(aired.id)).toMatchObject({ state: 'on_air' });
    for (const leg of [deck.callSid, aired.callSid]) expect(t.h.call(leg).silence.longestMs).toBeLessThan(1000);
  });

  it("puts the caller back in the queue, hearing hold audio, when the screener's browser drops", async () => {
    const { screenerLeg } = await staffIn();
    const { callSid, id } = await callerIn('screening');
    await t.h.hangUp(screenerLeg);
    const requeued = await t.settled(callSid, 'the caller back in its hold room');
    expect(requeued).toMatchObject({ id, state: 'queued', room: `hold-${id}` });
    expect(t.h.call(callSid).hears).toMatchObject({ kind: 'wait', friendlyName: `hold-${id}` });
    expect(t.h.call(callSid).silence.longestMs).toBeLessThan(1000);
  });

  it('lets one of two screeners pick up a caller at the same moment, and tells the other why', async () => {
    await staffIn();
    const screener2Leg = await t.h.connectBrowser(t.fx.screener2);
    const { callSid, id } = await callerIn('queued');
    const version = (await findSession(id))?.version;
    const results = await Promise.allSettled([
      runCallCommand(t.fx.screener, id, 'pickup', { version }),
      runCallCommand(t.fx.screener2, id, 'pickup', { version }),
    ]);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).toHaveLength(1);
    expect((lost[0]?.reason as AppError).status).toBe(409);
    expect((lost[0]?.reason as AppError).message).toMatch(
      /^Someone else changed this caller first: the call is now being screened by (Sam|Sky) Screener\.$/,
    );
    const winner = await t.settled(callSid, 'the caller with the winning screener');
    expect(t.h.call(callSid).room).toBe(`screen-${winner.screenerId}`);
    expect(t.heardSids(callSid)?.length).toBe(1);
    if (winner.screenerId === t.fx.screener2.id) expect(t.heardSids(callSid)).toEqual([screener2Leg]);
  });

  it('keeps deck callers on hold music when the show says so, and takes them off hold on air', async () => {
    await (await db()).update(shows).set({ deckAudio: 'hold' }).where(eq(shows.id, t.fx.show.id));
    const { hostLeg } = await staffIn();
    const { callSid, id } = await callerIn('ready');
    await eventually(() => t.h.call(callSid).hears?.kind === 'hold', 'the deck caller on hold music');
    await runCallCommand(t.fx.host, id, 'air');
    await eventually(
      () => JSON.stringify(t.heardSids(callSid)) === JSON.stringify([hostLeg]),
      'the caller hearing the host on air',
    );
    expect(t.heardSids(hostLeg)).toEqual([callSid]);
  });
});

describe('browser phones', () => {
  it('puts each identity only in a room its role allows', async () => {
    const episodeId = t.fx.episode?.id ?? '';
    const producerScreen = await t.h.connectBrowser(t.fx.producer, { room: 'screen' });
    const producerLive = await t.h.connectBrowser(t.fx.producer, { room: 'live', episodeId });
    await eventually(
      () => t.h.call(producerScreen).room === `screen-${t.fx.producer.id}` && t.h.call(producerLive).room === live(),
      'the producer in both rooms',
    );
    for (const [actor, room] of [
      [t.fx.screener, 'live'],
      [t.fx.host, 'screen'],
    ] as const) {
      const leg = await t.h.connectBrowser(actor, { room, episodeId });
      await eventually(
        () => t.h.call(leg).status === 'completed',
        `the ${actor.role} turned away from the ${room} room`,
      );
      expect(
        t.h
          .call(leg)
          .timeline.some(
            (seg) =>
              seg.hearing.kind === 'say' && seg.hearing.text === 'You are not allowed to join this room. Goodbye.',
          ),
      ).toBe(true);
      expect(
        t.h.call(leg).timeline.some((seg) => seg.hearing.kind === 'conference' || seg.hearing.kind === 'wait'),
      ).toBe(false);
    }
  });
});

describe('provisioning', () => {
  it('sets up the API key, the TwiML App and the show number, and changes nothing when run again', async () => {
    t.h.emulator.reset();
    const first = await provisionTwilio();
    expect(first.changes.map((c) => [c.resource, c.action])).toEqual([
      ['api_key', 'created'],
      ['twiml_app', 'created'],
      ['phone_number', 'created'],
    ]);
    expect(first.problems).toEqual([]);
    const again = await provisionTwilio();
    expect(again).toMatchObject({
      changes: [],
      problems: [],
      apiKeySid: first.apiKeySid,
      twimlAppSid: first.twimlAppSid,
      newApiKeySecret: null,
    });
    const number = t.h.emulator.state().numbers.find((n: { phoneNumber: string }) => n.phoneNumber === SHOW_NUMBER);
    expect(number).toMatchObject({
      voiceUrl: `${t.h.appUrl}/api/twilio/voice${VOICE_URL_OVERRIDES}`,
      statusCallback: `${t.h.appUrl}/api/twilio/status`,
    });
  });
});

describe('the end of the show (emulator)', () => {
  const heardGoodbye = (callSid: string) =>
    t.h.call(callSid).timeline.some((seg) => seg.hearing.kind === 'say' && seg.hearing.text === MESSAGES.showEnded);

  it('tells every caller, in every state, that the show has ended and hangs up; staff stay connected', async () => {
    const { hostLeg, screenerLeg } = await staffIn();
    const callers = {
      on_air: await callerIn('on_air', '+14155550171'),
      ready: await callerIn('ready', '+14155550172'),
      screening: await callerIn('screening', '+14155550173'),
      queued: await callerIn('queued', '+14155550174'),
    };
    const { episode, released } = await endShow(t.fx.host, t.fx.show.id);
    expect(released.map((s) => s.id).sort()).toEqual(
      Object.values(callers)
        .map((c) => c.id)
        .sort(),
    );
    for (const [state, { callSid, id }] of Object.entries(callers)) {
      await eventually(() => t.h.call(callSid).status === 'completed', `the caller ${state} hung up`);
      expect(heardGoodbye(callSid), state).toBe(true);
      const ended = await eventually(async () => {
        const s = await findSession(id);
        return s?.pendingCommand === null ? s : null;
      }, `the goodbye to the caller ${state} confirmed`);
      expect(ended, state).toMatchObject({
        state: state === 'on_air' ? 'completed' : 'show_ended',
        endReason: SHOW_ENDED_REASON,
        attention: null,
        confirmedRoom: null,
      });
    }
    expect([t.h.call(hostLeg).status, t.h.call(screenerLeg).status]).toEqual(['in-progress', 'in-progress']);

    const next = await openLines(t.fx.producer, t.fx.show.id);
    expect(next.id).not.toBe(episode.id);
    expect(Object.values((await getBoard(next.id)).board.groups).flat()).toEqual([]);
    const fresh = await t.h.ring('+14155550175', SHOW_NUMBER);
    const { id } = await t.settled(fresh, 'the new caller queued');
    await runCallCommand(t.fx.screener, id, 'pickup');
    await t.settled(fresh, 'the new caller with the screener');
    expect(t.heardSids(fresh)).toEqual([screenerLeg]);
    expect(t.heardSids(screenerLeg)).toEqual([fresh]);
  });

  it('needs nothing for a caller whose call was already gone', async () => {
    const { callSid, id } = await callerIn('queued');
    // The hang-up's news never arrives, so the session is still waiting when the show ends.
    await t.h.control('POST', '/_emulator/faults', {
      callbacks: { kinds: ['status', 'conference', 'voice'], dropProbability: 1 },
    });
    await t.h.hangUp(callSid);
    await endShow(t.fx.producer, t.fx.show.id);
    expect(await findSession(id)).toMatchObject({
      state: 'show_ended',
      endReason: SHOW_ENDED_REASON,
      pendingCommand: null,
      attention: null,
    });
  });

  it('leaves a goodbye Twilio refused to the reconciler, which delivers it once nothing is open any more', async () => {
    const { callSid, id } = await callerIn('queued');
    await t.h.control('POST', '/_emulator/faults', {
      rest: { status: 500, count: 1000, methods: ['POST'], pathContains: '/Calls/' },
    });
    await endShow(t.fx.producer, t.fx.show.id);
    expect(await findSession(id)).toMatchObject({ state: 'show_ended', pendingCommand: 'end_show' });
    expect(t.h.call(callSid).status).toBe('in-progress');
    await t.h.control('DELETE', '/_emulator/faults');
    expect(await hasWorkToReconcile()).toBe(true);
    await reconcileOnce({ graceMs: 0 });
    await eventually(() => t.h.call(callSid).status === 'completed', 'the released caller hung up');
    expect(heardGoodbye(callSid)).toBe(true);
    await eventually(async () => (await findSession(id))?.pendingCommand === null, 'the goodbye confirmed');
  });
});

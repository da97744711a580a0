import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import twilio from 'twilio';
import { getDbHandle } from '@/lib/db/client';
import { callers, callEvents, callSessions, shows } from '@/lib/db/schema';
import { findSession, findSessionByCallSid, patchSession } from '@/lib/db/call-sessions';
import { runCallCommand } from '@/lib/calls/commands';
import { closeLines } from '@/lib/calls/lines';
import { reconcileOnce } from '@/lib/calls/reconciler';
import { twilioClient } from '@/lib/telephony/twilio-client';
import { eventually } from '@/tests/support/eventually';
import { SHOW_NUMBER, setUpCallFlowSuite } from '@/tests/support/call-flow-suite';

const t = setUpCallFlowSuite();
const db = async () => (await getDbHandle()).db;
const eventCount = async () => (await (await db()).select({ n: count() }).from(callEvents))[0]?.n ?? 0;

async function post(path: string, params: Record<string, string>, signature: string) {
  return fetch(`${t.h.appUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}
const sign = (path: string, params: Record<string, string>) =>
  twilio.getExpectedTwilioSignature(t.h.emulator.authToken, `${t.h.appUrl}${path}`, params);

async function heardSay(callSid: string, text: string) {
  await eventually(() => t.h.call(callSid).status === 'completed', 'the call to end');
  return t.h.call(callSid).timeline.some((seg) => seg.hearing.kind === 'say' && seg.hearing.text === text);
}

describe('webhook security', () => {
  it('refuses a forged or modified webhook with 403 and changes nothing', async () => {
    const params = {
      CallSid: `CA${'1'.repeat(32)}`,
      AccountSid: t.h.emulator.accountSid,
      From: '+14155550170',
      To: SHOW_NUMBER,
      CallStatus: 'ringing',
      Direction: 'inbound',
    };
    const before = await eventCount();
    expect((await post('/api/twilio/voice', params, 'forged')).status).toBe(403);
    expect(
      (await post('/api/twilio/voice', { ...params, From: '+14155550171' }, sign('/api/twilio/voice', params))).status,
    ).toBe(403);
    expect(
      (await fetch(`${t.h.appUrl}/api/twilio/voice`, { method: 'POST', body: new URLSearchParams(params) })).status,
    ).toBe(403);
    expect(await eventCount()).toBe(before);
    expect(await (await db()).select().from(callSessions)).toEqual([]);

    const callSid = await t.h.ring('+14155550172', SHOW_NUMBER);
    const session = await t.settled(callSid, 'the caller queued');
    const hangup = {
      CallSid: callSid,
      AccountSid: t.h.emulator.accountSid,
      CallStatus: 'completed',
      SequenceNumber: '7',
    };
    const events = await eventCount();
    expect(
      (await post('/api/twilio/status', hangup, sign('/api/twilio/status', { ...hangup, SequenceNumber: '8' }))).status,
    ).toBe(403);
    expect(await findSession(session.id)).toEqual(session);
    expect(await eventCount()).toBe(events);
    expect((await post('/api/twilio/status', hangup, sign('/api/twilio/status', hangup))).status).toBe(204);
    expect(await findSession(session.id)).toMatchObject({ state: 'abandoned' });
  });
});

describe('unreliable callbacks', () => {
  it('ends a show run under duplicated and reordered callbacks in the same state, and a full replay changes nothing', async () => {
    await t.h.control('POST', '/_emulator/faults', {
      seed: 7,
      callbacks: { duplicateProbability: 1, reorderWindowMs: 60 },
    });
    const hostLeg = await t.h.connectBrowser(t.fx.host, { room: 'live', episodeId: t.fx.episode?.id ?? '' });
    await t.h.connectBrowser(t.fx.screener);
    const callSid = await t.h.ring('+14155550180', SHOW_NUMBER);
    const { id } = await t.settled(callSid, 'the caller queued');
    for (const [actor, command] of [
      [t.fx.screener, 'pickup'],
      [t.fx.screener, 'approve'],
      [t.fx.host, 'air'],
    ] as const) {
      await runCallCommand(actor, id, command);
      await t.settled(callSid, `the caller after ${command}`);
    }
    await eventually(() => t.heardSids(hostLeg)?.includes(callSid), 'the host hearing the caller');
    await t.h.hangUp(callSid);
    const ended = await eventually(async () => {
      const s = await findSession(id);
      return s?.state === 'completed' && s.pendingCommand === null && s.confirmedRoom === null ? s : null;
    }, 'the call completed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const final = await findSession(id);
    expect(final).toMatchObject({ state: 'completed', endReason: 'caller_hung_up', confirmedRoom: null });
    expect(final?.version).toBe(ended.version);

    const events = await eventCount();
    const callbacks = t.h.emulator
      .state()
      .webhooks.filter(
        (w: { kind: string; fault: string | null }) =>
          (w.kind === 'status' || w.kind === 'conference') && w.fault !== 'drop',
      );
    expect(callbacks.length).toBeGreaterThan(10);
    for (const w of [...callbacks].reverse()) {
      const response = await post(new URL(w.url).pathname, w.params, w.signature);
      expect(response.status).toBe(204);
    }
    expect(await findSession(id)).toEqual(final);
    expect(await eventCount()).toBe(events);
  });

  it('repairs a hang-up whose callbacks were all dropped, with the reconciler', async () => {
    const callSid = await t.h.ring('+14155550181', SHOW_NUMBER);
    const { id } = await t.settled(callSid, 'the caller queued');
    // The Dial action Twilio requests after a hang-up in a conference is news of it too: drop it as well.
    await t.h.control('POST', '/_emulator/faults', {
      callbacks: { kinds: ['status', 'conference', 'voice'], dropProbability: 1 },
    });
    await t.h.hangUp(callSid);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await findSession(id)).toMatchObject({ state: 'queued' });
    const report = await reconcileOnce({ graceMs: 0 });
    expect(report.repairs).toContainEqual({
      action: 'ended',
      sessionId: id,
      detail: 'the call had ended but its callback never arrived',
    });
    expect(await findSession(id)).toMatchObject({ state: 'abandoned', endReason: 'reconciled_hangup' });
  });

  it('moves a caller found in the wrong room back where it belongs', async () => {
    const callSid = await t.h.ring('+14155550182', SHOW_NUMBER);
    const { id } = await t.settled(callSid, 'the caller queued');
    await twilioClient()
      .calls(callSid)
      .update({
        twiml: `<Response><Dial><Conference startConferenceOnEnter="false">live-${t.fx.episode?.id}</Conference></Dial></Response>`,
      });
    await eventually(() => t.h.call(callSid).room === `live-${t.fx.episode?.id}`, 'the caller in the wrong room');
    const report = await reconcileOnce({ graceMs: 0 });
    expect(report.repairs.map((r) => [r.action, r.sessionId])).toContainEqual(['moved', id]);
    await eventually(() => t.h.call(callSid).room === `hold-${id}`, 'the caller back in its hold room');
    expect(t.h.call(callSid).hears?.kind).toBe('wait');
  });

  it('repairs at once a move committed before this process started (the process that made it died), and leaves a recent one of its own to the grace', async () => {
    const callSid = await t.h.ring('+14155550184', SHOW_NUMBER);
    const { id } = await t.settled(callSid, 'the caller queued');
    await twilioClient()
      .calls(callSid)
      .update({
        twiml: `<Response><Dial><Conference startConferenceOnEnter="false">live-${t.fx.episode?.id}</Conference></Dial></Response>`,
      });
    await eventually(() => t.h.call(callSid).room === `live-${t.fx.episode?.id}`, 'the caller still in its old room');
    // The move to the hold room has just committed; Twilio has not heard of it.
    await patchSession(id, { pendingCommand: 'requeue' });
    const movedBy = (report: Awaited<ReturnType<typeof reconcileOnce>>) =>
      report.repairs.filter((r) => r.action === 'moved' && r.sessionId === id);
    expect(movedBy(await reconcileOnce({ graceMs: 60_000 })), 'a move of this process may still be under way').toEqual(
      [],
    );
    expect(t.h.call(callSid).room).toBe(`live-${t.fx.episode?.id}`);
    expect(movedBy(await reconcileOnce({ graceMs: 60_000, startedAt: Date.now() }))).toHaveLength(1);
    await eventually(() => t.h.call(callSid).room === `hold-${id}`, 'the caller in its hold room');
  });

  it('holds deck callers when the host leaves and the callbacks saying so were dropped', async () => {
    const hostLeg = await t.h.connectBrowser(t.fx.host, { room: 'live', episodeId: t.fx.episode?.id ?? '' });
    await t.h.connectBrowser(t.fx.screener);
    const callSid = await t.h.ring('+14155550183', SHOW_NUMBER);
    const { id } = await t.settled(callSid, 'the caller queued');
    await runCallCommand(t.fx.screener, id, 'pickup');
    await t.settled(callSid, 'screening');
    await runCallCommand(t.fx.screener, id, 'approve');
    await t.settled(callSid, 'on deck');
    await t.h.control('POST', '/_emulator/faults', {
      callbacks: { kinds: ['status', 'conference'], dropProbability: 1 },
    });
    await t.h.hangUp(hostLeg);
    await eventually(() => t.h.call(hostLeg).status === 'completed', 'the host leg gone');
    expect(t.h.call(callSid).hears?.kind).not.toBe('hold');
    await reconcileOnce({ graceMs: 0 });
    expect(t.h.call(callSid).hears).toMatchObject({ kind: 'hold', friendlyName: `live-${t.fx.episode?.id}` });
  });
});

describe('Twilio trouble during a command', () => {
  it("retries Twilio's 500 answers with backoff and carries the command out", async () => {
    const callSid = await t.h.ring('+14155550184', SHOW_NUMBER);
    const { id } = await t.settled(callSid, 'the caller queued');
    await t.h.control('POST', '/_emulator/faults', {
      rest: { status: 500, count: 2, methods: ['POST'], pathContains: '/Calls/' },
    });
    await runCallCommand(t.fx.screener, id, 'pickup');
    const faults = await t.h.control<{ restFailuresLeft: number }>('GET', '/_emulator/faults');
    expect(faults.restFailuresLeft).toBe(0);
    await t.settled(callSid, 'the caller in the screening room');
    expect((await findSession(id))?.attention).toBeNull();
  });

  it('ends the session instead of pretending when the call turns out to be gone', async () => {
    const callSid = await t.h.ring('+14155550185', SHOW_NUMBER);
    const { id } = await t.settled(callSid, 'the caller queued');
    // The Dial action Twilio requests after a hang-up in a conference is news of it too: drop it as well.
    await t.h.control('POST', '/_emulator/faults', {
      callbacks: { kinds: ['status', 'conference', 'voice'], dropProbability: 1 },
    });
    await t.h.hangUp(callSid);
    const after = await runCallCommand(t.fx.screener, id, 'pickup');
    expect(after).toMatchObject({ state: 'abandoned', endReason: 'call_gone', pendingCommand: null });
  });
});

describe('the door, through the emulator', () => {
  it('plays the off-air message while the lines are closed, and records the call', async () => {
    await closeLines(t.fx.producer, t.fx.show.id);
    const callSid = await t.h.ring('+14155550190', SHOW_NUMBER);
    expect(await heardSay(callSid, 'The test show is off the air.')).toBe(true);
    expect(await findSessionByCallSid(callSid)).toMatchObject({ state: 'off_air', episodeId: null });
  });

  it('refuses a blocked caller politely, and records it', async () => {
    await (await db()).insert(callers).values({ phoneNumber: '+14155550191', blocked: true });
    const callSid = await t.h.ring('+14155550191', SHOW_NUMBER);
    expect(await heardSay(callSid, 'Sorry, we are not able to take your call. Goodbye.')).toBe(true);
    expect(await findSessionByCallSid(callSid)).toMatchObject({ state: 'blocked' });
  });

  it('tells a caller the lines are busy when the queue is full, and records it', async () => {
    await (await db()).update(shows).set({ maxQueue: 1 }).where(eq(shows.id, t.fx.show.id));
    const first = await t.h.ring('+14155550192', SHOW_NUMBER);
    await t.settled(first, 'the first caller queued');
    const second = await t.h.ring('+14155550193', SHOW_NUMBER);
    expect(
      await heardSay(second, 'All of our lines are busy right now. Please try again a little later. Goodbye.'),
    ).toBe(true);
    expect(await findSessionByCallSid(second)).toMatchObject({ state: 'queue_full' });
    expect(t.h.call(first).status).toBe('in-progress');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { emulatorOptionsFromEnv } from '../src/env-options';
import { SHOW_NUMBER, startHarness, twiml, type Harness } from './support/harness';
import { waitForCall, waitForRequests } from './support/wait';

/**
 * Calls.create to a simulated phone, per Twilio's Call resource (https://www.twilio.com/docs/voice/api/call-resource):
 * StatusCallbackEvent initiated/ringing/answered/completed; busy, no-answer, failed and canceled are reported on
 * the `completed` event with that CallStatus; Timeout is how long the phone may ring; calls beyond the account's
 * CPS (1/s by default) wait in `queued` (FACTS.md, "Outbound API calls ... excess is queued, not refused").
 */
const PHONE = '+14155550150';
const ALL_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];

describe('outbound call outcomes and their status callbacks', () => {
  let h: Harness;
  afterEach(() => h.close());

  const start = async (options = {}) => {
    h = await startHarness(options);
    await h.provisionShowNumber();
    h.app.route('/voice', twiml('<Say>Hello, this is the show calling back</Say><Hangup/>'));
  };
  const policy = (to: string, answer: string, delayMs = 20) =>
    h.control('POST', `/_emulator/numbers/${encodeURIComponent(to)}/policy`, { answer, delayMs });
  const dial = async (to: string, extra: Record<string, string> = {}) => {
    const created = await h.rest('POST', '/Calls.json', {
      To: to,
      From: SHOW_NUMBER,
      Url: `${h.app.url}/voice`,
      StatusCallback: `${h.app.url}/status`,
      StatusCallbackEvent: ALL_EVENTS,
      ...extra,
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('queued');
    return String(created.body.sid);
  };
  const statuses = (sid: string) =>
    h.app
      .requestsTo('/status')
      .filter((r) => r.params.CallSid === sid)
      .sort((a, b) => Number(a.params.SequenceNumber) - Number(b.params.SequenceNumber))
      .map((r) => r.params.CallStatus);
  const finalCallback = async (sid: string, status: string) =>
    h.emulator.waitFor(
      () => h.app.requestsTo('/status').find((r) => r.params.CallSid === sid && r.params.CallStatus === status) ?? null,
    );

  it('answer: initiated, ringing, in-progress, completed; the Url is requested once answered', async () => {
    await start();
    await policy(PHONE, 'answer');
    const sid = await dial(PHONE);
    const completed = await finalCallback(sid, 'completed');
    expect(statuses(sid)).toEqual(['initiated', 'ringing', 'in-progress', 'completed']);
    expect(completed.params.CallDuration).toMatch(/^\d+$/);
    const [voice] = await waitForRequests(h, '/voice');
    expect(voice?.params).toMatchObject({
      CallSid: sid,
      CallStatus: 'in-progress',
      Direction: 'outbound-api',
      From: SHOW_NUMBER,
      To: PHONE,
    });
  });

  it.each(['busy', 'no-answer'] as const)(
    '%s: rings, then ends with that CallStatus on the completed event, never requesting the Url',
    async (outcome) => {
      await start();
      await policy(PHONE, outcome);
      const sid = await dial(PHONE);
      const last = await finalCallback(sid, outcome);
      expect(statuses(sid)).toEqual(['initiated', 'ringing', outcome]);
      expect(last.params.CallDuration).toBe('0');
      const view = await waitForCall(h, sid, (c) => c.status === outcome);
      expect(view.answeredAt).toBeNull();
      expect((await h.rest('GET', `/Calls/${sid}.json`)).body.status).toBe(outcome);
      expect(h.app.requestsTo('/voice')).toEqual([]);
    },
  );

  it('failed: an unreachable number fails without ringing', async () => {
    await start();
    await policy(PHONE, 'failed');
    const sid = await dial(PHONE);
    await finalCallback(sid, 'failed');
    expect(statuses(sid)).toEqual(['initiated', 'failed']);
    expect((await h.rest('GET', `/Calls/${sid}.json`)).body.status).toBe('failed');
    expect(h.app.requestsTo('/voice')).toEqual([]);
  });

  it('no-answer when the phone would pick up only after the Timeout', async () => {
    await start({ timeScale: 0.01 });
    await policy(PHONE, 'answer', 5_000);
    const sid = await dial(PHONE, { Timeout: '5' });
    await finalCallback(sid, 'no-answer');
    expect(statuses(sid)).toEqual(['initiated', 'ringing', 'no-answer']);
    expect(h.app.requestsTo('/voice')).toEqual([]);
  });

  it('queues calls beyond the calls-per-second limit instead of refusing them', async () => {
    await start({ outboundCallsPerSecond: 4 });
    const phones = ['+14155550161', '+14155550162', '+14155550163'];
    const sids = await Promise.all(phones.map((to) => dial(to)));
    for (const sid of sids) await finalCallback(sid, 'completed');
    const state = h.emulator.state();
    const created = Math.min(...sids.map((sid) => state.calls.find((c) => c.sid === sid)?.dateCreated ?? Infinity));
    const started = state.webhooks
      .filter((w) => w.kind === 'status' && w.params.CallStatus === 'initiated' && sids.includes(w.callSid ?? ''))
      .map((w) => w.sentAt);
    expect(started).toHaveLength(3);
    // One start every 250 ms at 4 CPS: the last of three begins at least two slots after the first was created.
    expect(Math.max(...started) - created).toBeGreaterThanOrEqual(490);
  });

  it("runs `npm run emulator` at Twilio's default of 1 outbound call per second unless told otherwise", () => {
    expect(emulatorOptionsFromEnv({}).outboundCallsPerSecond).toBe(1);
    expect(emulatorOptionsFromEnv({ EMULATOR_CALLS_PER_SECOND: '0' }).outboundCallsPerSecond).toBe(0);
  });
});
